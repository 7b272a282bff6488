package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// BenchmarkMix checks the seeds and the corpus (../shared, when present) in turn: the
// mix the batch throughput is measured on.
func BenchmarkMix(b *testing.B) {
	var inputs [][]byte
	for _, pat := range []string{"../testdata/seeds/*.txt", "../../shared/corpus/reports/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				inputs = append(inputs, data)
			}
		}
	}
	b.ResetTimer()
	var cpu time.Duration
	if processCPU != nil {
		cpu = processCPU()
	}
	for i := 0; b.Loop(); i++ {
		Check(inputs[i%len(inputs)], Options{})
	}
	if processCPU != nil {
		// the process's CPU time, collector included: unlike the time per report, it
		// does not count the time another process had the core
		b.ReportMetric(float64(b.N)/(processCPU()-cpu).Seconds(), "reports/cpu-s")
	}
}

// processCPU is the CPU time the process has used, where the system tells it.
var processCPU func() time.Duration

// BenchmarkFactsOf takes the facts the cross-year rules keep of each seed's result.
func BenchmarkFactsOf(b *testing.B) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	var results []*Result
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, Check(data, Options{}))
	}
	for i := 0; b.Loop(); i++ {
		FactsOf(results[i%len(results)])
	}
}
