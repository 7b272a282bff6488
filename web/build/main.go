// Command build packs the page in web/.
//
//	go run ./web/build -compact web/nianbao.wasm          merge the data segments Go's linker wrote (after go build)
//	go run ./web/build -wasmjs web/nianbao.wasm.js        web/nianbao.wasm as a script, for the served page
//	go run ./web/build -wasmjs web/nianbao-full.wasm.js   the same for the full module
//	go run ./web/build -dist dist/nianbao.html            one self-contained file that works from file://
//	go run ./web/build -measure web/nianbao.wasm -full web/nianbao-full.wasm
//	                                                      their sizes raw, gzip and brotli, against the budget
//	go run ./web/build -sizes x.wasm                      what makes a wasm binary large (build it without -s -w)
//	go run ./web/build -codemirror DIR/node_modules       bundle web/vendor/codemirror (see its README.md)
//
// The page runs two WebAssembly modules: the lite one (text and HTML input) at load, and
// the full one (adding Markdown, Word, PDF and the goldmark renderer) only when needed.
// The page's Content-Security-Policy has connect-src 'none', so the page cannot fetch its
// own WebAssembly: the served page loads each as a script that holds it in base64, and the
// single file carries both in inert data blocks, the full one decoded only when needed.
// The single file's scripts are inline, so its policy allows them by hash instead of by 'self'.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	web := flag.String("web", "web", "the page's directory")
	compact := flag.String("compact", "", "merge the data segments of this wasm binary, in place")
	wasmJS := flag.String("wasmjs", "", "write the wasm as a script to this file")
	dist := flag.String("dist", "", "write the self-contained page to this file")
	sizesOf := flag.String("sizes", "", "print what makes this wasm binary large")
	measureOf := flag.String("measure", "", "print this (lite) wasm binary's size raw, gzip and brotli, against the budget")
	measureFull := flag.String("full", "", "with -measure: the full wasm binary, reported beside it")
	top := flag.Int("top", 25, "with -sizes: how many packages and functions to list")
	codemirror := flag.String("codemirror", "", "bundle web/vendor/codemirror from this node_modules directory")
	flag.Parse()
	if *compact == "" && *wasmJS == "" && *dist == "" && *sizesOf == "" && *measureOf == "" && *codemirror == "" {
		flag.Usage()
		os.Exit(2)
	}
	if *compact != "" {
		wasm, err := os.ReadFile(*compact)
		check(err)
		small, err := compactData(wasm)
		check(err)
		check(write(*compact, small))
	}
	if *wasmJS != "" {
		// web/nianbao.wasm.js holds web/nianbao.wasm, web/nianbao-full.wasm.js web/nianbao-full.wasm
		mod, ok := moduleOf(filepath.Base(*wasmJS))
		if !ok {
			log.Fatalf("-wasmjs: %s is neither nianbao.wasm.js nor nianbao-full.wasm.js", *wasmJS)
		}
		wasm, err := os.ReadFile(strings.TrimSuffix(*wasmJS, ".js"))
		check(err)
		check(write(*wasmJS, WasmScript(wasm, mod)))
	}
	if *codemirror != "" {
		js, err := BundleCodeMirror(*web, *codemirror)
		check(err)
		check(write(filepath.Join(*web, CodeMirrorLib), []byte(js)))
	}
	if *dist != "" {
		page, err := Dist(*web)
		check(err)
		check(write(*dist, page))
		log.Printf("%s: %d bytes", *dist, len(page))
	}
	if *sizesOf != "" {
		check(sizes(*sizesOf, os.Stdout, *top))
	}
	if *measureOf != "" {
		_, err := measure(*measureOf, "lite, loaded first", true, os.Stdout)
		check(err)
		if *measureFull != "" {
			_, err := measure(*measureFull, "full, loaded when needed", false, os.Stdout)
			check(err)
		}
	}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// DocxLib is the docx library export.js writes Word files with (web/vendor/docx).
const DocxLib = "vendor/docx/docx.iife.js"

// Module is one of the page's two WebAssembly modules.
type Module struct {
	Kind  string // "lite" or "full", as the page's engine names them
	Wasm  string // file in web/
	Var   string // the global the served page's script sets
	Block string // the id of the single file's data block
}

var (
	Lite = Module{"lite", "nianbao.wasm", "NIANBAO_WASM", "nianbao-wasm"}
	Full = Module{"full", "nianbao-full.wasm", "NIANBAO_WASM_FULL", "nianbao-full-wasm"}
)

func moduleOf(script string) (Module, bool) {
	for _, m := range []Module{Lite, Full} {
		if script == m.Wasm+".js" {
			return m, true
		}
	}
	return Module{}, false
}

// WasmScript is the script the served page loads in place of fetching a module: it sets
// the global, then tells the page's engine (engine.js) if that is already waiting.
func WasmScript(wasm []byte, m Module) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s (%s), gzip in base64: the page's policy (connect-src 'none') forbids fetching it.\n", m.Wasm, m.Kind)
	fmt.Fprintf(&b, `self.%s="`, m.Var)
	b.WriteString(packWasm(wasm))
	fmt.Fprintf(&b, "\";\nself.nianbaoWasmLoaded&&self.nianbaoWasmLoaded(%q);\n", m.Kind)
	return b.Bytes()
}

// packWasm is how the page carries its WebAssembly: gzip (the browser's own
// DecompressionStream inflates it), in base64.
func packWasm(wasm []byte) string {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(wasm)
	w.Close()
	return base64.StdEncoding.EncodeToString(z.Bytes())
}

// reModulePreload matches the served page's modulepreload links and their comment.
var reModulePreload = regexp.MustCompile(`(?m)^(<!-- the view's modules[^\n]*-->|<link rel="modulepreload" href="[^"]*">)\n`)

// Dist returns web/index.html with its stylesheet, scripts (the modules bundled into
// one) and both WebAssembly modules inlined. The lite module's data block comes before the scripts, so that the engine
// starts compiling it as soon as it runs; the full module's block is the last thing in
// the body, inert text until the engine needs it.
func Dist(web string) ([]byte, error) {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil && strings.HasSuffix(name, ".wasm") {
			err = fmt.Errorf("%w (run make wasm first)", err)
		}
		return string(b), err
	}
	var files = map[string]string{}
	for _, name := range []string{"index.html", "style.css", "wasm_exec.js", "engine.js", "worker.js", Lite.Wasm, Full.Wasm, DocxLib, CodeMirrorLib} {
		s, err := read(name)
		if err != nil {
			return nil, err
		}
		files[name] = s
	}
	app, err := Bundle(web)
	if err != nil {
		return nil, err
	}
	files["main.js"] = app
	html := files["index.html"]
	for _, name := range []string{"wasm_exec.js", "engine.js", "worker.js", "main.js", DocxLib, CodeMirrorLib} {
		if strings.Contains(strings.ToLower(files[name]), "</script") {
			return nil, fmt.Errorf("%s contains </script and cannot be inlined", name)
		}
	}
	if strings.Contains(strings.ToLower(files["style.css"]), "</style") {
		return nil, errors.New("style.css contains </style and cannot be inlined")
	}
	var hashes []string
	allow := func(js string) string {
		sum := sha256.Sum256([]byte(js))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		return js
	}
	inline := func(js string) string { return "<script>" + allow(js) + "</script>" }
	block := func(m Module) string {
		return `<script type="application/octet-stream" id="` + m.Block + `">` + packWasm([]byte(files[m.Wasm])) + "</script>"
	}
	replacements := []struct{ old, new string }{
		{`<link rel="stylesheet" href="style.css">`, "<style>\n" + files["style.css"] + "</style>"},
		// the page's text first, then the lite module's data, then the scripts that run it
		{"<!-- the checker first: its engine, and the lite module's script (megabytes of base64) -->\n", ""},
		{`<script async src="engine.js"></script>`, ""},
		{`<script async src="nianbao.wasm.js"></script>`, ""},
		{`<script defer src="wasm_exec.js"></script>`, block(Lite) + "\n" + inline(files["wasm_exec.js"]) + "\n" + inline(files["engine.js"])},
		{`<script type="module" src="main.js"></script>`, inline(files["main.js"])},
		// the Word writer, inert text until a review is first saved as .docx (export.js
		// runs it as an inline script, allowed by its hash)
		// and the long text's editor, the same until a text over a million characters comes
		{"</body>", block(Full) + "\n" + `<script type="text/plain" id="nb-docx-src">` + allow(files[DocxLib]) + "</script>\n" +
			`<script type="text/plain" id="nb-codemirror-src">` + allow(files[CodeMirrorLib]) + "</script>\n" +
			// the checker's worker, inert text the engine runs from a Blob (worker-src blob:)
			`<script type="text/plain" id="nianbao-worker-src">` + files["wasm_exec.js"] + "\n" + files["worker.js"] + "</script>\n</body>"},
	}
	for _, r := range replacements {
		if strings.Count(html, r.old) != 1 {
			return nil, fmt.Errorf("index.html: expected one %s", r.old)
		}
		// a function, so that "$" in the replacement is literal
		i := strings.Index(html, r.old)
		html = html[:i] + r.new + html[i+len(r.old):]
	}
	// the served page's module preloads: the single file holds the modules inline
	html = reModulePreload.ReplaceAllString(html, "")
	const self = "script-src 'self' 'wasm-unsafe-eval'"
	if strings.Count(html, self) != 1 || !strings.Contains(html, "connect-src 'none'") {
		return nil, errors.New("index.html: the Content-Security-Policy meta tag lost script-src or connect-src 'none'")
	}
	html = strings.Replace(html, self, "script-src "+strings.Join(hashes, " ")+" 'wasm-unsafe-eval'; worker-src blob:", 1)
	return []byte(html), nil
}
