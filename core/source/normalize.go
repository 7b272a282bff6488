package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalize returns the text the checker matches against: full-width forms folded,
// quotes and brackets unified, pinyin annotations such as 報(bào)告 removed, and
// Traditional characters converted to Simplified. Line breaks, tabs, pipes and spaces
// stay where they were, so layout survives. The result's Input maps back to t.S; use
// Norm.Orig to go all the way back to the input.
func Normalize(t *Text) *Norm {
	s := t.S
	trad := isTraditional(s)
	// the text rarely grows in normalising; one run per changed character and the
	// unchanged text after it
	b := Builder{segs: make([]seg, 0, len(s)/32+4)}
	b.buf.Grow(len(s))
	var run []byte // a run of Han characters waiting for T->S conversion
	runStart := -1
	var runOffs []int // S offsets of the runes in run
	var simp []byte   // the run converted, the buffer reused from run to run
	var images []int  // where objects stood, in the normalised text
	flush := func() {
		if runStart < 0 {
			return
		}
		simp = writeConverted(&b, run, runOffs, s, simp[:0])
		run = run[:0]
		runOffs = runOffs[:0]
		runStart = -1
	}
	copyFrom := 0 // start of the pending run of unchanged text
	copyUpTo := func(i int) {
		if i > copyFrom {
			flush() // a Han run waiting for conversion comes first
			b.Copy(s[copyFrom:i], copyFrom)
		}
		copyFrom = i
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 && c != '(' {
			i++ // plain ASCII stays as it is
			continue
		}
		if !trad && c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			(c > 0xe4 || s[i+1] >= 0xb8) {
			i += 3 // U+4E00 to U+9FFF, the bulk of the text: no fold, no conversion
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == Object {
			// an image or other object stood here: a space, its place kept
			copyUpTo(i)
			flush()
			images = append(images, b.Len())
			b.char(' ', i, w)
			i += w
			copyFrom = i
			continue
		}
		if (r == '(' || r == '（') && i > 0 {
			if n := pinyinLen(s[i:]); n > 0 {
				if p, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.Is(unicode.Han, p) {
					copyUpTo(i)
					flush()
					i += n
					copyFrom = i
					continue
				}
			}
		}
		f := fold(r)
		if trad && isHan(f) {
			copyUpTo(i)
			if runStart < 0 {
				runStart = i
			}
			run = utf8.AppendRune(run, f)
			runOffs = append(runOffs, i)
			i += w
			copyFrom = i
			continue
		}
		if f == r {
			// unchanged: it joins the pending copy, which is written after any Han
			// run waiting before it, in one piece rather than character by character
			i += w
			continue
		}
		copyUpTo(i)
		flush()
		b.char(f, i, w)
		i += w
		copyFrom = i
	}
	copyUpTo(len(s))
	flush()
	return &Norm{Text: *b.Text(t.Format, "utf-8", len(s)), Orig: t, Traditional: trad, Images: images}
}

// Object is U+FFFC OBJECT REPLACEMENT CHARACTER: the readers of web pages and Word
// files write it where an image stood, and text copied from them often holds it.
// Normalising makes it a space and records its place (Norm.Images).
const Object = '\uFFFC'

// Norm is normalised text with the way back to the input.
type Norm struct {
	Text              // S is the normalised text; Input maps to offsets in Orig.S
	Orig        *Text // the text before normalisation
	Traditional bool  // the input was in Traditional characters
	// Images are the places in S where an image or other object stood (Object): a
	// report whose tables are pictures leaves them where the tables would be.
	Images []int
}

// Prefix returns the normalised text cut at byte n (the start of another report in
// the same text); its offsets still map to the whole input.
func (n *Norm) Prefix(end int) *Norm {
	p := *n
	p.Text.S = n.Text.S[:end]
	p.Images = imagesIn(n.Images, 0, end)
	return &p
}

// imagesIn returns the images that stand in [start, end): a report cut from a text
// holding several has only its own.
func imagesIn(imgs []int, start, end int) []int {
	var out []int
	for _, i := range imgs {
		if i >= start && i < end {
			out = append(out, i)
		}
	}
	return out
}

// After returns the normalised text with everything before byte start blanked out
// (line breaks kept): the text of a report that starts there, in a text holding
// several, whose offsets still map to the whole input.
func (n *Norm) After(start int) *Norm {
	b := []byte(n.Text.S)
	for i := 0; i < start && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\f' {
			b[i] = ' '
		}
	}
	p := *n
	p.Text.S = string(b)
	p.Images = imagesIn(n.Images, start, len(b))
	return &p
}

// Span maps a byte range of the normalised text to the input as given.
func (n *Norm) Span(start, end int) [2]int {
	v := n.Text.Span(start, end)
	return n.Orig.Span(v[0], v[1])
}

// ViewSpan maps a byte range of the normalised text to the text before normalisation.
func (n *Norm) ViewSpan(start, end int) [2]int {
	return n.Text.Span(start, end)
}

// writeConverted converts a run of Han characters to Simplified and appends it,
// keeping each character's offset when the conversion keeps the length. The
// conversion is made in buf, returned for reuse.
func writeConverted(b *Builder, run []byte, offs []int, s string, buf []byte) []byte {
	out := appendSimplified(buf, run)
	if utf8.RuneCount(out) == len(offs) {
		k := 0
		for _, r := range string(out) {
			_, w := utf8.DecodeRuneInString(s[offs[k]:])
			b.char(r, offs[k], w)
			k++
		}
		return out
	}
	last := offs[len(offs)-1]
	_, w := utf8.DecodeRuneInString(s[last:])
	b.Stand(string(out), offs[0], last+w)
	return out
}

// fold maps full-width and compatibility forms to the forms labels are matched in.
func fold(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '＂', '〝', '〞':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	case '【', '〖':
		return '['
	case '】', '〗':
		return ']'
	case '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		return ' '
	case '．':
		return '.'
	case '－', '—', '–', '―', '─', '━':
		return '—'
	case '│', '┃', '║':
		return '|' // a table drawn in box-drawing strokes: its cell separators
	}
	if r < 0x80 || r >= 0x4e00 && r <= 0x9fff {
		return r // ASCII, and the CJK ideographs, which no width folds
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// isHan is unicode.Is(unicode.Han, r), the common CJK ideographs looked up first.
func isHan(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return true
	}
	return r >= 0x2e80 && unicode.Is(unicode.Han, r)
}

// pinyinLen returns the length of a pinyin annotation such as "(bào)" at the start of
// s, or 0. An annotation is one syllable of lower-case Latin letters with at least one
// tone mark, in ASCII or full-width brackets.
func pinyinLen(s string) int {
	_, w := utf8.DecodeRuneInString(s)
	i := w
	letters, marked := 0, false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == ')' || r == '）' {
			if letters >= 1 && letters <= 7 && marked {
				return i + w
			}
			return 0
		}
		switch {
		case r >= 'a' && r <= 'z':
		case strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", r):
			marked = true
		default:
			return 0
		}
		letters++
		i += w
	}
	return 0
}

// isTraditional reports text written in Traditional characters: several characters that
// occur only in Traditional script and are frequent in these reports.
func isTraditional(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		// U+4E00 to U+9FFF are the three-byte characters led by 0xE4 to 0xE9; any
		// other byte is skipped (no such lead byte is part of another character)
		if s[i] < 0xe4 || s[i] > 0xe9 || i+2 >= len(s) || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80 {
			continue
		}
		r := rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
		i += 2
		if r < 0x4e00 {
			continue
		}
		if tradSet[(r-0x4e00)/64]&(1<<((r-0x4e00)%64)) != 0 {
			n++
			if n >= 2 {
				return true
			}
		}
	}
	return false
}

// tradSet has a bit for each character of tradOnly, from U+4E00.
var tradSet = func() (set [(0x9fff - 0x4e00 + 64) / 64]uint64) {
	for _, r := range tradOnly {
		set[(r-0x4e00)/64] |= 1 << ((r - 0x4e00) % 64)
	}
	return set
}()

const tradOnly = "報開關與為這個們說會對時後來發於過還進實現點體機學經處長書當產務動區縣鄉鎮" +
	"結數據統計辦審規範應問題門網絡傳訊頁並從條請訴議復雜舉責員單總費證載錄"
