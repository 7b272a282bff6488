package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"nianbao/core"
	"nianbao/core/rules"
)

// batch says how to check many inputs.
type batch struct {
	stdin    io.Reader
	format   string // forced reader, "" to sniff
	deadline string // the deadline profile
	workers  int
	full     bool   // keep what only the full JSON prints (the text read, the tables' shape)
	tick     func() // called after each report, when not nil
}

// checkAll reads and checks every input on a pool of workers and returns the results
// in input order. An input that could not be read gets a result saying why, so every
// input has one.
func (b batch) checkAll(inputs []input) []*core.Result {
	tuneGC()
	results := make([]*core.Result, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(b.workers, len(inputs))) {
		wg.Go(func() {
			for i := range jobs {
				res := checkInput(inputs[i], b.stdin, b.format, b.deadline)
				if !b.full {
					res.Input.Text, res.Tables = "", nil // a batch of thousands need not hold them
				}
				results[i] = res
				if b.tick != nil {
					b.tick()
				}
			}
		})
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// checkInput reads and checks one input.
func checkInput(in input, stdin io.Reader, format, deadline string) *core.Result {
	if in.err != nil {
		return unreadable(in.name, in.err.Error())
	}
	data, err := readInput(in.name, stdin)
	if err != nil {
		return unreadable(in.name, err.Error())
	}
	return core.Check(data, core.Options{Name: in.name, Format: format, Deadline: deadline})
}

// unreadable is the result for a file that could not be read at all, shaped like
// core's own result for an unusable input.
func unreadable(name, reason string) *core.Result {
	return &core.Result{
		File: name, Template: "unknown", Cells: map[string]core.Cell{},
		Findings: []core.Finding{{Rule: "read.input", Severity: "error", Origin: "reader", Message: reason,
			Group: rules.GroupOf("read.input"), Title: rules.TitleOf("read.input")}},
		Input:   core.Input{Error: reason},
		Summary: core.Summary{Errors: 1, Reader: 1},
	}
}

// tuneGC lets the heap grow to five times the live data between collections, unless
// GOGC says otherwise: a check allocates about 700 KB and keeps little, so with Go's
// default the collector runs every few reports and costs as much as the checking
// (BenchmarkBatch: about 350 reports per CPU second at GOGC=100, 750 at 400). The
// memory limit, unless GOMEMLIMIT says otherwise, reins the heap in for huge batches.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}

// progress shows "已检查 37/200" on a terminal, redrawn at most ten times a second.
type progress struct {
	w     io.Writer
	total int

	mu   sync.Mutex
	done int
	last time.Time
}

func (p *progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if now := time.Now(); p.done == p.total || now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\r已检查 %d/%d", p.done, p.total)
	}
}

// finish clears the progress line.
func (p *progress) finish() { fmt.Fprint(p.w, "\r\033[K") }

// isTerminal reports whether w is a terminal (a character device), where progress
// may be drawn; never a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
