package align

import (
	"fmt"

	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// readT2 rebuilds 表二 and returns the generation its wording belongs to, or nil.
func (a *aligner) readT2() *template.Generation {
	from, to := a.t2[0], a.t2[1]
	if from < 0 {
		return nil
	}
	gen := a.generation(from, to)
	t := gen.T2
	a.rep.Tables = append(a.rep.Tables, t)
	cells := a.grid(t, t.Rows, t.Cols)
	want := func(r template.Row) int { return len(r.Cols) }
	anch, ok := a.anchored(t.Rows, from, to, want, nil)
	total := 0
	for _, r := range t.Rows {
		total += want(r)
	}
	seq := a.plainOrder(from, to)
	switch {
	case ok:
		for i, rr := range anch {
			fillPieces(cells[i], rr.cells)
		}
		a.noteSplits(t.ID, anch)
		a.recordLabels(t.ID, t.Rows, anchorsOf(anch))
	case len(seq) == total:
		k := 0
		for i, r := range t.Rows {
			a.fillRow(cells[i], seq[k:k+want(r)])
			k += want(r)
		}
		a.recordLabels(t.ID, t.Rows, a.labelsAnywhere(t.Rows, from, to))
		s, e := a.span(seq)
		a.rep.Reader("read.order", "info", "表二的行标签与数字不在一起（常见于从 PDF 复制的文本），已按模板的行序读取数字", s, e)
	default:
		a.noteSplits(t.ID, anch)
		for i, rr := range anch {
			switch {
			case rr.ok:
				fillPieces(cells[i], rr.cells)
			case rr.splits > 1:
				a.ambiguousSplit(t.ID, rr, cells[i])
			case rr.anchor < 0:
				a.rep.Reader("read.missing", "warning", fmt.Sprintf("未找到表二“%s”行，该行无法读取", rr.row.Label), -1, -1, rowIDs(cells[i])...)
			default:
				s, e := a.toks[rr.anchor].Start, a.toks[rr.anchor].End
				a.rep.Reader("read.count", "warning", fmt.Sprintf("表二“%s”行读到 %d 个值（%s），应为 %d 个；该行留空",
					rr.row.Label, len(rr.vals), describe(rr.vals, a.toks), want(rr.row)), s, e, rowIDs(cells[i])...)
			}
		}
		a.recordLabels(t.ID, t.Rows, anchorsOf(anch))
	}
	a.recordHeaders(t, from, to)
	return gen
}

// generation picks the template generation whose 表二 wording the region uses most.
func (a *aligner) generation(from, to int) *template.Generation {
	best, score := template.Generations[0], 0
	for _, g := range template.Generations {
		n := 0
		for i := from; i < to; i++ {
			if t := &a.toks[i]; t.Kind == token.Text && template.Match(g.Markers, t.Key) {
				n++
			}
		}
		if n > score {
			best, score = g, n
		}
	}
	return best
}

// recordHeaders keeps 表二's column headings as printed, for label.altered.
func (a *aligner) recordHeaders(t *template.Table, from, to int) {
	seen := map[string]bool{}
	for i := from; i < to; i++ {
		tk := &a.toks[i]
		if tk.Kind != token.Text {
			continue
		}
		var match []template.Col
		for _, c := range t.Cols {
			if template.Match(c.Key, tk.Key) {
				match = append(match, c)
			}
		}
		// one heading per cell: several run together cannot be compared one by one
		if len(match) == 1 && !seen[tk.Key] {
			seen[tk.Key] = true
			text := tk.Key
			text = dropGroupPrefix(text)
			a.rep.Labels = append(a.rep.Labels, report.Label{Table: t.ID, Row: "header." + match[0].ID,
				Text: text, Want: match[0].Label, Start: tk.Start, End: tk.End})
		}
	}
}

// plainOrder returns the value tokens of [from, to) in reading order: numbers, and
// blanks that share a line with a number or stand between two numbers with no text
// between (one cell per line). Blanks of header lines are not values.
func (a *aligner) plainOrder(from, to int) []int {
	hasNum := map[int]bool{}
	for i := from; i < to; i++ {
		if t := &a.toks[i]; t.Kind == token.Number && !t.PageNum {
			hasNum[t.Line] = true
		}
	}
	var out []int
	var pending []int // blanks waiting for the next number
	seenNum := false
	for i := from; i < to; i++ {
		t := &a.toks[i]
		switch {
		case t.PageNum || t.Filler:
		case t.Kind == token.Text:
			pending = nil
			seenNum = false
		case t.Kind == token.Blank && hasNum[t.Line]:
			out = append(out, i)
		case t.Kind == token.Blank:
			if seenNum {
				pending = append(pending, i)
			}
		default:
			out = append(out, pending...)
			pending = nil
			out = append(out, i)
			seenNum = true
		}
	}
	return out
}
