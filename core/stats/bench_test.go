package stats

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/core/source"
)

// BenchmarkDetect: every report is asked whether it is a statistics-table report.
func BenchmarkDetect(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		t, _ := source.Decode(data)
		rep := readText(b, t.S)
		b.Run(filepath.Base(f)[:3], func(b *testing.B) {
			for b.Loop() {
				if Detect(rep.Stream) {
					Read(rep)
				}
			}
		})
	}
}
