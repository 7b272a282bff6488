//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkArchive runs the command line tool itself, as a separate process, over 440
// and 4,400 reports (the seeds, the corpus and its flattened texts copied over and
// over) in each output mode, and reports what the operating system counted for the
// whole process: reports per CPU second (reading files, decoding, checking and writing
// output included; the per-core figure) and its peak resident memory. Streaming keeps
// the peak of 4,400 reports within 1.5x that of 440.
func BenchmarkArchive(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "nianbao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	modes := []struct {
		name string
		args func(dir string) []string
	}{
		{"table", func(string) []string { return nil }},
		{"csv", func(string) []string { return []string{"--csv"} }},
		{"json", func(string) []string { return []string{"--json"} }},
		{"jsonl", func(string) []string { return []string{"--jsonl"} }},
		{"cells", func(dir string) []string { return []string{"--csv", "--cells", filepath.Join(dir, "cells.csv")} }},
		{"review", func(dir string) []string { return []string{"--csv", "--review", filepath.Join(dir, "reviews")} }},
	}
	for _, n := range []int{440, 4400} {
		dir, _ := corpusCopies(b, n)
		outDir := b.TempDir()
		for _, m := range modes {
			b.Run(fmt.Sprintf("reports=%d/out=%s", n, m.name), func(b *testing.B) {
				var cpu time.Duration
				var peak int64
				for b.Loop() {
					cmd := exec.Command(bin, append(append([]string{"check"}, m.args(outDir)...), dir)...)
					out, err := os.Create(filepath.Join(outDir, "stdout"))
					if err != nil {
						b.Fatal(err)
					}
					cmd.Stdout = out
					err = cmd.Run()
					out.Close()
					if _, exit := err.(*exec.ExitError); err != nil && !exit {
						b.Fatal(err)
					}
					u := cmd.ProcessState.SysUsage().(*syscall.Rusage)
					cpu += time.Duration(u.Utime.Nano() + u.Stime.Nano())
					peak = max(peak, u.Maxrss) // KiB on Linux
				}
				b.ReportMetric(float64(b.N*n)/cpu.Seconds(), "reports/cpu-s")
				b.ReportMetric(float64(peak)/1024, "peak-MB")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}
