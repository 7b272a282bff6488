package rules

import (
	"fmt"
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
		switch {
		case got == "" || got == want:
			continue
		case l.Wrapped:
			// read back piece by piece from the lines of a narrow column: only a
			// misspelling is sure
			if !typo(got, want) {
				continue
			}
			want = align.ComparableWant(l.Want)
		case l.Piece || len(got) < len(want) && want[:len(got)] == got:
			// a piece of a label wrapped over lines whose other pieces stand near it,
			// or a label cut short by a line break: not an alteration
			continue
		default:
			want = counterpart(got, want)
		}
		p.Reportf(report.Finding{
			Message: fmt.Sprintf("%s标签“%s”与模板“%s”不一致：%s", tableName(l.Table), l.Text, l.Want, change(got, want)),
			Start:   l.Start, End: l.End,
			Cells: rowCells(p.Report, l.Table, l.Row), // so the page can mark the row
		})
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
	for _, c := range rep.Order {
		if c.Table == table && c.Row == row {
			ids = append(ids, c.ID)
		}
	}
	return ids
}
