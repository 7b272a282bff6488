package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nianbao/core"
	"nianbao/core/dataset"
	"nianbao/core/review"
)

// sink is one output of a batch: it writes each result in input order as it comes
// (previous names last year's report it was compared with), and ends once all are
// checked and the comparisons of years are done.
type sink interface {
	write(res *core.Result, previous string) error
	end(y *years) error
}

// output is the main output, on standard output, in the form asked for.
type output struct {
	w      *bufio.Writer
	opts   checkOptions
	single bool // one file named: one JSON object, one readable summary
	multi  bool // several inputs
	n      int  // results written
	rows   []row
	enc    *json.Encoder
	csv    *csvWriter
}

func newOutput(w io.Writer, opts checkOptions, single, multi bool) *output {
	o := &output{w: bufio.NewWriterSize(w, 64<<10), opts: opts, single: single, multi: multi}
	o.enc = json.NewEncoder(o.w)
	o.enc.SetEscapeHTML(false)
	if opts.json || opts.summaryJSON {
		o.enc.SetIndent("", " ")
	}
	return o
}

// table reports whether the output is the aligned table for a terminal, which is
// written at the end (its columns' widths depend on every row).
func (o *output) table() bool {
	return !o.opts.json && !o.opts.jsonl && !o.opts.csv && !o.opts.summaryJSON && o.multi
}

func (o *output) begin() error {
	switch {
	case o.opts.json && !o.single:
		o.w.WriteString("[")
	case o.opts.csv:
		var err error
		o.csv, err = newCSV(o.w)
		return err
	case o.opts.summaryJSON:
		o.w.WriteString("[")
	}
	return nil
}

func (o *output) write(res *core.Result, previous string) error {
	defer func() { o.n++ }()
	var err error
	switch {
	case o.opts.json && o.single, o.opts.jsonl:
		err = o.enc.Encode(res)
	case o.opts.json:
		o.separate()
		err = o.enc.Encode(res)
	case o.opts.csv:
		err = o.csv.row(withProblems(rowOf(res, previous, o.multi), res))
	case o.opts.summaryJSON:
		o.separate()
		err = o.enc.Encode(withProblems(rowOf(res, previous, o.multi), res))
	case o.single || !o.multi:
		writeText(o.w, res)
	default:
		if o.opts.detail {
			writeText(o.w, res)
		}
		o.rows = append(o.rows, rowOf(res, previous, o.multi)) // a small row: the table needs them all
	}
	if err == nil && o.n%64 == 0 {
		err = o.w.Flush() // results appear as they come, not only at the end
	}
	return err
}

// separate opens an element of an array: the comma after the one before.
func (o *output) separate() {
	if o.n > 0 {
		o.w.WriteString(",")
	} else {
		o.w.WriteString("\n")
	}
}

func (o *output) end(y *years) error {
	switch {
	case o.opts.json && !o.single, o.opts.jsonl:
		for _, a := range y.addenda() {
			if o.opts.json {
				o.separate()
			}
			if err := o.enc.Encode(a); err != nil {
				return err
			}
			o.n++
		}
		if o.opts.json {
			if o.n == 0 {
				o.w.WriteString("\n")
			}
			o.w.WriteString("]\n")
		}
	case o.opts.summaryJSON:
		if o.n == 0 {
			o.w.WriteString("\n")
		}
		o.w.WriteString("]\n")
	case o.table():
		writeTable(o.w, o.rows)
		writeComparisons(o.w, y, !o.opts.detail)
	}
	return o.w.Flush()
}

// cellsFile writes the tidy dataset of every cell (nianbao/core/dataset).
type cellsFile struct {
	f *os.File
	b *bufio.Writer
	w *dataset.Writer
}

func newCellsFile(name string) (*cellsFile, error) {
	f, err := createFile(name)
	if err != nil {
		return nil, err
	}
	c := &cellsFile{f: f, b: bufio.NewWriterSize(f, 64<<10)}
	if strings.HasSuffix(name, ".jsonl") {
		c.w = dataset.NewJSONL(c.b)
	} else if c.w, err = dataset.NewCSV(c.b); err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

func (c *cellsFile) write(res *core.Result, _ string) error { return c.w.Write(res) }

func (c *cellsFile) end(*years) error {
	err := c.w.Flush()
	if e := c.b.Flush(); err == nil {
		err = e
	}
	if e := c.f.Close(); err == nil {
		err = e
	}
	return err
}

// reviews writes each report's 审核意见 into a directory, as 名称.审核意见.md and
// 名称.审核意见.txt after the report's file name (a second report of the same name gets
// "-2", and so on).
type reviews struct {
	dir   string
	date  string
	taken map[string]bool
}

// reviewSuffix ends the names of the review files; a directory walk passes them over.
const reviewSuffix = ".审核意见"

func newReviews(dir string) (*reviews, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建目录 %s：%v", dir, err)
	}
	return &reviews{dir: dir, date: time.Now().Format("2006年1月2日"), taken: map[string]bool{}}, nil
}

func (r *reviews) write(res *core.Result, previous string) error {
	file := strings.TrimSuffix(res.File, fmt.Sprintf("#%d", res.Part)) // one of several reports: 汇编.txt#2
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if file == "-" {
		base = "标准输入"
	}
	if res.Part > 0 {
		base += fmt.Sprintf("#%d", res.Part)
	}
	name := base
	for k := 2; r.taken[name]; k++ {
		name = fmt.Sprintf("%s-%d", base, k)
	}
	r.taken[name] = true
	opts := review.Options{Date: r.date, File: filepath.Base(res.File)}
	if previous != "" {
		opts.Compared = filepath.Base(previous)
	}
	doc := review.Build(res, opts)
	path := filepath.Join(r.dir, name+reviewSuffix)
	if err := os.WriteFile(path+".md", []byte(doc.Markdown()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".txt", []byte(doc.Text()), 0o644)
}

func (r *reviews) end(*years) error { return nil }
