package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"nianbao/core"
	"nianbao/core/rules"
)

// batch says how to check many inputs.
type batch struct {
	stdin   io.Reader
	format  string // forced reader, "" to sniff
	workers int
	tick    func() // called after each report, when not nil
}

// checked is one input's result and its facts for the comparisons of years.
type checked struct {
	res   *core.Result
	facts *core.Facts
}

// run reads and checks every input on a pool of workers and hands each result to emit
// in input order, as soon as it and those before it are done. At most a few results
// per worker wait to be emitted: the memory a batch needs does not grow with its
// size. An input that could not be read gets a result saying why, so every input has
// one. After emit fails, the inputs not yet started are not checked.
func (b batch) run(inputs []input, emit func(i int, c checked) error) error {
	tuneGC()
	workers := max(1, min(b.workers, len(inputs)))
	window := 2*workers + 2 // results checked and not yet emitted, at most
	type done struct {
		i int
		checked
	}
	slots := make(chan struct{}, window)
	jobs := make(chan int)
	results := make(chan done, window)
	var stop atomic.Bool
	go func() {
		for i := range inputs {
			slots <- struct{}{} // taken in input order: the next to emit is always on its way
			if stop.Load() {
				break
			}
			jobs <- i
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				res := checkInput(inputs[i], b.stdin, b.format)
				results <- done{i, checked{res, core.FactsOf(res)}}
				if b.tick != nil {
					b.tick()
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := make(map[int]checked, window)
	next := 0
	var err error
	for d := range results {
		pending[d.i] = d.checked
		for {
			c, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err == nil {
				if err = emit(next, c); err != nil {
					stop.Store(true)
				}
			}
			next++
			<-slots
		}
	}
	return err
}

// checkInput reads and checks one input.
func checkInput(in input, stdin io.Reader, format string) *core.Result {
	if in.err != nil {
		return unreadable(in.name, in.err.Error())
	}
	data, err := readInput(in.name, stdin)
	if err != nil {
		return unreadable(in.name, err.Error())
	}
	return core.Check(data, core.Options{Name: in.name, Format: format})
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

// clear clears the progress line for a message; the next tick draws it again.
func (p *progress) clear() { p.finish() }
