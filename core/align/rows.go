package align

import (
	"nianbao/core/template"
	"nianbao/core/token"
)

// rowRead is one template row as found in the text.
type rowRead struct {
	row    template.Row
	anchor int     // token index of its label, -1 when not found
	vals   []int   // value tokens between its label and the next row's
	cells  []piece // its cells, when ok
	ok     bool
	// splits counts the ways run-together digits could be cut into the row's cells
	// (0 when nothing was run together); more than one leaves the row unread unless
	// the table's column arithmetic picks one of cands.
	splits int
	cands  [][]piece
}

// rowCheck returns the arithmetic a row's cells must satisfy, for deciding how to cut
// run-together digits; nil accepts only a cut that is forced.
type rowCheck func(template.Row) func([]float64) bool

// anchored finds the rows' labels in order within [from, to) and takes the values
// between each label and the next as that row's cells; want(row) is how many cells the
// row has.
func (a *aligner) anchored(rows []template.Row, from, to int, want func(template.Row) int, check rowCheck) ([]rowRead, bool) {
	out := make([]rowRead, len(rows))
	cursor := from
	for i, r := range rows {
		out[i] = rowRead{row: r, anchor: -1}
		if j := a.find(cursor, to, r.Key); j >= 0 {
			out[i].anchor = j
			cursor = j + 1
		}
	}
	all := true
	for i := range out {
		if out[i].anchor < 0 {
			all = false
			continue
		}
		end := to
		for k := i + 1; k < len(out); k++ {
			if out[k].anchor >= 0 {
				end = out[k].anchor
				break
			}
		}
		out[i].vals = a.values(out[i].anchor+1, end)
		n := want(out[i].row)
		idx, ok := a.fit(out[i].vals, n)
		if ok {
			out[i].cells, out[i].ok = a.wholes(idx), true
		} else {
			var f func([]float64) bool
			if check != nil {
				f = check(out[i].row)
			}
			out[i].cands, out[i].splits = a.split(out[i].vals, n, f)
			if out[i].splits == 1 {
				out[i].cells, out[i].ok = out[i].cands[0], true
			}
		}
		all = all && out[i].ok
	}
	return out, all
}

// inOrder returns the value tokens of [from, to) in reading order, with blocks that a
// PDF printed column by column (ncols runs of equal length, one number per line)
// turned back into rows.
func (a *aligner) inOrder(from, to, ncols int) (flat []int, transposed bool) {
	type run struct{ toks []int }
	var runs []run
	var cur []int
	lastLine := -2
	textSince := false
	// a run is a stack of lines holding one value each, with nothing between them
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, run{toks: cur})
			cur = nil
		}
	}
	lineCount := map[int]int{}
	lineText := map[int]bool{}
	for i := from; i < to; i++ {
		t := &a.toks[i]
		if t.PageNum {
			continue
		}
		if t.Kind == token.Text {
			lineText[t.Line] = true
		} else if !t.Filler {
			lineCount[t.Line]++
		}
	}
	var seps []bool // seps[k]: text lies between runs[k-1] and runs[k]
	for i := from; i < to; i++ {
		t := &a.toks[i]
		if t.PageNum || t.Filler {
			continue
		}
		if t.Kind == token.Text {
			textSince = true
			flush()
			continue
		}
		if t.Kind == token.Blank && lineCount[t.Line] == 0 {
			continue
		}
		single := lineCount[t.Line] == 1 && !lineText[t.Line]
		if !single {
			flush()
			runs = append(runs, run{toks: []int{i}})
			seps = append(seps, textSince)
			textSince = false
			lastLine = -2
			continue
		}
		if len(cur) == 0 || t.Line != lastLine+1 {
			flush()
			seps = append(seps, textSince)
			textSince = false
		}
		cur = append(cur, i)
		lastLine = t.Line
	}
	flush()
	for k := 0; k < len(runs); {
		n := len(runs[k].toks)
		if n >= 2 && k+ncols <= len(runs) {
			same := true
			for j := k + 1; j < k+ncols; j++ {
				if len(runs[j].toks) != n || seps[j] {
					same = false
					break
				}
			}
			if same {
				for r := 0; r < n; r++ {
					for c := 0; c < ncols; c++ {
						flat = append(flat, runs[k+c].toks[r])
					}
				}
				transposed = true
				k += ncols
				continue
			}
		}
		flat = append(flat, runs[k].toks...)
		k++
	}
	return flat, transposed
}

// labelsAnywhere finds each row's label anywhere in [from, to), in any order, for
// reports whose labels stand apart from their numbers.
func (a *aligner) labelsAnywhere(rows []template.Row, from, to int) []int {
	out := make([]int, len(rows))
	used := map[int]bool{}
	for i, r := range rows {
		out[i] = -1
		m := template.MatcherOf(r.Key)
		for j := from; j < to; j++ {
			t := &a.toks[j]
			if t.Kind == token.Text && !used[j] && m.Match(t.Key) {
				out[i] = j
				used[j] = true
				break
			}
		}
	}
	return out
}
