package align

import (
	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// t2Strategies are the ways 表二 is read, in the order they are tried.
var t2Strategies = []strategy{
	byLabels,
	inTemplateOrder(func(a *aligner, tr *tableRead) ([]piece, string) { return a.plainOrder(tr.from, tr.to), "" }),
}

// readT2 rebuilds 表二 and returns the generation its wording belongs to, or nil.
func (a *aligner) readT2() *template.Generation {
	from, to := a.t2[0], a.t2[1]
	if from < 0 {
		return nil
	}
	gen := a.generation(from, to)
	t := gen.T2
	a.rep.Tables = append(a.rep.Tables, t)
	tr := &tableRead{t: t, rows: t.Rows, from: from, to: to,
		width: func(r template.Row) int { return len(r.Cols) }}
	a.run(tr, t2Strategies)
	a.fillTable(tr, a.grid(t, t.Rows, t.Cols))
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
			text := dropGroupPrefix(tk.Key)
			if !a.comparable(t, text, match[0].Label) {
				continue
			}
			a.rep.Labels = append(a.rep.Labels, report.Label{Table: t.ID, Row: "header." + match[0].ID,
				Text: text, Want: match[0].Label, Start: tk.Start, End: tk.End})
		}
	}
}
