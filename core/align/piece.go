package align

import (
	"strconv"
	"strings"

	"nianbao/core/report"
	"nianbao/core/token"
)

// piece is a value of the text: a number or a blank cell, whole or part of a token
// (the head a following label's item number left, "12" of "127.属于行政执法案卷"), or
// one cell's worth of a run of digits that held several cells with no separator
// ("640020470").
type piece struct {
	tok        int // index of the token it comes from; -1 for a blank no token shows
	start, end int // byte offsets in the normalised text
	raw        string
	value      float64
	blank      bool
	integer    bool // written as an integer: a run of digits that may be cut
	unread     bool // a cell no reading decided: it stays unknown
	garbled    bool // text where a value stands ("l", "O", "1O": OCR's letters for digits): unknown, its text kept
}

// whole is token i as a value, less the tail a following label claims.
func (a *aligner) whole(i int) piece {
	t := &a.toks[i]
	p := piece{tok: i, start: t.Start, end: t.End, raw: t.Text, value: t.Value, blank: t.Kind == token.Blank, integer: t.Int}
	if n := a.claimed[i]; n > 0 && n < len(t.Text) {
		p.raw = t.Text[:len(t.Text)-n]
		p.end -= n
		p.value, _ = strconv.ParseFloat(p.raw, 64)
	}
	return p
}

func (a *aligner) wholes(idx []int) []piece {
	out := make([]piece, len(idx))
	for k, i := range idx {
		out[k] = a.whole(i)
	}
	return out
}

// numbers counts the pieces that are numbers.
func numbers(ps []piece) int {
	n := 0
	for _, p := range ps {
		if !p.blank {
			n++
		}
	}
	return n
}

// fit chooses n cells from a row's values: every number is a cell, and blanks fill
// the places numbers leave — blanks between numbers first, then those after them,
// then those before (padding cells around a row are common, a blank inside it is a
// blank cell). ok is false when there are more numbers than cells, or too few values.
func fit(ps []piece, n int) (cells []piece, ok bool) {
	first, last, nums := -1, -1, 0
	for k, p := range ps {
		if !p.blank {
			if first < 0 {
				first = k
			}
			last = k
			nums++
		}
	}
	if nums > n || len(ps) < n {
		return nil, false
	}
	need := n - nums
	take := make([]bool, len(ps))
	for _, zone := range [3][2]int{{first + 1, last}, {last + 1, len(ps)}, {0, first}} {
		for k := zone[0]; k < zone[1] && need > 0; k++ {
			if k >= 0 && ps[k].blank && !take[k] {
				take[k] = true
				need--
			}
		}
	}
	if first < 0 { // no number at all: the first blanks
		for k := 0; k < len(ps) && need > 0; k++ {
			take[k], need = true, need-1
		}
	}
	cells = make([]piece, 0, n)
	for k, p := range ps {
		if take[k] || !p.blank {
			cells = append(cells, p)
		}
	}
	return cells, len(cells) == n
}

// spanOf returns the offsets covering the pieces, -1 when there are none.
func spanOf(ps []piece) (int, int) {
	if len(ps) == 0 {
		return -1, -1
	}
	start, end := ps[0].start, ps[0].end
	for _, p := range ps[1:] {
		start = min(start, p.start)
		end = max(end, p.end)
	}
	return start, end
}

// describe writes values as the text has them, for messages.
func describe(ps []piece) string {
	var parts []string
	for _, p := range ps {
		if p.blank {
			parts = append(parts, "空")
		} else {
			parts = append(parts, p.raw)
		}
		if len(parts) == 12 {
			parts = append(parts, "…")
			break
		}
	}
	return strings.Join(parts, " ")
}

// fillPieces fills a row's cells in order.
func fillPieces(cells []*report.Cell, ps []piece) {
	for k, p := range ps {
		if k >= len(cells) {
			return
		}
		c := cells[k]
		if p.unread {
			continue
		}
		if p.garbled {
			// the cell's place is known, its value is not: it stays unread, with the
			// text the report has there for the reader to see
			c.Start, c.End, c.Raw = p.start, p.end, p.raw
			continue
		}
		c.Unread = false
		c.Start, c.End, c.Raw = p.start, p.end, p.raw
		if p.blank {
			c.Blank = true
			continue
		}
		c.SetValue(p.value)
	}
}

// maxSplitNodes bounds the search for splits of run-together digits.
const maxSplitNodes = 200000

// maxCands bounds the candidate splits kept for a later decision by column arithmetic.
const maxCands = 16

// split cuts run-together digit strings among the values ps into n values. It
// returns the splits that check accepts (check nil: any split), at most maxCands of
// them, and how many there were: 0 or more than 1 means the row alone does not decide.
func split(ps []piece, n int, check func([]float64) bool) ([][]piece, int) {
	for _, p := range ps {
		if p.blank {
			return nil, 0
		}
	}
	if len(ps) == 0 || len(ps) >= n {
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
		if k == len(ps) {
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
		p := ps[k]
		digits := p.raw
		// digits may be cut only before a decimal point: "14386.5" is 14|386.5 or
		// 143|86.5, the decimals stay with the last cell
		last := len(digits)
		if !p.integer {
			last = strings.IndexByte(digits, '.')
		}
		if last <= 0 || !allDigits(digits[:last]) || !p.integer && !allDigits(digits[last+1:]) {
			if pos == 0 {
				cur = append(cur, p)
				walk(k+1, 0)
				cur = cur[:len(cur)-1]
			}
			return
		}
		left := n - len(cur) - (len(ps) - k - 1) // cells this piece may still give
		for end := pos + 1; end <= last; end++ {
			part := digits[pos:end]
			if len(part) > 1 && part[0] == '0' {
				break
			}
			if end == last {
				part = digits[pos:] // with the decimals
			}
			v, _ := strconv.ParseFloat(part, 64)
			cur = append(cur, piece{tok: p.tok, start: p.start + pos, end: p.start + pos + len(part), raw: part, value: v, integer: end < last || p.integer})
			if end == last {
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
