package rules

import (
	"fmt"
	"iter"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"nianbao/core/align"
	"nianbao/core/report"
	"nianbao/core/template"
)

var ruleLabelAltered = &Rule{
	ID: "label.altered", Title: "模板文字被改动", Group: GroupStructure, Severity: "warning", Run: runLabels,
	Doc: `表格的行、列标签与国家模板的文字不一致。
比较时不计空格、标点、引号、括号和序号写法；繁体按简体比较。常见的是错别字（“预期不补正”应为“逾期不补正”）和漏字。`,
}

var _ = register(ruleLabelAltered)

func runLabels(p *Pass) {
	compared := map[string]bool{} // rows of 表三 whose whole label was compared
	for _, l := range p.Report.Labels {
		got, want := align.Comparable(l.Text), align.ComparableWant(l.Want)
		if got == "" {
			continue
		}
		if got != want {
			// a label cut short by a line break is not an alteration, nor is a piece of
			// one wrapped over several lines of a narrow column (PDF text), whose other
			// pieces stand on the lines next to it: wrappedLabels reads those back
			if len(got) < len(want) && want[:len(got)] == got || wrappedPiece(p.Report.Norm.S, l.Start, l.End, got, want) {
				continue
			}
			p.Reportf(report.Finding{
				Message: fmt.Sprintf("%s标签“%s”与模板“%s”不一致：%s", tableName(l.Table), l.Text, l.Want, change(got, counterpart(got, want))),
				Start:   l.Start, End: l.End,
				Cells: rowCells(p.Report, l.Table, l.Row), // so the page can mark the row
			})
		}
		if l.Table == "t3" {
			compared[l.Row] = true
		}
	}
	wrappedLabels(p, compared)
}

// wrappedLabels reads back the labels of 表三's rows that layout text (a PDF's) wraps
// over the lines of a narrow column — “1.申请人” beside the row's numbers, then
// “无正当理”, “由预期不”, “补正、行” … on the lines below, in the same column — and
// reports those that differ from the template by a character or two. The aligner
// places such a row by a piece of its label and has no whole label to compare.
func wrappedLabels(p *Pass, compared map[string]bool) {
	rep := p.Report
	text := rep.Norm.S
	t := template.T3
	type rowAt struct {
		row         template.Row
		line, first int // the start of the row's first line, and of its first cell
	}
	var rows []rowAt
	for _, r := range rep.Rows(t) {
		first := -1
		for _, id := range rowCells(rep, t.ID, r.ID) {
			if c := rep.Cells[id]; c.Start >= 0 && (first < 0 || c.Start < first) {
				first = c.Start
			}
		}
		if first >= 0 {
			rows = append(rows, rowAt{r, strings.LastIndexByte(text[:first], '\n') + 1, first})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].first < rows[j].first })
	for i, r := range rows {
		// the row's lines: after the previous row's first line (pdftotext centres a
		// cell's lines on the row, so the label may begin above the numbers), up to
		// the next row's first line
		from, end := r.line, len(text)
		for n := 0; n < 6 && from > 0; n++ {
			from = strings.LastIndexByte(text[:from-1], '\n') + 1
		}
		if i > 0 {
			if prev := rows[i-1]; prev.first < r.line {
				from = max(from, prev.first+strings.IndexByte(text[prev.first:], '\n')+1)
			}
		}
		if i+1 < len(rows) {
			end = rows[i+1].line
		}
		if compared[r.row.ID] || end <= r.first || end-from > 4000 {
			continue
		}
		want := align.ComparableWant(r.row.Label)
		// the label's first piece: the last run before the row's first cell that
		// begins the label
		var head layoutRun
		headLine := -1
		for at, line := range linesOf(text, from, r.first) {
			for _, run := range layoutRuns(line) {
				if g := align.Comparable(run.text); g != "" && len(g) < len(want) && strings.HasPrefix(want, g) {
					head, headLine = run, at
				}
			}
		}
		if headLine < 0 {
			continue
		}
		got, start, stop := align.Comparable(head.text), headLine+head.at, headLine+head.at+len(head.text)
		pieces := []string{head.text}
		// the pieces below it, in its column
		if below := strings.IndexByte(text[headLine:], '\n'); below >= 0 {
			for at, line := range linesOf(text, headLine+below+1, end) {
				if len(got) >= len(want) {
					break
				}
				for _, run := range layoutRuns(line) {
					if d := run.col - head.col; d >= -3 && d <= 3 {
						got += align.Comparable(run.text)
						pieces = append(pieces, run.text)
						stop = at + run.at + len(run.text)
						break
					}
				}
			}
		}
		if got == want || !typo(got, want) {
			continue
		}
		label := strings.Join(pieces, "")
		p.Reportf(report.Finding{
			Message: fmt.Sprintf("表三标签“%s”与模板“%s”不一致：%s", label, r.row.Label, change(got, want)),
			Start:   start, End: stop,
			Cells: rowCells(rep, t.ID, r.row.ID),
		})
	}
}

// linesOf yields the lines of text[from:to], each with the offset where it starts.
func linesOf(text string, from, to int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for at := from; at < to; {
			n := strings.IndexByte(text[at:to], '\n')
			if n < 0 {
				n = to - at
			}
			if !yield(at, text[at:at+n]) {
				return
			}
			at += n + 1
		}
	}
}

// typo: got has want's length and differs from it in a character or two (one in ten).
func typo(got, want string) bool {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return false
	}
	d := 0
	for i := range g {
		if g[i] != w[i] {
			d++
		}
	}
	return d > 0 && d <= max(1, len(w)/10)
}

// layoutRun is a run of text in a line of layout text: runs are apart by two spaces or
// more, or a tab. col is its display column (a Chinese character is two wide).
type layoutRun struct {
	text    string
	at, col int
}

func layoutRuns(line string) []layoutRun {
	var runs []layoutRun
	col, start, startCol, spaces := 0, -1, 0, 0
	for i, r := range line {
		if r == ' ' || r == '\t' || r == '\f' || r == '\u3000' {
			spaces++
			if r == '\t' || r == '\u3000' {
				spaces++
			}
			if start >= 0 && spaces >= 2 {
				runs = append(runs, layoutRun{strings.TrimRight(line[start:i], " "), start, startCol})
				start = -1
			}
		} else {
			if start < 0 {
				start, startCol = i, col
			}
			spaces = 0
		}
		col += runeWidth(r)
	}
	if start >= 0 {
		runs = append(runs, layoutRun{strings.TrimRight(line[start:], " "), start, startCol})
	}
	return runs
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrappedPiece reports whether got, found at text[start:end], is a piece of the label
// want whose neighbouring piece (what comes before it in want, or after it) stands
// within the three lines above or below: a label wrapped in its cell.
func wrappedPiece(text string, start, end int, got, want string) bool {
	i := strings.Index(want, got)
	if i < 0 || start < 0 || end > len(text) || start > end {
		return false
	}
	from, to := start, end
	for n := 0; n < 4 && from > 0; n++ {
		from = strings.LastIndexByte(text[:from-1], '\n') + 1
	}
	for n := 0; n < 4 && to < len(text); n++ {
		if j := strings.IndexByte(text[to+1:], '\n'); j >= 0 {
			to += 1 + j
		} else {
			to = len(text)
		}
	}
	near := align.Comparable(text[from:start]) + "\n" + align.Comparable(text[end:to])
	before, after := want[:i], want[i+len(got):]
	return piece(near, lastRunes(before, 2)) || piece(near, firstRunes(after, 2))
}

// counterpart is the part of want that got stands for: a piece of a wrapped label
// ("预期未按") is compared with the same number of characters of the template where
// they differ least ("逾期未按"), when they mostly agree but not wholly; otherwise the
// whole of want.
func counterpart(got, want string) string {
	g, w := []rune(got), []rune(want)
	if len(g) >= len(w) || len(g) < 3 {
		return want
	}
	best, at := len(g)+1, 0
	for i := 0; i+len(g) <= len(w); i++ {
		d := 0
		for k := range g {
			if g[k] != w[i+k] {
				d++
			}
		}
		if d < best {
			best, at = d, i
		}
	}
	if best == 0 || best > len(g)/4 { // a piece cut from want: say what is missing
		return want
	}
	return string(w[at : at+len(g)])
}

// piece: s is at least two characters long and stands in near.
func piece(near, s string) bool {
	return utf8.RuneCountInString(s) >= 2 && strings.Contains(near, s)
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// diff returns the differing middles of a and b after their common prefix and suffix.
func diff(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) {
		ra, wa := utf8.DecodeRuneInString(a[i:])
		rb, _ := utf8.DecodeRuneInString(b[i:])
		if ra != rb {
			break
		}
		i += wa
	}
	j := 0
	for j < len(a)-i && j < len(b)-i {
		ra, wa := utf8.DecodeLastRuneInString(a[:len(a)-j])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-j])
		if ra != rb {
			break
		}
		j += wa
	}
	return a[i : len(a)-j], b[i : len(b)-j]
}

// change says how the report's wording differs from the template's.
func change(got, want string) string {
	a, b := diff(got, want)
	switch {
	case a == "":
		return "漏了“" + b + "”"
	case b == "":
		return "多了“" + a + "”"
	}
	return "“" + a + "”应为“" + b + "”"
}

// rowCells lists the cells of a table row, in order.
func rowCells(rep *report.Report, table, row string) []string {
	var ids []string
	for _, id := range rep.Order {
		if c := rep.Cells[id]; c.Table == table && c.Row == row {
			ids = append(ids, id)
		}
	}
	return ids
}
