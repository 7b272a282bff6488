package markup

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/core/source"
)

// A page's HTML is often found inside a JavaScript string or a JSON value — a CMS
// that writes the article with document.write, a crawler that stored the API's
// response — with its quotes, slashes and line breaks escaped: <td nowrap=\"nowrap\">,
// <\/td>, \n, or every "<" as \u003c. Such text is unescaped before the HTML reader parses it, every character
// keeping its place in the input.

// jsEscaped reports HTML whose markup is escaped as a JavaScript string's.
func jsEscaped(s string) bool {
	if strings.Count(s, `\u003c`)+strings.Count(s, `\u003C`) >= 3 {
		return true // every "<" escaped, as Go's and other JSON encoders write it
	}
	n := strings.Count(s, `=\"`) + strings.Count(s, `<\/`) + strings.Count(s, `=\'`)
	return n >= 3 || n > 0 && strings.Count(s, `\n`) > 3
}

// unescapeJS returns t with JavaScript string escapes decoded (\" \' \\ \/ \n \r \t
// \uXXXX \xXX); offsets map back to the input through t.
func unescapeJS(t *source.Text, inputLen int) *source.Text {
	s := t.S
	var b source.Builder
	utf := t.Encoding == "utf-8"
	shift := t.Input(0)
	copyRun := func(from, to int) {
		if from >= to {
			return
		}
		if utf {
			b.Copy(s[from:to], from+shift)
			return
		}
		for i := from; i < to; {
			_, w := utf8.DecodeRuneInString(s[i:])
			b.Stand(s[i:i+w], t.Input(i), t.Input(i+w))
			i += w
		}
	}
	lit := 0
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			i++
			continue
		}
		out, n := jsEscape(s[i:])
		if n == 0 {
			i++
			continue
		}
		copyRun(lit, i)
		b.Stand(out, t.Input(i), t.Input(i+n))
		i += n
		lit = i
	}
	copyRun(lit, len(s))
	return b.Text(t.Format, t.Encoding, inputLen)
}

// jsEscape decodes the escape sequence s starts with, returning its text and length;
// n is 0 when s does not start with one.
func jsEscape(s string) (out string, n int) {
	switch c := s[1]; c {
	case '"', '\'', '\\', '/':
		return s[1:2], 2
	case 'n':
		return "\n", 2
	case 'r':
		return "\r", 2
	case 't':
		return "\t", 2
	case 'u':
		if len(s) >= 6 {
			if v, err := strconv.ParseUint(s[2:6], 16, 32); err == nil {
				return string(rune(v)), 6
			}
		}
	case 'x':
		if len(s) >= 4 {
			if v, err := strconv.ParseUint(s[2:4], 16, 32); err == nil {
				return string(rune(v)), 4
			}
		}
	}
	return "", 0
}

// looksJSHTML recognises HTML escaped inside a script's string, whatever the file is
// named: tags with escaped quotes or slashes.
func looksJSHTML(input []byte) bool {
	p := sniffPrefix(input)
	return bytes.Contains(p, []byte("<t")) && (bytes.Contains(p, []byte(`=\"`)) || bytes.Contains(p, []byte(`<\/`)))
}
