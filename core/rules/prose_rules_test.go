package rules

import (
	"cmp"
	"fmt"
	"strings"
	"testing"

	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/token"
)

// want is one expected finding of the rule under test: its severity, the words its
// message must hold (the report's numbers, the difference), and the text it points at.
type want struct {
	sev    string
	origin string // "" for "report"
	msg    []string
	at     string // the normalised text at [Start, End); "" for no position
}

// ruleCase is a small report and every finding one rule must raise on it, no more.
type ruleCase struct {
	name     string
	rule     string
	text     string
	template string             // "" keeps what the reader found
	year     int                // 0 keeps what the reader found
	agency   string             // "" keeps what the reader found
	cells    map[string]float64 // 2019/2021 cells, set by hand
	deadline string             // Config.Deadline
	want     []want
}

// build reads a case's text as core.Check does and sets the cells by hand.
func (c ruleCase) build(t *testing.T) *report.Report {
	t.Helper()
	rep := readReport(t, c.text)
	if c.template != "" {
		rep.Template = c.template
	}
	if c.year != 0 {
		rep.Year = c.year
	}
	if c.agency != "" {
		rep.Agency = c.agency
	}
	if c.cells != nil {
		rep.Cells = map[string]*report.Cell{}
		for id, v := range c.cells {
			v := v
			parts := strings.SplitN(id, ".", 2)
			rep.Cells[id] = &report.Cell{Place: &report.Place{ID: id, Table: parts[0]}, Value: &v, Start: -1, End: -1}
		}
	}
	return rep
}

func runCase(t *testing.T, c ruleCase) {
	t.Helper()
	rep := c.build(t)
	r := Lookup(c.rule)
	if r == nil {
		t.Fatalf("no rule %s", c.rule)
	}
	r.Run(&Pass{Report: rep, Rule: r, Config: Config{Deadline: c.deadline}})
	var got []report.Finding
	for _, f := range rep.Findings {
		if f.Rule == c.rule {
			got = append(got, f)
		}
	}
	if len(got) != len(c.want) {
		t.Fatalf("%d findings, want %d:\n%s", len(got), len(c.want), describeFindings(rep, got))
	}
	for i, w := range c.want {
		f := got[i]
		if f.Severity != w.sev {
			t.Errorf("finding %d: severity %s, want %s: %s", i, f.Severity, w.sev, f.Message)
		}
		if origin := cmp.Or(w.origin, "report"); f.Origin != origin {
			t.Errorf("finding %d: origin %s, want %s", i, f.Origin, origin)
		}
		for _, m := range w.msg {
			if !strings.Contains(f.Message, m) {
				t.Errorf("finding %d: message lacks %q: %s", i, m, f.Message)
			}
		}
		at := ""
		if f.Start >= 0 {
			at = rep.Norm.S[f.Start:f.End]
		}
		if at != w.at {
			t.Errorf("finding %d: points at %q, want %q", i, at, w.at)
		}
	}
}

func describeFindings(rep *report.Report, fs []report.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		at := ""
		if f.Start >= 0 && f.End <= len(rep.Norm.S) {
			at = rep.Norm.S[f.Start:f.End]
		}
		fmt.Fprintf(&b, "  %s %s %q: %s\n", f.Rule, f.Severity, at, f.Message)
	}
	return b.String()
}

// t21 is the usual cells of a small 2021 report: 5 new, 1 carried, 6 answered, 0 left.
func t21(extra map[string]float64) map[string]float64 {
	m := map[string]float64{
		"t3.new.total": 5, "t3.carried.total": 1, "t3.total.total": 6, "t3.carryover.total": 0,
		"t3.new.natural": 4, "t3.new.commercial": 1, "t3.new.research": 0, "t3.new.nonprofit": 0, "t3.new.legal": 0, "t3.new.otherorg": 0,
		"t3.granted.total": 3, "t3.partial.total": 1,
		"t4.review.upheld": 1, "t4.review.corrected": 0, "t4.review.other": 0, "t4.review.pending": 0, "t4.review.total": 1,
		"t4.suit.upheld": 0, "t4.suit.corrected": 0, "t4.suit.other": 0, "t4.suit.pending": 0, "t4.suit.total": 0,
		"t4.suitafter.upheld": 0, "t4.suitafter.corrected": 0, "t4.suitafter.other": 0, "t4.suitafter.pending": 0, "t4.suitafter.total": 0,
		"t2.normative.issued": 2, "t2.license.decisions": 550,
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

var textTableCases = []ruleCase{
	{name: "received contradicts the table", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年，本机关共收到政府信息公开申请8件，办结6件。",
		want: []want{{sev: "error", at: "8", msg: []string{"正文称“本机关共收到政府信息公开申请8件”", "总计为 5", "差 3", "本年新收与上年结转之和 6"}}}},
	{name: "every occurrence, not only the first", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "本年度共收到政府信息公开申请5件。\n（二）依申请公开\n本年度收到政府信息公开申请7件，结转下年度2件。",
		want: []want{{sev: "error", at: "7", msg: []string{"申请7件", "差 2"}}, {sev: "error", at: "2", msg: []string{"结转下年度2件", "为 0", "差 2"}}}},
	{name: "the count before its words", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年共收到政府信息公开申请5件，办结6件，其中3件予以公开，1件部分公开，另有2件顺延到下年度答复。",
		want: []want{{sev: "error", at: "2", msg: []string{"正文称“2件顺延到下年度答复”", "为 0", "差 2"}}}},
	{name: "未收到申请 means 0", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年，我局未收到政府信息公开申请。",
		want: []want{{sev: "error", at: "未收到政府信息公开申请", msg: []string{"（即 0）", "总计为 5", "差 5"}}}},
	{name: "均获维持 with a case pending", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.pending": 2, "t4.review.total": 3}),
		text:  "本年度发生政府信息公开行政复议案件3件，均获维持。",
		want:  []want{{sev: "error", at: "均获维持", msg: []string{"行政复议", "尚未审结 2 件"}}}},
	{name: "a wider scope is a warning", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年，全区共受理政府信息公开申请21件。",
		want: []want{{sev: "warning", at: "21", msg: []string{"差 16", "全区"}}}},
	{name: "the topic only in the clause before is a warning", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "本年度收到政府信息公开申请,共计9件。",
		want: []want{{sev: "warning", at: "9", msg: []string{"差 4"}}}},
	{name: "license decisions, loosely named", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "全年作出行政许可决定500件。",
		want: []want{{sev: "warning", at: "500", msg: []string{"行政许可", "550", "差 50"}}}},
	{name: "fees in 元 against 万元", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t2.fees.amount": 1.5}),
		text:  "全年行政事业性收费15000元。",
		want:  nil},
	{name: "near miss: agreeing statements", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年共收到政府信息公开申请5件，上年结转1件，办结6件，其中予以公开3件，部分公开1件，结转下年度0件。" +
			"其中自然人申请4件。本年度制发行政规范性文件2件。行政复议1件，结果维持1件。",
		want: nil},
	{name: "near miss: received counted with the carried", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "本年度共受理政府信息公开申请6件。",
		want: nil},
	{name: "near miss: approximate, other years, running totals, parts", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "全年收到政府信息公开申请约30件。2023年收到政府信息公开申请12件。截至目前累计收到政府信息公开申请100件。" +
			"共收到申请5件，其中网上申请3件。",
		want: nil},
	{name: "near miss: no table to compare with", rule: "text.table", template: "unknown", year: 2024, cells: t21(nil),
		text: "本年度共收到政府信息公开申请8件。",
		want: nil},
	{name: "statistics table: the prose's number on a heading row", rule: "text.table",
		text: "2017年，主动公开信息300条。\n统计指标 | 单位 | 统计数 |\n一、主动公开情况 | | 300 |\n(一)主动公开政府信息数 | 条 | 0 |\n其中:主动公开规范性文件数 | 条 | 300 |\n制发规范性文件总数 | 件 | 0 |\n(二)通过不同渠道和方式公开政府信息的情况 | | |\n1.政府网站公开政府信息数 | 条 | 0 |\n三、依申请公开情况 | | |\n(一)收到申请数 | 件 | 0 |\n",
		want: []want{{sev: "error", at: "300", msg: []string{"正文称“主动公开信息300条”", "统计表“主动公开政府信息数”为 0，差 300", "标题行“一、主动公开情况”", "错行"}}}},
	{name: "statistics table: near miss", rule: "text.table",
		text: "2017年，主动公开信息120条，收到申请7件。\n统计指标 | 单位 | 统计数 |\n一、主动公开情况 | | |\n(一)主动公开政府信息数 | 条 | 120 |\n其中:主动公开规范性文件数 | 条 | 3 |\n制发规范性文件总数 | 件 | 4 |\n三、依申请公开情况 | | |\n(一)收到申请数 | 件 | 7 |\n1.当面申请数 | 件 | 7 |\n",
		want: nil},
}

func TestTextTable(t *testing.T) {
	for _, c := range textTableCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var textPercentCases = []ruleCase{
	{name: "a share that fits no total", rule: "text.percent", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.granted.total": 200, "t3.partial.total": 75, "t3.total.total": 805, "t3.new.total": 800, "t3.carried.total": 5}),
		text:  "本年度予以公开及部分公开258件，占33.9%。",
		want:  []want{{sev: "warning", at: "33.9%", msg: []string{"258件", "33.9%", "805", "32.0%"}}}},
	{name: "near miss: a share of the table's total, rounded", rule: "text.percent", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.granted.total": 275, "t3.total.total": 805}),
		text:  "本年度予以公开275件，占34.2%。",
		want:  nil},
	{name: "near miss: a share of a total the paragraph gave", rule: "text.percent", template: "2021", year: 2024, cells: t21(nil),
		text: "本年度共收到政府信息公开申请100件，其中予以公开60件，占60%。",
		want: nil},
	{name: "near miss: a rate is no share", rule: "text.percent", template: "2021", year: 2024, cells: t21(nil),
		text: "予以公开3件，按时答复率100%。",
		want: nil},
}

func TestTextPercent(t *testing.T) {
	for _, c := range textPercentCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

const sixSections = `2024年政府信息公开工作年度报告
一、总体情况
本机关认真贯彻落实《条例》。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
（一）存在的主要问题
1.公开内容不够全面。
2.解读不够深入。
（二）改进情况
1.加强培训。
2.完善制度。
六、其他需要报告的事项
无。
`

var sectionCases = []ruleCase{
	{name: "missing: no 总体情况", rule: "section.missing", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "一、总体情况\n", "", 1),
		want: []want{{sev: "error", at: "二、主动公开政府信息情况", msg: []string{"缺少第一部分“一、总体情况”"}}}},
	{name: "missing: near miss with the variant headings", rule: "section.missing", template: "2021", year: 2024,
		text: strings.NewReplacer("一、总体情况", "一、政府信息公开工作基本情况", "五、存在的主要问题及改进情况", "五、存在问题及改进措施",
			"六、其他需要报告的事项", "六、其他报告事项").Replace(sixSections),
		want: nil},
	{name: "missing: only in the old format", rule: "section.missing", template: "stats", year: 2017,
		text: "2017年信息公开工作报告\n一、加强组织领导\n本中心高度重视。\n",
		want: nil},
	{name: "order: 四 before 三", rule: "section.order", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n",
			"四、政府信息公开行政复议、行政诉讼情况\n三、收到和处理政府信息公开申请情况\n", 1),
		want: []want{{sev: "error", at: "三、收到和处理政府信息公开申请情况", msg: []string{"第三部分", "之后"}}}},
	{name: "order: near miss", rule: "section.order", template: "2021", year: 2024, text: sixSections, want: nil},
	{name: "numbering: (一) twice", rule: "section.numbering", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "（二）改进情况", "（一）改进情况", 1),
		want: []want{{sev: "warning", at: "(一)改进情况", msg: []string{"重复"}}}},
	{name: "numbering: 1. then 3.", rule: "section.numbering", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "2.解读不够深入", "3.解读不够深入", 1),
		want: []want{{sev: "warning", at: "3.解读不够深入", msg: []string{"跳号", "缺少“2.”"}}}},
	{name: "numbering: a section numbered as another", rule: "section.numbering", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "六、其他需要报告的事项", "七、其他需要报告的事项", 1),
		want: []want{{sev: "warning", at: "七、其他需要报告的事项", msg: []string{"编号应为“六、”"}}}},
	{name: "numbering: near miss, items restart under a new heading", rule: "section.numbering", template: "2021", year: 2024,
		text: sixSections, want: nil},
	{name: "empty: 五 says only 无", rule: "section.empty", template: "2021", year: 2024,
		text: strings.Replace(sixSections, "（一）存在的主要问题\n1.公开内容不够全面。\n2.解读不够深入。\n（二）改进情况\n1.加强培训。\n2.完善制度。\n", "无。\n", 1),
		want: []want{{sev: "warning", at: "五、存在的主要问题及改进情况", msg: []string{"只写了“无”"}}}},
	{name: "empty: near miss, 六 may say 无", rule: "section.empty", template: "2021", year: 2024, text: sixSections, want: nil},
}

func TestSections(t *testing.T) {
	for _, c := range sectionCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var yearCases = []ruleCase{
	{name: "title and period disagree", rule: "year.mismatch", template: "2021",
		text: "临海市财政局2024年政府信息公开工作年度报告\n本报告统计期限为2023年1月1日至2023年12月31日。\n",
		want: []want{{sev: "error", at: "2023年1月1日至2023年12月31日", msg: []string{"2024 年度", "2023 年"}}}},
	{name: "a period across two years", rule: "year.mismatch", template: "2021",
		text: "本报告统计期限为2023年1月1日至2024年12月31日。\n",
		want: []want{{sev: "error", at: "2023年1月1日至2024年12月31日", msg: []string{"2023 年1月1日", "2024 年12月31日"}}}},
	{name: "the prose tells another year", rule: "year.mismatch", template: "2021",
		text: "临海市财政局2024年政府信息公开工作年度报告\n2023年，我局认真贯彻《条例》。\n2023年，我局主动公开信息50条。\n",
		want: []want{{sev: "warning", at: "2023年", msg: []string{"2 处", "2023年", "2024 年"}}}},
	{name: "near miss: next year's plans", rule: "year.mismatch", template: "2021",
		text: "临海市财政局2024年政府信息公开工作年度报告\n本报告统计期限为2024年1月1日至2024年12月31日。\n2024年，我局认真贯彻《条例》。\n2025年，我局将继续推进公开。\n",
		want: nil},
	{name: "near miss: a cited notice of another year", rule: "year.mismatch", template: "2021",
		text: "根据《关于做好2023年度政府信息公开工作年度报告有关事项的通知》要求，编制本报告。\n临海市财政局2024年政府信息公开工作年度报告\n统计期限为2024年1月1日至2024年12月31日。\n",
		want: nil},
}

func TestYear(t *testing.T) {
	for _, c := range yearCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var dateCases = []ruleCase{
	{name: "a department after 31 January", rule: "date.late", template: "2021", year: 2024, agency: "临海市财政局",
		text: "临海市财政局2024年政府信息公开工作年度报告\n发布日期：2025-02-15\n",
		want: []want{{sev: "warning", at: "2025-02-15", msg: []string{"2025年2月15日", "2025年1月31日", "15 天", "政府部门"}}}},
	{name: "a government after 31 March", rule: "date.late", template: "2021", year: 2024, agency: "临海市人民政府",
		text: "临海市人民政府2024年政府信息公开工作年度报告\n正文。\n临海市人民政府\n2025年4月2日\n",
		want: []want{{sev: "error", at: "2025年4月2日", msg: []string{"落款日期", "2025年3月31日", "2 天", "人民政府"}}}},
	{name: "a 2017 report after 31 March", rule: "date.late", template: "stats", year: 2017, agency: "秀英区政府服务中心",
		text: "秀英区政府服务中心2017年政府信息公开工作年度报告\n成文日期:2018年4月10日\n",
		want: []want{{sev: "error", at: "2018年4月10日", msg: []string{"2018年3月31日", "2007年《条例》"}}}},
	{name: "near miss: a department in time", rule: "date.late", template: "2021", year: 2024, agency: "临海市财政局",
		text: "临海市财政局2024年政府信息公开工作年度报告\n发布日期：2025-01-20\n",
		want: nil},
	{name: "near miss: a 街道 in March", rule: "date.late", template: "2021", year: 2024, agency: "南关街道办事处",
		text: "南关街道办事处2024年政府信息公开工作年度报告\n发文日期:2025-03-01\n",
		want: nil},
	{name: "a local profile's earlier deadline for departments", rule: "date.late", template: "2021", year: 2024, agency: "临海市财政局",
		deadline: "部门=1-15,政府=3-31",
		text:     "临海市财政局2024年政府信息公开工作年度报告\n发布日期：2025-01-20\n",
		want:     []want{{sev: "warning", at: "2025-01-20", msg: []string{"晚于公布期限 2025年1月15日 5 天", "依自定义期限（部门1月15日、政府3月31日）应于1月15日前公布"}}}},
	{name: "a local profile fixing the townships' deadline", rule: "date.late", template: "2021", year: 2024, agency: "南关街道办事处",
		deadline: "乡镇=1-31",
		text:     "南关街道办事处2024年政府信息公开工作年度报告\n发文日期:2025-03-01\n",
		want:     []want{{sev: "error", at: "2025-03-01", msg: []string{"2025年1月31日 29 天", "判断为乡镇（街道），依自定义期限（乡镇1月31日）"}}}},
	{name: "the national profile says so", rule: "date.late", template: "2021", year: 2024, agency: "临海市人民政府",
		deadline: "national",
		text:     "临海市人民政府2024年政府信息公开工作年度报告\n发布日期：2025-04-01\n",
		want:     []want{{sev: "error", at: "2025-04-01", msg: []string{"依全国统一期限（《条例》第四十九条）应于3月31日前公布"}}}},
	{name: "near miss: in time for the local profile", rule: "date.late", template: "2021", year: 2024, agency: "临海市财政局",
		deadline: "部门=1-15",
		text:     "临海市财政局2024年政府信息公开工作年度报告\n发布日期：2025-01-15\n",
		want:     nil},
}

func TestParseDeadline(t *testing.T) {
	for _, c := range []struct{ spec, name, err string }{
		{"", "全国统一期限", ""},
		{"national", "全国统一期限", ""},
		{"部门=1-15,政府=3-31,乡镇=1-31", "自定义期限（部门1月15日、政府3月31日、乡镇1月31日）", ""},
		{"department=01-20", "自定义期限（部门1月20日）", ""},
		{"部门=1月10日", "自定义期限（部门1月10日）", ""},
		{"beijing", "", "未知的期限方案“beijing”"},
		{"部门=2-30", "", "期限“部门=2-30”无法识别"},
		{"区县=1-31", "", "应为 部门、政府 或 乡镇"},
	} {
		d, err := ParseDeadline(c.spec)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.spec, err, c.err)
		case c.err == "" && (err != nil || d.Name != c.name):
			t.Errorf("%q: %q %v, want %q", c.spec, d.Name, err, c.name)
		}
	}
	if d, _ := ParseDeadline("部门=1-15"); d.Government != (MonthDay{3, 31}) || !d.TownshipAssumed {
		t.Errorf("dates not given are the national ones: %+v", d)
	}
}

func TestDateLate(t *testing.T) {
	for _, c := range dateCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var contentCases = []ruleCase{
	{name: "link: a spam domain called a government site", rule: "text.link",
		text: "2.公开的形式:通过海口市政府信息公开网站(//www.tjmarcaurele.com)主动公开。",
		want: []want{{sev: "warning", at: "//www.tjmarcaurele.com", msg: []string{"www.tjmarcaurele.com", "海口市政府信息公开网站"}}}},
	{name: "link: near miss, government sites and e-mail", rule: "text.link",
		text: "请登录临海市人民政府门户网站(http://www.linhai.gov.cn/xxgk/index.html)查询，或发邮件至lhzwgk@163.com，或关注人民网people.com.cn。",
		want: nil},
	{name: "placeholder: XX and 某某 left in", rule: "text.placeholder",
		text: "XX局2024年政府信息公开工作年度报告\n联系人：某某。",
		want: []want{{sev: "warning", at: "XX", msg: []string{"“XX”", "XX局2024"}}, {sev: "warning", at: "某某", msg: []string{"“某某”"}}}},
	{name: "placeholder: near miss, letters x in a web address", rule: "text.placeholder",
		text: "详见 http://www.linhai.gov.cn/xxgk/ 和 Xbox 字样。",
		want: nil},
	{name: "fee: notices said none, the table counts unpaid fees", rule: "text.fee", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.other.nofee.total": 2}),
		text:  "六、其他需要报告的事项\n本年度未向申请人发出收费通知，未收取信息处理费。",
		want:  []want{{sev: "error", at: "未向申请人发出收费通知", msg: []string{"总计为 2 件"}}}},
	{name: "fee: near miss, no fee collected is no contradiction", rule: "text.fee", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.other.nofee.total": 2}),
		text:  "六、其他需要报告的事项\n本年度未收取信息处理费。",
		want:  nil},
}

func TestContent(t *testing.T) {
	for _, c := range contentCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

const statsTable = `统计指标 | 单位 | 统计数 |
一、主动公开情况 | | |
(一)主动公开政府信息数 | 条 | 120 |
其中:主动公开规范性文件数 | 条 | 3 |
制发规范性文件总数 | 件 | 4 |
三、依申请公开情况 | | |
(一)收到申请数 | 件 | 7 |
1.当面申请数 | 件 | 2 |
2.网络申请数 | 件 | 5 |
(二)申请办结数 | 件 | 7 |
1.按时办结数 | 件 | 7 |
2.延期办结数 | 件 | 0 |
八、机构建设和保障经费情况 | | |
(三)从事政府信息公开工作人员数 | 人 | 2 |
1.专职人员数 | 人 | 1 |
2.兼职人员数 | 人 | 1 |
`

var statsCases = []ruleCase{
	{name: "sum: received is not its channels", rule: "stats.sum",
		text: strings.Replace(statsTable, "2.网络申请数 | 件 | 5", "2.网络申请数 | 件 | 4", 1),
		want: []want{{sev: "error", at: "7", msg: []string{"“收到申请数”为 7", "分项之和为 6", "当面申请数 2 + 网络申请数 4", "差 1"}}}},
	{name: "sum: near miss, a blank part", rule: "stats.sum",
		text: strings.Replace(statsTable, "2.网络申请数 | 件 | 5", "2.网络申请数 | 件 | |", 1),
		want: nil},
	{name: "subset: a 其中 line above its whole", rule: "stats.subset",
		text: strings.Replace(statsTable, "其中:主动公开规范性文件数 | 条 | 3", "其中:主动公开规范性文件数 | 条 | 130", 1),
		want: []want{{sev: "error", at: "130", msg: []string{"“主动公开规范性文件数”为 130", "“主动公开政府信息数” 120", "差 10", "“制发规范性文件总数” 4", "差 126"}}}},
	{name: "subset: near miss, 制发 is no part of 主动公开", rule: "stats.subset",
		text: strings.Replace(statsTable, "制发规范性文件总数 | 件 | 4", "制发规范性文件总数 | 件 | 200", 1),
		want: nil},
	{name: "header: a value on a heading row", rule: "stats.header",
		text: strings.Replace(statsTable, "一、主动公开情况 | | |", "一、主动公开情况 | | 300 |", 1),
		want: []want{{sev: "error", at: "300", msg: []string{"标题行“一、主动公开情况”", "300"}}}},
	{name: "header: shifted values are said so", rule: "stats.header",
		text: strings.NewReplacer("一、主动公开情况 | | |", "一、主动公开情况 | | 300 |",
			"(一)主动公开政府信息数 | 条 | 120", "(一)主动公开政府信息数 | 条 | 0",
			"其中:主动公开规范性文件数 | 条 | 3", "其中:主动公开规范性文件数 | 条 | 300",
			"制发规范性文件总数 | 件 | 4", "制发规范性文件总数 | 件 | 0").Replace(statsTable),
		want: []want{{sev: "error", at: "300", msg: []string{"错上了一行", "主动公开政府信息数 300、主动公开规范性文件数 0、制发规范性文件总数 300"}}}},
	{name: "header: near miss, a 0 on a heading row", rule: "stats.header",
		text: strings.Replace(statsTable, "一、主动公开情况 | | |", "一、主动公开情况 | | 0 |", 1),
		want: nil},
}

func TestStatsRules(t *testing.T) {
	for _, c := range statsCases {
		t.Run(c.name, func(t *testing.T) {
			if rep := c.build(t); rep.Template != "stats" {
				t.Fatalf("template %s, want stats", rep.Template)
			}
			runCase(t, c)
		})
	}
}

// The normalised text keeps offsets to the input: the findings' positions survive it.
func TestOffsetsThroughNormalisation(t *testing.T) {
	text := "２０２４年，本机关共收到政府信息公开申请８件。"
	norm := source.Normalize(&source.Text{S: text, Format: "text", InputLen: len(text)})
	rep := readReport(t, text)
	rep.Template, rep.Year = "2021", 2024
	v := 5.0
	rep.Cells = map[string]*report.Cell{"t3.new.total": {Place: &report.Place{ID: "t3.new.total"}, Value: &v, Start: -1, End: -1}}
	rep.Findings = nil // the reader's: this text has no table
	Lookup("text.table").Run(&Pass{Report: rep, Rule: Lookup("text.table")})
	if len(rep.Findings) != 1 {
		t.Fatalf("findings: %v", rep.Findings)
	}
	f := rep.Findings[0]
	at := norm.Span(f.Start, f.End)
	if got := text[at[0]:at[1]]; got != "８" {
		t.Errorf("points at %q in the input, want ８", got)
	}
	_ = token.Squeeze
}

// A text that lost its line breaks has no heading at a line's start: the reader says
// so, and no section is reported missing.
func TestSectionsWithoutLineBreaks(t *testing.T) {
	c := ruleCase{rule: "section.missing", template: "2021", year: 2024,
		text: strings.ReplaceAll(sixSections, "\n", "")}
	rep := c.build(t)
	rep.Findings = nil
	Lookup("section.missing").Run(&Pass{Report: rep, Rule: Lookup("section.missing")})
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != "read.sections" || rep.Findings[0].Origin != "reader" {
		t.Errorf("findings:\n%s", describeFindings(rep, rep.Findings))
	}
}

// Statements without a number that the tables contradict.
var claimCases = []ruleCase{
	{name: "all answered, yet some carried over", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.total.total": 4, "t3.carryover.total": 2}),
		text:  "（二）依申请公开\n2024年，我局共收到政府信息公开申请5件，所有申请均已按期办结。",
		want:  []want{{sev: "error", at: "均已按期办结", msg: []string{"正文称“所有申请均已按期办结”（即没有结转下年度继续办理的申请）", "表三“结转下年度继续办理”总计为 2"}}}},
	{name: "answered in full, said another way", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.total.total": 5, "t3.carryover.total": 1}),
		text:  "本年度受理的政府信息公开申请已全部答复。",
		want:  []want{{sev: "error", at: "已全部答复", msg: []string{"（即没有结转下年度继续办理的申请）", "总计为 1"}}}},
	{name: "near miss: answered in time, the rest carried over in the same sentence", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.new.total": 3119, "t3.carried.total": 34, "t3.total.total": 3050, "t3.carryover.total": 103}),
		text:  "2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。",
		want:  nil},
	{name: "near miss: proposals answered, and none carried over", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.carryover.total": 3}),
		text:  "办理人大代表建议12件、政协提案8件，均已按期办结。所有政府信息公开申请均在法定期限内答复。",
		want:  nil},
	{name: "none corrected, yet 表四 counts one", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.upheld": 1, "t4.review.corrected": 1, "t4.review.total": 2}),
		text:  "（五）行政复议和诉讼情况\n本年度发生政府信息公开行政复议案件2件，未被纠错。",
		want:  []want{{sev: "error", at: "未被纠错", msg: []string{"（即结果纠正为 0）", "表四行政复议结果纠正为 1"}}}},
	{name: "no case corrected, of either kind", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.suit.corrected": 1, "t4.suit.total": 1}),
		text:  "全年涉及政府信息公开的行政复议、行政诉讼案件无一起被纠错。",
		want:  []want{{sev: "error", at: "无一起被纠错", msg: []string{"表四行政复议与行政诉讼结果纠正之和为 1"}}}},
	{name: "near miss: none corrected, one pending", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.upheld": 1, "t4.review.pending": 1, "t4.review.total": 2}),
		text:  "本年度发生政府信息公开行政复议案件2件，其中1件维持，1件尚在审理，未被纠错。",
		want:  nil},
	{name: "no review nor suit, yet 表四 has cases", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "2024年，本机关未发生政府信息公开行政复议、行政诉讼案件。",
		want: []want{{sev: "error", at: "未发生政府信息公开行政复议", msg: []string{"（即 0）", "表四行政复议总计为 1"}}}},
	{name: "near miss: no review nor suit, 表四 empty", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.upheld": 0, "t4.review.total": 0}),
		text:  "2024年，本机关未发生政府信息公开行政复议、行政诉讼案件。",
		want:  nil},
	{name: "no fee of any kind, yet 表二 counts fees", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t2.fees.amount": 7730.28}),
		text:  "六、其他需要报告的事项\n本年度未收取任何费用。",
		want:  []want{{sev: "warning", at: "未收取任何费用", msg: []string{"表二行政事业性收费“本年收费金额”为 7730.28 万元", "可能只指信息处理费"}}}},
	{name: "near miss: no information-processing fee", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t2.fees.amount": 7730.28}),
		text:  "六、其他需要报告的事项\n2024年，区政府严格落实《政府信息公开信息处理费管理办法》，未收取信息处理费。",
		want:  nil},
	{name: "all upheld, near miss: every case upheld", rule: "text.table", template: "2021", year: 2024, cells: t21(nil),
		text: "本年度发生政府信息公开行政复议案件1件，均获维持。",
		want: nil},
	{name: "near miss: no application, none in the table", rule: "text.table", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t3.new.total": 0}),
		text:  "2024年，我中心未收到任何单位和群众要求的信息公开的申请。",
		want:  nil},
}

func TestClaims(t *testing.T) {
	for _, c := range claimCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var repeatCases = []ruleCase{
	{name: "the count of items published, said twice", rule: "text.repeat", template: "2021", year: 2024, cells: t21(nil),
		text: "一、总体情况\n2024年，我局主动公开政府信息1234条。\n二、主动公开政府信息情况\n本年度主动公开政府信息1243条，其中政策解读56条。\n",
		want: []want{{sev: "warning", at: "1243", msg: []string{"正文前后说法不一", "“一、总体情况”中说“我局主动公开政府信息1234条”", "“二、主动公开政府信息情况”中说“本年度主动公开政府信息1243条”"}}}},
	{name: "applications, when the table could not be read", rule: "text.repeat", template: "2021", year: 2024,
		cells: map[string]float64{"t2.license.decisions": 16},
		text:  "一、总体情况\n全年共收到政府信息公开申请15件。\n三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请16件。\n",
		want:  []want{{sev: "warning", at: "16", msg: []string{"申请15件", "申请16件"}}}},
	{name: "near miss: the table holds the count, text.table checks it", rule: "text.repeat", template: "2021", year: 2024, cells: t21(nil),
		text: "一、总体情况\n全年共收到政府信息公开申请5件。\n三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请8件。\n",
		want: nil},
	{name: "near miss: with the carried-over ones, and a wider scope", rule: "text.repeat", template: "2021", year: 2024,
		cells: map[string]float64{"t2.license.decisions": 16},
		text:  "一、总体情况\n全年共收到政府信息公开申请15件。全区共收到政府信息公开申请120件。\n三、收到和处理政府信息公开申请情况\n本年度共受理政府信息公开申请17件（含上年结转2件）。\n",
		want:  nil},
	{name: "near miss: a number in a label's note", rule: "text.repeat", template: "stats", year: 2017,
		text: "2017年，主动公开信息300条。一、主动公开情况 (一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) 条 0\n",
		want: nil},
}

func TestTextRepeat(t *testing.T) {
	for _, c := range repeatCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

// a 2021 report's prose: the five parts of 总体情况, and the fee in section 六
const general2021 = `东港市机关事务服务中心2024年政府信息公开工作年度报告
一、总体情况
（一）主动公开
2024年通过东港市政府门户网站主动公开发布部门动态24条。
（二）依申请公开
2024年，我中心未收到政府信息公开申请。
（三）政府信息管理
强化制度构建，完善保密审查制度。
（四）政府信息公开平台建设
强化政务网站日常运维管理，将责任细化落实到人。
（五）监督保障
严格明确公开范围，严谨开展保密审查。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
由于工作人员变动频繁，业务水平还需要进一步提高。针对存在的问题，中心将通过开展业务能力培训，强化工作人员的公开意识。
六、其他需要报告的事项
2024年度东港市机关事务服务中心未收取信息处理费。
`

var contentRuleCases = []ruleCase{
	{name: "parts: 总体情况 without 政府信息管理 and 监督保障", rule: "content.parts", template: "2021", year: 2024,
		text: strings.NewReplacer("（三）政府信息管理\n强化制度构建，完善保密审查制度。\n", "",
			"（五）监督保障\n严格明确公开范围，严谨开展保密审查。\n", "").Replace(general2021),
		want: []want{{sev: "warning", at: "一、总体情况", msg: []string{"第一部分“总体情况”没有写到“政府信息管理”、“监督保障”"}}}},
	{name: "parts: near miss, a part under another heading's name but named in the text", rule: "content.parts", template: "2021", year: 2024,
		text: strings.Replace(general2021, "（五）监督保障\n严格明确公开范围", "（五）考核评议\n把监督保障落到实处，严格明确公开范围", 1),
		want: nil},
	{name: "parts: near miss, the 2019 format", rule: "content.parts", template: "2019", year: 2019,
		text: strings.Replace(general2021, "（三）政府信息管理\n强化制度构建，完善保密审查制度。\n", "", 1),
		want: nil},
	{name: "fee: section 六 says only 无", rule: "content.fee", template: "2021", year: 2024,
		text: strings.Replace(general2021, "2024年度东港市机关事务服务中心未收取信息处理费。", "无。", 1),
		want: []want{{sev: "warning", at: "六、其他需要报告的事项", msg: []string{"正文没有说明是否收取信息处理费"}}}},
	{name: "fee: near miss, 未收取费用 under 收费及减免情况", rule: "content.fee", template: "2021", year: 2024,
		text: strings.Replace(general2021, "2024年度东港市机关事务服务中心未收取信息处理费。", "无。", 1) + "（三）收费及减免情况。未收取费用。\n",
		want: nil},
	{name: "correction: 表四 counts one, the prose says nothing of it", rule: "text.correction", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.corrected": 1, "t4.review.total": 2}),
		text:  general2021,
		want:  []want{{sev: "warning", msg: []string{"表四行政复议结果纠正 1 件，正文没有说明被纠错的原因和整改措施"}}}},
	{name: "correction: counted in the prose, without a cause", rule: "text.correction", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.corrected": 64, "t4.review.total": 65}),
		text:  strings.Replace(general2021, "2024年，我中心未收到政府信息公开申请。", "政府信息公开行政复议65件，其中结果维持1件，结果纠正64件。\n（三）政府信息管理情况。规范审查程序。", 1),
		want:  []want{{sev: "warning", msg: []string{"结果纠正 64 件"}}}},
	{name: "correction: near miss, the cause and the remedy said", rule: "text.correction", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.corrected": 1, "t4.review.total": 2}),
		text:  strings.Replace(general2021, "2024年，我中心未收到政府信息公开申请。", "行政复议2件，其中1件因答复告知不完整被纠错。我中心已完成整改，并组织专题学习。", 1),
		want:  nil},
	{name: "correction: near miss, the prose was not read (no sections)", rule: "text.correction", template: "2021", year: 2024,
		cells: t21(map[string]float64{"t4.review.corrected": 1, "t4.review.total": 2}),
		text:  "东港市机关事务服务中心2024年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况",
		want:  nil},
	{name: "empty: 五 too short to state a problem and a measure", rule: "section.empty", template: "2021", year: 2024,
		text: strings.Replace(general2021, "由于工作人员变动频繁，业务水平还需要进一步提高。针对存在的问题，中心将通过开展业务能力培训，强化工作人员的公开意识。", "公开不够及时。", 1),
		want: []want{{sev: "warning", at: "五、存在的主要问题及改进情况", msg: []string{"只有“公开不够及时。”，不足以说明存在的问题和改进措施"}}}},
	{name: "empty: 五 states problems only", rule: "section.empty", template: "2021", year: 2024,
		text: strings.Replace(general2021, "由于工作人员变动频繁，业务水平还需要进一步提高。针对存在的问题，中心将通过开展业务能力培训，强化工作人员的公开意识。",
			"一是工作人员变动频繁，业务水平不高；二是信息公开的形式较为单一，公开内容的深度不够。", 1),
		want: []want{{sev: "warning", at: "五、存在的主要问题及改进情况", msg: []string{"只写了问题，没有写改进措施"}}}},
}

func TestContentRules(t *testing.T) {
	for _, c := range contentRuleCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

var wordingCases = []ruleCase{
	{name: "doubled: 资金资金", rule: "wording.doubled", template: "2021", year: 2024,
		text: strings.Replace(general2021, "强化制度构建，完善保密审查制度。", "强化制度构建，完善专项资金资金管理和保密审查制度。", 1),
		want: []want{{sev: "info", at: "资金资金", msg: []string{"词语重复：“专项资金资金管理”"}}}},
	{name: "doubled: near miss, 一件一件 and a table's labels in its section", rule: "wording.doubled", template: "2021", year: 2024,
		text: strings.NewReplacer("强化制度构建，完善保密审查制度。", "一件一件抓落实，完善保密审查制度。",
			"四、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政复议、行政诉讼情况\n结果结果其他、尚未总计\n").Replace(general2021),
		want: nil},
	{name: "cut: a sentence broken off before the next heading", rule: "wording.cut", template: "2021", year: 2024,
		text: strings.Replace(general2021, "中心将通过开展业务能力培训，强化工作人员的公开意识。", "中心将通过开展业务能力培训，强化工作人员的", 1),
		want: []want{{sev: "info", at: "针对存在的问题,中心将通过开展业务能力培训,强化工作人员的",
			msg: []string{"句子没有写完：“……业务能力培训,强化工作人员的”后面直接是标题或正文结束"}}}},
	{name: "cut: near miss, headings, a colon, the signature", rule: "wording.cut", template: "2021", year: 2024,
		text: strings.Replace(general2021, "中心将通过开展业务能力培训，强化工作人员的公开意识。", "中心将采取以下措施：", 1) + "东港市机关事务服务中心\n2025年1月20日\n",
		want: nil},
	{name: "punct: half-width commas among full-width ones", rule: "wording.punct", template: "2021", year: 2024,
		text: strings.Replace(general2021, "由于工作人员变动频繁，业务", "由于工作人员变动频繁,业务", 1),
		want: []want{{sev: "info", at: ",", msg: []string{"半角逗号“,” 1 处（如“频繁,业务”）", "全文其余处用的是全角标点"}}}},
	{name: "punct: near miss, half-width throughout", rule: "wording.punct", template: "2021", year: 2024,
		text: strings.NewReplacer("，", ",", "（", "(", "）", ")").Replace(general2021),
		want: nil},
	{name: "name: the body's name written two ways", rule: "wording.name", template: "2021", year: 2024,
		text: strings.Replace(general2021, "2024年度东港市机关事务服务中心未收取信息处理费。", "2024年度东港市机关事务管理中心未收取信息处理费。", 1),
		want: []want{{sev: "info", at: "东港市机关事务管理中心", msg: []string{"标题为“东港市机关事务服务中心”，文中又写作“东港市机关事务管理中心”（1 处）"}}}},
	{name: "name: near miss, a short form and another body", rule: "wording.name", template: "2021", year: 2024,
		text: strings.Replace(general2021, "强化制度构建，完善保密审查制度。", "配合东港市财政局、东港市政务服务中心，完善保密审查制度。", 1) + "机关事务服务中心\n2025年1月20日\n",
		want: nil},
}

func TestWording(t *testing.T) {
	for _, c := range wordingCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}
