package align

import (
	"nianbao/core/internal/cjk"
	"sync"
	"unicode/utf8"

	"nianbao/core/template"
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
func (a *aligner) spanValues(from, to int, stop func(tok int) bool) []piece {
	var buf []piece
	if a.scratch != nil {
		buf = a.scratch.values[:0]
	}
	out := a.spanValuesTo(buf, from, to, stop)
	if a.scratch != nil {
		a.scratch.values = out[:0]
	}
	return a.keepPieces(out)
}

// spanValuesTo is spanValues appending to out.
func (a *aligner) spanValuesTo(out []piece, from, to int, stop func(tok int) bool) []piece {
	for i := from; i < to && i < len(a.toks); i++ {
		t := &a.toks[i]
		switch {
		case t.PageNum || t.Filler:
		case t.Kind == token.Text:
			if stop != nil && stop(i) {
				return out // another row's label, or a header: the row ended before it
			}
			if prose(t.Text) {
				if n := len(out); n > 0 && out[n-1].tok == i-1 && t.Gap == token.GapNone {
					out = out[:n-1] // the sentence's own number ("共收到申请8件，…")
				}
				return out
			}
			if p, ok := a.misread(i); ok {
				out = append(out, p)
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

// foreign returns what ends the span of row r in table t: text holding another row's
// label or a column's header, even where that row was not found as an anchor (its
// label altered, or printed after its values): a row's values do not continue past
// another row's words.
func (a *aligner) foreign(t *template.Table, r int) func(tok int) bool {
	if t == nil || r < 0 || r >= 62 {
		return nil
	}
	// rows whose words the row's own label holds are not another row's
	others := ^(kin(t)[r] | 1<<r)
	return func(tok int) bool {
		rows, cols := a.vocabulary(t, tok)
		if rows&(1<<r) != 0 {
			return false // the rest of its own label, wrapped
		}
		return cols || rows&others != 0 || t.ID == "t2" && cjk.Contains(a.toks[tok].Key, "第二十条")
	}
}

// kin returns, for each row of t, the rows whose key its label matches (a bit each).
func kin(t *template.Table) []uint64 {
	if k, ok := kinOf.Load(t); ok {
		return k.([]uint64)
	}
	k := make([]uint64, len(t.Rows))
	for i, r := range t.Rows {
		for j, o := range t.Rows {
			if j < 62 && template.Match(o.Key, r.Label) {
				k[i] |= 1 << j
			}
		}
	}
	kinOf.Store(t, k)
	return k
}

var kinOf sync.Map // *template.Table -> []uint64

// vocabulary returns which of table t's rows (a bit each, by index in t.Rows) and
// whether any of its columns text token tok names, worked out once per token.
func (a *aligner) vocabulary(t *template.Table, tok int) (rows uint64, cols bool) {
	if a.vocab == nil || a.vocabOf != t {
		a.vocab, a.vocabOf = a.newVocab(), t
	}
	if v := a.vocab[tok]; v != 0 {
		return v &^ (3 << 62), v&(1<<62) != 0
	}
	key := a.toks[tok].Key
	for i, o := range t.Rows {
		if i < 62 && (template.Match(o.Key, key) || suffixOf(o.Key, key)) {
			rows |= 1 << i
		}
	}
	for _, c := range t.Cols {
		if template.Match(c.Key, key) {
			cols = true
			break
		}
	}
	v := rows | 1<<63 // worked out
	if cols {
		v |= 1 << 62
	}
	a.vocab[tok] = v
	return rows, cols
}

// newVocab returns an empty vocabulary cache, the scratch's when there is one.
func (a *aligner) newVocab() []uint64 {
	if a.scratch == nil {
		return make([]uint64, len(a.toks))
	}
	v := a.scratch.vocab
	if cap(v) < len(a.toks) {
		v = make([]uint64, len(a.toks))
	} else {
		v = v[:len(a.toks)]
		clear(v)
	}
	a.scratch.vocab = v
	return v
}

// misread returns text token i as a value misread as letters (token.Garbled), set
// apart from what stands before it: a piece in a value's place whose value is unknown.
func (a *aligner) misread(i int) (piece, bool) {
	t := &a.toks[i]
	if !t.Misread() {
		return piece{}, false
	}
	return piece{tok: i, start: t.Start, end: t.End, raw: t.Text, garbled: true}, true
}

// prose reports text that is a sentence rather than a label or a piece of one.
func prose(s string) bool {
	// four quick looks rather than strings.ContainsAny, which looks each character
	// of s up in a set beyond ASCII
	if cjk.Contains(s, "。") || cjk.Contains(s, "；") || cjk.Contains(s, "！") || cjk.Contains(s, "？") {
		return true
	}
	return utf8.RuneCountInString(s) > 40 && cjk.Contains(s, "，")
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
			if p, ok := a.misread(i); ok && hasNum[t.Line] {
				out = append(out, p) // a value on a line of values
				break
			}
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
