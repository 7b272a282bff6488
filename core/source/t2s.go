package source

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate sh -c "go run ./internal/gent2s > t2s_table.go"

// toSimplified converts Traditional text to Simplified as OpenCC's t2s configuration
// does: at each place the longest phrase of its phrase dictionary that matches, else
// its character dictionary, else the character as it is. The dictionaries are OpenCC's
// own, generated into t2s_table.go.
func toSimplified(s string) string {
	return string(appendSimplified(make([]byte, 0, len(s)), []byte(s)))
}

// appendSimplified appends toSimplified(s) to dst: the normaliser converts each run
// of Han characters into the same buffer, reused.
func appendSimplified(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if t, sim := longestPhrase(s[i:]); t > 0 {
			dst = append(dst, sim...)
			i += t
			continue
		}
		r, w := utf8.DecodeRune(s[i:])
		dst = utf8.AppendRune(dst, simplifiedRune(r))
		i += w
	}
	return dst
}

// longestPhrase returns the length of the longest phrase s starts with, and its
// Simplified form.
func longestPhrase(s []byte) (int, string) {
	r, w := utf8.DecodeRune(s)
	if r >= 0x4e00 && r <= 0x9fff && phraseStarts()[(r-0x4e00)/64]&(1<<((r-0x4e00)%64)) == 0 {
		return 0, "" // most characters start no phrase: skip the search
	}
	first := s[:w]
	k := sort.Search(len(t2sPhrases), func(k int) bool { return t2sPhrases[k].t >= string(first) })
	best, sim := 0, ""
	for ; k < len(t2sPhrases) && strings.HasPrefix(t2sPhrases[k].t, string(first)); k++ {
		if p := t2sPhrases[k].t; len(p) > best && len(s) >= len(p) && string(s[:len(p)]) == p {
			best, sim = len(p), t2sPhrases[k].s
		}
	}
	return best, sim
}

// phraseStarts has a bit for each character from U+4E00 to U+9FFF that starts a
// phrase of t2sPhrases; made on first use.
var phraseStarts = sync.OnceValue(func() *[(0x9fff - 0x4e00 + 64) / 64]uint64 {
	var set [(0x9fff - 0x4e00 + 64) / 64]uint64
	for _, p := range t2sPhrases {
		if r, _ := utf8.DecodeRuneInString(p.t); r >= 0x4e00 && r <= 0x9fff {
			set[(r-0x4e00)/64] |= 1 << ((r - 0x4e00) % 64)
		}
	}
	return &set
})

// charMapped has a bit for each character from U+4E00 to U+9FFF that t2sChars maps;
// made on first use. Most characters of a Traditional text are the same in both.
var charMapped = sync.OnceValue(func() *[(0x9fff - 0x4e00 + 64) / 64]uint64 {
	var set [(0x9fff - 0x4e00 + 64) / 64]uint64
	for _, c := range t2sChars {
		if c.t >= 0x4e00 && c.t <= 0x9fff {
			set[(c.t-0x4e00)/64] |= 1 << ((c.t - 0x4e00) % 64)
		}
	}
	return &set
})

func simplifiedRune(r rune) rune {
	if r >= 0x4e00 && r <= 0x9fff && charMapped()[(r-0x4e00)/64]&(1<<((r-0x4e00)%64)) == 0 {
		return r
	}
	k, hi := 0, len(t2sChars) // sort.Search without the call per step
	for k < hi {
		m := int(uint(k+hi) >> 1)
		if t2sChars[m].t < r {
			k = m + 1
		} else {
			hi = m
		}
	}
	if k < len(t2sChars) && t2sChars[k].t == r {
		return t2sChars[k].s
	}
	return r
}
