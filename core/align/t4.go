package align

import (
	"fmt"
	"slices"
	"strings"

	"nianbao/core/template"
	"nianbao/core/token"
)

// t4Strategies are the ways 表四's fifteen values are read, in the order tried. PDF
// text sometimes prints them out of order in pieces; they are rearranged only into
// an order in which every group's 总计 equals its parts, and only where one such order
// is closest to the text. What stays undecided is left unknown.
var t4Strategies = []strategy{
	{name: "order", doc: "表四的十五个数值按文本顺序读取（表格前后的填充空格除外）。",
		read: func(a *aligner, tr *tableRead) bool {
			seq := tr.seq
			if len(seq) > 15 {
				if cells, ok := fit(seq, 15); ok {
					seq = cells // padding cells around the row
				}
			}
			if len(seq) != 15 || !t4Holds(seq) {
				return false
			}
			tr.seq = seq
			return true
		}},
	{name: "run together", doc: "数字连写（如爬虫文本）：只有一种拆分使各组“总计=各项之和”时按此读取，有多种时留空。",
		read: func(a *aligner, tr *tableRead) bool {
			seq := tr.seq
			if len(seq) >= 15 {
				return false
			}
			ps, n := split(seq, 15, t4Groups)
			s, e := spanOf(seq)
			switch {
			case n == 1:
				var parts []string
				for _, p := range ps[0] {
					parts = append(parts, p.raw)
				}
				a.rep.Reader("read.split", "info", fmt.Sprintf("表四的数字连写为“%s”，只有一种拆分（%s）符合各组“总计=各项之和”，已按此读取",
					describe(seq), strings.Join(parts, " ")), s, e)
				tr.seq = ps[0]
				return true
			case n > 1:
				a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字连写为“%s”，有多种拆分都符合各组合计，无法确定，表四留空",
					describe(seq)), s, e, t4IDs()...)
				tr.seq = nil
			case len(seq) > 0 && len(seq) < 4 && runTogether(seq):
				a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字连写为“%s”，没有一种拆分能使各组“总计=各项之和”，无法确定各格的值，表四留空",
					describe(seq)), s, e, t4IDs()...)
				tr.seq = nil
			}
			return false
		}},
	{name: "pieces rearranged", doc: "PDF 文本中分段错位的数值：只重排为唯一使各组“总计=各项之和”且最接近原文顺序的排列；不唯一时，不能确定的格留空。",
		read: func(a *aligner, tr *tableRead) bool {
			seq := tr.seq
			if len(seq) > 15 {
				if cells, ok := fit(seq, 15); ok {
					seq = cells
				}
			}
			if len(seq) != 15 {
				if seq != nil {
					s, e := spanOf(seq)
					if s < 0 {
						s, e = a.toks[tr.from].Start, a.toks[tr.from].End
					}
					a.rep.Reader("read.count", "warning", fmt.Sprintf("表四读到 %d 个值（%s），应为 15 个；无法确定各值所属的格，表四留空",
						len(seq), describe(seq)), s, e, t4IDs()...)
				}
				tr.seq = nil
				return false
			}
			orders := a.t4Orders(seq)
			s, e := spanOf(seq)
			switch len(orders) {
			case 0:
				tr.seq = seq // the report's own arithmetic is wrong: keep the text's order
				return true
			case 1:
				tr.seq = orders[0]
				a.rep.Reader("read.order", "info", "表四的数字在文本中分段错位（常见于从 PDF 复制的文本），已按唯一使各组“总计=各项之和”且最接近原文顺序的排列读取", s, e, t4IDs()...)
				return true
			}
			// the cells every order agrees on are read; the others are not
			var undecided, groups []string
			seen := map[string]bool{}
			ids := t4IDs()
			tr.seq = make([]piece, 15)
			for k := range tr.seq {
				same := true
				for _, o := range orders[1:] {
					same = same && o[k].tok == orders[0][k].tok
				}
				if same {
					tr.seq[k] = orders[0][k]
					continue
				}
				tr.seq[k] = piece{tok: -1, start: -1, end: -1, unread: true}
				undecided = append(undecided, ids[k])
				if g := groupLabel(tr.t.Rows[k/5]); !seen[g] {
					seen[g] = true
					groups = append(groups, "“"+g+"”")
				}
			}
			a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("表四的数字在文本中分段错位，有 %d 种排列同样符合“总计=各项之和”且与原文顺序同样接近，无法确定%s的值，已留空；请核对原件",
				len(orders), strings.Join(groups, "和")), s, e, undecided...)
			return true
		}},
}

// readT4 rebuilds 表四: fifteen values in reading order.
func (a *aligner) readT4() {
	from, to := a.t4[0], a.t4[1]
	if from < 0 {
		return
	}
	t := template.T4
	a.rep.Tables = append(a.rep.Tables, t)
	cells := a.grid(t, t.Rows, t.Cols)
	tr := &tableRead{t: t, rows: t.Rows, from: from, to: to, seq: a.plainOrder(from, to)}
	a.run(tr, t4Strategies)
	if tr.by == "" {
		return
	}
	k := 0
	for _, row := range cells {
		fillPieces(row, tr.seq[k:k+len(row)])
		k += len(row)
	}
}

// t4IDs lists 表四's cells in their printed order.
func t4IDs() []string {
	var ids []string
	for _, r := range template.T4.Rows {
		for _, c := range template.T4.Cols {
			ids = append(ids, template.CellID("t4", r.ID, c.ID))
		}
	}
	return ids
}

// t4Holds reports whether every group's 总计 equals its parts in this order.
func t4Holds(seq []piece) bool {
	for g := 0; g+5 <= len(seq); g += 5 {
		sum := 0.0
		for k := 0; k < 4; k++ {
			if seq[g+k].blank {
				return false
			}
			sum += seq[g+k].value
		}
		if seq[g+4].blank || sum != seq[g+4].value {
			return false
		}
	}
	return true
}

// t4Orders returns the rearrangements of the text's pieces (runs of values with no
// text between them) in which every group holds, those that move the fewest pieces
// out of their text order. Counting pieces, not values, keeps a long piece from
// outweighing a short one: the text says nothing about which should move.
func (a *aligner) t4Orders(seq []piece) [][]piece {
	var pieces [][]piece
	for i, p := range seq {
		if i == 0 || a.textBetween(seq[i-1].tok, p.tok) {
			pieces = append(pieces, nil)
		}
		pieces[len(pieces)-1] = append(pieces[len(pieces)-1], p)
	}
	if len(pieces) < 2 || len(pieces) > 7 {
		return nil
	}
	var best [][]piece
	bestCost := -1
	perm := make([]int, len(pieces))
	used := make([]bool, len(pieces))
	order := make([]piece, 0, len(seq)) // each permutation's, copied only when kept
	var walk func(d int)
	walk = func(d int) {
		if d == len(pieces) {
			order = order[:0]
			for _, p := range perm {
				order = append(order, pieces[p]...)
			}
			if !t4Holds(order) {
				return
			}
			cost := inversions(perm)
			switch {
			case bestCost < 0 || cost < bestCost:
				best, bestCost = [][]piece{slices.Clone(order)}, cost
			case cost == bestCost:
				best = append(best, slices.Clone(order))
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
func runTogether(seq []piece) bool {
	digits := 0
	for _, p := range seq {
		digits += len(p.raw)
	}
	return digits >= 15
}
