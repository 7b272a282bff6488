package markup_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"

	"nianbao/core"
	"nianbao/core/markup"
)

// makePDF writes a PDF of the given objects, numbered from 1 (1 is the catalog).
func makePDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage is a one-page PDF with the given content, font and image objects (5 and 6).
func onePage(content, font string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>",
		stream("", content),
		font,
		stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x00"),
	}
	return makePDF(append(objs, extra...), "")
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

const toUnicode = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <4E00>
<0002> <4E8C>
<0003> <4E09>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func cidFont(withToUnicode bool) (string, []string) {
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R]"
	if withToUnicode {
		font += " /ToUnicode 8 0 R"
	}
	font += " >>"
	return font, []string{
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [1000 1000 1000]] >>",
		stream("", toUnicode),
	}
}

func TestPDFText(t *testing.T) {
	in := onePage("BT /F1 12 Tf 72 700 Td (Line one 2024) Tj 0 -20 Td [(A) -3000 (12)] TJ ET", helvetica)
	txt := read(t, in, "a.pdf", "")
	if txt.Format != markup.PDF {
		t.Fatalf("read as %s", txt.Format)
	}
	ls := lines(txt.S)
	if len(ls) != 2 || ls[0] != "Line one 2024" || !strings.HasPrefix(ls[1], "A  ") || !strings.HasSuffix(ls[1], " 12") {
		t.Errorf("got %q", txt.S)
	}
	font, extra := cidFont(true)
	in = onePage("BT /F1 10 Tf 100 600 Td <000100020003> Tj ET BT /F1 10 Tf 100 580 Td <0003> Tj 60 0 Td <0001> Tj ET", font, extra...)
	txt = read(t, in, "", "")
	if ls := lines(txt.S); len(ls) != 2 || ls[0] != "一二三" || !strings.HasPrefix(ls[1], "三  ") || !strings.HasSuffix(ls[1], " 一") {
		t.Errorf("got %q", txt.S)
	}
	res := core.Check(in, core.Options{Name: "a.pdf"})
	if res.Input.Format != "pdf" || res.Input.Text != txt.S {
		t.Errorf("core: %q %q", res.Input.Format, res.Input.Text)
	}
}

func TestPDFRefused(t *testing.T) {
	font, extra := cidFont(false)
	var bomb bytes.Buffer
	zw := zlib.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte(" "), 40<<20))
	zw.Close()
	bombPDF := makePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", bomb.String()),
	}, "")
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"scanned", onePage("q 500 0 0 700 50 50 cm /Im1 Do Q", helvetica), "扫描"},
		{"no text", onePage("0 0 m 100 100 l S", helvetica), "没有可提取的文字"},
		{"unmapped font", onePage("BT /F1 10 Tf 100 600 Td <000100020003> Tj ET", font, extra...), "字体"},
		{"encrypted", encryptedPDF(), "加密"},
		{"broken", []byte("%PDF-1.4\nnothing here"), "损坏"},
		{"bomb", bombPDF, "压缩炸弹"},
	}
	for _, c := range cases {
		_, err := markup.Read(c.in, c.name+".pdf", "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a message with %q", c.name, err, c.want)
		}
	}
}

// encryptedPDF has a Standard security handler whose password is not empty.
func encryptedPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	x := b.Len()
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	fmt.Fprintf(&b, "trailer\n<< /Size 1 /ID [(%s)] /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O (%s) /U (%s) /P 0 >> >>\n",
		strings.Repeat("I", 16), strings.Repeat("O", 32), strings.Repeat("U", 32))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// TestPDFPictures: a picture as large as a table leaves its place in the text, above
// the text below it, as the Object character; a small one (a rule, a bullet) does not.
func TestPDFPictures(t *testing.T) {
	for _, c := range []struct {
		name, content, want string
	}{
		{"table as picture", "BT /F1 12 Tf 72 760 Td (Tables) Tj ET q 450 0 0 300 72 420 cm /Im1 Do Q BT /F1 12 Tf 72 380 Td (After) Tj ET", "Tables|\uFFFC|After"},
		{"bullet", "BT /F1 12 Tf 72 760 Td (Tables) Tj ET q 8 0 0 8 72 700 cm /Im1 Do Q BT /F1 12 Tf 72 380 Td (After) Tj ET", "Tables|After"},
	} {
		txt, err := markup.Read(onePage(c.content, helvetica), "p.pdf", "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := strings.Join(strings.Fields(txt.S), "|"); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, txt.S, c.want)
		}
	}
}
