package source

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Mojibake: a crawler that decoded a GBK or UTF-8 page as Latin-1 (or Windows-1252)
// and stored the result as UTF-8 keeps the report's bytes, one character per byte:
// "ÕþÐÅÏ¢¹«¿ª" for 政府信息公开 in GBK, "æ”¿åºœ" for 政府 in UTF-8. Read as it
// is, such text holds no Chinese at all and is no report. Each character is turned
// back into its byte and the bytes are decoded again — as UTF-8 when they are valid
// UTF-8, else as GB18030/Big5 — every character keeping its place in the input.

// cp1252 holds the characters Windows-1252 puts at bytes 0x80-0x9F, where Latin-1
// has control characters.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// demojibake returns the text s (the input in, valid UTF-8) meant, when s is Chinese
// text misdecoded as Latin-1 or Windows-1252; nil when it is not, and ErrFull when
// the bytes are GB18030/Big5, which the lite build leaves to the full one.
func demojibake(in []byte) (*Text, error) {
	// U+00A0-U+00FF are written 0xC2 0xXX and 0xC3 0xXX: a text with few of those lead
	// bytes (every report in Chinese) is passed at once
	if bytes.Count(in, []byte{0xC3})+bytes.Count(in, []byte{0xC2}) < 40 {
		return nil, nil
	}
	s := string(in)
	han, latin, letters := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r >= 0xA0 && r <= 0xFF:
			latin++
		}
		if r > ' ' {
			letters++
		}
	}
	// Chinese misdecoded is two or three such characters for each of its own, most
	// of the text; a European language has a few accented letters among plain ones
	if latin < 40 || han*20 > latin || latin*3 < letters {
		return nil, nil
	}
	// each character back to its byte, remembering the input span it came from
	raw := make([]byte, 0, len(s))
	from := make([]int, 0, len(s)+1) // from[k]: where in the input byte k's character starts
	for i, r := range s {
		b, ok := byte(0), true
		switch {
		case r <= 0xFF:
			b = byte(r)
		default:
			b, ok = cp1252[r]
		}
		if !ok {
			return nil, nil // a character no single-byte misreading makes: not mojibake
		}
		raw = append(raw, b)
		from = append(from, i)
	}
	from = append(from, len(s))
	var t *Text
	if utf8.Valid(raw) {
		t = utf8Text(raw, 0)
		t.Encoding = "utf-8"
	} else {
		var err error
		if t, err = decodeLegacy(raw); err != nil || t == nil {
			return nil, err
		}
	}
	if han2, bad := countHan(t.S); han2 < latin/4 || bad*50 > han2 {
		return nil, nil // the bytes do not read as Chinese either
	}
	// map the decoded text to the input through the bytes
	var b Builder
	for i := 0; i < len(t.S); {
		_, w := utf8.DecodeRuneInString(t.S[i:])
		a, e := t.Input(i), t.Input(i+w)
		b.Stand(t.S[i:i+w], from[min(a, len(raw))], from[min(max(e, a+1), len(raw))])
		i += w
	}
	return b.Text("text", t.Encoding+"（由乱码还原）", len(in)), nil
}

// countHan counts the Chinese characters of s, and the characters no decoding made.
func countHan(s string) (han, bad int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r == utf8.RuneError:
			bad++
		}
	}
	return han, bad
}
