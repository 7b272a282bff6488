package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// Budget is the most the WebAssembly the page loads first (the lite module) may weigh,
// compressed with brotli. The full module, loaded only when needed, has none.
const Budget = 1200 * 1000

// measure prints a wasm binary's size raw, gzip -9 and brotli -q 11, and with budget
// whether it is within the budget.
func measure(path, what string, budget bool, w io.Writer) (brotliSize int, err error) {
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
	verdict := "no budget"
	if budget {
		verdict = fmt.Sprintf("within the %.1f MB budget", mb(Budget))
		if br.Len() > Budget {
			verdict = fmt.Sprintf("OVER the %.1f MB budget", mb(Budget))
		}
	}
	fmt.Fprintf(w, "bench: wasm %s (%s): raw %.2f MB, gzip %.2f MB, brotli %.2f MB (%s)\n",
		filepath.Base(path), what, mb(len(data)), mb(gz.Len()), mb(br.Len()), verdict)
	return br.Len(), nil
}

func mb(n int) float64 { return float64(n) / 1e6 }
