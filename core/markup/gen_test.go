package markup_test

// This file rebuilds the seed reports as structured documents — HTML pages in several
// styles and Word .docx files (and, with LibreOffice installed, PDFs and Word 97-2003
// .doc files converted from them) — with the merged cells of the national template. Run
//
//	go test ./core/markup -run TestGenerate -gen
//
// to rewrite testdata/markup/seed*.{html,docx,pdf,doc}; CI only reads them.

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var gen = flag.Bool("gen", false, "rewrite testdata/markup from the seeds")

const markupDir = "../../testdata/markup"
const seedDir = "../../testdata/seeds"

type gcell struct {
	text   string
	rs, cs int
}

type gtable [][]gcell

type gblock struct {
	para  string
	table gtable
}

// seedLayouts names how each seed's scraped text lays its tables out.
var seedLayouts = map[string]string{
	"000_e0bf6f214cd92753": "pipes",
	"001_4d220e2fb02edc16": "pipes",
	"003_b5b9a5615959bd1c": "rows3",
	"004_fe52555f254f9b80": "cells",
}

// seedHTMLStyle is the kind of page each seed becomes.
var seedHTMLStyle = map[string]string{
	"000_e0bf6f214cd92753": "portal",
	"001_4d220e2fb02edc16": "gbk",
	"003_b5b9a5615959bd1c": "plain",
	"004_fe52555f254f9b80": "word",
}

func readSeed(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join(seedDir, name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parseSeed turns a seed's text into paragraphs and tables of the cells it shows.
func parseSeed(text, layout string) []gblock {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var out []gblock
	var rows [][]string
	var cur []string
	width := 0
	flush := func() {
		if len(cur) > 0 {
			rows = append(rows, cur)
			cur = nil
		}
		if len(rows) > 0 {
			out = append(out, gblock{table: spans(rows)})
			rows = nil
		}
	}
	for _, l := range lines {
		s := strings.TrimSpace(l)
		switch layout {
		case "pipes":
			if strings.Contains(s, "|") {
				var cells []string
				for _, c := range strings.Split(s, "|") {
					cells = append(cells, strings.TrimSpace(c))
				}
				for len(cells) > 0 && cells[len(cells)-1] == "" {
					cells = cells[:len(cells)-1]
				}
				rows = append(rows, cells)
				continue
			}
		case "cells":
			// one cell per line; a line of pipes ends a row and counts the grid
			// positions its merged cells covered, so the first row tells the width
			if strings.HasSuffix(s, "|") {
				if strings.Trim(s, "|") == "" {
					if width == 0 {
						width = len(cur) + len(s)
					}
					if len(cur) > 0 {
						rows = append(rows, cur)
						cur = nil
					}
				} else {
					cur = append(cur, strings.TrimSpace(strings.TrimSuffix(s, "|")))
					if width > 0 && len(cur) == width {
						rows = append(rows, cur)
						cur = nil
					}
				}
				continue
			}
			width = 0
		case "rows3":
			if strings.HasSuffix(s, "|") {
				cur = append(cur, strings.TrimSpace(strings.TrimSuffix(s, "|")))
				if len(cur) == 3 {
					rows = append(rows, cur)
					cur = nil
				}
				continue
			}
		}
		flush()
		if s != "" {
			out = append(out, gblock{para: s})
		}
	}
	flush()
	return out
}

var (
	level0 = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	level1 = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
	level2 = regexp.MustCompile(`^[0-9]+[.、．]`)
	number = regexp.MustCompile(`^[-+]?[0-9][0-9,.]*$`)
)

// spans gives a table the merged cells of the national template, inferred from the
// cells each row shows.
func spans(rows [][]string) gtable {
	t := make(gtable, len(rows))
	for i, r := range rows {
		for _, c := range r {
			t[i] = append(t[i], gcell{text: c, rs: 1, cs: 1})
		}
	}
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	lens := func(k int) []int {
		var out []int
		for i := 0; i < k && i < len(rows); i++ {
			out = append(out, len(rows[i]))
		}
		return out
	}
	switch {
	case strings.Contains(all, "第二十条"):
		for i, r := range t {
			switch len(r) {
			case 1:
				t[i][0].cs = 4
			case 2:
				t[i][1].cs = 3
			}
		}
	case strings.Contains(all, "本年新收"):
		if fmt.Sprint(lens(3)) == "[2 3 5]" {
			t[0][0].rs, t[0][0].cs, t[0][1].cs = 3, 3, 7
			t[1][0].rs, t[1][1].cs, t[1][2].rs = 2, 5, 2
		}
		first := func(i int) int { // level of a row's first label
			return labelLevel(rows[i][0])
		}
		for i := 3; i < len(rows); i++ {
			var labels []int
			for k, c := range rows[i] {
				if number.MatchString(c) || c == "" {
					break
				}
				labels = append(labels, k)
			}
			for n, k := range labels {
				lv := labelLevel(rows[i][k])
				next := 3
				if n+1 < len(labels) {
					next = labelLevel(rows[i][labels[n+1]])
					rs := 1
					for j := i + 1; j < len(rows) && first(j) > lv; j++ {
						rs++
					}
					t[i][k].rs = rs
				}
				t[i][k].cs = max(next-lv, 1)
			}
		}
	case fmt.Sprint(lens(4)) == "[2 7 10 15]":
		t[0][0].cs, t[0][1].cs = 5, 10
		for k := 0; k < 5; k++ {
			t[1][k].rs = 2
		}
		t[1][5].cs, t[1][6].cs = 5, 5
	}
	return t
}

func labelLevel(s string) int {
	switch {
	case level0.MatchString(s):
		return 0
	case level1.MatchString(s):
		return 1
	case level2.MatchString(s):
		return 2
	}
	return 0
}

// grid places a table's cells on a grid: [row][col] is the cell starting there, or
// nil; covered tells rowspan continuations (below a cell's first row, its first column).
type gpos struct {
	c       *gcell
	covered bool // continuation of a cell from above
}

func layoutGrid(t gtable) [][]gpos {
	var g [][]gpos
	for len(g) < len(t) {
		g = append(g, nil)
	}
	occupied := map[[2]int]bool{}
	for i, r := range t {
		col := 0
		for k := range r {
			c := &t[i][k]
			for occupied[[2]int{i, col}] {
				col++
			}
			for a := i; a < i+c.rs && a < len(t); a++ {
				for b := col; b < col+c.cs; b++ {
					occupied[[2]int{a, b}] = true
				}
				for len(g[a]) <= col {
					g[a] = append(g[a], gpos{})
				}
				g[a][col] = gpos{c: c, covered: a > i}
			}
			col += c.cs
		}
	}
	return g
}

// ---- HTML ----

func esc(s string) string { return html.EscapeString(s) }

func writeHTML(name string, doc []gblock, style string) []byte {
	var b strings.Builder
	cellText := func(s string) string {
		if s == "" {
			return "&nbsp;"
		}
		if style == "portal" {
			// labels that the scrape shows with a space were wrapped in the page
			return strings.ReplaceAll(esc(s), " ", "<br>")
		}
		return esc(s)
	}
	switch style {
	case "word":
		b.WriteString(`<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线;}
 span.SpellE {mso-style-name:""; mso-spl-e:yes;}
@page WordSection1 {size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
`)
	case "gbk":
		b.WriteString(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><META http-equiv="Content-Type" content="text/html; charset=gb2312">
<TITLE>政府信息公开年度报告_山海关区人民政府</TITLE>
<SCRIPT language=javascript>var s = "<table><tr><td>9</td></tr></table>"; document.write(s);</SCRIPT>
<LINK href="/css/style.css" rel=stylesheet type=text/css>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE width=1000 align=center border=0 cellPadding=0 cellSpacing=0><TR><TD class=menu><A href="/">首页</A> | <A href="/xxgk/">信息公开</A> | <A href="/zwfw/">政务服务</A> 2024年12月31日</TD></TR></TABLE>
<TABLE width=1000 align=center border=0><TR><TD width=200 valign=top><FONT size=2>站内搜索</FONT></TD>
<TD valign=top>
`)
	case "portal":
		b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>東港市機關事務服務中心2024年政府信息公開工作年度報告</title>
<style>td{border:1px solid #000} .x{display:none}</style>
<script>window.dataLayer=[2024,1,31];</script></head>
<body>
<header class="site-header"><div class="logo">東港市人民政府</div><ul class="nav-list"><li>首頁</li><li>政務公開</li></ul></header>
<div class="breadcrumb">當前位置：首頁 &gt; 政務公開 &gt; 年度報告</div>
<div class="article"><div class="info">發布時間：2025-01-20 瀏覽次數：<span id="hits">1234</span></div>
<div style="display: none">隱藏內容 999</div>
<div class="content">
`)
	default:
		b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n")
	}
	for bi, bl := range doc {
		if bl.table == nil {
			switch style {
			case "word":
				if m := level2.FindString(bl.para); m != "" && bi%2 == 0 {
					// a list paragraph as Word writes it for browsers that lack list support
					fmt.Fprintf(&b, "<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span lang=EN-US style='mso-fareast-font-family:仿宋'>%s<span style='font:7.0pt \"Times New Roman\"'></span></span><!--[endif]--><span style='font-family:仿宋'>%s</span></p>\n", esc(m), esc(strings.TrimPrefix(bl.para, m)))
					continue
				}
				fmt.Fprintf(&b, "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋'>%s<o:p></o:p></span></p>\n", esc(bl.para))
			case "gbk":
				fmt.Fprintf(&b, "<P><FONT face=宋体 size=3>%s</FONT></P>\n", esc(bl.para))
			case "portal":
				if level0.MatchString(bl.para) {
					fmt.Fprintf(&b, "<h3>%s</h3>\n", esc(bl.para))
				} else {
					fmt.Fprintf(&b, "<p style=\"text-indent:2em\">\n  %s\n</p>\n", esc(bl.para))
				}
			default:
				fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.para))
			}
			continue
		}
		switch style {
		case "word":
			b.WriteString("<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n")
		case "gbk":
			b.WriteString("<TABLE border=0 width=\"100%\"><TR><TD>\n<TABLE borderColor=#000000 cellSpacing=0 cellPadding=2 border=1>\n")
		default:
			b.WriteString("<table border=\"1\">\n<tbody>\n")
		}
		for ri, r := range bl.table {
			switch style {
			case "word":
				fmt.Fprintf(&b, " <tr style='mso-yfti-irow:%d;height:20.0pt'>\n", ri)
			case "gbk":
				b.WriteString("<TR>")
			default:
				b.WriteString("<tr>")
			}
			for _, c := range r {
				span := ""
				if c.cs > 1 {
					span += fmt.Sprintf(" colspan=%d", c.cs)
				}
				if c.rs > 1 {
					span += fmt.Sprintf(" rowspan=%d", c.rs)
				}
				switch style {
				case "word":
					txt := "<o:p>&nbsp;</o:p>"
					if c.text != "" {
						txt = esc(c.text) + "<o:p></o:p>"
					}
					fmt.Fprintf(&b, "  <td%s valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.0pt;font-family:仿宋'>%s</span></p>\n  </td>\n", span, txt)
				case "gbk":
					fmt.Fprintf(&b, "<TD%s><FONT size=2>%s</FONT>", strings.ToUpper(span), cellText(c.text))
				default:
					fmt.Fprintf(&b, "<td%s>%s</td>", span, cellText(c.text))
				}
			}
			switch style {
			case "word":
				b.WriteString(" </tr>\n")
			case "gbk":
				b.WriteString("\n") // rows and cells left unclosed, as old pages do
			default:
				b.WriteString("</tr>\n")
			}
		}
		switch style {
		case "word":
			b.WriteString("</table>\n</div>\n")
		case "gbk":
			b.WriteString("</TABLE>\n</TD></TR></TABLE>\n")
		default:
			b.WriteString("</tbody>\n</table>\n")
		}
	}
	switch style {
	case "word":
		b.WriteString("</div>\n</body>\n</html>\n")
	case "gbk":
		b.WriteString("</TD></TR></TABLE>\n<TABLE width=1000 align=center><TR><TD class=bottom>主办：山海关区人民政府办公室 电话：0335-5051234</TD></TR></TABLE>\n</BODY></HTML>\n")
	case "portal":
		b.WriteString("</div></div>\n<div class=\"share\">分享到：微信 微博</div>\n<footer>版權所有 © 2025 東港市人民政府 遼ICP備05001234號</footer>\n</body></html>\n")
	default:
		b.WriteString("</body></html>\n")
	}
	out := []byte(b.String())
	if style == "gbk" {
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(out)
		if err != nil {
			panic(err)
		}
		out = enc
	}
	return out
}

// ---- .docx ----

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func xmlEsc(s string) string {
	var b bytes.Buffer
	_ = xmlEscape(&b, s)
	return b.String()
}

func xmlEscape(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	b.WriteString(r.Replace(s))
	return nil
}

func runXML(s string) string {
	return `<w:r><w:rPr><w:rFonts w:ascii="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC" w:hAnsi="Noto Serif CJK SC"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">` + xmlEsc(s) + `</w:t></w:r>`
}

// docxFile packs a document body (and a numbering part, if any) as a .docx.
func docxFile(body, numbering string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(content))
	}
	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
	if numbering != "" {
		types += `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`
	}
	add("[Content_Types].xml", types+`</Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	if numbering != "" {
		rels += `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
		add("word/numbering.xml", numbering)
	}
	add("word/_rels/document.xml.rels", rels+`</Relationships>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document `+wordNS+` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`+body+
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="850" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// chineseNumbering is a numbering part with one list of "一、" headings.
const chineseNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

func writeDocx(doc []gblock, numberHeadings bool) []byte {
	var b strings.Builder
	want := []string{"一、", "二、", "三、", "四、", "五、", "六、"}
	next := 0
	for _, bl := range doc {
		if bl.table == nil {
			if numberHeadings && next < len(want) && strings.HasPrefix(bl.para, want[next]) {
				// a heading numbered by Word: the number is not in the text
				b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + runXML(strings.TrimPrefix(bl.para, want[next])) + `</w:p>`)
				next++
				continue
			}
			b.WriteString(`<w:p>` + runXML(bl.para) + `</w:p>`)
			continue
		}
		g := layoutGrid(bl.table)
		width := 0
		for _, r := range g {
			width = max(width, len(r))
		}
		for _, r := range bl.table {
			n := 0
			for _, c := range r {
				n += c.cs
			}
			width = max(width, n)
		}
		colW := 10000 / max(width, 1)
		b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="10000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
		for i := 0; i < width; i++ {
			fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, colW)
		}
		b.WriteString(`</w:tblGrid>`)
		for _, r := range g {
			b.WriteString(`<w:tr>`)
			for _, p := range r {
				if p.c == nil {
					continue
				}
				fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, colW*p.c.cs)
				if p.c.cs > 1 {
					fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, p.c.cs)
				}
				switch {
				case p.covered:
					b.WriteString(`<w:vMerge/>`)
				case p.c.rs > 1:
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				}
				b.WriteString(`</w:tcPr><w:p>`)
				if !p.covered && p.c.text != "" {
					b.WriteString(runXML(p.c.text))
				}
				b.WriteString(`</w:p></w:tc>`)
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
	}
	num := ""
	if numberHeadings {
		num = chineseNumbering
	}
	return docxFile(b.String(), num)
}

func TestGenerate(t *testing.T) {
	if !*gen {
		t.Skip("run with -gen to rewrite testdata/markup")
	}
	if err := os.MkdirAll(markupDir, 0o755); err != nil {
		t.Fatal(err)
	}
	soffice, _ := exec.LookPath("soffice")
	for name, layout := range seedLayouts {
		doc := parseSeed(readSeed(t, name), layout)
		short := "seed" + name[:3]
		if err := os.WriteFile(filepath.Join(markupDir, short+".html"), writeHTML(name, doc, seedHTMLStyle[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		docx := filepath.Join(markupDir, short+".docx")
		if err := os.WriteFile(docx, writeDocx(doc, name[:3] == "004"), 0o644); err != nil {
			t.Fatal(err)
		}
		if soffice == "" {
			t.Logf("soffice not found: %s.pdf not rewritten", short)
			continue
		}
		// the PDF, and the Word 97-2003 file (.doc) that offices still publish
		for _, to := range []string{"pdf", "doc:MS Word 97"} {
			cmd := exec.Command(soffice, "--headless", "--convert-to", to, "--outdir", markupDir, docx)
			cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
		}
	}
}
