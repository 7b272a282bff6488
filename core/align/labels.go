package align

import (
	"nianbao/core/internal/cjk"
	"slices"
	"strings"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// recordLabels keeps the row labels as printed, for the label.altered rule: each
// label's known extent, joined with the lines a wrapped label continues on. A label
// whose extent is not known closely is not kept (comparable): what cannot be compared
// with confidence is not the report's fault.
func (a *aligner) recordLabels(table string, rows []template.Row, labels []label) {
	t := a.rep.Table(table)
	for i, l := range labels {
		if !l.found() {
			continue
		}
		text, end := a.labelText(l, rows[i].Label, labels)
		text = dropGroupPrefix(text) // the group label run on before the row's own
		got, want := Comparable(text), ComparableWant(rows[i].Label)
		if t != nil && got != want && !a.comparable(t, got, want) {
			continue
		}
		a.rep.Labels = append(a.rep.Labels, report.Label{Table: table, Row: rows[i].ID,
			Text: text, Want: rows[i].Label, Start: l.start, End: end,
			Piece: got != want && wrappedPiece(a.rep.Norm.S, l.start, end, got, want)})
	}
}

// maxAltered is the most characters a label may differ from the template's wording
// by and still be taken for that label misspelt: a typo or two, a word left out
// ("其他法律行政止公开"). A larger difference says the reader did not find the
// label's extent — a group label printed down the side mixed in, a heading run on.
const maxAltered = 4

// comparable reports a label found with its extent known closely enough to compare
// with the template's wording: got and w are both as Comparable makes them. It is no
// longer than twice the wording, holds no other row's or column's words of the table
// (crawled text runs them together: "现行有效件数规章") nor pieces of its group labels
// (layout text prints them down the side, into the rows' labels: "…通知要他处理求
// 缴纳…"), and is within maxAltered characters of the wording or of a part of it (a
// piece of a wrapped label).
func (a *aligner) comparable(t *template.Table, got, w string) bool {
	if got == w {
		return true
	}
	if len(got) > 2*len(w) {
		return false
	}
	for _, r := range t.Rows {
		if (template.Match(r.Key, got) || suffixOf(r.Key, got)) && !template.Match(r.Key, w) {
			return false
		}
	}
	for _, c := range t.Cols {
		if template.Match(c.Key, got) && !template.Match(c.Key, w) {
			return false
		}
	}
	for _, r := range t.Rows {
		if g := []rune(Comparable(r.Group)); len(g) >= 3 {
			for i := 0; i+3 <= len(g); i++ {
				if p := string(g[i : i+3]); cjk.Contains(got, p) && !cjk.Contains(w, p) {
					return false
				}
			}
		}
	}
	return within(got, w) <= maxAltered
}

func suffixOf(p *template.Pattern, s string) bool {
	_, ok := template.MatcherOf(p).Suffix(s)
	return ok
}

// within is the number of characters to insert, delete or replace in a to make it a
// part of b (an edit distance in which b's characters before and after the part are
// free), counted up to maxAltered+1.
func within(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x)-len(y) > maxAltered {
		return maxAltered + 1
	}
	prev := make([]int, len(y)+1) // b's characters before the part are free: row 0 is 0
	cur := make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			c := prev[j-1]
			if x[i-1] != y[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return min(slices.Min(prev), maxAltered+1) // and those after it
}

func labelsOf(rrs []rowRead) []label {
	out := make([]label, len(rrs))
	for i, rr := range rrs {
		out[i] = rr.label
	}
	return out
}

// reGroupPrefix matches a group label (三、本年度办理结果, （三）不予公开 …) or a
// header word run on before a row label or heading.
var reGroupPrefix = lazy.Regexp(`^(三[、.]?本年度办理结果|\(?[三四五六][)、.]?\)?(不予公开|无法提供|不予处理|其他处理)|信息内容)`)

// dropGroupPrefix removes a prefix reGroupPrefix matches, unless nothing would be
// left: reGroupPrefix.ReplaceAllString without copying a text it does not match.
func dropGroupPrefix(text string) string {
	if loc := reGroupPrefix().FindStringIndex(text); loc != nil && loc[1] < len(text) {
		return text[loc[1]:] // loc[0] is 0: the pattern is anchored
	}
	return text
}

// labelText returns the text of label l, extended by the following text tokens while
// they continue the expected wording (a label wrapped over lines).
func (a *aligner) labelText(l label, want string, labels []label) (string, int) {
	text, end := a.spanText(l), l.end
	w := ComparableWant(want)
	got := Comparable(text)
	skipped := 0
	for k := l.last + 1; k < len(a.toks) && k <= l.last+10; k++ {
		t := &a.toks[k]
		if t.PageNum || t.Kind != token.Text {
			continue
		}
		if startsLabel(labels, k) || got == w || !strings.HasPrefix(w, got) {
			break
		}
		c := got + Comparable(t.Key)
		if !strings.HasPrefix(w, c) {
			// a fragment of a group label printed down the side ("（六）其", "他处理")
			// may stand between a label and its continuation: step over it
			if skipped++; skipped > 2 {
				break
			}
			continue
		}
		text, end, got = text+t.Key, t.End, c
	}
	return text, end
}

// spanText returns the label's text without spaces: the text it spans, or, when a
// grid table's cell continues it on the lines below (token.Joined), its tokens' text.
func (a *aligner) spanText(l label) string {
	var b strings.Builder
	for k := l.first; k <= l.last && k < len(a.toks); k++ {
		if a.toks[k].Joined {
			for k := l.first; k <= l.last; k++ {
				b.WriteString(a.toks[k].Key)
			}
			return b.String()
		}
	}
	return token.Squeeze(a.rep.Norm.S[l.start:l.end])
}

func startsLabel(labels []label, k int) bool {
	for _, l := range labels {
		if l.first == k {
			return true
		}
	}
	return false
}
