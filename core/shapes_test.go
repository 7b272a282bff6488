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
	for _, spaced := range []bool{false, true} {
		t.Run(map[bool]string{false: "flat", true: "spaced"}[spaced], func(t *testing.T) {
			res := shapeResult(t, crawled(body, spaced), "crawled.txt", "2021", 2024, "淮安市人民政府")
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

// uncheckedNote is the note that identities went unchecked for cells not read: the
// reader's, and a consequence of the unread cells asserted apart.
func uncheckedNote(f Finding) bool {
	return f.Origin == "reader" && f.Severity == "info" && strings.HasSuffix(f.Message, "无法核对")
}
