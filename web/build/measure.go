package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/andybalholm/brotli"
)

// Budget is the most the WebAssembly may weigh, compressed with brotli.
const Budget = 1200 * 1000

// measure prints a wasm binary's size raw, gzip -9 and brotli -q 11 against the budget.
func measure(path string, w io.Writer) (brotliSize int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	// Debian's brotli is much faster than the Go port at quality 11; both give the same size class
	if out, err := exec.Command("brotli", "-c", "-q", "11", path).Output(); err == nil {
		br.Write(out)
	} else {
		bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 11, LGWin: 24})
		bw.Write(data)
		bw.Close()
	}
	verdict := "within"
	if br.Len() > Budget {
		verdict = "OVER"
	}
	fmt.Fprintf(w, "bench: wasm raw %.2f MB, gzip %.2f MB, brotli %.2f MB (%s the %.1f MB budget)\n",
		mb(len(data)), mb(gz.Len()), mb(br.Len()), verdict, mb(Budget))
	return br.Len(), nil
}

func mb(n int) float64 { return float64(n) / 1e6 }
