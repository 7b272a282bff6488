package align

import (
	"fmt"

	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// readT3 rebuilds 表三 and returns the variant of its （六）其他处理 rows found
// (template.OtherSplit or OtherSingle), or "" when there is no 表三.
func (a *aligner) readT3() string {
	from, to := a.t3[0], a.t3[1]
	if from < 0 {
		return ""
	}
	t := template.T3
	a.rep.Tables = append(a.rep.Tables, t)
	other := a.otherVariant(from, to)
	variants := map[string]bool{other: true}
	rows := t.Active(variants)
	ncols := 7
	anch, ok := a.anchored(rows, from, to, func(template.Row) int { return ncols })
	if !ok && a.mostlyEight(anch) {
		ncols = 8
		variants[template.LegalSum] = true
		anch, ok = a.anchored(rows, from, to, func(template.Row) int { return ncols })
	}
	var seq []int
	transposed := false
	if !ok {
		seq, transposed = a.inOrder(from, to, ncols)
		if len(seq) != len(rows)*ncols {
			// the labels may have misled the variant: try the other one by count
			for _, alt := range []string{template.OtherSplit, template.OtherSingle} {
				altRows := t.Active(map[string]bool{alt: true})
				if alt != other && len(seq) == len(altRows)*ncols {
					other, rows = alt, altRows
					variants = map[string]bool{alt: true}
					break
				}
			}
		}
	}
	if other == "" {
		other = template.OtherSplit
		variants[other] = true
		rows = t.Active(variants)
	}
	for k := range variants {
		a.rep.Variants[k] = true
	}
	cols := t.ActiveCols(variants)
	if ncols == 8 {
		cols = a.legalSumOrder(anch, cols)
	}
	cells := a.grid(t, rows, cols)
	switch {
	case ok:
		for i, rr := range anch {
			a.fillRow(cells[i], rr.cells)
		}
		a.recordLabels(t.ID, rows, anchorsOf(anch))
	case len(seq) == len(rows)*ncols:
		for i := range rows {
			a.fillRow(cells[i], seq[i*ncols:(i+1)*ncols])
		}
		a.recordLabels(t.ID, rows, a.labelsAnywhere(rows, from, to))
		msg := "表三的行标签与数字不在一起（常见于从 PDF 复制的文本），已按模板的行序读取数字"
		if transposed {
			msg += "；其中按列打印的数字块已还原为行"
		}
		s, e := a.span(seq)
		a.rep.Reader("read.order", "info", msg, s, e)
	default:
		a.partialRows(t, anch, cells, ncols)
		a.recordLabels(t.ID, rows, anchorsOf(anch))
	}
	return other
}

// otherVariant tells the 2021 three-row （六）其他处理 from the 2019 single row by labels.
func (a *aligner) otherVariant(from, to int) string {
	t := template.T3
	if a.find(from, to, t.Row("other.nofix").Key) >= 0 || a.find(from, to, t.Row("other.nofee").Key) >= 0 {
		return template.OtherSplit
	}
	if a.find(from, to, t.Row("other").Key) >= 0 {
		return template.OtherSingle
	}
	return ""
}

// mostlyEight reports rows that mostly hold eight numbers: a 法人或其他组织 subtotal column.
func (a *aligner) mostlyEight(anch []rowRead) bool {
	eight, found := 0, 0
	for _, rr := range anch {
		if rr.anchor < 0 {
			continue
		}
		found++
		n := 0
		for _, i := range rr.vals {
			if a.toks[i].Kind == token.Number {
				n++
			}
		}
		if n == 8 {
			eight++
		}
	}
	return found > 0 && eight*2 > found
}

// legalSumOrder places the subtotal column where the report's arithmetic puts it:
// right after 自然人, or after the five kinds of organisation.
func (a *aligner) legalSumOrder(anch []rowRead, cols []template.Col) []template.Col {
	after, before := 0, 0 // votes for "after 其他" and "right after 自然人"
	for _, rr := range anch {
		if !rr.ok {
			continue
		}
		v := make([]float64, 8)
		for k, i := range rr.cells {
			v[k] = a.toks[i].Value
		}
		if v[6] == v[1]+v[2]+v[3]+v[4]+v[5] {
			after++
		}
		if v[1] == v[2]+v[3]+v[4]+v[5]+v[6] {
			before++
		}
	}
	var sum template.Col
	var rest []template.Col
	for _, c := range cols {
		if c.ID == "legalsum" {
			sum = c
		} else {
			rest = append(rest, c)
		}
	}
	pos := 1
	if after > before {
		pos = 6
	}
	out := append([]template.Col{}, rest[:pos]...)
	out = append(out, sum)
	return append(out, rest[pos:]...)
}

// partialRows fills the rows that read cleanly and reports the others.
func (a *aligner) partialRows(t *template.Table, anch []rowRead, cells [][]*report.Cell, ncols int) {
	for i, rr := range anch {
		switch {
		case rr.ok:
			a.fillRow(cells[i], rr.cells)
		case rr.anchor < 0:
			a.rep.Reader("read.missing", "warning",
				fmt.Sprintf("未找到%s“%s”行，该行各格无法读取", tableShort(t.ID), rr.row.Label), -1, -1, rowIDs(cells[i])...)
		default:
			s, e := a.toks[rr.anchor].Start, a.toks[rr.anchor].End
			if s2, e2 := a.span(rr.vals); s2 >= 0 {
				e = max(e, e2)
			}
			a.rep.Reader("read.count", "warning",
				fmt.Sprintf("%s“%s”行读到 %d 个值（%s），应为 %d 个；无法确定各值属于哪一列，该行留空",
					tableShort(t.ID), rr.row.Label, len(rr.vals), describe(rr.vals, a.toks), ncols), s, e, rowIDs(cells[i])...)
		}
	}
}

func anchorsOf(anch []rowRead) []int {
	out := make([]int, len(anch))
	for i, rr := range anch {
		out[i] = rr.anchor
	}
	return out
}
