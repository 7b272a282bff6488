//go:build unix

package main

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBatch checks the seeds and the corpus (when ../shared is present) as one
// batch, files read from disk, years compared, the summary written as CSV: the whole
// of `nianbao check --csv`. Target: over 1,000 typical reports a second per core.
//
// reports/s is wall-clock throughput; reports/cpu-s divides by the CPU time the
// process used (garbage collection included), which is the per-core figure and holds
// on a machine busy with other work, where wall-clock figures do not.
func BenchmarkBatch(b *testing.B) {
	files, _ := filepath.Glob(seedDir + "/*.txt")
	corpus, _ := filepath.Glob(corpusDir + "/*.txt")
	files = append(files, corpus...)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			args := append([]string{"check", "--csv", "-j", fmt.Sprint(workers)}, files...)
			cpu := cpuTime()
			for b.Loop() {
				run(args, strings.NewReader(""), io.Discard, io.Discard)
			}
			reports := float64(b.N * len(files))
			b.ReportMetric(reports/b.Elapsed().Seconds(), "reports/s")
			b.ReportMetric(reports/(cpuTime()-cpu).Seconds(), "reports/cpu-s")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
