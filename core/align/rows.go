package align

import (
	"nianbao/core/template"
)

// rowRead is one template row as found in the text.
type rowRead struct {
	row   template.Row
	label label   // where its label stands
	vals  []piece // the values between its label and the next row's
	cells []piece // its cells, when ok
	ok    bool
	// splits counts the ways run-together digits could be cut into the row's cells
	// (0 when nothing was run together); more than one leaves the row unread unless
	// the table's column arithmetic picks one of cands.
	splits int
	cands  [][]piece
}

// rowCheck returns the arithmetic a row's cells must satisfy, for deciding how to cut
// run-together digits; nil accepts only a cut that is forced.
type rowCheck func(template.Row) func([]float64) bool

// anchored reads rows by their labels: it finds the labels in order within [from, to)
// (label anchors), takes the values between each label and the next (row spans), and
// makes them the row's cells (values to cells); want(row) is how many cells the row
// has. ok reports every row read.
func (a *aligner) anchored(t *template.Table, rows []template.Row, from, to int, want func(template.Row) int, check rowCheck) ([]rowRead, bool) {
	out := make([]rowRead, len(rows))
	cursor := from
	for i, r := range rows {
		out[i] = rowRead{row: r, label: a.findLabel(r, cursor, to)}
		if out[i].label.found() {
			cursor = out[i].label.last + 1
		}
	}
	all := true
	for i := range out {
		if !out[i].label.found() {
			all = false
			continue
		}
		end := to
		for k := i + 1; k < len(out); k++ {
			if out[k].label.found() {
				end = out[k].label.first
				break
			}
		}
		out[i].vals = a.spanValues(out[i].label.last+1, end, a.foreign(t, rowIndex(t, out[i].row.ID)))
		out[i].vals = a.unspanned(out[i].vals, want(out[i].row))
		var f func([]float64) bool
		if check != nil {
			f = check(out[i].row)
		}
		out[i].cells, out[i].ok, out[i].splits, out[i].cands = cellsOf(out[i].vals, want(out[i].row), f)
		all = all && out[i].ok
	}
	return out, all
}

// unspanned returns the values of a row of one cell whose cell a converter repeated
// over the columns it spans (docling's Markdown: "| 行政许可 | 52425 | 52425 | 52425 |"
// under a header spanning three columns): one value, as every cell holds it, whichever
// is the row's. Other values are returned as they are.
func (a *aligner) unspanned(vals []piece, n int) []piece {
	if n != 1 || len(vals) < 2 || len(vals) > 4 {
		return vals
	}
	for _, p := range vals {
		if p.blank || p.tok < 0 || !a.toks[p.tok].Cell || a.toks[p.tok].Line != a.toks[vals[0].tok].Line || p.raw != vals[0].raw {
			return vals
		}
	}
	return vals[:1]
}

// rowIndex returns the index of row id in t.Rows.
func rowIndex(t *template.Table, id string) int {
	for i := range t.Rows {
		if t.Rows[i].ID == id {
			return i
		}
	}
	return -1
}

// cellsOf makes a row's n cells of its values: each value a cell, blanks filling the
// places numbers leave, or run-together digits cut the one way check allows. When
// more than one cut fits, it returns them as candidates and their count.
func cellsOf(vals []piece, n int, check func([]float64) bool) (cells []piece, ok bool, splits int, cands [][]piece) {
	if cells, ok := fit(vals, n); ok {
		return cells, true, 0, nil
	}
	cands, splits = split(vals, n, check)
	if splits == 1 {
		return cands[0], true, 1, cands
	}
	return nil, false, splits, cands
}
