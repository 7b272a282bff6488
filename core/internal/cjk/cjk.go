// Package cjk finds Chinese words in text faster than strings.Index does.
//
// strings.Index scans for a word's first byte; in Chinese UTF-8 that is one of a few
// lead bytes (E4–E9) that start almost every character, so it stops every few bytes to
// compare. Index scans instead for the word's last byte, a continuation byte that occurs
// some twenty times less often, and compares only there.
package cjk

import (
	"math/bits"
	"strings"
)

// anchor is the position of the byte Index scans for: w's last byte when it ends a
// multi-byte character (a continuation byte, spread over 64 values where lead bytes
// crowd on a few), or -1 (plain ASCII, where strings.Index is already good). Taking
// the last byte costs nothing per call, which matters: most calls search a sentence.
func anchor(w string) int {
	if k := len(w) - 1; k > 0 && w[k] >= 0x80 && w[k] < 0xC0 {
		return k
	}
	return -1
}

// Index is strings.Index(s, w): the first position of w in s, or -1.
func Index(s, w string) int {
	k := anchor(w)
	if k < 0 || len(w) > len(s) {
		return strings.Index(s, w)
	}
	c := w[k]
	// s[k:len(s)-len(w)+k+1] holds every place w's anchor byte can be, in order
	for lo, hi := k, len(s)-len(w)+k+1; lo < hi; {
		j := strings.IndexByte(s[lo:hi], c)
		if j < 0 {
			return -1
		}
		at := lo + j - k
		if s[at:at+len(w)] == w {
			return at
		}
		lo += j + 1
	}
	return -1
}

// Contains is strings.Contains(s, w).
func Contains(s, w string) bool {
	return Index(s, w) >= 0
}

// ContainsAny reports whether s contains any of ws.
func ContainsAny(s string, ws []string) bool {
	for _, w := range ws {
		if Index(s, w) >= 0 {
			return true
		}
	}
	return false
}

// Words is a fixed set of words, looked for all at once: one pass over the text, where
// ContainsAny makes one per word. A table of the words' last bytes says at each byte
// which words may end there; only those are compared. For fewer than four words
// ContainsAny's fast byte search is quicker (measured on the seeds' lines), and it is
// used.
type Words struct {
	words []string
	ends  *[256]uint64 // ends[c]: the words (as bits) whose last byte is c; nil: ContainsAny
	empty bool         // "" is one of the words: every text holds it
}

// NewWords returns the set of ws.
func NewWords(ws []string) *Words {
	w := &Words{words: ws}
	if len(ws) < 4 || len(ws) > 64 {
		return w
	}
	w.ends = new([256]uint64)
	for i, x := range ws {
		if x == "" {
			w.empty = true
			continue
		}
		w.ends[x[len(x)-1]] |= 1 << i
	}
	return w
}

// In reports whether s contains any of the words.
func (w *Words) In(s string) bool {
	if w.ends == nil {
		return ContainsAny(s, w.words)
	}
	if w.empty {
		return true
	}
	for j := 0; j < len(s); j++ {
		for m := w.ends[s[j]]; m != 0; m &= m - 1 {
			x := w.words[bits.TrailingZeros64(m)]
			if j+1 >= len(x) && s[j+1-len(x):j+1] == x {
				return true
			}
		}
	}
	return false
}

// Step returns how far a byte loop over s may step from i, at a byte it has no use
// for: a whole three-byte character (almost every Chinese character and punctuation
// mark), whose other bytes a loop looking for lead bytes or ASCII ignores anyway;
// otherwise one byte.
func Step(s string, i int) int {
	if c := s[i]; c >= 0xe0 && c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return 3
	}
	return 1
}
