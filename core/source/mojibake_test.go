package source

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// misdecode returns what a crawler stores when it reads the bytes b as Windows-1252
// (Latin-1 where that has no character) and writes the result as UTF-8.
func misdecode(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if r := charmap.Windows1252.DecodeByte(c); r != '\uFFFD' {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

func TestMojibake(t *testing.T) {
	text := strings.Repeat("政府信息公开工作年度报告：本年新收政府信息公开申请数量 8 件。\n", 6)
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, lite := decodeLegacy([]byte{0xB0, 0xA1})
	cases := []struct {
		name, in, enc string
	}{
		{"UTF-8 read as Latin-1", misdecode([]byte(text)), "utf-8（由乱码还原）"},
		{"GBK read as Windows-1252", misdecode(gbk), "gb18030（由乱码还原）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Decode([]byte(c.in))
			if c.enc != "utf-8（由乱码还原）" && errors.Is(lite, ErrFull) {
				if !errors.Is(err, ErrFull) {
					t.Errorf("lite build: %v, want ErrFull (the full module decodes GB18030)", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.S != text || got.Encoding != c.enc {
				t.Fatalf("decoded %q as %s, want the text as %s", got.S, got.Encoding, c.enc)
			}
			// the number keeps its place in the input; a character maps to its bytes' characters
			i := strings.Index(got.S, "8")
			if sp := got.Span(i, i+1); c.in[sp[0]:sp[1]] != "8" {
				t.Errorf("8 maps to %q", c.in[sp[0]:sp[1]])
			}
			j := strings.Index(got.S, "政")
			if sp := got.Span(j, j+len("政")); sp[1]-sp[0] < 4 {
				t.Errorf("政 maps to %q", c.in[sp[0]:sp[1]])
			}
		})
	}
	// Latin text is left as it is
	french := strings.Repeat("Le café où l'élève a été reçu était fermé à Noël. ", 10)
	if got, err := Decode([]byte(french)); err != nil || got.S != french || got.Encoding != "utf-8" {
		t.Errorf("French text decoded as %q (%v)", got.S[:min(40, len(got.S))], err)
	}
}
