// Package core checks a government information-disclosure annual report
// (政府信息公开工作年度报告): it reads the input, rebuilds the template's tables cell by
// cell, and runs every rule over them.
//
// The stages, each its own package: source (decode and normalise, keeping offsets) ->
// token (labels, numbers, blanks) -> align (tokens to template cells, driven by the
// template package's data) -> rules (findings) -> Result.
package core

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/core/align"
	"nianbao/core/markup"
	"nianbao/core/prose"
	"nianbao/core/report"
	"nianbao/core/rules"
	"nianbao/core/source"
	_ "nianbao/core/stats" // the 2008-2018 statistics-table reader registers itself with align
	"nianbao/core/token"
)

// Version of the checker.
const Version = "0.1.0"

// MaxInput is the largest input read, in bytes (a Word or PDF file with pictures can
// be large); MaxText is the most text checked.
const (
	MaxInput = 64 << 20
	MaxText  = 8 << 20
)

// TooLarge says why an input of n bytes (over MaxInput) is refused.
func TooLarge(n int) string {
	return fmt.Sprintf("文件过大（%.1f MB），上限为 %d MB；请只粘贴报告正文", float64(n)/(1<<20), MaxInput>>20)
}

// TooLong says why a text of n bytes in UTF-8 (over MaxText) is refused.
func TooLong(n int) string {
	return fmt.Sprintf("文字内容过长（%.1f MB），上限为 %d MB：一份年度报告的文字通常不到 200 KB，请确认没有粘贴多份报告或其他内容", float64(n)/(1<<20), MaxText>>20)
}

// Options tune a check.
type Options struct {
	// Name is the input's file name, reported as Result.File and used to tell the
	// format by its extension.
	Name string
	// Format forces a reader: "text", "markdown", "html", "docx", "pdf". Empty: sniff.
	Format string
	// Deadline is the publication-deadline profile date.late uses: a profile's id
	// (rules.Deadlines) or custom dates such as "部门=1-15,政府=3-31"; empty for the
	// national deadlines. Check it with rules.ParseDeadline before checking.
	Deadline string
	// Held: also list the identities that held (Result.Held), for a reader of one
	// report — the page's cell pop-up says which checks a clean cell passed. A batch
	// leaves it off.
	Held bool
}

// Check reads one report and checks it. It never panics: a failure inside the
// checker is returned as a Result whose Input.Error says what went wrong. A text
// holding several reports is checked up to where the second starts, and says so
// (read.multiple, Summary.Others); CheckEach checks each.
func Check(input []byte, opts Options) (res *Result) {
	defer recovered(opts, len(input), &res)
	norm, res := prepare(input, opts)
	if res != nil {
		return res
	}
	res, _ = checkPart(norm, 0, opts, len(input), false)
	return res
}

// CheckEach checks every report a text holds — a compilation (汇编) of a county's
// departments, a crawler's listing page, reports pasted together — each as its own
// Result numbered by Part (1, 2, …), with offsets into the one input. A text holding
// one report gives the one Result Check gives. Like Check, it never panics.
func CheckEach(input []byte, opts Options) (out []*Result) {
	var failure *Result
	defer func() {
		if failure != nil {
			out = append(out, failure) // a failure inside the checker ends the list
		}
	}()
	defer recovered(opts, len(input), &failure)
	norm, res := prepare(input, opts)
	if res != nil {
		return []*Result{res}
	}
	for start := 0; ; {
		res, next := checkPart(norm, start, opts, len(input), true)
		res.Part = len(out) + 1
		out = append(out, res)
		if next <= start {
			if len(out) == 1 {
				res.Part = 0 // the text holds one report
			}
			return out
		}
		start = next
	}
}

// recovered turns a panic inside the checker into a Result naming it.
func recovered(opts Options, n int, res **Result) {
	if p := recover(); p != nil {
		*res = failed(opts, n, "internal", fmt.Sprintf("检查程序内部错误：%v", p))
		(*res).Findings[0].Message += "\n" + firstFrames(string(debug.Stack()))
	}
}

// prepare reads and normalises the input, or returns the Result of an input that
// cannot be used.
func prepare(input []byte, opts Options) (*source.Norm, *Result) {
	if len(input) > MaxInput {
		return nil, failed(opts, len(input), "read.size", TooLarge(len(input)))
	}
	text, err := markup.Read(input, opts.Name, opts.Format)
	if errors.Is(err, markup.ErrFull) {
		res := failed(opts, len(input), "read.input", err.Error())
		res.Input.Module = "full" // the lite build's hand-over to the full one
		return nil, res
	}
	if err != nil {
		res := failed(opts, len(input), "read.input", err.Error())
		// bytes that are text in no encoding (random data, a font) are no report at all,
		// unlike a Word or PDF file that could not be read
		res.Summary.NotReport = errors.Is(err, source.ErrBinary)
		return nil, res
	}
	if len(text.S) > MaxText {
		return nil, failed(opts, len(input), "read.size", TooLong(len(text.S)))
	}
	return source.Normalize(text), nil
}

// checkPart checks the report that starts at byte start of the normalised text and
// runs up to the next report's start, which it returns (0 when none follows). The
// text before start is blanked rather than cut, so that every offset still maps to
// the input. Unless each report is checked (each), the one checked says that others
// follow, unchecked.
func checkPart(norm *source.Norm, start int, opts Options, n int, each bool) (*Result, int) {
	if start > 0 {
		norm = norm.After(start)
	}
	st := token.Tokenize(norm.S)
	var rest string // further reports in the text
	cut := align.NextReport(norm.S, st)
	if cut <= start {
		cut = 0
	}
	if cut > 0 {
		st.Release()
		rest = norm.S[cut:]
		norm = norm.Prefix(cut)
		st = token.Tokenize(norm.S)
	}
	rep := align.Read(norm, st)
	if rest != "" && !each {
		rep.Others = true
		rep.Reader("read.multiple", "warning", fmt.Sprintf("文本中不止一份报告：从“%s”起（约 %d 字）是另一份报告，本次只检查了第一份。"+
			"要逐份检查各份报告，请用页面上的“逐份检查”或命令行的 --each", opening(rest, 30), utf8.RuneCountInString(rest)), -1, -1)
	}
	rules.RunWith(rep, rules.Config{Deadline: opts.Deadline, Held: opts.Held})
	res := toResult(rep, opts, n)
	rep.Release() // the result holds no token and not the map: the next check reuses them
	return res, cut
}

// failed is the result for an input that could not be used at all.
func failed(opts Options, n int, rule, msg string) *Result {
	origin := "reader"
	return &Result{
		File: opts.Name, Template: "unknown", Cells: map[string]Cell{},
		Findings: []Finding{{Rule: rule, Severity: "error", Origin: origin, Message: msg,
			Group: rules.GroupOf(rule), Title: rules.TitleOf(rule)}},
		Input:   Input{Bytes: n, Error: msg},
		Summary: Summary{Errors: 1, Reader: 1},
	}
}

func firstFrames(stack string) string {
	lines := strings.Split(stack, "\n")
	if len(lines) > 16 {
		lines = lines[:16]
	}
	return strings.Join(lines, "\n")
}

// toResult turns the report into the output contract, mapping offsets back to the input.
func toResult(rep *report.Report, opts Options, n int) *Result {
	norm := rep.Norm
	structured := norm.Orig.Format != "text" && norm.Orig.Format != "markdown"
	// the spans' pairs are cut from one array rather than allocated one by one
	per := 2
	if structured {
		per = 4
	}
	pairs := make([]int, 0, per*(len(rep.Cells)+len(rep.Stats)+len(rep.Findings)))
	pair := func(a, b int) []int {
		if len(pairs)+2 > cap(pairs) {
			pairs = make([]int, 0, 64)
		}
		pairs = append(pairs, a, b)
		n := len(pairs)
		return pairs[n-2 : n : n]
	}
	span := func(start, end int) (at, view []int) {
		if start < 0 {
			return nil, nil
		}
		a := norm.Span(start, end)
		at = pair(a[0], a[1])
		if structured {
			v := norm.ViewSpan(start, end)
			view = pair(v[0], v[1])
		}
		return at, view
	}
	res := &Result{
		File:     opts.Name,
		Template: rep.Template,
		Variant:  rep.Notes,
		Cells:    make(map[string]Cell, len(rep.Cells)),
		Findings: []Finding{},
		Input: Input{Format: norm.Orig.Format, Encoding: norm.Orig.Encoding, Bytes: n,
			Traditional: norm.Traditional},
	}
	if structured {
		res.Input.Text = norm.Orig.S
	}
	if rep.Year > 0 {
		y := rep.Year
		res.Year = &y
	}
	if rep.Agency != "" {
		a := rep.Agency
		res.Agency = &a
	}
	ambiguous := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Rule == "read.ambiguous" {
			for _, id := range f.Cells {
				ambiguous[id] = true
			}
		}
	}
	for _, c := range rep.Order {
		at, view := span(c.Start, c.End)
		if at == nil {
			at = pair(0, 0)
		}
		res.Cells[c.ID] = Cell{Value: c.Value, Raw: c.Raw, At: at, View: view, Label: c.Label, State: cellState(c, ambiguous[c.ID])}
	}
	for _, c := range rep.Coverage {
		res.Coverage = append(res.Coverage, Coverage{Table: c.Table, Name: c.Name, Cells: c.Cells, Read: c.Read, Found: c.Found})
		res.Summary.Unread += c.Cells - c.Read
	}
	res.Summary.NotReport = rep.NotReport
	res.Summary.Others = rep.Others
	for _, h := range rep.Held {
		res.Held = append(res.Held, Held{Rule: h.Rule, Title: rules.TitleOf(h.Rule), Cells: h.Cells, Text: h.Text})
	}
	for _, s := range rep.Stats {
		at, view := span(s.Start, s.End)
		res.Stats = append(res.Stats, Stat{Label: s.Label, Unit: s.Unit, Values: s.Values, At: at, View: view, Level: s.Level, Header: s.Header, Misread: s.Misread})
	}
	for _, t := range rep.Tables {
		res.Tables = append(res.Tables, shape(rep, t))
	}
	doc := prose.Of(rep)
	res.proseText = doc.S // for FactsOf, when two years are compared
	res.Outline = outline(doc, norm.S, pageNumbers(rep.Stream), span)
	for _, f := range rep.Findings {
		at, view := span(f.Start, f.End)
		res.Attach(Finding{
			Rule: f.Rule, Severity: f.Severity, Origin: f.Origin, Message: f.Message,
			Cells: f.Cells, At: at, View: view, Total: f.Total,
			Group: rules.GroupOf(f.Rule), Title: rules.TitleOf(f.Rule),
		})
	}
	return res
}

// outline lists the headings of levels 1 and 2 and the page breaks of the normalised
// text s, in order, placed by span: the form feeds, or where the text has none, the
// printed page numbers the tokenizer recognised ("— 3 —", "第3页"), with their number.
func outline(doc *prose.Doc, s string, printed []pageNumber, span func(start, end int) (at, view []int)) []Mark {
	type brk struct{ start, end, page int }
	var breaks []brk
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '\f')
		if k < 0 {
			break
		}
		i += k + 1
		breaks = append(breaks, brk{i, i, 0})
	}
	if len(breaks) == 0 {
		for _, p := range printed {
			breaks = append(breaks, brk{p.start, p.end, p.n})
		}
	}
	var out []Mark
	h := doc.Headings
	for _, b := range append(breaks, brk{start: len(s) + 1}) {
		for len(h) > 0 && h[0].Start < b.start {
			if h[0].Level <= 2 {
				at, view := span(h[0].Start, h[0].End)
				out = append(out, Mark{Level: h[0].Level, Title: h[0].Mark + h[0].Title, At: at, View: view})
			}
			h = h[1:]
		}
		if b.start > len(s) {
			return out
		}
		at, view := span(b.start, b.end)
		out = append(out, Mark{At: at, View: view, Page: b.page})
	}
	return out
}

// pageNumber is a printed page number in the text, as a number.
type pageNumber struct{ start, end, n int }

// pageNumbers lists the page numbers the tokenizer and reader recognised, in order.
func pageNumbers(st *token.Stream) []pageNumber {
	if st == nil {
		return nil
	}
	var out []pageNumber
	for _, t := range st.Tokens {
		if !t.PageNum {
			continue
		}
		n, digits := 0, false
		for _, c := range t.Text {
			if c >= '0' && c <= '9' {
				n, digits = n*10+int(c-'0'), true
			} else if digits {
				break // "第3页共6页": the page, not the count
			}
		}
		if digits && n > 0 {
			out = append(out, pageNumber{t.Start, t.End, n})
		}
	}
	return out
}

// cellState names what the reader made of a cell (Cell.State).
func cellState(c *report.Cell, ambiguous bool) string {
	switch {
	case ambiguous:
		return "ambiguous"
	case c.Unread:
		return "unread"
	case c.Blank:
		return "blank"
	}
	return "read"
}

// Attach adds findings to the result in its order — the report's errors, warnings and
// notes, then the reader's own problems, each after those of the same rank already
// there — and counts them in its summary.
func (r *Result) Attach(fs ...Finding) {
	for _, f := range fs {
		at, _ := slices.BinarySearchFunc(r.Findings, rank(f)+1, func(g Finding, k int) int { return rank(g) - k })
		r.Findings = slices.Insert(r.Findings, at, f)
		switch {
		case f.Origin == "reader":
			r.Summary.Reader++
		case f.Severity == "error":
			r.Summary.Errors++
		case f.Severity == "warning":
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
	}
}

// rank orders findings: the report's errors first, then warnings, notes, and the
// reader's own problems last.
func rank(f Finding) int {
	r := 0 // "error", and any other
	switch f.Severity {
	case "warning":
		r = 1
	case "info":
		r = 2
	}
	if f.Origin == "reader" {
		r += 3
	}
	return r
}

// opening returns the first n characters of s's first line that is not blank.
func opening(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
