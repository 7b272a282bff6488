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
	stdin    io.Reader
	format   string // forced reader, "" to sniff
	deadline string // the deadline profile
	each     bool   // check each report of a text holding several (core.CheckEach)
	workers  int
	tick     func() // called after each report, when not nil
}

// report is one report's result and its facts for the comparisons of years.
type report struct {
	res   *core.Result
	facts *core.Facts
}

// checked is an input's reports: one, or each of a file holding several (--each).
type checked []report

// size is what the input's facts keep in memory.
func (c checked) size() int {
	n := 0
	for _, r := range c {
		n += r.facts.Size()
	}
	return n
}

// run reads and checks every input on a pool of workers and hands each result to emit
// in input order, as soon as it and those before it are done. At most a few results
// per worker wait to be emitted: the memory a batch needs does not grow with its
// size. An input that could not be read gets a result saying why, so every input has
// one. After emit fails, the inputs not yet started are not checked.
func (b batch) run(inputs []input, emit func(i int, c checked) error) error {
	tuneGC(0)
	workers := max(1, min(b.workers, len(inputs)))
	kept := 0
	// deliver emits input i's result, the next in order
	deliver := func(i int, c checked) error {
		if kept += c.size(); i%256 == 255 {
			tuneGC(kept)
		}
		return emit(i, c)
	}
	if workers == 1 {
		// in this goroutine: handing each report between goroutines costs more than
		// a small report's check when the others must be woken for it
		for i := range inputs {
			if err := deliver(i, b.check(inputs[i])); err != nil {
				return err
			}
		}
		return nil
	}
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
				results <- done{i, b.check(inputs[i])}
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
				if err = deliver(next, c); err != nil {
					stop.Store(true)
				}
			}
			next++
			<-slots
		}
	}
	return err
}

// check reads and checks one input and takes its facts.
func (b batch) check(in input) checked {
	var c checked
	for _, res := range checkInput(in, b.stdin, b.format, b.deadline, b.each) {
		if res.Part > 0 {
			// each report of the input under a name of its own, in every output
			res.File = fmt.Sprintf("%s#%d", res.File, res.Part)
		}
		c = append(c, report{res, core.FactsOf(res)})
	}
	if b.tick != nil {
		b.tick()
	}
	return c
}

// checkInput reads and checks one input: its report, or each of its reports.
func checkInput(in input, stdin io.Reader, format, deadline string, each bool) []*core.Result {
	if in.err != nil {
		return []*core.Result{unreadable(in.name, in.err.Error())}
	}
	data, err := readInput(in.name, stdin)
	if err != nil {
		return []*core.Result{unreadable(in.name, err.Error())}
	}
	opts := core.Options{Name: in.name, Format: format, Deadline: deadline}
	if each {
		return core.CheckEach(data, opts)
	}
	return []*core.Result{core.Check(data, opts)}
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

// The collector works to a memory budget rather than to a multiple of the live heap:
// a check allocates about 700 KB and keeps little, so the heap is mostly garbage, and a
// multiple of the live data (which grows by each report's facts) would let the peak
// grow with the batch. With a fixed budget the collector runs once every few dozen
// reports, and the peak is about the same for 400 reports as for 4,000 (a smaller
// budget than 32 MB costs time; a larger one costs the system time of touching more
// memory). The budget grows by twice the facts kept (a kilobyte or so a report), so
// that a batch of 100,000 does not collect without end. GOGC or GOMEMLIMIT, when set,
// are obeyed instead.
const gcBudget = 32 << 20

var tuneGCByEnv = os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""

// tuneGC sets the collector's budget for a batch whose facts take kept bytes.
func tuneGC(kept int) {
	if !tuneGCByEnv {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(int64(gcBudget + 2*kept))
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
