package align

import (
	"strings"
	"unicode/utf8"

	"nianbao/core/token"
)

// The third stage: the values of a row span. Between a row's label and the next
// row's stand its values — numbers and blank cells — and whatever else a layout put
// there: page numbers, the pieces of a group label printed down the side ("三、本",
// "年"), the rest of a wrapped label. Those are stepped over; prose ends the span.

// spanValues returns the values among tokens [from, to): numbers (less the tail a
// following label's item number claimed), and blank cells; not page numbers, nor
// the blanks of spanned headers, nor numbers inside a label's bracketed note. It stops
// at a sentence: the values of a table do not continue past prose.
func (a *aligner) spanValues(from, to int) []piece {
	var out []piece
	for i := from; i < to && i < len(a.toks); i++ {
		t := &a.toks[i]
		switch {
		case t.PageNum || t.Filler:
		case t.Kind == token.Text:
			if prose(t.Text) {
				if n := len(out); n > 0 && out[n-1].tok == i-1 && t.Gap == token.GapNone {
					out = out[:n-1] // the sentence's own number ("共收到申请8件，…")
				}
				return out
			}
		case a.itemOnly(i):
			// wholly an item number of the label after it
		default:
			out = append(out, a.whole(i))
		}
	}
	return out
}

// itemOnly reports a number token that is wholly the item number of the label
// after it.
func (a *aligner) itemOnly(i int) bool {
	n, ok := a.claimed[i]
	return ok && n >= len(a.toks[i].Text)
}

// prose reports text that is a sentence rather than a label or a piece of one.
func prose(s string) bool {
	if strings.ContainsAny(s, "。；！？") {
		return true
	}
	return utf8.RuneCountInString(s) > 40 && strings.Contains(s, "，")
}

// plainOrder returns the value tokens of [from, to) in reading order: numbers, and
// blanks that share a line with a number or stand between two numbers with no text
// between (one cell per line). Blanks of header lines are not values.
func (a *aligner) plainOrder(from, to int) []piece {
	hasNum := map[int]bool{}
	for i := from; i < to; i++ {
		if t := &a.toks[i]; t.Kind == token.Number && !t.PageNum {
			hasNum[t.Line] = true
		}
	}
	var out []piece
	var pending []piece // blanks waiting for the next number
	seenNum := false
	for i := from; i < to; i++ {
		t := &a.toks[i]
		switch {
		case t.PageNum || t.Filler || a.itemOnly(i):
		case t.Kind == token.Text:
			pending = nil
			seenNum = false
		case t.Kind == token.Blank && hasNum[t.Line]:
			out = append(out, a.whole(i))
		case t.Kind == token.Blank:
			if seenNum {
				pending = append(pending, a.whole(i))
			}
		default:
			out = append(out, pending...)
			pending = nil
			out = append(out, a.whole(i))
			seenNum = true
		}
	}
	return out
}

// inOrder returns the value tokens of [from, to) in reading order, with blocks that a
// PDF printed column by column (ncols runs of equal length, one number per line)
// turned back into rows.
func (a *aligner) inOrder(from, to, ncols int) (seq []piece, transposed bool) {
	flat, transposed := a.inOrderTokens(from, to, ncols)
	return a.wholes(flat), transposed
}

func (a *aligner) inOrderTokens(from, to, ncols int) (flat []int, transposed bool) {
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
