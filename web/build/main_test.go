package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var metaCSP = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// serveCSP is the policy serve.go sends with every page.
func serveCSP(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "serve.go"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)const CSP = ((?:"[^"]*"\s*\+?\s*)+)`).FindSubmatch(src)
	if m == nil {
		t.Fatal("serve.go: no CSP constant")
	}
	var b strings.Builder
	for _, part := range regexp.MustCompile(`"([^"]*)"`).FindAllSubmatch(m[1], -1) {
		b.Write(part[1])
	}
	return b.String()
}

// Every page (the page, its iframe version, the embedding examples) carries serve.go's
// policy in its meta tag: connect-src 'none' everywhere.
func TestIndexPolicyIsServePolicy(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("..", "examples", "*.html"))
	pages = append([]string{filepath.Join("..", "index.html"), filepath.Join("..", "embed.html")}, pages...)
	if len(pages) < 5 {
		t.Fatalf("pages: %v", pages)
	}
	for _, p := range pages {
		page, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := metaCSP.FindSubmatch(page)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy meta tag", p)
			continue
		}
		if got, want := string(m[1]), serveCSP(t); got != want {
			t.Errorf("%s policy\n  %s\nserve.go policy\n  %s", p, got, want)
		}
	}
}

func TestDist(t *testing.T) {
	dir := t.TempDir()
	index, err := os.ReadFile(filepath.Join("..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	wasm := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 not really"), 100)
	full := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 the full one"), 100)
	files := map[string]string{
		"index.html":        string(index),
		"style.css":         "body { color: red }",
		"wasm_exec.js":      "globalThis.Go = class {};",
		"engine.js":         "self.nianbaoEngine = {};",
		"worker.js":         "self.onmessage = () => {};",
		"main.js":           "import { part } from './ui/part.js';\nconsole.log('$& $1 app', part, import.meta.url);",
		"ui/part.js":        "export const part = 'the part';",
		DocxLib:             "globalThis.docx = {Packer: 1};",
		CodeMirrorLib:       "var nianbaoCodeMirror = {EditorView: 1};",
		"nianbao.wasm":      string(wasm),
		"nianbao-full.wasm": string(full),
	}
	for _, sub := range []string{"ui", "vendor/docx", "vendor/codemirror"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Dist(dir)
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	if strings.Contains(page, `src="`) || strings.Contains(page, `rel="stylesheet"`) {
		t.Errorf("dist still loads files")
	}
	for _, want := range []string{"body { color: red }", `"$& $1 app"`, `"the part"`, "document.baseURI", "globalThis.Go = class {};", "self.nianbaoEngine = {};"} {
		if !strings.Contains(page, want) {
			t.Errorf("dist lacks %q", want)
		}
	}
	// every inline script is allowed by its hash, and nothing else is
	m := metaCSP.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("dist has no policy")
	}
	policy := m[1]
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(scripts) != 3 {
		t.Fatalf("%d inline scripts, want 3", len(scripts))
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, h) {
			t.Errorf("policy lacks the hash of %.40q", s[1])
		}
	}
	// the Word writer: inert until export.js runs its text, which the policy allows by hash
	docx := regexp.MustCompile(`<script type="text/plain" id="nb-docx-src">([^<]*)</script>`).FindStringSubmatch(page)
	if docx == nil || docx[1] != files[DocxLib] {
		t.Errorf("no inert docx block holding the library")
	} else if sum := sha256.Sum256([]byte(docx[1])); !strings.Contains(policy, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("policy lacks the docx library's hash")
	}
	cm := regexp.MustCompile(`<script type="text/plain" id="nb-codemirror-src">([^<]*)</script>`).FindStringSubmatch(page)
	if cm == nil || cm[1] != files[CodeMirrorLib] {
		t.Errorf("no inert block holding CodeMirror")
	} else if sum := sha256.Sum256([]byte(cm[1])); !strings.Contains(policy, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("policy lacks CodeMirror's hash")
	}
	// the worker's code, inert text the engine runs from a Blob
	worker := regexp.MustCompile(`<script type="text/plain" id="nianbao-worker-src">([^<]*)</script>`).FindStringSubmatch(page)
	if worker == nil || worker[1] != files["wasm_exec.js"]+"\n"+files["worker.js"] {
		t.Errorf("no inert worker block holding wasm_exec.js and worker.js")
	}
	for _, want := range []string{"connect-src 'none'", "'wasm-unsafe-eval'", "worker-src blob:"} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy lacks %s: %s", want, policy)
		}
	}
	if strings.Contains(policy, "script-src 'self'") {
		t.Errorf("dist policy allows scripts by 'self': %s", policy)
	}
	// the data blocks hold the modules: the lite one before the scripts, the full one last
	for _, m := range []struct {
		id   string
		wasm []byte
	}{{"nianbao-wasm", wasm}, {"nianbao-full-wasm", full}} {
		data := regexp.MustCompile(`<script type="application/octet-stream" id="` + m.id + `">([^<]*)</script>`).FindStringSubmatch(page)
		if data == nil {
			t.Fatalf("no data block %s", m.id)
		}
		if got := unpack(t, data[1]); !bytes.Equal(got, m.wasm) {
			t.Errorf("the data block %s does not hold its wasm", m.id)
		}
	}
	lite, fullAt, firstScript := strings.Index(page, `id="nianbao-wasm"`), strings.Index(page, `id="nianbao-full-wasm"`), strings.Index(page, "<script>")
	if !(lite < firstScript && fullAt > strings.LastIndex(page, "<script>") && fullAt < strings.Index(page, "</body>")) {
		t.Errorf("data blocks misplaced: lite at %d, full at %d, first script at %d", lite, fullAt, firstScript)
	}
}

func TestWasmScript(t *testing.T) {
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	for _, c := range []struct {
		script, global, kind string
	}{{"nianbao.wasm.js", "NIANBAO_WASM", "lite"}, {"nianbao-full.wasm.js", "NIANBAO_WASM_FULL", "full"}} {
		mod, ok := moduleOf(c.script)
		if !ok {
			t.Fatalf("%s: no module", c.script)
		}
		js := string(WasmScript(wasm, mod))
		m := regexp.MustCompile(`self\.` + c.global + `="([^"]*)";\nself\.nianbaoWasmLoaded&&self\.nianbaoWasmLoaded\("` + c.kind + `"\);`).FindStringSubmatch(js)
		if m == nil {
			t.Fatalf("unexpected script: %q", js)
		}
		if got := unpack(t, m[1]); !bytes.Equal(got, wasm) {
			t.Errorf("got %q", got)
		}
	}
	if _, ok := moduleOf("other.js"); ok {
		t.Errorf("moduleOf accepts any name")
	}
}

func unpack(t *testing.T, b64 string) []byte {
	t.Helper()
	gz, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSizesReadsNames(t *testing.T) {
	// a module with one imported and one defined function, named "main.f"
	mod := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	mod = append(mod, section(1, []byte{1, 0x60, 0, 0})...)           // type: () -> ()
	mod = append(mod, section(2, []byte{1, 1, 'm', 1, 'f', 0, 0})...) // import m.f
	mod = append(mod, section(3, []byte{1, 0})...)                    // one function
	mod = append(mod, section(10, []byte{1, 2, 0, 0x0b})...)          // body of 2 bytes
	names := append([]byte{4, 'n', 'a', 'm', 'e', 1, 9, 1, 1, 6}, "main.f"...)
	mod = append(mod, section(0, names)...)
	path := filepath.Join(t.TempDir(), "x.wasm")
	if err := os.WriteFile(path, mod, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := sizes(path, &out, 5); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2  main.f") || !strings.Contains(out.String(), "2  main\n") {
		t.Errorf("sizes:\n%s", out.String())
	}
}

// TestModulePreloads: the served pages preload every module of the view, so that the
// browser fetches them at once rather than one import level after another; the single
// file, which holds them inline, preloads none.
func TestModulePreloads(t *testing.T) {
	mods, err := filepath.Glob("../ui/*.js")
	if err != nil || len(mods) == 0 {
		t.Fatalf("no modules: %v", err)
	}
	for _, page := range []string{"../index.html", "../embed.html"} {
		html, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range append(mods, "../main.js") {
			link := `<link rel="modulepreload" href="` + strings.TrimPrefix(filepath.ToSlash(m), "../") + `">`
			if !bytes.Contains(html, []byte(link)) {
				t.Errorf("%s does not preload %s", page, m)
			}
		}
	}
	// what Dist drops from index.html (Dist itself needs the built modules: TestDist)
	html, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	if rest := reModulePreload.ReplaceAll(html, nil); bytes.Contains(rest, []byte("modulepreload")) || bytes.Contains(rest, []byte("the view's modules")) {
		t.Error("the single file would still preload modules it holds inline")
	}
}
