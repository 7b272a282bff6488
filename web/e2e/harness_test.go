//go:build e2e

// Package e2e drives the page in real headless Chromium: the served page (web/, with the
// same headers as serve.go) and the single file dist/nianbao.html opened from file://.
// Text reaches the page as users send it: copied in another page and pasted with the
// browser's own paste command, or dropped as a file.
//
//	make e2e                      builds the wasm and dist, then runs these tests
//	NIANBAO_SHOTS=docs make e2e   also rewrites the screenshots in docs/
//	CHROMIUM=/path/to/chrome      another browser binary (default /usr/bin/chromium)
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const viewW, viewH = 1366, 768

// targets are the page's two forms: served, and the single file opened from file://.
func targets() []struct{ name, url string } {
	return []struct{ name, url string }{
		{"served", base},
		{"dist", "file://" + filepath.Join(root, "dist", "nianbao.html")},
	}
}

// countFrames is JavaScript counting the frames painted (window.__frames) until
// window.__done is set: a page that freezes paints none.
const countFrames = `window.__frames = 0; window.__done = false;
	requestAnimationFrame(function count() { __frames++; if (!__done) requestAnimationFrame(count); });`

var (
	root    string          // the repository
	base    string          // the served page
	clipURL string          // another origin, where test text is copied from
	csp     string          // serve.go's Content-Security-Policy
	browser context.Context // one Chromium for every test
)

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	root, _ = filepath.Abs(filepath.Join("..", ".."))
	for _, f := range []string{"web/nianbao.wasm.js", "web/wasm_exec.js", "dist/nianbao.html"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %s is missing: run `make e2e`, which builds the wasm and dist first\n", f)
			return 1
		}
	}
	var err error
	if csp, err = serveCSP(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	srv := httptest.NewServer(pageHandler(filepath.Join(root, "web")))
	defer srv.Close()
	base = srv.URL + "/"
	clip := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><meta charset="utf-8"><textarea id="t"></textarea><div id="h" contenteditable></div>`)
	}))
	defer clip.Close()
	clipURL = clip.URL + "/"

	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	profile, err := os.MkdirTemp("", "nianbao-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile), chromedp.WindowSize(viewW, viewH),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
	)
	defer cancel()
	b, cancelB := chromedp.NewContext(alloc)
	defer cancelB()
	if err := chromedp.Do(b); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: cannot start %s: %v\n", exe, err)
		return 1
	}
	browser = b
	return m.Run()
}

// serveCSP reads the policy serve.go sends, so that the tests serve the page the same way.
func serveCSP() (string, error) {
	src, err := os.ReadFile(filepath.Join(root, "serve.go"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?s)const CSP = ((?:"[^"]*"\s*\+?\s*)+)`).FindSubmatch(src)
	if m == nil {
		return "", fmt.Errorf("serve.go: no CSP constant")
	}
	var b strings.Builder
	for _, part := range regexp.MustCompile(`"([^"]*)"`).FindAllSubmatch(m[1], -1) {
		b.Write(part[1])
	}
	return b.String(), nil
}

// pageHandler serves web/ with serve.go's headers.
func pageHandler(dir string) http.Handler {
	mime.AddExtensionType(".wasm", "application/wasm")
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		files.ServeHTTP(w, r)
	})
}

// tab is one page in its own browser context (its own local storage), with every
// request it makes recorded.
type tab struct {
	t    *testing.T
	ctx  context.Context
	mu   sync.Mutex
	reqs []string
	mark int // requests made before the page was loaded
}

func newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH)); err != nil {
		t.Fatal(err)
	}
	tb := &tab{t: t, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			tb.mu.Lock()
			tb.reqs = append(tb.reqs, e.Request.URL)
			tb.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// do runs actions with a deadline, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates js and decodes its value into out (nil to ignore it).
func (tb *tab) eval(js string, out any) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("eval %.80s: %v", js, err)
	}
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			tb.t.Fatalf("eval %.80s: %v (%s)", js, err, raw)
		}
	}
}

func (tb *tab) str(js string) string {
	tb.t.Helper()
	var s string
	tb.eval(js, &s)
	return s
}

func (tb *tab) num(js string) float64 {
	tb.t.Helper()
	var n float64
	tb.eval(js, &n)
	return n
}

func (tb *tab) bool(js string) bool {
	tb.t.Helper()
	var b bool
	tb.eval(js, &b)
	return b
}

// wait polls a JavaScript condition. The bound is generous: on a loaded 2-core CI
// machine a frame starting its own WebAssembly module can take many seconds.
func (tb *tab) wait(cond string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 90*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(10*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// waitFor polls a JavaScript condition for at most d and tells whether it came true.
func (tb *tab) waitFor(cond string, d time.Duration) bool {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, d)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(10*time.Millisecond)))
	return err == nil
}

// open loads the page and waits until its first check has been shown.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(url))
	tb.wait(`window.nianbaoPage && nianbaoPage.ready && nianbaoPage.timing.checks >= 1`)
	tb.loaded()
}

// loaded notes that the page has loaded: requests and policy violations count from here.
func (tb *tab) loaded() {
	tb.t.Helper()
	tb.eval(`window.__csp = []; document.addEventListener('securitypolicyviolation', e => __csp.push(e.violatedDirective + ' ' + e.blockedURI)); true`, nil)
	tb.mu.Lock()
	tb.mark = len(tb.reqs)
	tb.mu.Unlock()
}

func (tb *tab) checks() int { return int(tb.num(`nianbaoPage.timing.checks || 0`)) }

// noRequestsSinceLoad fails if the page sent any request after it loaded, other than
// for its own full module (served page), or met its Content-Security-Policy.
func (tb *tab) noRequestsSinceLoad() {
	tb.t.Helper()
	tb.mu.Lock()
	late := append([]string(nil), tb.reqs[tb.mark:]...)
	tb.mu.Unlock()
	var other []string
	for _, u := range late {
		// the served page loads its full module and its worker, from itself, when needed;
		// the single file's worker is a Blob of its own text
		if u != base+"nianbao-full.wasm.js" && u != base+"worker.js" && u != base+"wasm_exec.js" && !strings.HasPrefix(u, "blob:") {
			other = append(other, u)
		}
	}
	if len(other) > 0 {
		tb.t.Errorf("requests after load: %q", other)
	}
	var v []string
	tb.eval(`window.__csp || []`, &v)
	if len(v) > 0 {
		tb.t.Errorf("Content-Security-Policy violations: %q", v)
	}
}

// key sends a key press carrying a browser editing command ("copy", "paste", "selectAll").
func key(cmd string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			p := input.DispatchKeyEventParams{Type: typ, Key: "v", Code: "KeyV", Modifiers: 2, WindowsVirtualKeyCode: 86}
			if typ == input.DispatchKeyEventTypeRawKeyDown {
				p.Commands = []string{cmd}
			}
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyToClipboard copies text as a user does: selected in another page (another origin),
// then the browser's copy command. With html, the selection is that markup rendered, so
// the clipboard carries both an HTML and a plain-text flavour, as from Word or a browser.
func copyToClipboard(t *testing.T, plain, html string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 30*time.Second)
	defer cancelT()
	arg, _ := json.Marshal(map[string]string{"plain": plain, "html": html})
	js := `(a => {
		const sel = getSelection();
		if (a.html) { const h = document.getElementById('h'); h.innerHTML = a.html; h.focus();
			const r = document.createRange(); r.selectNodeContents(h); sel.removeAllRanges(); sel.addRange(r); }
		else { const t = document.getElementById('t'); t.value = a.plain; t.focus(); t.select(); }
		return true })(` + string(arg) + `)`
	err := chromedp.Do(ctx, chromedp.Navigate(clipURL), bringToFront, chromedp.Evaluate[chromedp.Void](js), key("copy"))
	if err != nil {
		t.Fatal(err)
	}
}

// bringToFront makes a tab the focused one: copy and paste act on the focused page.
var bringToFront = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{})
	return err
})

// paste replaces the editor's text with the clipboard, through the browser's paste command.
func (tb *tab) paste(plain, html string) {
	tb.t.Helper()
	copyToClipboard(tb.t, plain, html)
	before := tb.checks()
	// the editor, or the read-only view that stands in for it after a structured input
	focus := chromedp.Evaluate[chromedp.Void](`(e => (e.offsetParent ? e : document.getElementById('docview')).focus())(document.getElementById('input'))`)
	tb.do(bringToFront, focus, key("selectAll"), key("paste"))
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
}

// drop drops a file onto the page as the operating system's drag and drop does.
func (tb *tab) drop(path string) {
	tb.t.Helper()
	before := tb.checks()
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: []string{path}, DragOperationsMask: 1}
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 500, Y: 400, Data: data}); err != nil {
				return err
			}
		}
		return nil
	}))
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
}

func (tb *tab) screenshot(path string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// shownMatchesResult compares what the page shows with the Result it got: every
// table and cell, blank cells shown blank, every finding with its message verbatim,
// reader problems apart. It returns the differences.
const shownMatchesResult = `(() => {
	const res = nianbaoPage.lastResult, errs = [];
	if (!res || res.error) return ['no result: ' + (res && res.error)];
	const tables = res.tables || [];
	const want = tables.length + ((res.stats || []).length ? 1 : 0);
	const secs = document.querySelectorAll('#tables section.tbl');
	if (secs.length !== want) errs.push('tables shown ' + secs.length + ', result has ' + want);
	for (const t of tables) {
		const sec = document.getElementById('tbl-' + t.id);
		if (!sec) { errs.push('table ' + t.id + ' not shown'); continue; }
		for (const line of t.cells || []) for (const id of line) {
			if (!id) continue;
			const td = sec.querySelector('td[data-cell="' + CSS.escape(id) + '"]');
			if (!td) { errs.push('cell ' + id + ' not shown'); continue; }
			const c = res.cells[id], txt = td.textContent;
			if (c && c.value != null && Number(txt) !== c.value) errs.push(id + ' shows ' + txt + ', value ' + c.value);
			if (c && c.value == null && !(c.raw || '').trim() && txt !== '空') errs.push(id + ' is blank but shows ' + txt);
			if (c && c.value == null && txt.trim() === '0') errs.push(id + ': an unknown shown as 0');
		}
	}
	const items = [...document.querySelectorAll('#findings .fgroup:not(.dismissed) .finding')];
	if (items.length !== res.findings.length) errs.push('findings shown ' + items.length + ', result has ' + res.findings.length);
	const msgs = new Set([...document.querySelectorAll('#findings .f-msg')].map(e => e.textContent));
	res.findings.forEach((f, i) => {
		if (!msgs.has(f.message)) errs.push('message not shown verbatim: ' + f.message.slice(0, 60));
		const li = document.getElementById('f-' + i);
		if (f.origin === 'reader' && !(li && li.closest('.fgroup.reader'))) errs.push('reader finding not kept apart: ' + f.rule);
		if (f.origin !== 'reader' && li && li.closest('.fgroup.reader')) errs.push('report finding shown as reader: ' + f.rule);
	});
	if (res.agency && document.getElementById('sum-agency').textContent !== res.agency) errs.push('agency not shown');
	const spans = res.findings.some(f => { const a = f[res.input && res.input.text ? 'view' : 'at']; return a && a[1] > a[0]; });
	if (spans && !document.querySelector('#backdrop mark, #docview mark')) errs.push('no finding highlighted in the source');
	return errs;
})()`

func (tb *tab) expectShownMatchesResult(what string) {
	tb.t.Helper()
	var errs []string
	tb.eval(shownMatchesResult, &errs)
	for _, e := range errs {
		tb.t.Errorf("%s: %s", what, e)
	}
}

// result is the part of the Result the tests read.
type result struct {
	Template string `json:"template"`
	Year     *int   `json:"year"`
	Agency   *string
	Tables   []struct {
		ID string `json:"id"`
	} `json:"tables"`
	Findings []struct {
		Rule, Severity, Origin, Message string
	} `json:"findings"`
	Input struct {
		Format, Encoding, Text, Error string
	} `json:"input"`
	Error string `json:"error"`
}

func (tb *tab) result() result {
	tb.t.Helper()
	var r result
	tb.eval(`nianbaoPage.lastResult`, &r)
	return r
}

func readFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
