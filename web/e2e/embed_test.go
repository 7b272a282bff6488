//go:build e2e

package e2e

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEmbedding opens the three embedding examples (web/examples) and checks seed 004
// through each: the JavaScript API, the <nianbao-checker> element, and an iframe spoken
// to with postMessage. Every request stays on the page's own server.
func TestEmbedding(t *testing.T) {
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	other := readFile(t, "testdata/seeds/002_d85570ef8ddfd07a.txt")
	docxPath := filepath.Join(t.TempDir(), "东胜区2024年报.docx")
	writeDocx(t, docxPath, seed)
	raw, err := os.ReadFile(docxPath)
	if err != nil {
		t.Fatal(err)
	}
	docx := `Uint8Array.fromBase64(` + jsString(base64.StdEncoding.EncodeToString(raw)) + `)`
	before := jsString(lastYear(t, seed)) // seed 004's 2023 report, for the comparison of years
	// carryover lists the messages of the carry-over warnings in a Result
	const carryover = `(r => r.findings.filter(f => f.rule === 'crossyear.carryover').map(f => f.message))`
	wantCarry := []string{wantCross[0][len("crossyear.carryover "):], wantCross[1][len("crossyear.carryover "):]}
	expectCarry := func(what string, got []string) {
		t.Helper()
		if !slices.Equal(got, wantCarry) {
			t.Errorf("%s: carry-over warnings %q, want %q", what, got, wantCarry)
		}
	}

	// a checked seed 004, as each example reports it
	type outcome struct {
		Format, Agency string
		Natural        float64 // t3.new.natural: 8 in seed 004
		Altered        bool    // its "预期" for "逾期" found
	}
	const summarize = `(r => ({format: r.input.format, agency: r.agency || '', natural: r.cells['t3.new.natural'].value,
		altered: r.findings.some(f => f.rule === 'label.altered')}))`
	// checked evaluates expr (which may await) and summarizes the Result it gives
	checked := func(tb *tab, expr string) outcome {
		tb.t.Helper()
		var o outcome
		tb.eval(`(async () => `+summarize+`(`+expr+`))()`, &o)
		return o
	}
	expect := func(what string, got outcome, format string) {
		t.Helper()
		if got.Format != format || got.Natural != 8 || !got.Altered || !strings.Contains(got.Agency, "东胜区") {
			t.Errorf("%s: %+v, want format %s, t3.new.natural 8, label.altered, agency 东胜区…", what, got, format)
		}
	}

	t.Run("api", func(t *testing.T) {
		tb := openExample(t, "api.html", `window.portalDemo && nianbaoEngine.api('lite')`)
		expect("nianbao.check", checked(tb, `nianbao.check(`+jsString(seed)+`)`), "text")
		if tb.str(`String(nianbao.full)`) != "false" {
			t.Errorf("the API page did not start with the lite module")
		}
		// the buttons: the portal shows the result its own way
		tb.eval(`document.getElementById('report').value = `+jsString(seed)+`; document.getElementById('check').click(); true`, nil)
		if got := tb.str(`document.getElementById('summary').textContent`); !strings.Contains(got, "表三 本年新收（自然人）8") {
			t.Errorf("the portal's summary: %q", got)
		}
		// a Word document: nianbaoEngine.check loads the full module for it
		expect("nianbaoEngine.check(docx)", checked(tb, `await nianbaoEngine.check(`+docx+`, {name: 'x.docx'})`), "docx")
		// year against year: both Results back, the warnings on the newer
		var carry, older []string
		tb.eval(`(async () => { const [a, b] = await nianbaoEngine.compareYears(`+before+`, {name: 'a-2023.txt'}, `+jsString(seed)+`, {name: 'b-2024.txt'});
			window.__older = `+carryover+`(a); return `+carryover+`(b); })()`, &carry)
		tb.eval(`__older`, &older)
		expectCarry("nianbaoEngine.compareYears", carry)
		if len(older) != 0 {
			t.Errorf("the older report got warnings: %q", older)
		}
		tb.allRequestsOwn()
	})

	t.Run("element", func(t *testing.T) {
		tb := openExample(t, "element.html", `(e => e && e.view && e.view.ready && e.view.timing.checks >= 1)(document.querySelector('nianbao-checker'))`)
		const el = `document.querySelector('nianbao-checker')`
		// the sample (seed 004) is shown inside the element's shadow root
		if got := tb.str(el + `.shadowRoot.querySelector('#tables td[data-cell="t3.new.natural"]').textContent`); got != "8" {
			t.Errorf("the element shows t3.new.natural as %q", got)
		}
		o := checked(tb, `await `+el+`.check(`+jsString(other)+`)`)
		if o.Format != "text" || strings.Contains(o.Agency, "东胜区") {
			t.Errorf("check(seed 002): %+v", o)
		}
		expect("element.check", checked(tb, `await `+el+`.check(`+jsString(seed)+`, '报告.txt')`), "text")
		var shown struct {
			Cell, Background, Display, Status string
			Light                             bool
		}
		tb.eval(`(s => { const td = s.querySelector('#tables td[data-cell="t3.new.natural"]');
			return {cell: td.textContent, background: getComputedStyle(td).backgroundColor,
				display: getComputedStyle(s.getElementById('tables')).display,
				status: document.getElementById('status').textContent, light: !!document.getElementById('tables')} })(`+el+`.shadowRoot)`, &shown)
		if shown.Cell != "8" {
			t.Errorf("the element shows t3.new.natural as %q", shown.Cell)
		}
		// the portal's hostile styles (yellow cells, #tables hidden) do not reach inside
		if shown.Background == "rgb(255, 255, 0)" || shown.Display == "none" {
			t.Errorf("the host page's styles reach into the element: %+v", shown)
		}
		if shown.Light {
			t.Errorf("the view is in the host page's DOM, not in the shadow root")
		}
		if !strings.Contains(shown.Status, "门户收到检查结果：东胜区") {
			t.Errorf("the host did not get the nianbao-result event: %q", shown.Status)
		}
		// a Word document through the element, checked by the full module
		expect("element.check(docx)", checked(tb, `await `+el+`.check(`+docx+`, 'x.docx')`), "docx")
		if got := tb.str(el + `.shadowRoot.getElementById('docbar-text').textContent`); !strings.Contains(got, "x.docx") {
			t.Errorf("the element does not show the file: %q", got)
		}
		var carry []string
		tb.eval(`(async () => `+carryover+`(await `+el+`.check(`+jsString(seed)+`, 'b-2024.txt', {input: `+before+`, name: 'a-2023.txt'})))()`, &carry)
		expectCarry("element.check with previous", carry)
		if got := tb.str(el + `.shadowRoot.getElementById('compare-bar').textContent`); !strings.Contains(got, "a-2023.txt") {
			t.Errorf("the element does not show the comparison: %q", got)
		}
		tb.allRequestsOwn()
	})

	t.Run("iframe", func(t *testing.T) {
		tb := openExample(t, "iframe.html", `window.portalDemo && !document.getElementById('send').disabled`)
		expect("postMessage text", checked(tb, `await portalDemo.check({text: `+jsString(seed)+`})`), "text")
		// the frame shows what it checked
		if got := tb.str(`document.getElementById('frame').contentDocument.querySelector('#tables td[data-cell="t3.new.natural"]').textContent`); got != "8" {
			t.Errorf("the frame shows t3.new.natural as %q", got)
		}
		expect("postMessage docx", checked(tb, `await portalDemo.check({bytes: `+docx+`.buffer, name: 'x.docx'})`), "docx")
		var carry []string
		tb.eval(`(async () => `+carryover+`(await portalDemo.check({text: `+jsString(seed)+`, name: 'b-2024.txt', previous: {text: `+before+`, name: 'a-2023.txt'}})))()`, &carry)
		expectCarry("postMessage with previous", carry)
		// the next message without previous compares nothing
		tb.eval(`(async () => `+carryover+`(await portalDemo.check({text: `+jsString(seed)+`, name: 'b-2024.txt'})))()`, &carry)
		if len(carry) != 0 {
			t.Errorf("a message without previous was compared: %q", carry)
		}

		// a frame that allows another origin answers nothing to this page
		var answered []string
		tb.eval(`new Promise(done => {
			const f = document.createElement('iframe');
			f.src = '../embed.html?origin=' + encodeURIComponent('http://portal.invalid');
			const got = [];
			addEventListener('message', e => { if (e.source === f.contentWindow) got.push(JSON.stringify(e.data).slice(0, 80)); });
			f.onload = () => {
				const w = f.contentWindow;
				const poll = setInterval(() => {
					if (!(w.nianbaoPage && w.nianbaoPage.ready)) return;
					clearInterval(poll);
					w.postMessage({type: 'check', id: 1, text: 'x'}, location.origin);
					setTimeout(() => done(got), 1500);
				}, 20);
			};
			document.body.append(f);
		})`, &answered)
		if len(answered) > 0 {
			t.Errorf("a frame allowing another origin answered: %q", answered)
		}
		tb.allRequestsOwn()
	})
}

// openExample opens web/examples/<name> and waits for cond.
func openExample(t *testing.T, name, cond string) *tab {
	t.Helper()
	tb := newTab(t)
	tb.do(chromedp.Navigate(base + "examples/" + name))
	tb.eval(`window.__csp = []; document.addEventListener('securitypolicyviolation', e => __csp.push(e.violatedDirective + ' ' + e.blockedURI)); true`, nil)
	tb.wait(cond)
	return tb
}

// allRequestsOwn fails if the page asked anything of another server, or met its policy.
func (tb *tab) allRequestsOwn() {
	tb.t.Helper()
	tb.mu.Lock()
	reqs := append([]string(nil), tb.reqs...)
	tb.mu.Unlock()
	for _, u := range reqs {
		if !strings.HasPrefix(u, base) {
			tb.t.Errorf("a request left the page: %s", u)
		}
	}
	var v []string
	tb.eval(`window.__csp || []`, &v)
	if len(v) > 0 {
		tb.t.Errorf("Content-Security-Policy violations: %q", v)
	}
}
