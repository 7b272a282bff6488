package align

import (
	"nianbao/core/internal/cjk"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Comparable reduces a label to the words that matter when comparing it with the
// template's wording: no enumerator ("一、", "（三）", "2."), unit note ("（件）"),
// punctuation, quotes, brackets or spaces.
func Comparable(s string) string {
	s = strings.TrimSpace(s)
	s = dropEnumerator(s)
	if strings.IndexByte(s, '(') >= 0 || cjk.Contains(s, "（") { // every unit note is bracketed
		for _, note := range unitNotes {
			s = strings.ReplaceAll(s, note, "")
		}
	}
	// most labels are left as they are: copy only from the first character dropped
	// (an invalid byte counts as one, for it is written as U+FFFD)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || dropped(r) {
			break
		}
		i += w
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if dropped(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dropped reports a character Comparable leaves out.
func dropped(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return false // a CJK ideograph, the bulk of every label
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

var unitNotes = []string{"(件)", "（件）", "(条)", "（条）", "(个)", "（个）", "(项)", "（项）", "(次)", "（次）"}

const cjkNumerals = "一二三四五六七八九十"

// dropEnumerator removes a leading "一、", "(三)", "（三）", "2.", "2、" or "3)".
func dropEnumerator(s string) string {
	open := false
	i := 0
	if strings.HasPrefix(s, "(") {
		open, i = true, 1
	} else if strings.HasPrefix(s, "（") {
		open, i = true, len("（")
	}
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !(r >= '0' && r <= '9') && !strings.ContainsRune(cjkNumerals, r) {
			break
		}
		j += w
	}
	if j == i {
		return s
	}
	rest := s[j:]
	for _, end := range []string{")", "）", "、", ".", ",", "，"} {
		if strings.HasPrefix(rest, end) {
			if open && end != ")" && end != "）" {
				return s
			}
			rest = rest[len(end):]
			if open {
				for _, p := range []string{"、", "."} {
					rest = strings.TrimPrefix(rest, p)
				}
			}
			return rest
		}
	}
	return s
}
