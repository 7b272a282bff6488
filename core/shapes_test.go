package core

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/core/template"
)

// Reports as they really arrive: crawled text with the whole body on one line, a page's
// source saved as text, a page held in a JavaScript string, a converter's Markdown, OCR
// text. Each must read back, cell by cell, to the report's own numbers; what the text
// cannot decide must be left unknown with a read.* finding, never guessed.

// A site's chrome around a crawled report: navigation, the article's metadata, and the
// footer, with numbers of their own.
const (
	siteHeader = "当前位置：首页 > 政务公开 > 政府信息公开年报 【字体：大 中 小】 【打印本页】 【关闭窗口】 发布时间：2025-01-20 09:30 来源：市政府办公室 浏览次数：1532\n"
	siteFooter = "\n附件下载： 相关链接： 主办单位：市人民政府办公室 承办单位：市大数据管理局 网站标识码：3208000001 苏ICP备05001532号 苏公网安备 32080202000203号 联系电话：0517-83605210\n"
)

var (
	reCellSep = regexp.MustCompile(`[ \t]*\|[ \t]*`)
	reLineSep = regexp.MustCompile(`[ \t]*\n[ \t]*`)
	reAnySep  = regexp.MustCompile(`[\s|]*[\n\t|][\s|]*`)
)

// crawled renders a report's text as crawlers store it (../shared/tools/flatten.py):
// the site's chrome around it and the body on one line, its cells run together, or
// with one space between them.
func crawled(body string, spaced bool) string {
	text := siteHeader + body + siteFooter
	if spaced {
		return strings.TrimSpace(reAnySep.ReplaceAllString(text, " ")) + "\n"
	}
	flat := reCellSep.ReplaceAllString(text, "")
	return strings.ReplaceAll(reLineSep.ReplaceAllString(flat, ""), "\t", "") + "\n"
}

// sample2019 is a 2019-format report's numbers (a county department's 2020 report,
// which balances).
var sample2019 = struct {
	t2 map[string][]string
	t3 map[string][]string
	t4 []string
}{
	t2: map[string][]string{
		"rules": {"0", "0", "0"}, "normative": {"3", "3", "27"},
		"license": {"56", "4", "1203"}, "otherservice": {"12", "0", "310"},
		"penalty": {"8", "1", "97"}, "coercion": {"2", "0", "5"},
		"fees": {"3", "0"}, "procurement": {"14", "386.5"},
	},
	t3: map[string][]string{
		"new":                {"41", "5", "1", "0", "2", "0", "49"},
		"carried":            {"2", "0", "0", "0", "0", "0", "2"},
		"granted":            {"22", "3", "1", "0", "1", "0", "27"},
		"partial":            {"4", "1", "0", "0", "0", "0", "5"},
		"denied.secret":      {"0", "0", "0", "0", "0", "0", "0"},
		"denied.lawban":      {"1", "0", "0", "0", "0", "0", "1"},
		"denied.safety":      {"0", "0", "0", "0", "0", "0", "0"},
		"denied.thirdparty":  {"2", "0", "0", "0", "0", "0", "2"},
		"denied.internal":    {"0", "0", "0", "0", "0", "0", "0"},
		"denied.process":     {"1", "0", "0", "0", "0", "0", "1"},
		"denied.enforcement": {"0", "0", "0", "0", "0", "0", "0"},
		"denied.query":       {"0", "0", "0", "0", "0", "0", "0"},
		"unable.nothold":     {"7", "1", "0", "0", "1", "0", "9"},
		"unable.create":      {"1", "0", "0", "0", "0", "0", "1"},
		"unable.unclear":     {"0", "0", "0", "0", "0", "0", "0"},
		"reject.petition":    {"2", "0", "0", "0", "0", "0", "2"},
		"reject.repeat":      {"1", "0", "0", "0", "0", "0", "1"},
		"reject.publication": {"0", "0", "0", "0", "0", "0", "0"},
		"reject.massive":     {"0", "0", "0", "0", "0", "0", "0"},
		"reject.confirm":     {"0", "0", "0", "0", "0", "0", "0"},
		"other":              {"1", "0", "0", "0", "0", "0", "1"},
		"total":              {"42", "5", "1", "0", "2", "0", "50"},
		"carryover":          {"1", "0", "0", "0", "0", "0", "1"},
	},
	t4: []string{"1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"},
}

const title2019 = "华县自然资源局2020年政府信息公开工作年度报告"

// shapeResult checks text and returns the result, with the template, year and agency
// it must name.
func shapeResult(t *testing.T, text, name, tmpl string, year int, agency string) *Result {
	t.Helper()
	res := Check([]byte(text), Options{Name: name})
	if res.Input.Error != "" {
		t.Fatalf("unusable: %s", res.Input.Error)
	}
	if res.Template != tmpl || res.Year == nil || *res.Year != year || res.Agency == nil || *res.Agency != agency {
		t.Errorf("template %q year %v agency %v, want %s %d %s", res.Template, deref(res.Year), derefS(res.Agency), tmpl, year, agency)
	}
	return res
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func derefS(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// assertUnknown checks that the cells left unknown are exactly unknown, each with a
// read.ambiguous finding, and that the summary counts them; and that no reader problem
// other than those, and no wording finding, was raised.
func assertUnknown(t *testing.T, res *Result, unknown []string) {
	t.Helper()
	flagged := map[string]bool{}
	for _, f := range res.Findings {
		switch {
		case f.Rule == "read.ambiguous":
			for _, id := range f.Cells {
				flagged[id] = true
			}
		case f.Rule == "label.altered" || f.Origin == "reader" && !uncheckedNote(f) && !slices.Contains([]string{"read.split", "read.coverage", "read.order"}, f.Rule):
			t.Errorf("unexpected finding %s: %s", f.Rule, f.Message)
		case f.Origin == "report" && f.Severity == "error" && tableRule(f.Rule):
			t.Errorf("the report's arithmetic holds, yet %s: %s", f.Rule, f.Message)
		}
	}
	for _, id := range unknown {
		if !flagged[id] {
			t.Errorf("%s left unknown without a read.ambiguous finding", id)
		}
		if c := res.Cells[id]; c.State != "ambiguous" {
			t.Errorf("%s: state %q, want ambiguous", id, c.State)
		}
	}
	if res.Summary.Unread != len(unknown) {
		t.Errorf("summary: %d cells unread, want %d", res.Summary.Unread, len(unknown))
	}
}

// blank returns the values with the listed cells ("t2.rules.issued") made "".
func blank[T any](vals map[string][]string, t2 *template.Table, ids []string) map[string][]string {
	out := map[string][]string{}
	for k, v := range vals {
		out[k] = append([]string{}, v...)
	}
	for _, id := range ids {
		parts := strings.SplitN(id, ".", 3)
		if parts[0] != "t2" {
			continue
		}
		r := t2.Row(parts[1])
		out[parts[1]][slices.Index(r.Cols, parts[2])] = ""
	}
	return out
}

// TestCrawled2021 reads a 2021-format report as crawlers store it.
func TestCrawled2021(t *testing.T) {
	body := render(layouts["pipe"], sample.t2, sample.t3, sample.t4)
	for _, shape := range []string{"flat", "spaced", "flat with piped navigation"} {
		spaced := shape == "spaced"
		t.Run(shape, func(t *testing.T) {
			text := crawled(body, spaced)
			if shape == "flat with piped navigation" {
				// a pipe on the body's one line is the site's menu, not a table's cell
				text = "网站首页|政务公开|政府信息公开年报|" + text
			}
			res := shapeResult(t, text, "crawled.txt", "2021", 2024, "淮安市人民政府")
			var unknown []string
			if !spaced {
				// run together, 表二's "1011" is 1|0|11 or 10|1|1 (it has no sum to tell),
				// and 表四's 26 digits cut into fifteen cells more than one way
				unknown = unknownIn["run-together"]
			}
			t2 := blank[string](sample.t2, template.T2v2021, unknown)
			t4 := slices.Clone(sample.t4)
			if !spaced {
				t4 = make([]string, 15)
			}
			assertCells(t, res, template.Generations[0], t2, sample.t3, t4)
			assertUnknown(t, res, unknown)
			assertSections(t, res)
		})
	}
}

// assertSections checks that no section was reported missing or misnumbered: the
// headings of text that lost its line breaks are found.
func assertSections(t *testing.T, res *Result) {
	t.Helper()
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "section.") || f.Rule == "read.sections" {
			t.Errorf("%s: %s", f.Rule, f.Message)
		}
	}
}

// TestCrawled2019 reads a 2019-format report as crawlers store it.
func TestCrawled2019(t *testing.T) {
	body := renderReport(layouts["pipe"], template.Generations[1], title2019, sample2019.t2, sample2019.t3, sample2019.t4)
	for _, spaced := range []bool{false, true} {
		t.Run(map[bool]string{false: "flat", true: "spaced"}[spaced], func(t *testing.T) {
			res := shapeResult(t, crawled(body, spaced), "crawled.txt", "2019", 2020, "华县自然资源局")
			var unknown []string
			if !spaced {
				// 表二 has no sum: "3327" is 3|3|27 or 3|32|7 or 33|2|7; the rows of zeros
				// and single digits cut one way only
				unknown = []string{"t2.normative.made", "t2.normative.published", "t2.normative.total",
					"t2.license.prev", "t2.license.delta", "t2.license.decisions",
					"t2.otherservice.prev", "t2.otherservice.delta", "t2.otherservice.decisions",
					"t2.penalty.prev", "t2.penalty.delta", "t2.penalty.decisions",
					"t2.procurement.items", "t2.procurement.amount"}
			}
			assertCells(t, res, template.Generations[1], blank[string](sample2019.t2, template.T2v2019, unknown), sample2019.t3, sample2019.t4)
			assertUnknown(t, res, unknown)
			assertSections(t, res)
		})
	}
}

// TestCrawledStats reads a 2008-2018 statistics table as crawlers store it: every
// indicator as the report with its lines reads it.
func TestCrawledStats(t *testing.T) {
	data, err := os.ReadFile("../testdata/seeds/003_b5b9a5615959bd1c.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := Check(data, Options{})
	if len(want.Stats) < 40 {
		t.Fatalf("the seed reads %d indicators", len(want.Stats))
	}
	for _, spaced := range []bool{false, true} {
		t.Run(map[bool]string{false: "flat", true: "spaced"}[spaced], func(t *testing.T) {
			res := shapeResult(t, crawled(string(data), spaced), "crawled.txt", "stats", 2017, "秀英区政府服务中心")
			got := map[string]string{}
			for _, s := range res.Stats {
				got[s.Label] = fmt.Sprint(s.Unit, values(s.Values))
			}
			for _, s := range want.Stats {
				if w := fmt.Sprint(s.Unit, values(s.Values)); got[s.Label] != w {
					t.Errorf("%s: %q, want %q", s.Label, got[s.Label], w)
				}
			}
			if len(res.Stats) != len(want.Stats) {
				t.Errorf("%d indicators, want %d", len(res.Stats), len(want.Stats))
			}
		})
	}
}

func values(vs []*float64) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		if v != nil {
			out[i] = *v
		}
	}
	return out
}

// htmlPage renders the 2021 sample as a site's page: navigation, the article, its
// tables with spanned headers, and the footer.
func htmlPage() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>淮安市人民政府2024年政府信息公开工作年度报告</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article"><h1>淮安市人民政府2024年政府信息公开工作年度报告</h1><div class="info">发布时间：2025-01-20 浏览次数：1532</div>
<p>一、总体情况</p><p>2024年，我市严格落实《条例》。</p><p>二、主动公开政府信息情况</p>
<table border="1">`)
	cell := func(s string, attrs ...string) {
		fmt.Fprintf(&b, `<td nowrap="nowrap" %s>%s</td>`, strings.Join(attrs, " "), html.EscapeString(s))
	}
	group := ""
	for _, r := range template.T2v2021.Rows {
		if r.Group != group {
			group = r.Group
			b.WriteString("<tr>")
			cell(group, `colspan="4"`)
			b.WriteString("</tr><tr>")
			cell("信息内容")
			for _, c := range r.Cols {
				cell(template.T2v2021.Col(c).Label)
			}
			b.WriteString("</tr>")
		}
		b.WriteString("<tr>")
		cell(r.Label)
		for _, v := range sample.t2[r.ID] {
			cell(v)
		}
		b.WriteString("</tr>")
	}
	b.WriteString(`</table><p>三、收到和处理政府信息公开申请情况</p><table border="1"><tr>`)
	cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", `colspan="3" rowspan="3"`)
	cell("申请人情况", `colspan="7"`)
	b.WriteString("</tr><tr>")
	cell("自然人", `rowspan="2"`)
	cell("法人或其他组织", `colspan="5"`)
	cell("总计", `rowspan="2"`)
	b.WriteString("</tr><tr>")
	for _, c := range []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"} {
		cell(c)
	}
	b.WriteString("</tr>")
	group = ""
	for _, r := range template.T3.Active(map[string]bool{template.OtherSplit: true}) {
		b.WriteString("<tr>")
		switch {
		case r.Group == "":
			cell(r.Label, `colspan="3"`)
		case r.Group == "三、本年度办理结果" && strings.HasPrefix(r.Label, "（"):
			if group != r.Group {
				cell(r.Group, `rowspan="22"`)
			}
			cell(r.Label, `colspan="2"`)
		default:
			if group != r.Group {
				cell(r.Group, fmt.Sprintf(`rowspan="%d"`, map[string]int{"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}[r.Group]))
			}
			cell(r.Label)
		}
		group = r.Group
		for _, v := range sample.t3[r.ID] {
			cell(v)
		}
		b.WriteString("</tr>")
	}
	b.WriteString(`</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1"><tr>`)
	cell("行政复议", `colspan="5"`)
	cell("行政诉讼", `colspan="10"`)
	b.WriteString("</tr><tr>")
	for _, c := range []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} {
		cell(c, `rowspan="2"`)
	}
	cell("未经复议直接起诉", `colspan="5"`)
	cell("复议后起诉", `colspan="5"`)
	b.WriteString("</tr><tr>")
	for k := 0; k < 2; k++ {
		for _, c := range []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} {
			cell(c)
		}
	}
	b.WriteString("</tr><tr>")
	for _, v := range sample.t4 {
		cell(v)
	}
	b.WriteString(`</tr></table><p>五、存在的主要问题及改进情况</p><p>政府信息公开的及时性还有待提高。下一步将加强培训，规范信息发布流程。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div>
<div class="footer">主办单位：淮安市人民政府办公室 网站标识码：3208000001 苏ICP备05001532号</div></body></html>
`)
	return b.String()
}

// TestPageSource reads a page's source that arrives as text: saved as .txt, pasted
// (no name), or held in a script's string.
func TestPageSource(t *testing.T) {
	page := htmlPage()
	js := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `/`, `\/`, "\n", `\n`).Replace(page)
	cases := map[string]string{
		"report.txt":  page,
		"":            page,
		"article.txt": `var article = {"id":48213,"title":"年报","content":"` + js + `"};`,
		// a crawler's stored API response, from an encoder that escapes every <, > and &
		"api.json": `{"code":0,"data":{"content":"` + strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(js) + `"}}`,
	}
	for name, text := range cases {
		t.Run(name+fmt.Sprint(len(text)), func(t *testing.T) {
			res := shapeResult(t, text, name, "2021", 2024, "淮安市人民政府")
			if res.Input.Format != "html" {
				t.Errorf("read as %s, want html", res.Input.Format)
			}
			assertSample(t, res, sample.t2, sample.t3, sample.t4)
			assertUnknown(t, res, nil)
			assertSections(t, res)
			// a cell points at its own text in the input
			c := res.Cells["t3.new.natural"]
			if got := text[c.At[0]:c.At[1]]; got != "3001" {
				t.Errorf("t3.new.natural points at %q", got)
			}
		})
	}
}

// converterMarkdown renders the 2021 sample as PDF-to-Markdown converters write it:
// a row whose label was left as a loose line above its numbers, group labels inside
// the first cell of some rows (a cell more than the header has), the header repeated
// after a page footer, one table per group.
func converterMarkdown() string {
	var b strings.Builder
	b.WriteString("# 淮安市人民政府2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2024年，我市严格落实《条例》。\n\n## 二、主动公开政府信息情况\n\n")
	row := func(cells ...string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	group := ""
	for _, r := range template.T2v2021.Rows {
		if r.Group != group {
			group = r.Group
			heads := []string{"信息内容"}
			for _, c := range r.Cols {
				heads = append(heads, template.T2v2021.Col(c).Label)
			}
			b.WriteString("\n" + group + "\n\n")
			row(heads...)
			row(slices.Repeat([]string{"---"}, len(heads))...)
		}
		row(append([]string{r.Label}, sample.t2[r.ID]...)...)
	}
	header := []string{"项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}
	b.WriteString("\n## 三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n")
	row(header...)
	row(slices.Repeat([]string{"---"}, 8)...)
	group = ""
	for _, r := range template.T3.Active(map[string]bool{template.OtherSplit: true}) {
		vals := sample.t3[r.ID]
		switch {
		case r.ID == "carried":
			// the label detached from its row: a loose line, the numbers below it
			b.WriteString("\n" + r.Label + "\n\n")
			row(append([]string{""}, vals...)...)
		case r.ID == "denied.internal":
			// the group's label, cut by the page, in a first cell of its own
			row(append([]string{"予公开", r.Label}, vals...)...)
		case r.Group != group && r.Group == "（四）无法提供":
			// a page footer, and the header again on the next page
			b.WriteString("\n— 3 —\n\n")
			row(header...)
			row(slices.Repeat([]string{"---"}, 8)...)
			row(append([]string{r.Group, r.Label}, vals...)...)
		case r.Group != group && strings.HasPrefix(r.Group, "（"):
			row(append([]string{r.Group, r.Label}, vals...)...)
		case r.Group == "三、本年度办理结果" && r.Group != group:
			row(append([]string{r.Group, r.Label}, vals...)...)
		default:
			row(append([]string{r.Label}, vals...)...)
		}
		group = r.Group
	}
	b.WriteString("\n## 四、政府信息公开行政复议、行政诉讼情况\n\n")
	row("行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", "")
	row(slices.Repeat([]string{"---"}, 15)...)
	row(slices.Repeat([]string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}, 3)...)
	row(sample.t4...)
	b.WriteString("\n## 五、存在的主要问题及改进情况\n\n政府信息公开的及时性还有待提高。下一步将加强培训，规范信息发布流程。\n\n## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n")
	return b.String()
}

// TestConverterMarkdown reads a converter's Markdown, whatever the file is named.
func TestConverterMarkdown(t *testing.T) {
	md := converterMarkdown()
	for _, name := range []string{"report.md", "report.txt", ""} {
		t.Run(name, func(t *testing.T) {
			res := shapeResult(t, md, name, "2021", 2024, "淮安市人民政府")
			if res.Input.Format != "markdown" {
				t.Errorf("read as %s, want markdown", res.Input.Format)
			}
			assertSample(t, res, sample.t2, sample.t3, sample.t4)
			assertUnknown(t, res, nil)
		})
	}
}

// ocrText renders the 2021 sample as OCR output: cells one space apart, one small
// table per group of rows, each with the header again, and a page number between them.
func ocrText() string {
	var b strings.Builder
	b.WriteString("淮安市人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我市严格落实《条例》。\n二、主动公开政府信息情况\n")
	group := ""
	for _, r := range template.T2v2021.Rows {
		if r.Group != group {
			group = r.Group
			b.WriteString(group + " 信息内容")
			for _, c := range r.Cols {
				b.WriteString(" " + template.T2v2021.Col(c).Label)
			}
			b.WriteString("\n")
		}
		b.WriteString(r.Label + " " + strings.Join(sample.t2[r.ID], " ") + "\n")
	}
	b.WriteString("三、收到和处理政府信息公开申请情况\n")
	header := "项目 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
	group = "-"
	for _, r := range template.T3.Active(map[string]bool{template.OtherSplit: true}) {
		if r.Group != group && (r.Group == "" || strings.HasPrefix(r.Group, "（")) {
			if r.Group == "（五）不予处理" {
				b.WriteString("- 4 -\n")
			}
			b.WriteString(header)
			if r.Group != "" {
				b.WriteString(r.Group + "\n")
			}
		}
		group = r.Group
		b.WriteString(r.Label + " " + strings.Join(sample.t3[r.ID], " ") + "\n")
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n")
	b.WriteString(strings.Join(sample.t4, " ") + "\n五、存在的主要问题及改进情况\n政府信息公开的及时性还有待提高。下一步将加强培训，规范信息发布流程。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n")
	return b.String()
}

// TestOCRText reads OCR output with one small table per group.
func TestOCRText(t *testing.T) {
	res := shapeResult(t, ocrText(), "ocr.txt", "2021", 2024, "淮安市人民政府")
	assertSample(t, res, sample.t2, sample.t3, sample.t4)
	assertUnknown(t, res, nil)
	assertSections(t, res)
}

// TestOCRMisreadDigits reads OCR output that printed digits as letters ("l" for 1,
// "O" for 0): each such cell keeps its place, so the values after it stay in their
// columns, and is left unknown with its text and a read.garbled finding; nothing of
// the report is blamed for it.
func TestOCRMisreadDigits(t *testing.T) {
	text := strings.NewReplacer(
		"1.属于国家秘密 2 0 0 0 0 0 2", "1.属于国家秘密 2 O 0 0 0 0 2",
		"3.补正后申请内容仍不明确 1 0 0 0 0 0 1", "3.补正后申请内容仍不明确 1 0 0 0 0 0 l",
		"72 64 178 37 351 13 4 8 1 26", "72 64 178 37 351 13 4 8 l 26",
	).Replace(ocrText())
	res := shapeResult(t, text, "ocr.txt", "2021", 2024, "淮安市人民政府")
	garbled := map[string]string{"t3.denied.secret.commercial": "O", "t3.unable.unclear.total": "l", "t4.suit.pending": "l"}
	for id, raw := range garbled {
		if c := res.Cells[id]; c.Value != nil || c.State != "unread" || c.Raw != raw {
			t.Errorf("%s: value %v state %q raw %q, want unknown, unread, %q", id, deref64(c.Value), c.State, c.Raw, raw)
		}
	}
	t3 := map[string][]string{}
	for k, v := range sample.t3 {
		t3[k] = slices.Clone(v)
	}
	t3["denied.secret"][1], t3["unable.unclear"][6] = "?", "?"
	t4 := slices.Clone(sample.t4)
	t4[8] = "?"
	for id, c := range res.Cells {
		if _, ok := garbled[id]; ok || !strings.HasPrefix(id, "t3.") {
			continue
		}
		if want := t3Want(t3, id); want != "?" && want != "" && (c.Value == nil || fmt.Sprint(*c.Value) != want) {
			t.Errorf("%s = %v, want %s", id, deref64(c.Value), want)
		}
	}
	var t4ids []string
	for _, r := range template.T4.Rows {
		for _, c := range r.Cols {
			t4ids = append(t4ids, template.CellID("t4", r.ID, c))
		}
	}
	for k, id := range t4ids {
		if c := res.Cells[id]; t4[k] != "?" && (c.Value == nil || fmt.Sprint(*c.Value) != t4[k]) {
			t.Errorf("%s = %v, want %s", id, deref64(c.Value), t4[k])
		}
	}
	found := map[string]bool{}
	for _, f := range res.Findings {
		switch {
		case f.Rule == "read.garbled":
			for _, id := range f.Cells {
				found[id] = true
			}
		case f.Origin == "report" && f.Severity == "error":
			t.Errorf("the report is blamed for the reader's text: %s %s", f.Rule, f.Message)
		}
	}
	if len(found) != len(garbled) {
		t.Errorf("read.garbled on %v, want %v", found, garbled)
	}
	if res.Summary.Unread != len(garbled) {
		t.Errorf("summary: %d unread, want %d", res.Summary.Unread, len(garbled))
	}
}

// TestCrawledErrors finds each kind of arithmetic error in crawled text, where the
// text lets the values be told apart; where it does not, the row is left unknown.
func TestCrawledErrors(t *testing.T) {
	cases := []struct {
		name    string
		changes map[string]string
		spaced  bool
		want    string // the finding, "rule|message part"
	}{
		// I1: 一 + 二 = 三(七) + 四 broken in one column, each row summing right
		{"I1 flat", map[string]string{"t3.carryover.0": "104", "t3.carryover.6": "104"}, false, "t3.balance|3035 ≠ 3036"},
		// I2: (七)总计 ≠ the outcome rows, each row summing right
		{"I2 flat", map[string]string{"t3.unable.create.0": "1", "t3.unable.create.6": "1"}, false, "t3.outcomes|差 10"},
		{"I1 spaced", map[string]string{"t3.carryover.0": "104", "t3.carryover.6": "104"}, true, "t3.balance|3035 ≠ 3036"},
		{"I2 spaced", map[string]string{"t3.granted.0": "1289", "t3.granted.6": "1363"}, true, "t3.outcomes|差 1"},
		// I3: a row's 总计 ≠ its columns
		{"I3 spaced", map[string]string{"t3.partial.6": "455"}, true, "t3.rowsum|差 1"},
		// I4: 表四's 总计 ≠ its parts
		{"I4 spaced", map[string]string{"t4.4": "352"}, true, "t4.total|差 1"},
		// run together, a row whose own sum fails cannot be cut: unknown, not guessed
		{"I3 flat", map[string]string{"t3.partial.6": "455"}, false, "read.ambiguous|部分公开"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t2, t3, t4 := mutate(c.changes)
			res := Check([]byte(crawled(render(layouts["pipe"], t2, t3, t4), c.spaced)), Options{Name: "crawled.txt"})
			rule, part, _ := strings.Cut(c.want, "|")
			found := false
			for _, f := range res.Findings {
				if f.Rule == rule && strings.Contains(f.Message, part) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s finding with %q:\n%s", rule, part, listFindings(res))
			}
			// whatever is read is read as written
			for id, cell := range res.Cells {
				if cell.Value == nil || !strings.HasPrefix(id, "t3.") {
					continue
				}
				if w := t3Want(t3, id); w != "" && fmt.Sprint(*cell.Value) != w {
					t.Errorf("%s = %v, want %s", id, *cell.Value, w)
				}
			}
		})
	}
}

func t3Want(t3 map[string][]string, id string) string {
	row, col, _ := strings.Cut(strings.TrimPrefix(id, "t3."), ".")
	if i := strings.LastIndexByte(id, '.'); i > 0 {
		row, col = strings.TrimPrefix(id[:i], "t3."), id[i+1:]
	}
	k := slices.Index([]string{"natural", "commercial", "research", "nonprofit", "legal", "otherorg", "total"}, col)
	if vals, ok := t3[row]; ok && k >= 0 {
		return vals[k]
	}
	return ""
}

func listFindings(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "  %s %s %s\n", f.Rule, f.Severity, f.Message)
	}
	return b.String()
}

// TestLabelsAfterValues reads OCR text whose row labels come after their numbers: taken
// by labels, every row would get the next row's numbers. In the template's order when
// the count is exact; else unknown, never shifted.
func TestLabelsAfterValues(t *testing.T) {
	var b strings.Builder
	b.WriteString("淮安市人民政府2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n项目 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n")
	rows := template.T3.Active(map[string]bool{template.OtherSplit: true})
	for _, r := range rows {
		b.WriteString(strings.Join(sample.t3[r.ID], " ") + "\n" + r.Label + "\n")
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n" + strings.Join(sample.t4, " ") + "\n五、存在的主要问题及改进情况\n")
	text := b.String()
	t.Run("count exact", func(t *testing.T) {
		res := Check([]byte(text), Options{})
		for _, r := range rows {
			for i, c := range []string{"natural", "commercial", "research", "nonprofit", "legal", "otherorg", "total"} {
				if got := res.Cells["t3."+r.ID+"."+c]; got.Value == nil || fmt.Sprint(*got.Value) != sample.t3[r.ID][i] {
					t.Errorf("t3.%s.%s = %v, want %s", r.ID, c, deref64(got.Value), sample.t3[r.ID][i])
				}
			}
		}
	})
	t.Run("a row missing", func(t *testing.T) {
		cut := strings.Replace(text, strings.Join(sample.t3["carried"], " ")+"\n二、上年结转政府信息公开申请数量\n", "", 1)
		res := Check([]byte(cut), Options{})
		for id, c := range res.Cells {
			if strings.HasPrefix(id, "t3.") && c.Value != nil {
				t.Errorf("%s = %v, want unknown", id, *c.Value)
			}
		}
		if !strings.Contains(listFindings(res), "标签可能印在其数值之后") {
			t.Errorf("no finding says why:\n%s", listFindings(res))
		}
	})
}

func deref64(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestWordXMLAsText reads a Word document's XML that arrives as text (document.xml
// pasted or saved on its own) as the Word document itself reads.
func TestWordXMLAsText(t *testing.T) {
	docx, err := os.ReadFile("../testdata/markup/seed004.docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var xml []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			xml, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	want := Check(docx, Options{Name: "seed004.docx"})
	for _, name := range []string{"document.txt", ""} {
		res := Check(xml, Options{Name: name})
		if res.Input.Format != "docx" || res.Summary.Unread != 0 || len(res.Cells) != len(want.Cells) {
			t.Fatalf("%q: format %s, %d cells unread of %d", name, res.Input.Format, res.Summary.Unread, len(res.Cells))
		}
		for id, c := range want.Cells {
			if fmt.Sprint(deref64(res.Cells[id].Value)) != fmt.Sprint(deref64(c.Value)) {
				t.Errorf("%q: %s = %v, want %v", name, id, deref64(res.Cells[id].Value), deref64(c.Value))
			}
		}
	}
}

// TestMarkdownWithHTMLTables reads Markdown whose tables are HTML (PDF-to-Markdown
// converters write tables with spanned cells so), whatever the file is named.
func TestMarkdownWithHTMLTables(t *testing.T) {
	page := htmlPage()
	tables := regexp.MustCompile(`(?s)<table.*?</table>`).FindAllString(page, -1)
	if len(tables) != 3 {
		t.Fatalf("%d tables", len(tables))
	}
	md := "# 淮安市人民政府2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2024年，我市严格落实《条例》。\n\n" +
		"## 二、主动公开政府信息情况\n\n" + tables[0] + "\n\n## 三、收到和处理政府信息公开申请情况\n\n" + tables[1] +
		"\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + tables[2] +
		"\n\n## 五、存在的主要问题及改进情况\n\n政府信息公开的及时性还有待提高。下一步将加强培训，规范信息发布流程。\n\n## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
	for _, name := range []string{"report.md", "report.txt"} {
		t.Run(name, func(t *testing.T) {
			res := shapeResult(t, md, name, "2021", 2024, "淮安市人民政府")
			if res.Input.Format != "markdown" {
				t.Errorf("read as %s, want markdown", res.Input.Format)
			}
			assertSample(t, res, sample.t2, sample.t3, sample.t4)
			assertUnknown(t, res, nil)
			assertSections(t, res)
		})
	}
}

// TestTwoReports reads a text holding two reports (a compilation, a crawled listing,
// two pasted together): the first is checked alone, the rest is named unchecked, and
// nothing of the second — its cells, its prose — is counted against the first.
func TestTwoReports(t *testing.T) {
	first := renderReport(layouts["pipe"], template.Generations[1], title2019, sample2019.t2, sample2019.t3, sample2019.t4)
	second := strings.Replace(render(layouts["pipe"], sample.t2, sample.t3, sample.t4),
		"年，我市严格落实《条例》。", "年，我市严格落实《条例》，全年共收到政府信息公开申请9999件。", 1)
	for _, shape := range []string{"lines", "crawled"} {
		t.Run(shape, func(t *testing.T) {
			text := first + "\n" + second
			if shape == "crawled" {
				text = crawled(text, true)
			}
			res := shapeResult(t, text, "two.txt", "2019", 2020, "华县自然资源局")
			assertCells(t, res, template.Generations[1], sample2019.t2, sample2019.t3, sample2019.t4)
			multiple := 0
			for _, f := range res.Findings {
				switch {
				case f.Rule == "read.multiple":
					multiple++
					if !strings.Contains(f.Message, "淮安市人民政府2024年政府信息公开工作年度报告") {
						t.Errorf("read.multiple does not name where the second report starts: %s", f.Message)
					}
				case f.Origin == "report" && f.Severity != "info":
					t.Errorf("the second report is held against the first: %s %s", f.Rule, f.Message)
				}
			}
			if multiple != 1 || !res.Summary.Others || !res.Summary.Partial() || res.Summary.Complete() {
				t.Errorf("read.multiple %d times, summary %+v: want once, others, partial", multiple, res.Summary)
			}
		})
	}
}

// TestStatsMisread reads a statistics table whose OCR printed some zeros as "O": those
// indicators are unknown, not blank, each named in a read.garbled finding, and the
// check says it read the table only in part; the others read as in the clean text.
func TestStatsMisread(t *testing.T) {
	data, err := os.ReadFile("../testdata/seeds/003_b5b9a5615959bd1c.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer(
		"1.政府公报公开政府信息数 |\n条 |\n0 |", "1.政府公报公开政府信息数 |\n条 |\nO |",
		"2.传真申请数 |\n件 |\n0 |", "2.传真申请数 |\n件 |\nO |",
	).Replace(string(data))
	if text == string(data) {
		t.Fatal("the seed's lines changed: the test no longer misreads anything")
	}
	want := Check(data, Options{})
	res := shapeResult(t, text, "ocr.txt", "stats", 2017, "秀英区政府服务中心")
	misread := map[string]bool{"1.政府公报公开政府信息数": true, "2.传真申请数": true}
	for i, s := range res.Stats {
		w := want.Stats[i]
		switch {
		case misread[s.Label]:
			if s.Values[0] != nil || len(s.Misread) == 0 || s.Misread[0] != "O" {
				t.Errorf("%s: values %v misread %q, want unknown, \"O\"", s.Label, values(s.Values), s.Misread)
			}
		case fmt.Sprint(values(s.Values)) != fmt.Sprint(values(w.Values)) || s.Misread != nil:
			t.Errorf("%s: %v misread %q, want %v", s.Label, values(s.Values), s.Misread, values(w.Values))
		}
	}
	garbled := 0
	for _, f := range res.Findings {
		if f.Rule == "read.garbled" {
			garbled++
		}
	}
	if garbled != 2 || res.Summary.Unread != 2 || res.Summary.Complete() {
		t.Errorf("read.garbled %d, summary %+v: want 2 and 2 unread", garbled, res.Summary)
	}
}

// TestOtherReportsTitles: a crawled page names other reports — in its navigation
// before the article and in the lists after it — and those titles give the report
// neither their year nor their agency, with or without a title of its own.
func TestOtherReportsTitles(t *testing.T) {
	body := renderReport(layouts["pipe"], template.Generations[1], title2019, sample2019.t2, sample2019.t3, sample2019.t4)
	untitled := body[strings.Index(body, "\n")+1:]
	nav := "首页 > 政务公开 > 年度报告\n上一篇：华县水利局2018年政府信息公开工作年度报告\n下一篇：华县教育局2021年政府信息公开工作年度报告\n"
	related := "\n相关文章：\n华县财政局2017年政府信息公开工作年度报告\n推荐阅读 华县人民政府2022年政务公开工作年报\n"
	for name, text := range map[string]string{
		"titled":          nav + body + related,
		"untitled":        nav + untitled + related,
		"titled, crawled": crawled(nav+body+related, true),
		"untitled, flat":  crawled(nav+untitled+related, false),
	} {
		t.Run(name, func(t *testing.T) {
			agency := "华县自然资源局"
			res := Check([]byte(text), Options{Name: "page.txt"})
			if res.Year == nil || *res.Year != 2020 {
				t.Errorf("year %v, want 2020", deref(res.Year))
			}
			if strings.HasPrefix(name, "titled") && (res.Agency == nil || *res.Agency != agency) {
				t.Errorf("agency %v, want %s", derefS(res.Agency), agency)
			}
			if res.Agency != nil && strings.Contains("华县水利局华县教育局华县财政局华县人民政府", *res.Agency) {
				t.Errorf("agency %s, from another report's title", *res.Agency)
			}
			for _, f := range res.Findings {
				if strings.HasPrefix(f.Rule, "year.") {
					t.Errorf("%s: %s", f.Rule, f.Message)
				}
			}
		})
	}
}

// TestOCRBrokenRows reads OCR output whose rows broke: values wrapped onto the next
// line, a label's tail printed after its values, values between a label's two lines.
func TestOCRBrokenRows(t *testing.T) {
	base := ocrText()
	text := strings.NewReplacer(
		"1.本机关不掌握相关政府信息 746 12 0 0 10 1 769", "1.本机关不掌握相关政府信息 746 12 0\n0 10 1 769",
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 447 7 0 0 0 0 454", "（二）部分公开（区分处理的，只计这一 447 7 0 0 0 0 454\n情形，不计其他情形）",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 6 0 0 0 0 0 6", "2.申请人逾期未按收费通知要求缴纳费用、行政机关\n6 0 0 0 0 0 6\n不再处理其政府信息公开申请",
	).Replace(base)
	if strings.Count(text, "\n") != strings.Count(base, "\n")+4 {
		t.Fatal("the sample's rows changed: the test breaks nothing")
	}
	res := shapeResult(t, text, "ocr.txt", "2021", 2024, "淮安市人民政府")
	assertSample(t, res, sample.t2, sample.t3, sample.t4)
	assertUnknown(t, res, nil)
}

// uncheckedNote is the note that identities went unchecked for cells not read: the
// reader's, and a consequence of the unread cells asserted apart.
func uncheckedNote(f Finding) bool {
	return f.Origin == "reader" && f.Severity == "info" && strings.HasSuffix(f.Message, "无法核对")
}

// TestMojibakeReport reads a report a crawler stored as mojibake — the page's GBK or
// UTF-8 bytes read as Windows-1252 and written out as UTF-8 — as the report it was.
func TestMojibakeReport(t *testing.T) {
	body := render(layouts["pipe"], sample.t2, sample.t3, sample.t4)
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	for name, raw := range map[string][]byte{"gbk": gbk, "utf-8": []byte(body)} {
		t.Run(name, func(t *testing.T) {
			var sb strings.Builder
			for _, c := range raw {
				if r := charmap.Windows1252.DecodeByte(c); r != '\uFFFD' {
					sb.WriteRune(r)
				} else {
					sb.WriteRune(rune(c))
				}
			}
			text := sb.String()
			res := shapeResult(t, text, "crawled.txt", "2021", 2024, "淮安市人民政府")
			assertSample(t, res, sample.t2, sample.t3, sample.t4)
			c := res.Cells["t3.new.natural"]
			if got := text[c.At[0]:c.At[1]]; got != "3001" {
				t.Errorf("t3.new.natural points at %q", got)
			}
		})
	}
}

// converterTables renders the 2021 sample as Pandoc writes a Word file's tables: in a
// grid ("+----+" borders, a narrow label column whose labels wrap over the row's lines)
// or as plain text (columns of spaces under a rule of dashes, the headings numbered
// "3.  " with the number set apart).
func converterTables(grid bool) string {
	var b strings.Builder
	b.WriteString("淮安市人民政府2024年政府信息公开工作年度报告\n\n1.  总体情况\n\n2024年，我市严格落实《条例》。\n\n")
	// table writes a table of rows, each a label (wrapped every 4 characters in a
	// grid) and its values
	table := func(heads []string, rows [][]string) {
		n := len(heads)
		border := "+" + strings.Repeat("-", 10) + strings.Repeat("+"+strings.Repeat("-", 8), n-1) + "+\n"
		if !grid {
			border = strings.Repeat("-", 10) + strings.Repeat(" "+strings.Repeat("-", 8), n-1) + "\n"
		}
		line := func(cells []string) {
			for i, c := range cells {
				w := 8
				if i == 0 {
					w = 10
				}
				pad := max(1, w-len([]rune(c))*2)
				if grid {
					b.WriteString("| " + c + strings.Repeat(" ", max(0, pad-1)))
				} else {
					b.WriteString(c + strings.Repeat(" ", pad))
				}
			}
			if grid {
				b.WriteString("|")
			}
			b.WriteString("\n")
		}
		b.WriteString(border)
		for _, r := range append([][]string{heads}, rows...) {
			label := []rune(r[0])
			if !grid {
				line(r)
				continue
			}
			for k := 0; k < len(label) || k == 0; k += 4 {
				cells := make([]string, n)
				cells[0] = string(label[k:min(k+4, len(label))])
				if k == 0 {
					copy(cells[1:], r[1:])
				}
				line(cells)
			}
			b.WriteString(border)
		}
		if !grid {
			b.WriteString(border)
		}
		b.WriteString("\n")
	}
	b.WriteString("2.  主动公开政府信息情况\n\n")
	group := ""
	var rows [][]string
	heads := []string{}
	for _, r := range template.T2v2021.Rows {
		if r.Group != group {
			if rows != nil {
				table(heads, rows)
			}
			group, rows = r.Group, [][]string{}
			heads = []string{"信息内容"}
			for _, c := range r.Cols {
				heads = append(heads, template.T2v2021.Col(c).Label)
			}
			b.WriteString(group + "\n\n")
		}
		rows = append(rows, append([]string{r.Label}, sample.t2[r.ID]...))
	}
	table(heads, rows)
	b.WriteString("3.  收到和处理政府信息公开申请情况\n\n")
	rows = nil
	for _, r := range template.T3.Active(map[string]bool{template.OtherSplit: true}) {
		rows = append(rows, append([]string{r.Label}, sample.t3[r.ID]...))
	}
	table([]string{"项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}, rows)
	b.WriteString("4.  政府信息公开行政复议、行政诉讼情况\n\n")
	heads = slices.Repeat([]string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}, 3)
	table(append([]string{"行政复议"}, heads[1:]...), [][]string{append([]string{sample.t4[0]}, sample.t4[1:]...)})
	b.WriteString("5.  存在的主要问题及改进情况\n\n政府信息公开的及时性还有待提高。\n\n6.  其他需要报告的事项\n\n本年度未收取信息处理费。\n")
	return b.String()
}

// TestConverterTables reads Pandoc's grid and plain tables: the borders are no cells,
// a label wrapped over a grid row's lines is one label, a heading's number is no value.
func TestConverterTables(t *testing.T) {
	// w3m's dump of a web page draws the same grid in box-drawing strokes
	box := strings.NewReplacer("+", "┼", "-", "─", "|", "│").Replace(converterTables(true))
	for name, text := range map[string]string{"grid": converterTables(true), "plain": converterTables(false), "box": box} {
		t.Run(name, func(t *testing.T) {
			res := shapeResult(t, text, "report.txt", "2021", 2024, "淮安市人民政府")
			assertSample(t, res, sample.t2, sample.t3, sample.t4)
			assertUnknown(t, res, nil)
		})
	}
}

// TestPandocSpans reads Markdown that Pandoc wrote from a styled web page or Word
// file: every piece of text a span with its style ("[0]{style="font-size:10.0pt"}"),
// whose numbers are no values, and fenced divs around the body.
func TestPandocSpans(t *testing.T) {
	styled := regexp.MustCompile(`(?m)(\| )([^|\n]+?)( +)\|`).ReplaceAllString(converterMarkdown(), "$1[$2]{lang=\"EN-US\" style=\"font-size:10.0pt;font-family:仿宋\"}$3|")
	md := "::: {.WordSection1}\n" + strings.Replace(styled, "2024年，我市", "[2024年，我市]{style=\"font-size:16.0pt;\nfont-family:\\\"Times New Roman\\\"\"}", 1) + ":::\n"
	if !strings.Contains(md, "[行政许可]{lang=") {
		t.Fatalf("the cells were not styled:\n%s", md[:600])
	}
	res := shapeResult(t, md, "report.md", "2021", 2024, "淮安市人民政府")
	assertSample(t, res, sample.t2, sample.t3, sample.t4)
	assertUnknown(t, res, nil)
}

// TestDoclingSpans reads Markdown as docling writes a table with spanned cells: the
// cell's text repeated in every column it spans ("| 行政许可 | 56 | 56 | 56 |" under a
// header spanning three columns), which is one value, whichever column is the row's.
func TestDoclingSpans(t *testing.T) {
	two := regexp.MustCompile(`(?m)^\| ([^|\n]+) \| ([^|\n]+) \|$`)
	md := two.ReplaceAllString(converterMarkdown(), "| $1 | $2 | $2 | $2 |")
	md = strings.ReplaceAll(md, "\n| --- | --- |\n", "\n| --- | --- | --- | --- |\n")
	if !strings.Contains(md, "| 行政许可 | "+sample.t2["license"][0]+" | "+sample.t2["license"][0]+" |") {
		t.Fatalf("no spanned cell:\n%s", md[:800])
	}
	res := shapeResult(t, md, "report.md", "2021", 2024, "淮安市人民政府")
	assertSample(t, res, sample.t2, sample.t3, sample.t4)
	assertUnknown(t, res, nil)
}

// TestTablesAsPictures: a page whose tables are pictures says so where they stand
// (read.image) besides what was not read; a page with a logo and its tables as text
// says nothing of pictures; text copied from Word keeps a picture's place as U+FFFC.
func TestTablesAsPictures(t *testing.T) {
	raw, err := os.ReadFile("../testdata/markup/seed004.html")
	if err != nil {
		t.Fatal(err)
	}
	page := string(raw)
	pictured := regexp.MustCompile(`(?s)<table.*?</table>`).ReplaceAllString(page, `<p><img src="/upload/table.png" alt=""></p>`)
	logo := strings.Replace(page, "<body", `<body><img src="logo.png"`, 1)
	pasted := strings.Replace(converterTables(false), "2.  主动公开政府信息情况", "2.  主动公开政府信息情况\n\n\uFFFC\n\n\uFFFC\n", 1)
	pasted = pasted[:strings.Index(pasted, "2.  主动公开政府信息情况")+len("2.  主动公开政府信息情况\n\n\uFFFC\n\n\uFFFC\n")] + "\n5.  存在的主要问题及改进情况\n\n无。\n"
	for _, c := range []struct {
		name, text, file, want string
	}{
		{"page", pictured, "report.html", "表二、表三、表四一格也没有读出，而原文有 3 张图片：这些表格很可能是以图片形式发布的，程序无法读取图片中的数字，没有核对；请核对原件，或提供表格为文字的版本"},
		{"logo", logo, "report.html", ""},
		{"pasted", pasted, "report.txt", "原文有 2 张图片：报告的表格很可能是以图片形式发布的，程序无法读取图片中的数字；请核对原件，或提供表格为文字的版本"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Check([]byte(c.text), Options{Name: c.file})
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "read.image" {
					got = f.Message
					if f.Origin != "reader" || len(f.At) != 2 || c.text[f.At[0]:min(len(c.text), f.At[0]+len("\uFFFC"))] != "\uFFFC" && !strings.HasPrefix(c.text[f.At[0]:], "<img") {
						t.Errorf("at %v (%q), want at a picture", f.At, c.text[f.At[0]:min(len(c.text), f.At[0]+20)])
					}
				}
			}
			if got != c.want {
				t.Errorf("read.image %q, want %q", got, c.want)
			}
		})
	}
}

// TestCheckEach checks each report a text holds, as its own result: the 2019-format
// report first, then the 2021 one, then a third body's, each with its own year, agency
// and cells, offsets into the one input, and no read.multiple; Check on the same text
// checks the first and says others follow. A text of one report is one result.
func TestCheckEach(t *testing.T) {
	first := renderReport(layouts["pipe"], template.Generations[1], title2019, sample2019.t2, sample2019.t3, sample2019.t4)
	second := render(layouts["pipe"], sample.t2, sample.t3, sample.t4)
	// the third's title set over two lines, a foreword between it and 一、总体情况
	third := strings.Replace(strings.ReplaceAll(second, "淮安市人民政府", "淮安市清江浦区人民政府"),
		"淮安市清江浦区人民政府2024年政府信息公开工作年度报告\n", "          淮安市清江浦区人民政府\n   2024 年政府信息公开工作年度报告\n\n"+
			"本报告由淮安市清江浦区人民政府办公室根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室有关要求编制。"+
			"本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与区政府办公室联系。\n\n", 1)
	if !strings.Contains(third, "本报告由") {
		t.Fatal("the third report's title was not set over two lines")
	}
	for _, shape := range []string{"lines", "crawled"} {
		t.Run(shape, func(t *testing.T) {
			text := first + "\n" + second + "\n" + third
			if shape == "crawled" {
				text = crawled(text, true)
			}
			all := CheckEach([]byte(text), Options{Name: "汇编.txt"})
			if len(all) != 3 {
				t.Fatalf("%d results, want 3", len(all))
			}
			want := []struct {
				tmpl, agency string
				year         int
			}{{"2019", "华县自然资源局", 2020}, {"2021", "淮安市人民政府", 2024}, {"2021", "淮安市清江浦区人民政府", 2024}}
			prev := -1
			for i, res := range all {
				w := want[i]
				if res.Part != i+1 || res.File != "汇编.txt" || res.Template != w.tmpl || derefS(res.Agency) != w.agency || deref(res.Year) != w.year {
					t.Errorf("part %d: %d %s %s %v %v, want %+v", i+1, res.Part, res.File, res.Template, derefS(res.Agency), deref(res.Year), w)
				}
				if res.Summary.Others || res.Summary.Unread != 0 {
					t.Errorf("part %d: summary %+v", i+1, res.Summary)
				}
				// the findings of the report checked alone, none of another's
				alone := []string{first, second, third}[i]
				if shape == "crawled" {
					alone = crawled(alone, true)
				}
				if got, want := findingTexts(res), findingTexts(Check([]byte(alone), Options{})); got != want {
					t.Errorf("part %d: findings\n%s\nwant, as checked alone,\n%s", i+1, got, want)
				}
				// its cells stand in its own part of the input, after the part before
				at := res.Cells["t3.new.total"].At
				if len(at) != 2 || at[0] <= prev {
					t.Errorf("part %d: 表三 new.total at %v, after %d", i+1, at, prev)
				} else {
					prev = at[0]
				}
				if i == 0 {
					assertCells(t, res, template.Generations[1], sample2019.t2, sample2019.t3, sample2019.t4)
				} else {
					assertSample(t, res, sample.t2, sample.t3, sample.t4)
				}
			}
			if one := Check([]byte(text), Options{Name: "汇编.txt"}); !one.Summary.Others || one.Part != 0 {
				t.Errorf("Check: summary %+v part %d, want others and no part", one.Summary, one.Part)
			}
		})
	}
	if one := CheckEach([]byte(second), Options{}); len(one) != 1 || one[0].Part != 0 || one[0].Summary.Unread != 0 {
		t.Errorf("one report: %d results, part %d", len(one), one[0].Part)
	}
}

// findingTexts lists a result's findings, rule and message, one a line.
func findingTexts(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		b.WriteString(f.Rule + " " + f.Message + "\n")
	}
	return b.String()
}
