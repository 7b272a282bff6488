package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// BinaryScan is how many bytes at the start of an input LooksBinary reads.
const BinaryScan = 64 << 10

// ErrBinary is returned for input that is not text in any encoding we read.
var ErrBinary = errors.New("不是文本文件（含有二进制数据）")

// ErrEmpty is returned for input with no visible text.
var ErrEmpty = errors.New("输入为空")

// ErrFull is returned by the lite build (tag lite: the page's first, small module) for
// input it leaves to the full build — text in GB18030/GBK or Big5 here; Markdown, Word,
// OFD and PDF files in package markup — so that the page loads the full module and
// checks again.
var ErrFull = errors.New("此输入（Markdown、Word、OFD、PDF 文件，或 GBK、Big5 编码的文本）由完整检查模块读取")

// Decode reads plain text in UTF-8 (with or without a byte order mark), UTF-16 (with a
// byte order mark, or detectable by its zero bytes), GB18030/GBK or Big5.
func Decode(in []byte) (*Text, error) {
	if len(bytes.TrimSpace(in)) == 0 {
		return nil, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}):
		return utf8Text(in, 3), nil
	case bytes.HasPrefix(in, []byte{0xFF, 0xFE}):
		return utf16Text(in, unicode.LittleEndian, 2, "utf-16le")
	case bytes.HasPrefix(in, []byte{0xFE, 0xFF}):
		return utf16Text(in, unicode.BigEndian, 2, "utf-16be")
	}
	if order, ok := sniffUTF16(in); ok {
		name := "utf-16le"
		if order == unicode.BigEndian {
			name = "utf-16be"
		}
		return utf16Text(in, order, 0, name)
	}
	if LooksBinary(in) {
		// UTF-16 text that is mostly Chinese has few zero bytes: judge it by what it says
		if t := utf16ByContent(in); t != nil {
			return t, nil
		}
		return nil, ErrBinary
	}
	if utf8.Valid(in) {
		if t, err := demojibake(in); t != nil || err != nil {
			return t, err
		}
		return utf8Text(in, 0), nil
	}
	return decodeLegacy(in)
}

// legacyEncoding is a multi-byte encoding older Chinese files use.
type legacyEncoding struct {
	enc     encoding.Encoding
	name    string
	charLen func(in []byte, i int) int // the length of the character at in[i]
}

// decodeWith decodes in with whichever encoding reads best as Chinese text.
func decodeWith(in []byte, encodings ...legacyEncoding) (*Text, error) {
	var best *Text
	score := 0
	for _, e := range encodings {
		t, s := multiByte(in, e.enc, e.name, e.charLen)
		if t != nil && (best == nil || s > score) {
			best, score = t, s
		}
	}
	if best == nil {
		return nil, ErrBinary
	}
	return best, nil
}

func utf8Text(in []byte, bom int) *Text {
	// what a Builder makes of one Copy, without copying the text twice more
	t := &Text{S: string(in[bom:]), Format: "text", Encoding: "utf-8", InputLen: len(in)}
	if len(t.S) > 0 {
		t.segs = []seg{newSeg(0, bom, len(in), 1, 1)}
	}
	return t
}

// sniffUTF16 recognises UTF-16 without a byte order mark by the zero bytes that ASCII
// characters leave in every other position.
func sniffUTF16(in []byte) (unicode.Endianness, bool) {
	n := len(in)
	if n > 4096 {
		n = 4096
	}
	n &^= 1
	if n < 4 {
		return unicode.LittleEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if in[i] == 0 {
			even++
		}
		if in[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd > pairs/3 && even < pairs/20:
		return unicode.LittleEndian, true
	case even > pairs/3 && odd < pairs/20:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

func utf16Text(in []byte, order unicode.Endianness, bom int, name string) (*Text, error) {
	body := in[bom:]
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil {
		return nil, ErrBinary
	}
	var b Builder
	pos := bom
	for i := 0; i < len(out); {
		r, w := utf8.DecodeRune(out[i:])
		inW := 2
		if r > 0xFFFF {
			inW = 4
		}
		if pos+inW > len(in) { // a lone trailing byte
			b.Stand(string(out[i:]), pos, len(in))
			break
		}
		b.Chars(string(out[i:i+w]), pos, w, inW)
		pos += inW
		i += w
	}
	t := b.Text("text", name, len(in))
	if LooksBinary([]byte(t.S)) {
		return nil, ErrBinary
	}
	return t, nil
}

// utf16ByContent decodes in as UTF-16 in whichever byte order reads as Chinese text.
func utf16ByContent(in []byte) *Text {
	if len(in)%2 != 0 {
		return nil
	}
	var best *Text
	bestScore := 2
	for _, o := range []struct {
		order unicode.Endianness
		name  string
	}{{unicode.LittleEndian, "utf-16le"}, {unicode.BigEndian, "utf-16be"}} {
		t, err := utf16Text(in, o.order, 0, o.name)
		if err != nil {
			continue
		}
		score := 0
		for _, r := range t.S {
			if commonRune(r) {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// LooksBinary is the test for data that is no text: a NUL byte, or many control
// characters, in the first 64 KiB (UTF-16 text has NULs too: Decode tells it apart first).
func LooksBinary(in []byte) bool {
	n := min(len(in), BinaryScan)
	ctl := 0
	for i := 0; i < n; i++ {
		// eight bytes at a time while none is below 0x20 (most of a text: line
		// breaks and tabs are the only control characters in it, every few dozen bytes)
		for i+8 <= n && !hasControl(binary.LittleEndian.Uint64(in[i:])) {
			i += 8
		}
		if i >= n {
			break
		}
		switch c := in[i]; {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B:
			ctl++
		}
	}
	return ctl > n/20+2
}

// hasControl reports whether any of the eight bytes of x is below 0x20.
func hasControl(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x-0x20*ones)&^x&highs != 0
}

func gbCharLen(in []byte, i int) int {
	c := in[i]
	if c < 0x80 || c == 0x80 || c == 0xFF || i+1 >= len(in) {
		return 1
	}
	if n := in[i+1]; n >= 0x30 && n <= 0x39 {
		if i+3 < len(in) {
			return 4
		}
		return len(in) - i
	}
	return 2
}

func big5CharLen(in []byte, i int) int {
	if in[i] < 0x81 || in[i] == 0xFF || i+1 >= len(in) {
		return 1
	}
	return 2
}

// multiByte decodes in with enc and scores the result by how much of it reads as
// common Chinese, so that GB18030 and Big5 can be told apart.
func multiByte(in []byte, enc encoding.Encoding, name string, charLen func([]byte, int) int) (*Text, int) {
	out, err := enc.NewDecoder().Bytes(in)
	if err != nil {
		return nil, -1 << 30
	}
	var b Builder
	pos, i := 0, 0
	bad, common := 0, 0
	for i < len(out) && pos < len(in) {
		r, w := utf8.DecodeRune(out[i:])
		inW := charLen(in, pos)
		if r == utf8.RuneError {
			bad++
		}
		if commonRune(r) {
			common++
		}
		b.Chars(string(out[i:i+w]), pos, w, inW)
		pos += inW
		i += w
	}
	if i < len(out) { // desynchronised: map the rest as a block
		b.Stand(string(out[i:]), pos, len(in))
	}
	t := b.Text("text", name, len(in))
	if bad*10 > utf8.RuneCount(out)+10 || LooksBinary(out) {
		return nil, -1 << 30
	}
	return t, common - 4*bad
}

// commonRune reports characters frequent in reports in either script; a wrong decoding
// turns them into rare characters.
func commonRune(r rune) bool {
	switch r {
	case '的', '政', '府', '信', '息', '公', '开', '開', '年', '报', '報', '告', '工', '作', '申', '请', '請',
		'情', '况', '況', '和', '在', '是', '有', '度', '行', '为', '為', '数', '數', '件', '条', '條', '。', '，':
		return true
	}
	return false
}
