package prose

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/core/report"
)

// BenchmarkProse reads the prose of each seed, and finds its statements, apart.
func BenchmarkProse(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var reps []*report.Report
	var docs []*Doc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, rep := doc(b, string(data))
		reps, docs = append(reps, rep), append(docs, d)
	}
	b.Run("read", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			Read(reps[i%len(reps)])
		}
	})
	b.Run("statements", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			docs[i%len(docs)].statements(2024)
		}
	})
}
