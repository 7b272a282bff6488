package align

import (
	"fmt"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// readT4 rebuilds 表四: fifteen values in reading order. PDF text sometimes prints
// them out of order in pieces; then the pieces are rearranged only into an order in
// which every group's 总计 equals its parts, and only where one such order is closest
// to the text. What stays undecided is left unknown.
func (a *aligner) readT4() {
	from, to := a.t4[0], a.t4[1]
	if from < 0 {
		return
	}
	t := template.T4
	a.rep.Tables = append(a.rep.Tables, t)
	cells := a.grid(t, t.Rows, t.Cols)
	var flat []*report.Cell
	for _, row := range cells {
		flat = append(flat, row...)
	}
	seq := a.plainOrder(from, to)
	if len(seq) < len(flat) {
		ps, n := a.split(seq, len(flat), t4Groups)
		s, e := a.span(seq)
		switch {
		case n == 1:
			fillPieces(flat, ps[0])
			var parts []string
			for _, p := range ps[0] {
				parts = append(parts, p.raw)
			}
			a.rep.Reader("read.split", "info", fmt.Sprintf("表四的数字连写为“%s”，只有一种拆分（%s）符合各组“总计=各项之和”，已按此读取",
				describe(seq, a.toks), strings.Join(parts, " ")), s, e)
			return
		case n > 1:
			a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字连写为“%s”，有多种拆分都符合各组合计，无法确定，表四留空",
				describe(seq, a.toks)), s, e, rowIDs(flat)...)
			return
		case len(seq) > 0 && len(seq) < 4 && a.runTogether(seq):
			a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字连写为“%s”，没有一种拆分能使各组“总计=各项之和”，无法确定各格的值，表四留空",
				describe(seq, a.toks)), s, e, rowIDs(flat)...)
			return
		}
	}
	if len(seq) > len(flat) {
		if cells, ok := a.fit(seq, len(flat)); ok {
			seq = cells // padding cells around the row
		}
	}
	if len(seq) != len(flat) {
		s, e := a.span(seq)
		if s < 0 {
			s, e = a.toks[from].Start, a.toks[from].End
		}
		a.rep.Reader("read.count", "warning", fmt.Sprintf("表四读到 %d 个值（%s），应为 %d 个；无法确定各值所属的格，表四留空",
			len(seq), describe(seq, a.toks), len(flat)), s, e, rowIDs(flat)...)
		return
	}
	if a.t4Holds(seq) {
		a.fillRow(flat, seq)
		return
	}
	orders := a.t4Orders(seq)
	switch len(orders) {
	case 0:
		a.fillRow(flat, seq) // the report's own arithmetic is wrong: keep the text's order
	case 1:
		a.fillRow(flat, orders[0])
		s, e := a.span(seq)
		a.rep.Reader("read.order", "info", "表四的数字在文本中分段错位（常见于从 PDF 复制的文本），已按唯一使各组“总计=各项之和”且最接近原文顺序的排列读取", s, e, rowIDs(flat)...)
	default:
		var undecided, groups []string
		seen := map[string]bool{}
		for k := range flat {
			same := true
			for _, o := range orders[1:] {
				same = same && o[k] == orders[0][k]
			}
			if same {
				fillPieces(flat[k:k+1], []piece{a.whole(orders[0][k])})
			} else {
				undecided = append(undecided, flat[k].ID)
				if g := groupLabel(*t.Row(flat[k].Row)); !seen[g] {
					seen[g] = true
					groups = append(groups, "“"+g+"”")
				}
			}
		}
		s, e := a.span(seq)
		a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字在文本中分段错位，有 %d 种排列同样符合“总计=各项之和”且与原文顺序同样接近，无法确定%s的值，已留空；请核对原件",
			len(orders), strings.Join(groups, "和")), s, e, undecided...)
	}
}

// t4Holds reports whether every group's 总计 equals its parts in this order.
func (a *aligner) t4Holds(seq []int) bool {
	for g := 0; g+5 <= len(seq); g += 5 {
		sum := 0.0
		for k := 0; k < 4; k++ {
			sum += a.toks[seq[g+k]].Value
		}
		if a.toks[seq[g+4]].Kind != token.Number || sum != a.toks[seq[g+4]].Value {
			return false
		}
		for k := 0; k < 4; k++ {
			if a.toks[seq[g+k]].Kind != token.Number {
				return false
			}
		}
	}
	return true
}

// t4Orders returns the rearrangements of the text's pieces (runs of values with no
// text between them) in which every group holds, those that move the fewest pieces
// out of their text order. Counting pieces, not values, keeps a long piece from
// outweighing a short one: the text says nothing about which should move.
func (a *aligner) t4Orders(seq []int) [][]int {
	var pieces [][]int
	for i, idx := range seq {
		if i == 0 || a.textBetween(seq[i-1], idx) {
			pieces = append(pieces, nil)
		}
		pieces[len(pieces)-1] = append(pieces[len(pieces)-1], idx)
	}
	if len(pieces) < 2 || len(pieces) > 7 {
		return nil
	}
	var best [][]int
	bestCost := -1
	perm := make([]int, len(pieces))
	used := make([]bool, len(pieces))
	var walk func(d int)
	walk = func(d int) {
		if d == len(pieces) {
			var order []int
			for _, p := range perm {
				order = append(order, pieces[p]...)
			}
			if !a.t4Holds(order) {
				return
			}
			cost := inversions(perm)
			switch {
			case bestCost < 0 || cost < bestCost:
				best, bestCost = [][]int{order}, cost
			case cost == bestCost:
				best = append(best, order)
			}
			return
		}
		for p := range pieces {
			if !used[p] {
				used[p], perm[d] = true, p
				walk(d + 1)
				used[p] = false
			}
		}
	}
	walk(0)
	return best
}

func (a *aligner) textBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if a.toks[k].Kind == token.Text && !a.toks[k].PageNum {
			return true
		}
	}
	return false
}

// inversions counts pairs placed out of their text order.
func inversions(order []int) int {
	n := 0
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			if order[i] > order[j] {
				n++
			}
		}
	}
	return n
}

// t4Groups is the arithmetic of 表四's fifteen cells: each group's 总计 = its four parts.
func t4Groups(v []float64) bool {
	for g := 0; g+5 <= len(v); g += 5 {
		if v[g+4] != v[g]+v[g+1]+v[g+2]+v[g+3] {
			return false
		}
	}
	return len(v) == 15
}

// runTogether reports value tokens with more digits than one cell usually has.
func (a *aligner) runTogether(seq []int) bool {
	digits := 0
	for _, i := range seq {
		digits += len(a.toks[i].Text)
	}
	return digits >= 15
}
