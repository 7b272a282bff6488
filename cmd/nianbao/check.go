package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"nianbao/core"
	"nianbao/core/rules"
)

// checkOptions are the flags of `nianbao check`.
type checkOptions struct {
	json        bool   // the full results (OUTPUT.md), an array when several
	jsonl       bool   // the full results, one per line
	csv         bool   // the summary as CSV
	summaryJSON bool   // the summary as JSON
	detail      bool   // with several reports, each report's findings before the table
	cells       string // the tidy dataset of every cell, to this file (.csv or .jsonl)
	review      string // each report's 审核意见, into this directory
	format      string
	deadline    string // the deadline profile (rules.ParseDeadline)
	each        bool   // check each report of a file holding several
	workers     int
}

func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, names, ok := parseCheck(args, stderr)
	if !ok {
		return 2
	}
	inputs := expand(names)
	// one file named on the command line: the JSON is one object, not an array
	// (with --each, an array whatever the count: a file may hold several reports)
	single := len(names) == 1 && len(inputs) == 1 && inputs[0].name == names[0] && !opts.each
	out := newOutput(stdout, opts, single, len(inputs) > 1)
	extras, err := openExtras(opts)
	if err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	b := batch{stdin: stdin, format: opts.format, deadline: opts.deadline, each: opts.each, workers: opts.workers}
	var p *progress
	if len(inputs) > 1 && isTerminal(stderr) {
		p = &progress{w: stderr, total: len(inputs)}
		b.tick = p.tick
	}
	var years years
	var status exitStatus
	err = out.begin()
	if err == nil {
		err = b.run(inputs, func(i int, input checked) error {
			for _, c := range input {
				previous := years.compare(i, c)
				status.add(c.res)
				if c.res.Input.Error != "" {
					if p != nil {
						p.clear()
					}
					fmt.Fprintf(stderr, "nianbao: %s: %s\n", c.res.File, c.res.Input.Error)
				}
				for _, s := range append([]sink{out}, extras...) {
					if err := s.write(c.res, previous); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	if p != nil {
		p.finish() // before any message on the same terminal
	}
	years.finish()
	for _, s := range append([]sink{out}, extras...) {
		if e := s.end(&years); err == nil {
			err = e
		}
	}
	if err == nil && !out.table() && !opts.json && !opts.jsonl {
		years.report(stderr) // what a streamed output could not carry (JSON carries addenda)
	}
	if err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	return status.code()
}

// openExtras opens the outputs besides standard output: the cells dataset, the
// reviews' directory.
func openExtras(opts checkOptions) ([]sink, error) {
	var out []sink
	if opts.cells != "" {
		c, err := newCellsFile(opts.cells)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if opts.review != "" {
		r, err := newReviews(opts.review)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// parseCheck reads the flags, which may come before, between or after the files.
func parseCheck(args []string, stderr io.Writer) (opts checkOptions, names []string, ok bool) {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&opts.json, "json", false, "输出完整的 JSON 结果（见 OUTPUT.md）")
	fs.BoolVar(&opts.jsonl, "jsonl", false, "输出完整的 JSON 结果，每行一份")
	fs.BoolVar(&opts.csv, "csv", false, "输出汇总表 CSV（带 BOM）")
	fs.BoolVar(&opts.summaryJSON, "summary-json", false, "输出汇总表 JSON")
	fs.BoolVar(&opts.detail, "detail", false, "多个文件时，在汇总表前列出每份报告的问题")
	fs.BoolVar(&opts.each, "each", false, "一个文件中有多份报告（汇编、列表页）时逐份检查，各份名为“文件名#2”等")
	fs.StringVar(&opts.cells, "cells", "", "把每份报告的每个单元格写入数据表（.csv 或 .jsonl）")
	fs.StringVar(&opts.review, "review", "", "把每份报告的审核意见写入目录（.md 和 .txt）")
	fs.StringVar(&opts.format, "format", "", "强制输入格式：text, markdown, html, docx, doc, pdf, ofd")
	fs.StringVar(&opts.deadline, "deadline", "", "公布期限方案："+rules.DeadlineUsage())
	fs.IntVar(&opts.workers, "j", runtime.GOMAXPROCS(0), "并行数")
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return opts, nil, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			names = append(names, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		names, args = append(names, rest[0]), rest[1:]
	}
	switch {
	case len(names) == 0:
		fmt.Fprintln(stderr, "nianbao check: 请给出文件名、目录或通配符，或用 - 读取标准输入")
		return opts, nil, false
	case badDeadline(opts.deadline, stderr):
		return opts, nil, false
	case btoi(opts.json)+btoi(opts.jsonl)+btoi(opts.csv)+btoi(opts.summaryJSON) > 1:
		fmt.Fprintln(stderr, "nianbao check: --json、--jsonl、--csv、--summary-json 只能选一个")
		return opts, nil, false
	case opts.cells != "" && !strings.HasSuffix(opts.cells, ".csv") && !strings.HasSuffix(opts.cells, ".jsonl"):
		fmt.Fprintln(stderr, "nianbao check: --cells 的文件名应以 .csv 或 .jsonl 结尾")
		return opts, nil, false
	}
	return opts, names, true
}

// badDeadline says why a --deadline value cannot be used.
func badDeadline(spec string, stderr io.Writer) bool {
	if _, err := rules.ParseDeadline(spec); err != nil {
		fmt.Fprintln(stderr, "nianbao check: --deadline:", err)
		return true
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// exitStatus: 2 if any input was unusable or is not a report, else 1 if any report
// has errors, else 3 if any was checked only in part (cells unread), else 0. Known
// only once every report is checked.
type exitStatus struct{ unusable, errors, partial bool }

func (s *exitStatus) add(r *core.Result) {
	switch {
	case r.Input.Error != "" || r.Summary.NotReport:
		s.unusable = true
	case r.Summary.Errors > 0:
		s.errors = true
	case r.Summary.Partial():
		s.partial = true
	}
}

func (s exitStatus) code() int {
	switch {
	case s.unusable:
		return 2
	case s.errors:
		return 1
	case s.partial:
		return 3
	}
	return 0
}

// createFile creates an output file, saying in Chinese why it could not be.
func createFile(name string) (*os.File, error) {
	f, err := os.Create(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("无法创建 %s：%v", name, err)
	}
	return f, nil
}
