// Command build packs the page in web/.
//
//	go run ./web/build -wasmjs web/nianbao.wasm.js   the wasm as a script, for the served page
//	go run ./web/build -dist dist/nianbao.html       one self-contained file that works from file://
//	go run ./web/build -measure web/nianbao.wasm     its size raw, gzip and brotli, against the budget
//	go run ./web/build -sizes x.wasm                 what makes a wasm binary large (build it without -s -w)
//
// The page's Content-Security-Policy has connect-src 'none', so the page cannot fetch its
// own WebAssembly: the served page loads it as a script that holds it in base64, and the
// single file carries it in a data block. The single file's scripts are inline, so its
// policy allows them by hash instead of by 'self'.
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
	"strings"
)

func main() {
	web := flag.String("web", "web", "the page's directory")
	wasmJS := flag.String("wasmjs", "", "write the wasm as a script to this file")
	dist := flag.String("dist", "", "write the self-contained page to this file")
	sizesOf := flag.String("sizes", "", "print what makes this wasm binary large")
	measureOf := flag.String("measure", "", "print this wasm binary's size raw, gzip and brotli, against the budget")
	top := flag.Int("top", 25, "with -sizes: how many packages and functions to list")
	flag.Parse()
	if *wasmJS == "" && *dist == "" && *sizesOf == "" && *measureOf == "" {
		flag.Usage()
		os.Exit(2)
	}
	if *wasmJS != "" {
		wasm, err := os.ReadFile(filepath.Join(*web, "nianbao.wasm"))
		check(err)
		check(write(*wasmJS, WasmScript(wasm)))
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
		_, err := measure(*measureOf, os.Stdout)
		check(err)
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

// WasmScript is the script the served page loads in place of fetching the wasm.
func WasmScript(wasm []byte) []byte {
	var b bytes.Buffer
	b.WriteString("// nianbao.wasm, gzip in base64: the page's policy (connect-src 'none') forbids fetching it.\n")
	b.WriteString(`self.NIANBAO_WASM="`)
	b.WriteString(packWasm(wasm))
	b.WriteString("\";\n")
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

// Dist returns web/index.html with its stylesheet, scripts and WebAssembly inlined.
func Dist(web string) ([]byte, error) {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil && name == "nianbao.wasm" {
			err = fmt.Errorf("%w (run make wasm first)", err)
		}
		return string(b), err
	}
	var files = map[string]string{}
	for _, name := range []string{"index.html", "style.css", "wasm_exec.js", "app.js", "nianbao.wasm"} {
		s, err := read(name)
		if err != nil {
			return nil, err
		}
		files[name] = s
	}
	html := files["index.html"]
	for _, name := range []string{"wasm_exec.js", "app.js"} {
		if strings.Contains(strings.ToLower(files[name]), "</script") {
			return nil, fmt.Errorf("%s contains </script and cannot be inlined", name)
		}
	}
	if strings.Contains(strings.ToLower(files["style.css"]), "</style") {
		return nil, errors.New("style.css contains </style and cannot be inlined")
	}
	var hashes []string
	inline := func(js string) string {
		sum := sha256.Sum256([]byte(js))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		return "<script>" + js + "</script>"
	}
	wasm := `<script type="application/octet-stream" id="nianbao-wasm">` +
		packWasm([]byte(files["nianbao.wasm"])) + "</script>"
	replacements := []struct{ old, new string }{
		{`<link rel="stylesheet" href="style.css">`, "<style>\n" + files["style.css"] + "</style>"},
		{`<script defer src="wasm_exec.js"></script>`, wasm + "\n" + inline(files["wasm_exec.js"])},
		{`<script defer src="app.js"></script>`, inline(files["app.js"])},
		{`<script defer src="nianbao.wasm.js"></script>`, ""},
	}
	for _, r := range replacements {
		if strings.Count(html, r.old) != 1 {
			return nil, fmt.Errorf("index.html: expected one %s", r.old)
		}
		// a function, so that "$" in the replacement is literal
		i := strings.Index(html, r.old)
		html = html[:i] + r.new + html[i+len(r.old):]
	}
	const self = "script-src 'self' 'wasm-unsafe-eval'"
	if strings.Count(html, self) != 1 || !strings.Contains(html, "connect-src 'none'") {
		return nil, errors.New("index.html: the Content-Security-Policy meta tag lost script-src or connect-src 'none'")
	}
	html = strings.Replace(html, self, "script-src "+strings.Join(hashes, " ")+" 'wasm-unsafe-eval'", 1)
	return []byte(html), nil
}
