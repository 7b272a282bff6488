package align

import (
	"strings"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// recordLabels keeps the row labels as printed, for the label.altered rule: each
// label's known extent, joined with the lines a wrapped label continues on. A label
// whose extent is not known closely — longer than twice the template's wording — is
// not kept: what cannot be compared with confidence is not the report's fault.
func (a *aligner) recordLabels(table string, rows []template.Row, labels []label) {
	for i, l := range labels {
		if !l.found() {
			continue
		}
		text, end := a.labelText(l, rows[i].Label, labels)
		text = dropGroupPrefix(text) // the group label run on before the row's own
		if len(Comparable(text)) > 2*len(ComparableWant(rows[i].Label)) {
			continue
		}
		a.rep.Labels = append(a.rep.Labels, report.Label{Table: table, Row: rows[i].ID,
			Text: text, Want: rows[i].Label, Start: l.start, End: end})
	}
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
	if !reGroupPrefix().MatchString(text) {
		return text
	}
	if loc := reGroupPrefix().FindStringIndex(text); loc[1] < len(text) {
		return text[loc[1]:] // loc[0] is 0: the pattern is anchored
	}
	return text
}

// labelText returns the text of label l, extended by the following text tokens while
// they continue the expected wording (a label wrapped over lines).
func (a *aligner) labelText(l label, want string, labels []label) (string, int) {
	text, end := token.Squeeze(a.rep.Norm.S[l.start:l.end]), l.end
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

func startsLabel(labels []label, k int) bool {
	for _, l := range labels {
		if l.first == k {
			return true
		}
	}
	return false
}
