// Command serve serves the page in web/ on 127.0.0.1, for `make run`.
//
//	go run serve.go [-addr 127.0.0.1:8080] [-dir web]
package main

import (
	"flag"
	"log"
	"mime"
	"net"
	"net/http"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (loopback only)")
	dir := flag.String("dir", "web", "directory to serve")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !(host == "127.0.0.1" || host == "localhost" || host == "::1") {
		log.Fatalf("serve: listen on a loopback address only, not %q", *addr)
	}
	mime.AddExtensionType(".wasm", "application/wasm")
	files := http.FileServer(http.Dir(*dir))
	http.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// the page may load only itself: no request leaves it after load
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if strings.HasSuffix(r.URL.Path, ".wasm") || strings.HasSuffix(r.URL.Path, ".js") {
			h.Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	}))
	log.Printf("年报校验 nianbao: http://%s/", *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}

// CSP is the Content-Security-Policy of every page; the pages carry it in a meta tag too.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
