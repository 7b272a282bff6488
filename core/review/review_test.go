package review

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"

	"nianbao/core"
)

const seed004 = "../../testdata/seeds/004_fe52555f254f9b80.txt"

func check(t *testing.T, text []byte, name string) *core.Result {
	t.Helper()
	return core.Check(text, core.Options{Name: name})
}

func read(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestText: seed 004, every cell read, two altered labels; and with the first set
// aside by the reviewer.
func TestText(t *testing.T) {
	res := check(t, read(t, seed004), "004.txt")
	got := Build(res, Options{Date: "2025年3月1日"}).Text()
	want := `政府信息公开工作年度报告审核意见

报告单位：东胜区行政审批政务服务与数据管理局
报告年度：2024 年
文件：004.txt
模板：2021 年格式（国办公开办函〔2021〕30号）
审核日期：2025年3月1日
检查工具：年报校验 ` + core.Version + `

经逐格核对，未发现必须更正的错误，有 2 处需要核实，详见下文。

一、需要核实的问题
（一）结构
1. 模板文字被改动（表三「1.申请人无正当理由逾期不补正、行政…」行）：表三标签“1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请”与模板“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”不一致：“预”应为“逾”
2. 模板文字被改动（表三「2.申请人逾期未按收费通知要求缴纳费…」行）：表三标签“2.申请人预期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”与模板“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”不一致：“预”应为“逾”

本意见由“年报校验”逐格核对生成，数字均取自报告原文，请结合原文复核。
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	key := "label.altered|t3.other.nofix.commercial,t3.other.nofix.legal,t3.other.nofix.natural,t3.other.nofix.nonprofit,t3.other.nofix.otherorg,t3.other.nofix.research,t3.other.nofix.total|0,0,0,0,0,0,0|"
	for _, d := range []Dismissal{{Index: 0, Note: "系笔误，已另行通知"}, {Index: -1, Key: key, Note: "系笔误，已另行通知"}} {
		r := Build(res, Options{Dismissed: []Dismissal{d}})
		text := r.Text()
		for _, s := range []string{
			"经逐格核对，未发现必须更正的错误，有 1 处需要核实，详见下文。",
			"二、经人工核实不作为问题的事项\n1. 模板文字被改动（表三「1.申请人无正当理由逾期不补正、行政…」行）：",
			"“预”应为“逾”\n   说明：系笔误，已另行通知\n",
		} {
			if !strings.Contains(text, s) {
				t.Errorf("dismissed %+v: lacks %q\n%s", d, s, text)
			}
		}
		if r.Sections[1].Groups[0].Items[0].Key != key {
			t.Errorf("key %q", r.Sections[1].Groups[0].Items[0].Key)
		}
	}
}

// TestPartial: 表四 with a value gone is read only in part; the review says so and
// never that nothing was found.
func TestPartial(t *testing.T) {
	seed := string(read(t, seed004))
	cut := strings.LastIndex(seed[:strings.Index(seed, "五、存在的主要问题")], "0 |")
	res := check(t, []byte(seed[:cut]+seed[cut+len("0 |\n"):]), "partial.txt")
	r := Build(res, Options{})
	want := []string{
		"检查不完整：表四 15 格中只读出 0 格。未读出的单元格及与之相关的勾稽关系未经核对，请人工核对原文。",
		"在已读出的部分中，未发现必须更正的错误，有 2 处需要核实，详见下文。",
	}
	if strings.Join(r.Verdict, "\n") != strings.Join(want, "\n") {
		t.Errorf("verdict %q", r.Verdict)
	}
	text := r.Text()
	if strings.Contains(text, "经逐格核对") || !strings.Contains(text, "未能读出的部分未经核对") {
		t.Errorf("claims a full check:\n%s", text)
	}
	// the reader's findings stand apart, never among the report's
	last := r.Sections[len(r.Sections)-1]
	if last.Title != "未能自动读取的内容" {
		t.Fatalf("sections %+v", r.Sections)
	}
	for _, s := range r.Sections {
		for _, g := range s.Groups {
			for _, it := range g.Items {
				if (it.Origin == "reader") != (s.Title == "未能自动读取的内容") {
					t.Errorf("%s in %s", it.Rule, s.Title)
				}
			}
		}
	}
}

// TestNotReport: text without a table is said to be no report; nothing is concluded.
func TestNotReport(t *testing.T) {
	res := check(t, []byte("关于召开2024年度工作会议的通知\n\n各科室：定于3月1日召开会议。\n"), "notice.txt")
	text := Build(res, Options{}).Text()
	for _, s := range []string{"没有找到年度报告的表格", "未做核对", "不对报告内容作出结论"} {
		if !strings.Contains(text, s) {
			t.Errorf("lacks %q\n%s", s, text)
		}
	}
	if strings.Contains(text, "未发现") || strings.Contains(text, "经逐格核对") || strings.Contains(text, "需要更正") {
		t.Errorf("a verdict on no report:\n%s", text)
	}
}

// TestPlaces: a column, a row, a 表四 group, a statistics row, and prose cited by its
// heading and page.
func TestPlaces(t *testing.T) {
	res := check(t, read(t, "../../testdata/seeds/003_b5b9a5615959bd1c.txt"), "003.txt")
	var places []string
	for _, f := range res.Findings {
		places = append(places, f.Rule+" "+Place(res, f))
	}
	want := "stats.header 统计表「一、主动公开情况」行\nstats.subset 统计表「其中:主动公开规范性文件数」行\n" +
		"text.table 「三、工作开展情况」下「(三)主动公开情况」\ntext.link 「三、工作开展情况」下「(三)主动公开情况」"
	if strings.Join(places, "\n") != want {
		t.Errorf("places\n%s", strings.Join(places, "\n"))
	}

	// 表三 column and row, 表四 group
	seed := strings.Replace(string(read(t, seed004)), "(七)总计 |\n7 |", "(七)总计 |\n9 |", 1)
	res = check(t, []byte(seed), "x.txt")
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.Rule] = Place(res, f)
	}
	if got["t3.balance"] != "表三「自然人」列" || got["t3.rowsum"] != "表三「（七）总计」行" {
		t.Errorf("places %q", got)
	}

	// prose after a page break
	outline := []core.Mark{{Level: 1, Title: "一、总体情况", At: []int{10, 20}}, {At: []int{50, 50}},
		{Level: 2, Title: "（二）依申请公开情况", At: []int{60, 70}}, {At: []int{90, 90}}, {Level: 1, Title: "二、主动公开政府信息情况", At: []int{95, 99}}}
	for at, want := range map[int]string{5: "第 1 页", 30: "第 1 页，「一、总体情况」", 80: "第 2 页，「一、总体情况」下「（二）依申请公开情况」", 96: "第 3 页，「二、主动公开政府信息情况」"} {
		if got := prosePlace(outline, at); got != want {
			t.Errorf("at %d: %q, want %q", at, got, want)
		}
	}
}

// TestMarkdown: the report's words come through goldmark as they are, without a
// backslash in the Markdown where none is needed.
func TestMarkdown(t *testing.T) {
	msg := "表四「行政复议」组：总计(0)，结果维持(10)+结果纠正(1)+其他结果(0)=11，0 ≠ 11，差 11\n" +
		"- 见 021_huaian-2024.txt 第 2 页；1. 原文 *强调* [链接](x) <b>粗</b> & &amp; `代码` _下划线_ ~~删除~~\n# 不是标题"
	res := &core.Result{File: "021_huaian-2024-pdftotext-raw.txt", Template: "2021", Cells: map[string]core.Cell{},
		Findings: []core.Finding{{Rule: "t4.total", Severity: "error", Origin: "report", Message: msg, Title: "表四合计"}}}
	res.Summary.Errors = 1
	md := Build(res, Options{}).Markdown()
	for _, s := range []string{
		"- 文件：021_huaian-2024-pdftotext-raw.txt\n",
		"1. **表四合计**：表四「行政复议」组：总计(0)，结果维持(10)+结果纠正(1)+其他结果(0)=11，0 ≠ 11，差 11\\\n",
		"   \\- 见 021_huaian-2024.txt 第 2 页；1. 原文 \\*强调\\* \\[链接](x) \\<b>粗\\</b> & \\&amp; \\`代码\\` \\_下划线\\_ \\~\\~删除\\~\\~\\\n   \\# 不是标题\n",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("lacks %q\n%s", s, md)
		}
	}
	var buf bytes.Buffer
	if err := goldmark.New().Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	doc, _ := html.Parse(&buf)
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "li" && n.Data != "ol" && n.Data != "br" && n.Data != "strong" && n.Data != "p" && n.Data != "html" && n.Data != "head" && n.Data != "body" {
			if n.Parent == nil || n.Parent.Data == "li" || n.Parent.Data == "p" {
				t.Errorf("markup in the message: <%s>", n.Data)
			}
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if want := strings.ReplaceAll(msg, "\n", "\n   "); !strings.Contains(strings.ReplaceAll(text.String(), "\n", "\n   "), strings.ReplaceAll(msg, "\n", "\n   ")) {
		t.Errorf("rendered text\n%s\nwant to contain\n%s", text.String(), want)
	}
}

// TestPrintedPages: text without form feeds whose pages carry printed numbers, as
// footers ("— 2 —") or as headers ("第2页"), is cited by the printed page.
func TestPrintedPages(t *testing.T) {
	lines := strings.Split(string(read(t, "../../testdata/seeds/001_4d220e2fb02edc16.txt")), "\n")
	insert := func(marks map[int]string) string {
		var out []string
		for i, l := range lines {
			if m, ok := marks[i]; ok {
				out = append(out, m)
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
	for name, text := range map[string]string{
		"footers": insert(map[int]string{15: "— 1 —", 59: "— 2 —"}),
		"headers": insert(map[int]string{0: "第1页", 15: "第2页", 59: "第3页"}),
	} {
		res := check(t, []byte(text), "001.txt")
		got := map[string]string{}
		for _, f := range res.Findings {
			got[f.Rule] = Place(res, f)
		}
		if want := "第 3 页，「五、存在的主要问题及改进情况」下「(一)改进情况」"; got["section.numbering"] != want {
			t.Errorf("%s: section.numbering at %q, want %q", name, got["section.numbering"], want)
		}
		if want := "第 2 页，「二、主动公开政府信息情况」"; got["section.missing"] != want {
			t.Errorf("%s: section.missing at %q, want %q", name, got["section.missing"], want)
		}
	}
}

// TestExactTexts: the whole review of a report with errors, of one read only in part
// (the reader's items, the unchecked identities among them, apart from the report's;
// no "经逐格核对"), and of a text that is no report (no facts of a report, no verdict).
func TestExactTexts(t *testing.T) {
	seed := string(read(t, seed004))
	cut := strings.LastIndex(seed[:strings.Index(seed, "五、存在的主要问题")], "0 |")
	heading := func(file string) string {
		return "政府信息公开工作年度报告审核意见\n\n报告单位：东胜区行政审批政务服务与数据管理局\n报告年度：2024 年\n文件：" + file +
			"\n模板：2021 年格式（国办公开办函〔2021〕30号）\n审核日期：2025年3月1日\n检查工具：年报校验 " + core.Version + "\n"
	}
	const alteredLabels = `1. 模板文字被改动（表三「1.申请人无正当理由逾期不补正、行政…」行）：表三标签“1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请”与模板“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”不一致：“预”应为“逾”
2. 模板文字被改动（表三「2.申请人逾期未按收费通知要求缴纳费…」行）：表三标签“2.申请人预期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”与模板“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”不一致：“预”应为“逾”
`
	for _, c := range []struct{ name, text, want string }{
		{"errors.txt", strings.Replace(seed, "(七)总计 |\n7 |", "(七)总计 |\n9 |", 1), heading("errors.txt") + `
经逐格核对，报告中有 3 处需要更正的错误，另有 2 处需要核实，详见下文。

一、需要更正的问题
（一）表三收支平衡
1. 表三收支平衡：表三「自然人」列：一(8)+二(0)=8，三(七)(9)+四(1)=10，8 ≠ 10，差 2
（二）明细合计
1. 表三办理结果合计：表三「自然人」列：三(七)(9)，各项办理结果之和：予以公开(7)=7，9 ≠ 7，差 2
（三）横向合计
1. 表三横向合计（表三「（七）总计」行）：表三「总计」行：总计(7)，自然人(9)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=9，7 ≠ 9，差 2

二、需要核实的问题
（一）结构
` + alteredLabels + `
本意见由“年报校验”逐格核对生成，数字均取自报告原文，请结合原文复核。
`},
		{"partial.txt", seed[:cut] + seed[cut+len("0 |\n"):], heading("partial.txt") + `
检查不完整：表四 15 格中只读出 0 格。未读出的单元格及与之相关的勾稽关系未经核对，请人工核对原文。

在已读出的部分中，未发现必须更正的错误，有 2 处需要核实，详见下文。

一、需要核实的问题
（一）结构
` + alteredLabels + `
二、未能自动读取的内容
以下内容检查程序未能可靠读取，不属于报告的错误，请人工核对原文。
1. 数值个数不符（表四）：表四读到 14 个值（0 0 0 0 0 0 0 0 0 0 0 0 …），应为 15 个；无法确定各值所属的格，表四留空
2. 检查不完整（表四）：表四 15 格中读出 0 格。未读出的格没有核对，与之相关的勾稽关系也未核对；这是检查程序读取的问题，不是报告的错误
3. 表四合计（表四）：有 3 处表四合计因单元格未读出而无法核对

本意见由“年报校验”生成，数字均取自报告原文；未能读出的部分未经核对，请结合原文复核。
`},
		{"notice.txt", "关于召开2024年度工作会议的通知\n\n各科室：定于3月1日召开会议。\n", `政府信息公开工作年度报告审核意见

文件：notice.txt
审核日期：2025年3月1日
检查工具：年报校验 ` + core.Version + `

所提交的文字中没有找到年度报告的表格（表二、表三、表四或统计表），不像是一份政府信息公开工作年度报告，或报告的表格是图片，未做核对。本意见不对报告内容作出结论，请提交报告的文字版本后重新检查。

一、未能自动读取的内容
以下内容检查程序未能可靠读取，不属于报告的错误，请人工核对原文。
1. 不是年度报告：没有找到年度报告的表格（表二、表三、表四或2008—2018年的统计表）：这段文字不像政府信息公开工作年度报告，或报告的表格是图片；未做任何核对

本意见由“年报校验”生成；未找到年度报告的表格，未对报告内容作出任何结论。
`},
	} {
		got := Build(check(t, []byte(c.text), c.name), Options{Date: "2025年3月1日"}).Text()
		if got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}
