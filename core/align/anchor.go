package align

import (
	"strings"
	"unicode/utf8"

	"nianbao/core/template"
	"nianbao/core/token"
)

// The second stage: label anchors. A row is found by its label in the stream of text
// tokens, whatever the layout put around it: a cell of its own, a line, or a run of
// crawled text in which headings, group labels and the label itself stand together
// ("…现行有效件数规章"). A label wrapped over two tokens is found across them; an
// item number that ran on to the previous row's values ("…0000007.属于行政执法案卷")
// is claimed back from them.

// label is where a row's label stands in the text.
type label struct {
	first, last int // its tokens; -1 when the label was not found
	start, end  int // its extent in the normalised text
}

var noLabel = label{first: -1, last: -1, start: -1, end: -1}

func (l label) found() bool { return l.first >= 0 }

// findLabel returns the first label of row r among the tokens [from, to).
func (a *aligner) findLabel(r template.Row, from, to int) label {
	m := template.MatcherOf(r.Key)
	for j := max(from, 0); j < to && j < len(a.toks); j++ {
		t := &a.toks[j]
		if t.Kind != token.Text || t.PageNum {
			continue
		}
		if m.Match(t.Key) || a.itemBefore(r, j) && m.Match(itemOf(r.Label)+t.Key) {
			return a.claimItem(r, a.extent(r, j, j))
		}
		// a label that ends a longer run of text ("…现行有效件数规章"): the exact
		// wording at the end of the run, with the row's values after it
		if w, ok := m.Suffix(t.Key); ok && a.valueFollows(j, to) {
			l := label{first: j, last: j, start: t.End - len(w), end: t.End}
			if !strings.HasSuffix(t.Text, w) {
				l.start = t.Start // spaces inside: the whole token
			}
			return a.claimItem(r, l)
		}
		// a label a line break or a page cut in two ("本年新" / "收…")
		if k := a.nextText(j, to); k > 0 && !a.toks[k].Gap.Certain() && len(t.Key)+len(a.toks[k].Key) <= 240 &&
			m.Match(t.Key+a.toks[k].Key) && !m.Match(a.toks[k].Key) {
			return a.claimItem(r, a.extent(r, j, k))
		}
	}
	return noLabel
}

// nextText returns the next text token after j, before to, when only page numbers
// stand between them; -1 otherwise.
func (a *aligner) nextText(j, to int) int {
	for k := j + 1; k < to && k < len(a.toks); k++ {
		switch t := &a.toks[k]; {
		case t.PageNum:
		case t.Kind == token.Text:
			return k
		default:
			return -1
		}
	}
	return -1
}

// valueFollows reports a value (a number or a blank cell) right after token j.
func (a *aligner) valueFollows(j, to int) bool {
	for k := j + 1; k < to && k < len(a.toks); k++ {
		switch t := &a.toks[k]; {
		case t.PageNum:
		case t.Kind == token.Text:
			return false
		default:
			return true
		}
	}
	return false
}

// extent is the label of row r in tokens first..last: the whole run of text, or, in a
// run longer than the template's wording, which holds headings or other labels before
// it (crawled text), the part from where the template's wording begins.
func (a *aligner) extent(r template.Row, first, last int) label {
	l := label{first: first, last: last, start: a.toks[first].Start, end: a.toks[last].End}
	want := ComparableWant(r.Label)
	if utf8.RuneCountInString(Comparable(a.toks[first].Text)) <= utf8.RuneCountInString(want) {
		return l
	}
	// the template's wording ends the run: find where, by the key words' place in it
	text := a.toks[first].Text
	m := template.MatcherOf(r.Key)
	at := m.Index(text)
	if at < 0 {
		return l
	}
	// the key stands this far into the template's label, in characters: begin that
	// many characters before it, at an item number or heading mark if one is there
	lead := m.Index(r.Label)
	if lead < 0 {
		return l
	}
	back := utf8.RuneCountInString(r.Label[:lead])
	start := at
	for n := 0; n < back && start > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:start])
		start -= w
	}
	l.start = a.toks[first].Start + start
	return l
}

// claimItem extends a label back over its item number where that ran on to the
// number before it ("申请00000003.其他", "条02.政府网站"): the template numbers the row
// ("3.其他"), the number token before the label is marked as followed by an item mark,
// and it ends in that item number. The token keeps the rest as its value.
func (a *aligner) claimItem(r template.Row, l label) label {
	if !a.itemBefore(r, l.first) {
		return l
	}
	num, p := itemOf(r.Label), &a.toks[l.first-1]
	if a.claimed == nil {
		a.claimed = map[int]int{}
	}
	a.claimed[l.first-1] = len(num)
	l.start = p.End - len(num)
	return l
}

// itemBefore reports that the row's item number ran on to the number before token j.
func (a *aligner) itemBefore(r template.Row, j int) bool {
	num := itemOf(r.Label)
	if num == "" || j == 0 {
		return false
	}
	p := &a.toks[j-1]
	return p.Kind == token.Number && p.DotAfter && a.toks[j].Gap == token.GapNone && strings.HasSuffix(p.Text, num)
}

// itemOf returns the item number a template label starts with ("3" of "3.其他"), or "".
func itemOf(label string) string {
	n := 0
	for n < len(label) && label[n] >= '0' && label[n] <= '9' {
		n++
	}
	if n == 0 || n == len(label) || label[n] != '.' {
		return ""
	}
	return label[:n]
}

// labelsAnywhere finds each row's label anywhere in [from, to), in any order, for
// reports whose labels stand apart from their numbers.
func (a *aligner) labelsAnywhere(rows []template.Row, from, to int) []label {
	out := make([]label, len(rows))
	used := map[int]bool{}
	for i, r := range rows {
		out[i] = noLabel
		m := template.MatcherOf(r.Key)
		for j := from; j < to; j++ {
			t := &a.toks[j]
			if t.Kind == token.Text && !used[j] && m.Match(t.Key) {
				out[i] = a.extent(r, j, j)
				used[j] = true
				break
			}
		}
	}
	return out
}
