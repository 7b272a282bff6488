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

// The page's meta tag and serve.go's header carry the same policy.
func TestIndexPolicyIsServePolicy(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := metaCSP.FindSubmatch(page)
	if m == nil {
		t.Fatal("web/index.html has no Content-Security-Policy meta tag")
	}
	if got, want := string(m[1]), serveCSP(t); got != want {
		t.Errorf("web/index.html policy\n  %s\nserve.go policy\n  %s", got, want)
	}
}

func TestDist(t *testing.T) {
	dir := t.TempDir()
	index, err := os.ReadFile(filepath.Join("..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	wasm := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 not really"), 100)
	files := map[string]string{
		"index.html":   string(index),
		"style.css":    "body { color: red }",
		"wasm_exec.js": "globalThis.Go = class {};",
		"app.js":       "console.log('$& $1 app');",
		"nianbao.wasm": string(wasm),
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
	for _, want := range []string{"body { color: red }", "console.log('$& $1 app');", "globalThis.Go = class {};"} {
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
	if len(scripts) != 2 {
		t.Fatalf("%d inline scripts, want 2", len(scripts))
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, h) {
			t.Errorf("policy lacks the hash of %.40q", s[1])
		}
	}
	for _, want := range []string{"connect-src 'none'", "'wasm-unsafe-eval'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy lacks %s: %s", want, policy)
		}
	}
	if strings.Contains(policy, "script-src 'self'") {
		t.Errorf("dist policy allows scripts by 'self': %s", policy)
	}
	// the data block holds the wasm
	data := regexp.MustCompile(`<script type="application/octet-stream" id="nianbao-wasm">([^<]*)</script>`).FindStringSubmatch(page)
	if data == nil {
		t.Fatal("no wasm data block")
	}
	if got := unpack(t, data[1]); !bytes.Equal(got, wasm) {
		t.Errorf("the data block does not hold the wasm")
	}
}

func TestWasmScript(t *testing.T) {
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	js := string(WasmScript(wasm))
	m := regexp.MustCompile(`self\.NIANBAO_WASM="([^"]*)";`).FindStringSubmatch(js)
	if m == nil {
		t.Fatalf("unexpected script: %q", js)
	}
	if got := unpack(t, m[1]); !bytes.Equal(got, wasm) {
		t.Errorf("got %q", got)
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
