package markup_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"nianbao/core"
	"nianbao/core/markup"
)

func p(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func r(s string) string       { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }

func tc(props string, paras ...string) string {
	if len(paras) == 0 {
		paras = []string{"<w:p/>"}
	}
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}

func TestDocxTables(t *testing.T) {
	body := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		// a header spanning rows and columns
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, p(r("项目"))) + tc(`<w:gridSpan w:val="3"/>`, p(r("申请人情况"))) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`) + tc(``, p(r("自然人"))) + tc(``, p(r("法人"))) + tc(``, p(r("总计"))) + `</w:tr>` +
		// a label broken over two lines, blank cells
		`<w:tr>` + tc(``, p(r("（二）部分"), `<w:r><w:br/></w:r>`, r("公开"))) + tc(``, p(r(" "))) + tc(``, p(r("—"))) + tc(``, p(r("3"))) + `</w:tr>` +
		// a group label merged down, the row below skipping a grid column
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, p(r("（三）不予公开"))) + tc(``, p(r("1"))) + tc(``, p(r("2"))) + tc(``, p(r("3"))) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge w:val="continue"/>`, p(r("ignored"))) + tc(``, p(r("4"))) + tc(``, p(r("5"))) + tc(``, p(r("6"))) + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(``, p(r("7"))) + tc(`<w:gridSpan w:val="2"/>`, p(r("8"))) + `</w:tr>` +
		`</w:tbl>`
	txt := read(t, docxFile(body, ""), "t.docx", "")
	if txt.Format != markup.Docx {
		t.Fatalf("read as %s", txt.Format)
	}
	wantLines(t, txt.S,
		"项目\t申请人情况",
		"项目\t自然人\t法人\t总计",
		"（二）部分公开\t\t—\t3",
		"（三）不予公开\t1\t2\t3",
		"（三）不予公开\t4\t5\t6",
		"7\t8",
	)
	if strings.Contains(txt.S, "ignored") {
		t.Errorf("a merged cell's continuation was read")
	}
}

func TestDocxText(t *testing.T) {
	body := p(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("总体情况")) +
		p(`<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:vanish/></w:rPr></w:pPr>`, r("主动公开")) +
		p(`<w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("制发文件")) +
		p(`<w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("废止文件")) +
		p(`<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("依申请公开")) +
		p(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("主动公开政府信息情况")) +
		// hidden text, tracked deletions, field codes and the fallback of alternate content are not text
		p(r("收费"), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>999</w:t></w:r>`, `<w:del><w:r><w:delText>888</w:delText></w:r></w:del>`,
			`<w:ins><w:r><w:t>0</w:t></w:r></w:ins>`, `<w:r><w:instrText> PAGE 777 </w:instrText></w:r>`, r("元")) +
		p(`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent>`) +
		// a tab between columns of a paragraph
		p(r("行政许可"), `<w:r><w:tab/></w:r>`, r("52425"))
	txt := read(t, docxFile(body, chineseNumbering), "t.docx", "")
	want := "一、总体情况\n（一）主动公开\n1.制发文件\n2.废止文件\n（二）依申请公开\n二、主动公开政府信息情况\n收费0元\n框\n行政许可\t52425\n"
	if txt.S != want {
		t.Errorf("got\n%s\nwant\n%s", txt.S, want)
	}
	// offsets point into the extracted text
	if sp := txt.Span(3, 9); sp != [2]int{3, 9} {
		t.Errorf("span %v", sp)
	}
	res := core.Check(docxFile(body, chineseNumbering), core.Options{Name: "t.docx"})
	if res.Input.Format != "docx" || res.Input.Text != txt.S {
		t.Errorf("core: format %q, text %q", res.Input.Format, res.Input.Text)
	}
}

func TestDocxRefused(t *testing.T) {
	// a zip that is not a Word document
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	zw.Close()
	if _, err := markup.Read(buf.Bytes(), "", ""); err == nil || !strings.Contains(err.Error(), "不是 Word 文档") {
		t.Errorf("xlsx: %v", err)
	}
	if _, err := markup.Read([]byte("PK\x03\x04broken"), "a.docx", ""); err == nil || !strings.Contains(err.Error(), "Word") {
		t.Errorf("broken zip: %v", err)
	}
	res := core.Check([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), core.Options{Name: "报告.doc"})
	if len(res.Findings) == 0 || res.Findings[0].Rule != "read.input" || !strings.Contains(res.Findings[0].Message, "另存为") {
		t.Errorf(".doc: %+v", res.Findings)
	}
}

func TestDocxBomb(t *testing.T) {
	// 100 MB of white space that packs into a few hundred KB
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 100; i++ {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	if buf.Len() > 2<<20 {
		t.Fatalf("bomb is %d bytes", buf.Len())
	}
	_, err := markup.Read(buf.Bytes(), "bomb.docx", "")
	if err == nil || !strings.Contains(err.Error(), "压缩炸弹") {
		t.Fatalf("zip bomb: %v", err)
	}
	// the same with a directory that lies about the size
	b := buf.Bytes()
	lie := bytes.Clone(b)
	patchSizes(lie)
	_, err = markup.Read(lie, "bomb.docx", "")
	if err == nil || !(strings.Contains(err.Error(), "压缩炸弹") || strings.Contains(err.Error(), "损坏")) {
		t.Fatalf("zip bomb with false sizes: %v", err)
	}
}

// patchSizes sets every uncompressed size in a zip's central directory to 1000.
func patchSizes(b []byte) {
	for i := 0; i+28 < len(b); i++ {
		if bytes.Equal(b[i:i+4], []byte("PK\x01\x02")) {
			copy(b[i+24:i+28], []byte{0xe8, 0x03, 0, 0})
		}
	}
}

func TestDocxNesting(t *testing.T) {
	body := strings.Repeat("<w:sdt><w:sdtContent>", 100000) + p(r("x")) + strings.Repeat("</w:sdtContent></w:sdt>", 100000)
	_, err := markup.Read(docxFile(body, ""), "deep.docx", "")
	if err == nil || !strings.Contains(err.Error(), "嵌套") {
		t.Fatalf("200,000 nested elements: %v", err)
	}
}
