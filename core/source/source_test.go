package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		// Traditional with pinyin annotations, pipes and numbers in between
		{"三、本年度辦理結果 | (一)予以公開 | 0 | 7 |\n報(bào)告數(shù)據(jù)統(tǒng)計(jì)期限為2024年1月1日至2024年12月31日",
			"三、本年度办理结果 | (一)予以公开 | 0 | 7 |\n报告数据统计期限为2024年1月1日至2024年12月31日"},
		// full-width forms, quotes, brackets and spaces folded; Simplified text kept as is
		{"（七）总计　１２３：“三安全一稳定”", "(七)总计 123:\"三安全一稳定\""},
		// an English word in brackets is not pinyin
		{"政府网站(www)和(bào)", "政府网站(www)和"},
	}
	for _, c := range cases {
		n := Normalize(&Text{S: c.in, InputLen: len(c.in)})
		if n.S != c.want {
			t.Errorf("Normalize(%q)\n got %q\nwant %q", c.in, n.S, c.want)
		}
	}
}

// TestNormalizeOffsets checks that every character of the normalised text maps back to
// the input character it came from.
func TestNormalizeOffsets(t *testing.T) {
	in := "根據(jù)規(guī)定 | 行政許可 | 52425 |\n（七）總計　１２"
	n := Normalize(&Text{S: in, InputLen: len(in)})
	want := map[string]string{"许可": "許可", "52425": "52425", "总计": "總計", "12": "１２", "规": "規"}
	for norm, orig := range want {
		i := strings.Index(n.S, norm)
		if i < 0 {
			t.Fatalf("%q not in %q", norm, n.S)
		}
		span := n.Span(i, i+len(norm))
		if got := in[span[0]:span[1]]; got != orig {
			t.Errorf("%q maps to %q, want %q", norm, got, orig)
		}
	}
}

// TestImages: an Object character becomes a space whose place is recorded and maps
// to it in the input; a report cut from the text (Prefix, After) keeps only its own.
func TestImages(t *testing.T) {
	in := "一\uFFFC二\n报告\uFFFC三\n\uFFFC"
	n := Normalize(&Text{S: in, InputLen: len(in)})
	if n.S != "一 二\n报告 三\n " || fmt.Sprint(n.Images) != "[3 14 19]" {
		t.Fatalf("%q, images %v", n.S, n.Images)
	}
	if span := n.Span(14, 15); in[span[0]:span[1]] != "\uFFFC" {
		t.Errorf("the second image maps to %q", in[span[0]:span[1]])
	}
	if got := fmt.Sprint(n.Prefix(8).Images, n.After(8).Images, n.After(8).Prefix(19).Images); got != "[3] [14 19] [14]" {
		t.Errorf("the parts' images %s, want [3] [14 19] [14]", got)
	}
}

func TestDecode(t *testing.T) {
	text := "政府信息公开工作年度报告：本年新收申请 8 件。"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(text)
	big5, _ := traditionalchinese.Big5.NewEncoder().String("政府資訊公開工作年度報告：本年新收申請 8 件。")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	cases := []struct {
		name, in, enc, want string
	}{
		{"utf-8", text, "utf-8", text},
		{"utf-8 bom", "\xEF\xBB\xBF" + text, "utf-8", text},
		{"gbk", gbk, "gb18030", text},
		{"big5", big5, "big5", "政府資訊公開工作年度報告：本年新收申請 8 件。"},
		{"utf-16le bom", u16, "utf-16le", text},
		{"utf-16be no bom", u16be, "utf-16be", text},
	}
	for _, c := range cases {
		got, err := Decode([]byte(c.in))
		if liteBuild && (c.enc == "gb18030" || c.enc == "big5") {
			// the lite build leaves these to the full one
			if !errors.Is(err, ErrFull) {
				t.Errorf("%s, lite build: got %v, want ErrFull", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got.S != c.want || got.Encoding != c.enc {
			t.Errorf("%s: got %q (%s), want %q (%s)", c.name, got.S, got.Encoding, c.want, c.enc)
		}
		// the "8" maps back to the "8" of the input
		i := strings.Index(got.S, "8")
		if in := got.Input(i); c.in[in] != '8' && !(c.enc[:6] == "utf-16" && c.in[in:in+2] == "8\x00" || c.in[in:in+2] == "\x008") {
			t.Errorf("%s: offset of 8 maps to %d (%q)", c.name, in, c.in[in:in+1])
		}
	}
	for _, bad := range []string{"", "   \n", "\x00\x01\x02binary\x00\x00\x00\x03\x04"} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%q) accepted", bad)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("報(bào)告 | 0 |\n（七）總計")
	f.Add("(ā)(")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := Normalize(&Text{S: s, InputLen: len(s)})
		for i := 0; i <= len(n.S); i++ {
			if o := n.Text.Input(i); o < 0 || o > len(s) {
				t.Fatalf("offset %d maps to %d outside [0,%d]", i, o, len(s))
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("政府信息公开"))
	f.Add([]byte{0xFF, 0xFE, 0x3f, 0x00})
	f.Add([]byte{0xb1, 0xa8, 0xb8, 0xe6})
	f.Fuzz(func(t *testing.T, in []byte) {
		txt, err := Decode(in)
		if err != nil {
			return
		}
		if !utf8.ValidString(txt.S) {
			// invalid bytes in a UTF-8 input are kept as they are; only decoded text must be valid
			if txt.Encoding != "utf-8" {
				t.Fatalf("decoded %s text is not valid UTF-8", txt.Encoding)
			}
		}
		for i := 0; i <= len(txt.S); i++ {
			if o := txt.Input(i); o < 0 || o > len(in) {
				t.Fatalf("offset %d maps to %d outside input of %d", i, o, len(in))
			}
		}
	})
}
