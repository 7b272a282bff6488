package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCheck reports the time to check each seed natively (target: under 1 ms for
// a typical report).
func BenchmarkCheck(b *testing.B) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(s), ".txt")[:3], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Check(data, Options{})
			}
		})
	}
}
