package markup_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"nianbao/core/markup"
	"nianbao/core/source"
)

func read(t testing.TB, in []byte, name, format string) *source.Text {
	t.Helper()
	txt, err := markup.Read(in, name, format)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	checkMap(t, in, txt)
	return txt
}

// checkMap checks that every byte of the text maps into the input, in order within
// each line.
func checkMap(t testing.TB, in []byte, txt *source.Text) {
	t.Helper()
	if !utf8.ValidString(txt.S) {
		t.Fatalf("text is not UTF-8")
	}
	n := len(in)
	if txt.Format == markup.Docx || txt.Format == markup.PDF {
		n = len(txt.S)
	}
	for i := 0; i <= len(txt.S); i++ {
		if k := txt.Input(i); k < 0 || k > n {
			t.Fatalf("offset %d maps to %d, outside [0, %d]", i, k, n)
		}
	}
}

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

func wantLines(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !hasLine(got, w) {
			t.Errorf("no line %q in:\n%s", w, got)
		}
	}
}

// inputOf returns the input bytes a span of the text points at.
func inputOf(in []byte, txt *source.Text, sub string) string {
	i := strings.Index(txt.S, sub)
	if i < 0 {
		return "<not rendered>"
	}
	sp := txt.Span(i, i+len(sub))
	return string(in[sp[0]:sp[1]])
}

func TestHTMLBlanks(t *testing.T) {
	in := []byte(`<table>
<tr><td>（二）部分公开</td><td>&nbsp;</td><td>/</td><td>—</td><td>-</td><td></td><td> &#12288; </td><td>3</td></tr>
</table>`)
	txt := read(t, in, "", "")
	if txt.Format != markup.HTML {
		t.Fatalf("read as %s", txt.Format)
	}
	wantLines(t, txt.S, "（二）部分公开\t\t/\t—\t-\t\t\t3")
}

func TestHTMLSpans(t *testing.T) {
	in := []byte(`<table border=1>
<thead><tr><th rowspan="2">项目</th><th colspan="2">行政复议</th><th colspan=2>行政诉讼</th></tr>
<tr><th>维持</th><th>纠正</th><th>维持</th><th>纠正</th></tr></thead>
<tbody>
<tr><td>数量</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>
<tr><td rowspan=2>（三）不予<br>公开</td><td>1.属于国家秘密</td><td>5</td><td colspan=2>6</td></tr>
<tr><td>2.其他</td><td>7</td><td>8</td><td>9</td></tr>
<tr><td>合计</td><td rowspan=2>10</td><td>11</td><td>12</td><td>13</td></tr>
<tr><td>其中</td><td>14</td><td>15</td><td>16</td></tr>
</tbody></table>`)
	txt := read(t, in, "t.htm", "")
	wantLines(t, txt.S,
		"项目\t行政复议\t行政诉讼",          // a spanned header is written once
		"项目\t维持\t纠正\t维持\t纠正",      // a header spanning rows names every column below
		"数量\t1\t2\t3\t4",          // header spans differ from the data rows'
		"（三）不予公开\t1.属于国家秘密\t5\t6", // <br> joins a label; colspan data written once
		"（三）不予公开\t2.其他\t7\t8\t9",  // a label spanning rows is repeated
		"合计\t10\t11\t12\t13",
		"其中\t\t14\t15\t16", // a number spanning rows is not counted twice
	)
	if got := inputOf(in, txt, "1.属于国家秘密"); got != "1.属于国家秘密" {
		t.Errorf("label maps to %q", got)
	}
}

func TestHTMLPageChrome(t *testing.T) {
	in := []byte(`<!DOCTYPE html><html><head><title>某某局年报_某某市人民政府</title>
<style>body{font:12px}</style><script>var n = 12345;</script></head>
<body><header><div>某某市人民政府门户网站</div></header>
<nav><a>首页</a><a>政务公开</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 年报</div>
<div id="main"><h1>某某局2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p style="display:none">隐藏 999</p>
<noscript>请启用脚本 888</noscript>
<table><tr><td>行政许可</td><td>52425</td></tr></table></div>
<div class="share-box">分享到 微信</div>
<footer>版权所有 2025 备案号 123456</footer></body></html>`)
	txt := read(t, in, "", "")
	wantLines(t, txt.S, "某某局2024年政府信息公开工作年度报告", "一、总体情况", "行政许可\t52425")
	for _, junk := range []string{"12345", "font", "首页", "当前位置", "隐藏", "888", "分享", "版权", "门户网站", "某某市人民政府"} {
		if strings.Contains(txt.S, junk) {
			t.Errorf("page chrome %q in:\n%s", junk, txt.S)
		}
	}
}

// A page whose report sits in a container named like a menu is read whole.
func TestHTMLChromeFallback(t *testing.T) {
	in := []byte(`<html><body><div class="menu-content"><p>一、总体情况</p><table><tr><td>行政许可</td><td>7</td></tr></table></div></body></html>`)
	txt := read(t, in, "", "")
	wantLines(t, txt.S, "一、总体情况", "行政许可\t7")
}

func TestHTMLWordMarkup(t *testing.T) {
	in := []byte(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>张三 2024</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm} --></style></head>
<body lang=ZH-CN><div class=WordSection1>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span>主动公开<o:p></o:p></span></p>
<p class=MsoNormal><!--[if !supportLists]--><span>（二）</span><!--[endif]--><span style='mso-spacerun:yes'>&nbsp;</span>依申请公开</p>
<table class=MsoNormalTable border=1><tr style='mso-yfti-irow:0'>
<td width=100 style='mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center><span lang=EN-US>（一）予以<o:p></o:p></span></p><p class=MsoNormal><span>公开</span></p></td>
<td><p class=MsoNormal><span lang=EN-US>1<span style='display:none;mso-hide:all'>9</span>2<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>
</tr></table></div></body></html>`)
	txt := read(t, in, "report.doc", "") // Word's web page, named .doc
	wantLines(t, txt.S, "1. 主动公开", "（二） 依申请公开", "（一）予以公开\t12\t")
	if strings.Contains(txt.S, "张三") || strings.Contains(txt.S, "mso") {
		t.Errorf("Word metadata in:\n%s", txt.S)
	}
}

func TestHTMLNestedLayout(t *testing.T) {
	in := []byte(`<TABLE width=1000><TR><TD class=left>栏目导航</TD><TD>
<P>三、收到和处理政府信息公开申请情况</P>
<TABLE border=1><TR><TD>一、本年新收政府信息公开申请数量<TD>8<TD>0
<TR><TD>二、上年结转政府信息公开申请数量<TD>1<TD>0</TABLE>
<P>四、政府信息公开行政复议、行政诉讼情况</P></TD></TR></TABLE>`)
	txt := read(t, in, "", "")
	wantLines(t, txt.S, "栏目导航", "三、收到和处理政府信息公开申请情况",
		"一、本年新收政府信息公开申请数量\t8\t0", "二、上年结转政府信息公开申请数量\t1\t0",
		"四、政府信息公开行政复议、行政诉讼情况")
}

func TestHTMLCharsets(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<p>某某局&nbsp;2024年报</p><table><tr><td>行政处罚</td><td>3</td></tr></table></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	txt := read(t, gbk, "", "")
	if txt.Encoding != "gb18030" {
		t.Errorf("encoding %q", txt.Encoding)
	}
	wantLines(t, txt.S, "某某局 2024年报", "行政处罚\t3")
	// offsets point into the GBK bytes
	want, _ := simplifiedchinese.GBK.NewEncoder().String("行政处罚")
	if got := inputOf(gbk, txt, "行政处罚"); got != want {
		t.Errorf("GBK label maps to % x, want % x", got, want)
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(page))
	txt = read(t, u16, "page.html", "")
	wantLines(t, txt.S, "行政处罚\t3")
}

func TestHTMLClipboard(t *testing.T) {
	frag := "<html><body>\r\n<!--StartFragment--><table><tr><td>行政强制</td><td>0</td></tr></table><!--EndFragment-->\r\n</body></html>"
	head := "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000200\r\nStartFragment:0000000141\r\nEndFragment:0000000180\r\n"
	in := []byte(head + frag)
	txt := read(t, in, "", "")
	if strings.Contains(txt.S, "Version") || strings.Contains(txt.S, "StartHTML") {
		t.Errorf("clipboard header in:\n%s", txt.S)
	}
	wantLines(t, txt.S, "行政强制\t0")
}

func TestHTMLEntitiesKeepOffsets(t *testing.T) {
	in := []byte("<p>收费&nbsp;0&#20803;，A&amp;B &lt;1&gt; &copy</p>")
	txt := read(t, in, "", "html")
	wantLines(t, txt.S, "收费 0元，A&B <1> ©")
	if got := inputOf(in, txt, "元"); got != "&#20803;" {
		t.Errorf("entity maps to %q", got)
	}
	if got := inputOf(in, txt, "收费"); got != "收费" {
		t.Errorf("text maps to %q", got)
	}
}

func TestHTMLUnclosed(t *testing.T) {
	in := []byte(`<table><tr><td>a<td>1<tr><td>b<td>2</table><p>after<p>next`)
	txt := read(t, in, "", "html")
	if got := txt.S; got != "a\t1\nb\t2\nafter\nnext\n" {
		t.Errorf("got %q", got)
	}
}

// A column that no cell starts in, spanned over by some cell, is a word processor's
// artefact: its empty cells would read as blank values.
func TestHTMLArtefactColumn(t *testing.T) {
	in := []byte(`<table>
<tr><td colspan=2>一、本年新收政府信息公开申请数量</td><td>8</td><td>0</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td></td><td>1</td><td></td></tr>
</table>`)
	txt := read(t, in, "", "html")
	wantLines(t, txt.S, "一、本年新收政府信息公开申请数量\t8\t0", "二、上年结转政府信息公开申请数量\t1\t")
}

func TestMarkdown(t *testing.T) {
	in := []byte("# 某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n**主动公开** 信息 12 条。\n\n" +
		"| 项目 | 自然人 | 总计 |\n|---|---:|:---:|\n| 一、本年新收 | 8 | 8 |\n|------|------|------|\n| （二）部分<br>公开 | &nbsp; | — |\n| a\\|b |  | 0 |\n\n" +
		"1. 第一\n2. 第二\n")
	txt := read(t, in, "", "")
	if txt.Format != markup.Markdown {
		t.Fatalf("read as %s", txt.Format)
	}
	wantLines(t, txt.S, "某某局2024年政府信息公开工作年度报告", "一、总体情况", "主动公开 信息 12 条。",
		"项目\t自然人\t总计", "一、本年新收\t8\t8", "（二）部分公开\t\t—", "a|b\t\t0", "1.第一", "2.第二")
	if got := inputOf(in, txt, "一、本年新收"); got != "一、本年新收" {
		t.Errorf("cell maps to %q", got)
	}
}

// TestMarkdownExcessCells: cells past the header's count, which GFM drops and the
// reader keeps, are decoded as goldmark decodes the others (entities, escapes, <br>).
func TestMarkdownExcessCells(t *testing.T) {
	in := []byte("二、主动公开政府信息情况\n\n| 第二十条第（一）项 |\n|---|\n| 规章 | 0&nbsp; | 1\\| | 2 |\n| 要求行政机关不予处理<br/>其申请 | &#51; | x |\n")
	txt := read(t, in, "", "")
	wantLines(t, txt.S, "第二十条第（一）项", "规章\t0\t1|\t2", "要求行政机关不予处理其申请\t3\tx")
	if got := inputOf(in, txt, "3\tx"); got != "&#51; | x" {
		t.Errorf("excess cell maps to %q", got)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		in, name, format, want string
	}{
		{"一、总体情况\n行政许可 | 3 |\n", "", "", "text"},
		{"| 项目 | 数 |\n|---|---|\n| a | 1 |\n", "", "", "markdown"},
		{"| 项目 | 数 |\n|---|---|\n| a | 1 |\n", "a.txt", "", "markdown"}, // the name is a hint only
		{"<html><body><table><tr><td>a</td></tr></table></body></html>", "page.txt", "", "html"},
		{"# 年报\n\n## 三、表\n\n<table><tr><td>a</td><td>1</td></tr></table>\n", "report.txt", "", "markdown"}, // a converter's, its table HTML
		{"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>年报</w:t></w:r></w:p></w:body></w:document>", "document.txt", "", "docx"},
		{`document.write("<table><tr><td nowrap=\"nowrap\">a<\/td><\/tr><\/table>");`, "page.txt", "", "html"},
		{"<table><tr><td>a</td></tr></table>", "", "", "html"},
		{"  <!DOCTYPE html><p>x</p>", "", "", "html"},
		{"<p>x</p>", "a.md", "", "markdown"},
		{"x", "a.html", "", "html"},
		{"x", "", "text", "text"},
		{"a|b\n---|---\n", "", "", "markdown"},
	}
	for _, c := range cases {
		txt, err := markup.Read([]byte(c.in), c.name, c.format)
		if err != nil {
			t.Errorf("%q %q: %v", c.in, c.name, err)
			continue
		}
		if txt.Format != c.want {
			t.Errorf("%q name %q format %q: read as %s, want %s", c.in, c.name, c.format, txt.Format, c.want)
		}
	}
	refuse := []struct {
		in         []byte
		name, want string
	}{
		{[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "report.doc", ".docx"},
		{[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "", "WPS"},
		{[]byte("plain words"), "report.wps", "另存为"},
		{[]byte(`{\rtf1\ansi 报告}`), "", "RTF"},
		{[]byte("not a zip"), "report.docx", "不是有效"},
		{[]byte("x"), "", "未知的格式"},
	}
	for i, c := range refuse {
		format := ""
		if i == len(refuse)-1 {
			format = "xls"
		}
		_, err := markup.Read(c.in, c.name, format)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %q: err %v, want it to mention %q", c.in, c.name, err, c.want)
		}
	}
}

func TestSizeLimit(t *testing.T) {
	big := make([]byte, 200<<20)
	_, err := markup.Read(big, "big.html", "")
	if err == nil || !strings.Contains(err.Error(), "文件过大") {
		t.Fatalf("200 MB: %v", err)
	}
}

func TestHTMLNestingLimit(t *testing.T) {
	in := bytes.Repeat([]byte("<div>"), 200000)
	in = append(in, "报告"...)
	_, err := markup.Read(in, "deep.html", "")
	if err == nil || !strings.Contains(err.Error(), "嵌套") {
		t.Fatalf("200,000 nested tags: %v", err)
	}
	// unclosed inline tags inside cells and paragraphs close with them
	var b strings.Builder
	for i := 0; i < 30000; i++ {
		b.WriteString("<p><font><b>段落<table><tr><td><span>1<td><i>2</table>")
	}
	if _, err := markup.Read([]byte(b.String()), "wide.html", ""); err != nil {
		t.Fatalf("many unclosed tags: %v", err)
	}
}

func TestTableLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("<table>")
	for i := 0; i < 5000; i++ {
		b.WriteString("<tr><td colspan=1000>x</td></tr>")
	}
	b.WriteString("</table>")
	_, err := markup.Read([]byte(b.String()), "", "html")
	if err == nil || !strings.Contains(err.Error(), "表格过大") {
		t.Errorf("5000 x 1000 grid: %v", err)
	}
	b.Reset()
	b.WriteString("<table><tr><td rowspan=100>" + strings.Repeat("长", 400000) + "</td><td>1</td></tr>")
	for i := 0; i < 99; i++ {
		b.WriteString("<tr><td>1</td></tr>")
	}
	b.WriteString("</table>")
	_, err = markup.Read([]byte(b.String()), "", "html")
	if err == nil || !strings.Contains(err.Error(), "MB") {
		t.Errorf("a long label repeated down 100 rows: %v", err)
	}
}
