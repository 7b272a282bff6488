package align

import (
	"strconv"

	"nianbao/core/report"
	"nianbao/core/token"
)

// piece is one cell's worth of the text: a whole value token, or part of a run of
// digits that held several cells with no separator ("640020470").
type piece struct {
	tok        int // index of the token it comes from
	start, end int // byte offsets in the normalised text
	raw        string
	value      float64
	blank      bool
}

func (a *aligner) whole(i int) piece {
	t := &a.toks[i]
	return piece{tok: i, start: t.Start, end: t.End, raw: t.Text, value: t.Value, blank: t.Kind == token.Blank}
}

func (a *aligner) wholes(idx []int) []piece {
	out := make([]piece, len(idx))
	for k, i := range idx {
		out[k] = a.whole(i)
	}
	return out
}

// fillPieces fills a row's cells in order.
func fillPieces(cells []*report.Cell, ps []piece) {
	for k, p := range ps {
		if k >= len(cells) {
			return
		}
		c := cells[k]
		c.Unread = false
		c.Start, c.End, c.Raw = p.start, p.end, p.raw
		if p.blank {
			c.Blank = true
			continue
		}
		v := p.value
		c.Value = &v
	}
}

// maxSplitNodes bounds the search for splits of run-together digits.
const maxSplitNodes = 200000

// maxCands bounds the candidate splits kept for a later decision by column arithmetic.
const maxCands = 16

// split cuts run-together digit strings among the number tokens idx into n values.
// It returns the splits that check accepts (check nil: any split), at most maxCands of
// them, and how many there were: 0 or more than 1 means the row alone does not decide.
func (a *aligner) split(idx []int, n int, check func([]float64) bool) ([][]piece, int) {
	for _, i := range idx {
		if a.toks[i].Kind != token.Number {
			return nil, 0
		}
	}
	if len(idx) == 0 || len(idx) >= n {
		return nil, 0
	}
	var found [][]piece
	count, nodes := 0, 0
	cur := make([]piece, 0, n)
	var walk func(k, pos int)
	walk = func(k, pos int) {
		nodes++
		if nodes > maxSplitNodes || count > maxCands {
			return
		}
		if k == len(idx) {
			if len(cur) != n {
				return
			}
			vals := make([]float64, n)
			for j, p := range cur {
				vals[j] = p.value
			}
			if check == nil || check(vals) {
				count++
				if count <= maxCands {
					found = append(found, append([]piece{}, cur...))
				}
			}
			return
		}
		t := &a.toks[idx[k]]
		digits := t.Text
		if !t.Int || !allDigits(digits) {
			if pos == 0 {
				cur = append(cur, a.whole(idx[k]))
				walk(k+1, 0)
				cur = cur[:len(cur)-1]
			}
			return
		}
		left := n - len(cur) - (len(idx) - k - 1) // cells this token may still give
		for end := pos + 1; end <= len(digits); end++ {
			part := digits[pos:end]
			if len(part) > 1 && part[0] == '0' {
				break
			}
			v, _ := strconv.ParseFloat(part, 64)
			cur = append(cur, piece{tok: idx[k], start: t.Start + pos, end: t.Start + end, raw: part, value: v})
			if end == len(digits) {
				walk(k+1, 0)
			} else if left > 1 {
				walk(k, end)
			}
			cur = cur[:len(cur)-1]
		}
	}
	walk(0, 0)
	if nodes > maxSplitNodes || count > maxCands {
		return nil, maxCands + 1 // too many to tell apart
	}
	return found, count
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
