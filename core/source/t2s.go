package source

import (
	"sort"
	"strings"
	"unicode/utf8"
)

//go:generate sh -c "go run ./internal/gent2s > t2s_table.go"

// toSimplified converts Traditional text to Simplified as OpenCC's t2s configuration
// does: at each place the longest phrase of its phrase dictionary that matches, else
// its character dictionary, else the character as it is. The dictionaries are OpenCC's
// own, generated into t2s_table.go.
func toSimplified(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if t, sim := longestPhrase(s[i:]); t > 0 {
			b.WriteString(sim)
			i += t
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(simplifiedRune(r))
		i += w
	}
	return b.String()
}

// longestPhrase returns the length of the longest phrase s starts with, and its
// Simplified form.
func longestPhrase(s string) (int, string) {
	_, w := utf8.DecodeRuneInString(s)
	first := s[:w]
	k := sort.Search(len(t2sPhrases), func(k int) bool { return t2sPhrases[k].t >= first })
	best, sim := 0, ""
	for ; k < len(t2sPhrases) && strings.HasPrefix(t2sPhrases[k].t, first); k++ {
		if p := t2sPhrases[k].t; len(p) > best && strings.HasPrefix(s, p) {
			best, sim = len(p), t2sPhrases[k].s
		}
	}
	return best, sim
}

func simplifiedRune(r rune) rune {
	k := sort.Search(len(t2sChars), func(k int) bool { return t2sChars[k].t >= r })
	if k < len(t2sChars) && t2sChars[k].t == r {
		return t2sChars[k].s
	}
	return r
}
