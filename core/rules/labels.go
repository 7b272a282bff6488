package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/core/align"
	"nianbao/core/report"
)

var ruleLabelAltered = &Rule{
	ID: "label.altered", Title: "模板文字被改动", Group: GroupStructure, Severity: "warning", Run: runLabels,
	Doc: `表格的行、列标签与国家模板的文字不一致。
比较时不计空格、标点、引号、括号和序号写法；繁体按简体比较。常见的是错别字（“预期不补正”应为“逾期不补正”）和漏字。`,
}

var _ = register(ruleLabelAltered)

func runLabels(p *Pass) {
	for _, l := range p.Report.Labels {
		got, want := align.Comparable(l.Text), align.ComparableWant(l.Want)
		if got == want || got == "" {
			continue
		}
		// a label cut short by a line break is not an alteration, nor is a piece of one
		// wrapped over several lines of a narrow column (PDF text), whose other pieces
		// stand on the lines next to it
		if len(got) < len(want) && want[:len(got)] == got || wrappedPiece(p.Report.Norm.S, l.Start, l.End, got, want) {
			continue
		}
		p.Reportf(report.Finding{
			Message: fmt.Sprintf("%s标签“%s”与模板“%s”不一致：%s", tableName(l.Table), l.Text, l.Want, change(got, counterpart(got, want))),
			Start:   l.Start, End: l.End,
			Cells: rowCells(p.Report, l.Table, l.Row), // so the page can mark the row
		})
	}
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
