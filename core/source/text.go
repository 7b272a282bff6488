// Package source turns input bytes into the text the checker reads, and keeps the
// way back: every byte of the text maps to a byte offset in the input as given, so
// that cells and findings can point at the user's own source.
//
// Readers of structured input (HTML, Word, Markdown) render their document as text
// with a Builder: table rows become lines, cells are separated by tabs, and each piece
// of text remembers where in the input it came from.
package source

import (
	"sort"
	"strings"
)

// Text is a document as the checker reads it.
type Text struct {
	S        string // UTF-8 text: decoded plain text, or the rendering of a structured input
	Format   string // "text", "markdown", "html", "docx", "pdf"
	Encoding string // the input's character encoding, e.g. "utf-8", "gb18030"
	InputLen int    // length of the input in bytes
	segs     []seg
}

// seg maps a run of S to a run of the input. Within the run, characters advance by
// outW bytes in S and inW bytes in the input (outW == inW for copied text); a run with
// inW == 0 stands as a whole for input[in:inEnd] (an entity, a synthetic separator).
// Its fields are small (a text has one for every character a normaliser changes):
// offsets fit 31 bits, as every input the checker takes does (MaxInput).
type seg struct {
	at, in, inEnd int32
	outW, inW     uint8
}

// newSeg returns the seg of the run at at.
func newSeg(at, in, inEnd, outW, inW int) seg {
	return seg{at: int32(at), in: int32(in), inEnd: int32(inEnd), outW: uint8(outW), inW: uint8(inW)}
}

// ints returns the seg's fields as ints.
func (s seg) ints() (at, in, inEnd, outW, inW int) {
	return int(s.at), int(s.in), int(s.inEnd), int(s.outW), int(s.inW)
}

// Input maps a byte offset in S to a byte offset in the input. Offsets inside a
// multi-byte character map to the character's start; the end of S maps to the end of
// the last mapped input run.
func (t *Text) Input(i int) int {
	if len(t.segs) == 0 {
		return clamp(i, 0, t.InputLen)
	}
	k := sort.Search(len(t.segs), func(k int) bool { return int(t.segs[k].at) > i }) - 1
	if k < 0 {
		return int(t.segs[0].in)
	}
	at, in, inEnd, outW, inW := t.segs[k].ints()
	if inW == 0 {
		if i == at {
			return in
		}
		return inEnd
	}
	n := (i - at) / outW
	return clamp(in+n*inW, in, inEnd)
}

// Span maps a half-open byte range of S to the input: from where its first character
// came from to the end of where its last character came from.
func (t *Text) Span(start, end int) [2]int {
	a := t.Input(start)
	b := a
	if end > start {
		b = max(t.inputEnd(end), a)
	}
	return [2]int{a, b}
}

// inputEnd maps the end of the character ending at byte i of S to the input.
func (t *Text) inputEnd(i int) int {
	if len(t.segs) == 0 {
		return clamp(i, 0, t.InputLen)
	}
	k := sort.Search(len(t.segs), func(k int) bool { return int(t.segs[k].at) > i-1 }) - 1
	if k < 0 {
		return int(t.segs[0].in)
	}
	at, in, inEnd, outW, inW := t.segs[k].ints()
	if inW == 0 {
		return inEnd
	}
	n := (i - 1 - at) / outW
	return clamp(in+(n+1)*inW, in, inEnd)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi && hi >= lo {
		return hi
	}
	return v
}

// Builder assembles a Text piece by piece.
type Builder struct {
	buf  strings.Builder // the text, handed over by Text without a copy
	segs []seg
	max  int
}

// Copy appends s, which stands verbatim at input offset in (one byte of s per input byte).
func (b *Builder) Copy(s string, in int) {
	b.add(s, in, in+len(s), 1, 1)
}

// Stand appends s as a stand-in for input[in:inEnd]: a decoded entity, a line break
// for a <br>, a tab between two table cells.
func (b *Builder) Stand(s string, in, inEnd int) {
	b.add(s, in, inEnd, 0, 0)
}

// Chars appends s whose characters are each outW bytes long in s and inW bytes long
// in the input, starting at input offset in (decoded GBK text, say: 3 and 2).
func (b *Builder) Chars(s string, in, outW, inW int) {
	if outW == inW {
		b.Copy(s, in)
		return
	}
	b.add(s, in, in+len(s)/outW*inW, outW, inW)
}

// char appends the character r, which is inW bytes long in the input at offset in:
// Chars(string(r), in, utf8.RuneLen(r), inW) without making a string.
func (b *Builder) char(r rune, in, inW int) {
	at := b.buf.Len()
	b.buf.WriteRune(r)
	if outW := b.buf.Len() - at; outW != inW {
		b.mark(at, in, in+inW, outW, inW)
		return
	}
	b.mark(at, in, in+inW, 1, 1)
}

func (b *Builder) add(s string, in, inEnd, outW, inW int) {
	if len(s) == 0 {
		return
	}
	at := b.buf.Len()
	b.buf.WriteString(s)
	b.mark(at, in, inEnd, outW, inW)
}

// mark records the run of buf from at, just appended.
func (b *Builder) mark(at, in, inEnd, outW, inW int) {
	if inEnd > b.max {
		b.max = inEnd
	}
	if n := len(b.segs); n > 0 && inW != 0 {
		// extend the previous run when this one continues it exactly
		pAt, pIn, pInEnd, pOutW, pInW := b.segs[n-1].ints()
		if pInW == inW && pOutW == outW && pInEnd == in && pAt+(pInEnd-pIn)/inW*outW == at {
			b.segs[n-1].inEnd = int32(inEnd)
			return
		}
	}
	b.segs = append(b.segs, newSeg(at, in, inEnd, outW, inW))
}

// Len is the length of the text built so far.
func (b *Builder) Len() int { return b.buf.Len() }

// Text returns the built text. inputLen is the length of the input.
func (b *Builder) Text(format, encoding string, inputLen int) *Text {
	if inputLen < b.max {
		inputLen = b.max
	}
	return &Text{S: b.buf.String(), Format: format, Encoding: encoding, InputLen: inputLen, segs: b.segs}
}
