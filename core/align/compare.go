package align

import (
	"regexp"
	"strings"
)

var (
	reEnum     = regexp.MustCompile(`^([一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[.、,)]|[一二三四五六七八九十]+\))`)
	reUnitNote = regexp.MustCompile(`\((件|条|个|项|次|单位:件)\)`)
	rePunct    = regexp.MustCompile(`[\s"'()\[\]<>《》「」『』,，、。.:：;；!！?？…·\-—_]`)
)

// Comparable reduces a label to the words that matter when comparing it with the
// template's wording: no enumerator, unit note, punctuation, quotes or brackets.
func Comparable(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "“", "\"", "”", "\"", "：", ":", "，", ",").Replace(s)
	s = strings.Join(strings.Fields(s), "")
	s = reEnum.ReplaceAllString(s, "")
	s = reUnitNote.ReplaceAllString(s, "")
	return rePunct.ReplaceAllString(s, "")
}
