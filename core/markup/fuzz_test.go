package markup_test

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/core/markup"
)

// The readers must not panic, hang or map text outside the input, whatever they are
// given: go test ./core/markup -run '^$' -fuzz FuzzHTML (and FuzzDocx, FuzzMarkdown).

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<table><tr><td rowspan=3 colspan=2>a<br>b</td><td>1</td></tr><tr><td>&nbsp;</td></tr></table>",
		"<p>x&nbsp&amp;&#x4e00;<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
		"<div class=nav><table><tr><td>7</td></tr></table></div><script>x</script><pre>a\tb\nc</pre>",
		"Version:0.9\r\nStartHTML:1\r\n<html><!--StartFragment--><td>a<td>b<!--EndFragment-->",
		"<table><tr><td rowspan=0>x<td colspan=1001>y<tr><td rowspan=65535>z</table>",
		"<![if !supportLists]><span>1.</span><![endif]><o:p></o:p><caption>表</caption><th>h",
	} {
		f.Add([]byte(s))
	}
	// the first table of a Word page: whole pages make the fuzzer spend its time
	// minimising large inputs
	page := string(readFile(f, filepath.Join(markupDir, "seed004.html")))
	if i, j := strings.Index(page, "<table"), strings.Index(page, "</table>"); i >= 0 && j > i {
		f.Add([]byte(page[i : j+len("</table>")]))
	}
	f.Fuzz(func(t *testing.T, data []byte) { readsWithin(t, data, "f.html", "html") })
}

// documentBody returns the body of a .docx's document.xml, for the fuzz corpus.
func documentBody(t testing.TB, name string) string {
	b := readFile(t, filepath.Join(markupDir, name))
	zr, err := zip.NewReader(strings.NewReader(string(b)), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			s := string(x)
			i, j := strings.Index(s, "<w:body>"), strings.Index(s, "</w:body>")
			return s[i+len("<w:body>") : j]
		}
	}
	t.Fatal("no document.xml")
	return ""
}

func FuzzDocx(f *testing.F) {
	for _, s := range []string{
		p(r("一")) + `<w:tbl><w:tr>` + tc(`<w:vMerge w:val="restart"/><w:gridSpan w:val="2"/>`, p(r("a"))) + `</w:tr><w:tr>` + tc(`<w:vMerge/><w:gridSpan w:val="2"/>`) + `</w:tr></w:tbl>`,
		p(`<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("x"), `<w:r><w:tab/><w:br/><w:cr/></w:r>`),
		`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="3"/></w:trPr>` + tc(`<w:hMerge w:val="restart"/>`, p(r("1"))) + tc(`<w:hMerge/>`) + `</w:tr></w:tbl>`,
		`<mc:AlternateContent><mc:Fallback>` + p(r("f")) + `</mc:Fallback></mc:AlternateContent>`,
	} {
		f.Add([]byte(s))
	}
	body := documentBody(f, "seed004.docx")
	if i, j := strings.Index(body, "<w:tbl>"), strings.Index(body, "</w:tbl>"); i >= 0 && j > i {
		f.Add([]byte(body[i : j+len("</w:tbl>")]))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		readsWithin(t, docxFile(string(body), chineseNumbering), "f.docx", "")
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("# 标题\n\n| a | b |\n|---|---|\n| 1\\|2 | &nbsp; |\n|---|---|\n| x<br>y | — |\n\n1. 一\n"))
	f.Fuzz(func(t *testing.T, data []byte) { readsWithin(t, data, "f.md", "") })
}

func FuzzPDF(f *testing.F) {
	font, extra := cidFont(true)
	f.Add(onePage("BT /F1 10 Tf 100 600 Td <000100020003> Tj ET", font, extra...))
	f.Add(onePage("BT /F1 12 Tf 72 700 Td (Line 2024) Tj 0 -20 Td [(A) -3000 (12)] TJ ET q 1 0 0 1 0 0 cm /Im1 Do Q", helvetica))
	f.Add(encryptedPDF())
	f.Fuzz(func(t *testing.T, data []byte) { readsWithin(t, data, "f.pdf", "pdf") })
}

// FuzzWord97 mutates Word 97-2003 files (LibreOffice's, from the seeds) and a compound
// file with no Word stream in it.
func FuzzWord97(f *testing.F) {
	f.Add(readFile(f, filepath.Join(markupDir, "seed004.doc")))
	f.Add(readFile(f, filepath.Join(markupDir, "seed003.doc")))
	f.Fuzz(func(t *testing.T, data []byte) { readsWithin(t, data, "f.doc", "doc") })
}

// readsWithin is what the readers' fuzz targets ask of any input: no panic, and a
// rendering whose every byte maps back into the input.
func readsWithin(t *testing.T, data []byte, name, format string) {
	txt, err := markup.Read(data, name, format)
	if err != nil {
		return
	}
	checkMap(t, data, txt)
}
