package template

import (
	"nianbao/core/internal/cjk"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// Pattern is a label pattern, a regular expression made ready on first use: most
// stand for a few fixed words ("法律行政|法规禁止", "不补正|理由[逾预]期",
// "^\(?三\)?[、.]?不予公开$"), matched with plain string operations, many times
// faster than the regexp engine; the few others are compiled when first needed. So
// the templates cost nothing to set up, which the page's start-up feels.
type Pattern struct {
	expr string
	once sync.Once
	m    *Matcher
}

// NewPattern returns the pattern of a regular expression, checked and compiled (when at
// all) on first use.
func NewPattern(expr string) *Pattern { return &Pattern{expr: expr} }

func re(expr string) *Pattern { return NewPattern(expr) }

// String returns the expression.
func (p *Pattern) String() string { return p.expr }

// Match reports whether p matches s, exactly as regexp.MatchString does.
func Match(p *Pattern, s string) bool {
	return MatcherOf(p).Match(s)
}

// Matcher matches one pattern as Match does; a loop over many strings looks it up once.
type Matcher struct {
	re *regexp.Regexp // nil for a pattern of fixed words
	plain
	any *cjk.Words // words, or else need, looked for at once
}

// MatcherOf returns the matcher of p, worked out on first use.
func MatcherOf(p *Pattern) *Matcher {
	p.once.Do(func() {
		m := &Matcher{plain: parsePlain(p.expr)}
		if m.words == nil {
			m.re = regexp.MustCompile(p.expr)
			m.any = cjk.NewWords(m.need)
		} else {
			m.any = cjk.NewWords(m.words)
		}
		p.m = m
	})
	return p.m
}

// Match reports whether the pattern matches s, as regexp.MatchString does.
func (m *Matcher) Match(s string) bool {
	switch {
	case m.words == nil:
		// a match holds one of need: without one, the engine need not run
		if m.need != nil && !m.any.In(s) {
			return false
		}
		return m.re.MatchString(s)
	case m.exact:
		for _, w := range m.words {
			if s == w {
				return true
			}
		}
		return false
	}
	return m.any.In(s)
}

// plain is a pattern as the finite set of words it matches: any of them occurs in s,
// or (exact: the pattern is anchored at both ends) s is one of them. words is nil for
// a pattern that needs the regexp engine; need then lists words one of which every
// match contains, when there are such.
type plain struct {
	words []string
	exact bool
	need  []string
}

// maxWords bounds the words a pattern is expanded to.
const maxWords = 64

func parsePlain(expr string) plain {
	r, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return plain{}
	}
	inner := r
	exact := false
	if r.Op == syntax.OpConcat && len(r.Sub) >= 2 && r.Sub[0].Op == syntax.OpBeginText && r.Sub[len(r.Sub)-1].Op == syntax.OpEndText {
		exact = true
		inner = &syntax.Regexp{Op: syntax.OpConcat, Sub: r.Sub[1 : len(r.Sub)-1]}
	}
	if words, ok := expand(inner); ok {
		return plain{words: words, exact: exact}
	}
	need, _ := required(r)
	return plain{need: need}
}

// required returns words one of which occurs in every match of r, when there are such.
func required(r *syntax.Regexp) ([]string, bool) {
	if words, ok := expand(r); ok {
		for _, w := range words {
			if w == "" {
				return nil, false
			}
		}
		return words, true
	}
	switch r.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return required(r.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, s := range r.Sub {
			sub, ok := required(s)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		// the part whose words are the longest, the surest sign of a match
		var best []string
		bestLen := 0
		for _, s := range r.Sub {
			sub, ok := required(s)
			if !ok {
				continue
			}
			shortest := len(sub[0])
			for _, w := range sub {
				shortest = min(shortest, len(w))
			}
			if shortest > bestLen {
				best, bestLen = sub, shortest
			}
		}
		return best, best != nil
	}
	return nil, false
}

// expand returns the words r matches in full, when they are few.
func expand(r *syntax.Regexp) ([]string, bool) {
	switch r.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if r.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(r.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for k := 0; k+1 < len(r.Rune); k += 2 {
			for c := r.Rune[k]; c <= r.Rune[k+1]; c++ {
				if len(out) >= maxWords {
					return nil, false
				}
				out = append(out, string(c))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return expand(r.Sub[0])
	case syntax.OpQuest:
		sub, ok := expand(r.Sub[0])
		if !ok || len(sub)+1 > maxWords {
			return nil, false
		}
		return append(sub, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range r.Sub {
			sub, ok := expand(s)
			if !ok || len(out)+len(sub) > maxWords {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range r.Sub {
			sub, ok := expand(s)
			if !ok || len(out)*len(sub) > maxWords {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(sub))
			for _, a := range out {
				for _, b := range sub {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// Suffix returns the word of an exact pattern of fixed words ("^规章$") that s ends
// with, the longest, leaving some text before it: the label at the end of a run of
// crawled text that holds headings before it ("…现行有效件数规章"). ok is false for
// other patterns.
func (m *Matcher) Suffix(s string) (word string, ok bool) {
	if !m.exact {
		return "", false
	}
	for _, w := range m.words {
		if w != "" && len(w) < len(s) && len(w) > len(word) && strings.HasSuffix(s, w) {
			word = w
		}
	}
	return word, word != ""
}

// Index returns the byte offset of the first match in s, or -1; for an exact
// pattern, of one of its words anywhere in s.
func (m *Matcher) Index(s string) int {
	if m.words == nil {
		if loc := m.re.FindStringIndex(s); loc != nil {
			return loc[0]
		}
		return -1
	}
	best := -1
	for _, w := range m.words {
		if w == "" {
			continue
		}
		if i := cjk.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}
