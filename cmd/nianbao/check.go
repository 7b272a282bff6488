package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"

	"nianbao/core"
	"nianbao/core/rules"
)

// checkOptions are the flags of `nianbao check`.
type checkOptions struct {
	json        bool // the full results (OUTPUT.md)
	csv         bool // the summary as CSV
	summaryJSON bool // the summary as JSON
	detail      bool // with several reports, each report's findings before the table
	format      string
	deadline    string // the deadline profile (rules.ParseDeadline)
	workers     int
}

func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, names, ok := parseCheck(args, stderr)
	if !ok {
		return 2
	}
	inputs := expand(names)
	b := batch{stdin: stdin, format: opts.format, deadline: opts.deadline, workers: opts.workers, full: opts.json}
	var p *progress
	if len(inputs) > 1 && isTerminal(stderr) {
		p = &progress{w: stderr, total: len(inputs)}
		b.tick = p.tick
	}
	results := b.checkAll(inputs)
	if p != nil {
		p.finish() // before any message on the same terminal
	}
	pairs := compareYears(results)
	for _, r := range results {
		if r.Input.Error != "" {
			fmt.Fprintf(stderr, "nianbao: %s: %s\n", r.File, r.Input.Error)
		}
	}
	// one file named on the command line: the JSON is one object, not an array
	single := len(names) == 1 && len(inputs) == 1 && inputs[0].name == names[0]
	if err := write(stdout, opts, results, pairs, single); err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	return exitStatus(results)
}

// parseCheck reads the flags, which may come before, between or after the files.
func parseCheck(args []string, stderr io.Writer) (opts checkOptions, names []string, ok bool) {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&opts.json, "json", false, "输出完整的 JSON 结果（见 OUTPUT.md）")
	fs.BoolVar(&opts.csv, "csv", false, "输出汇总表 CSV（带 BOM）")
	fs.BoolVar(&opts.summaryJSON, "summary-json", false, "输出汇总表 JSON")
	fs.BoolVar(&opts.detail, "detail", false, "多个文件时，在汇总表前列出每份报告的问题")
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
	case btoi(opts.json)+btoi(opts.csv)+btoi(opts.summaryJSON) > 1:
		fmt.Fprintln(stderr, "nianbao check: --json、--csv、--summary-json 只能选一个")
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

// write prints the results in the form asked for.
func write(w io.Writer, opts checkOptions, results []*core.Result, pairs []comparison, single bool) error {
	switch {
	case opts.json && single:
		return encodeJSON(w, results[0])
	case opts.json:
		return encodeJSON(w, results)
	case opts.csv:
		return writeCSV(w, summarise(results, pairs))
	case opts.summaryJSON:
		return writeSummaryJSON(w, summarise(results, pairs))
	case len(results) == 1:
		writeText(w, results[0])
		return nil
	}
	if opts.detail {
		for _, r := range results {
			writeText(w, r)
		}
	}
	writeTable(w, summarise(results, pairs))
	writeComparisons(w, results, pairs, !opts.detail)
	return nil
}

// exitStatus: 2 if any input was unusable or is not a report, else 1 if any report
// has errors, else 3 if any was checked only in part (cells unread), else 0.
func exitStatus(results []*core.Result) int {
	status := 0
	for _, r := range results {
		switch {
		case r.Input.Error != "" || r.Summary.NotReport:
			return 2
		case r.Summary.Errors > 0:
			status = 1
		case r.Summary.Unread > 0 && status == 0:
			status = 3
		}
	}
	return status
}
