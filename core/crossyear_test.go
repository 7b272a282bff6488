package core

import (
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"testing"
)

// report builds a result by hand: a year, an agency and some cells.
func byHand(file string, year int, agency string, cells map[string]float64) *Result {
	r := &Result{File: file, Template: "2021", Year: &year, Cells: map[string]Cell{}}
	if agency != "" {
		r.Agency = &agency
	}
	for id, v := range cells {
		r.Cells[id] = Cell{Value: &v, Raw: num(v), At: []int{len(id), len(id) + 1}}
	}
	return r
}

func messages(fs []Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if rule == "" || f.Rule == rule {
			out = append(out, f.Message)
		}
	}
	return out
}

func TestCarryover(t *testing.T) {
	older := byHand("hongze-2023.txt", 2023, "洪泽区人民政府", map[string]float64{
		"t3.carryover.natural": 5, "t3.carryover.commercial": 1, "t3.carryover.total": 6})
	newer := byHand("hongze-2024.txt", 2024, "淮安市洪泽区人民政府", map[string]float64{
		"t3.carried.natural": 3, "t3.carried.commercial": 1, "t3.carried.total": 4})
	got := CompareYears(older, newer)
	want := []string{
		"2024年表三「自然人」上年结转(3) ≠ 2023年（hongze-2023.txt）结转下年度继续办理(5)，差 2",
		"2024年表三「总计」上年结转(4) ≠ 2023年（hongze-2023.txt）结转下年度继续办理(6)，差 2",
	}
	if m := messages(got, ""); !slices.Equal(m, want) {
		t.Fatalf("got %q\nwant %q", m, want)
	}
	f := got[0]
	if f.Rule != "crossyear.carryover" || f.Severity != "warning" || f.Origin != "report" ||
		f.Group != "跨年度" || f.Title == "" || !slices.Equal(f.Cells, []string{"t3.carried.natural"}) ||
		!slices.Equal(f.At, newer.Cells["t3.carried.natural"].At) {
		t.Errorf("finding %+v", f)
	}
	// given the other way round: the same findings
	if m := messages(CompareYears(newer, older), ""); !slices.Equal(m, want) {
		t.Errorf("swapped: %q", m)
	}
	// carried over as reported: silent; a blank is not a zero
	newer.Cells["t3.carried.natural"] = Cell{Value: ptr(5.0)}
	newer.Cells["t3.carried.total"] = Cell{Value: nil, Raw: ""}
	if m := messages(CompareYears(older, newer), ""); m != nil {
		t.Errorf("matching pair: %q", m)
	}
}

func TestValidCount(t *testing.T) {
	older := byHand("", 2022, "某市司法局", map[string]float64{"t2.normative.valid": 5, "t2.rules.valid": 2})
	newer := byHand("", 2023, "某市司法局", map[string]float64{
		"t2.normative.issued": 3, "t2.normative.repealed": 1, "t2.normative.valid": 8,
		"t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.valid": 2})
	want := []string{"2023年表二「行政规范性文件」现行有效件数(8) ≠ 2022年现行有效件数(5) + 本年制发件数(3) − 本年废止件数(1) = 7，差 1"}
	got := CompareYears(older, newer)
	if m := messages(got, ""); !slices.Equal(m, want) || got[0].Rule != "crossyear.valid" {
		t.Fatalf("got %q\nwant %q", m, want)
	}
	newer.Cells["t2.normative.valid"] = Cell{Value: ptr(7.0)}
	if m := messages(CompareYears(older, newer), ""); m != nil {
		t.Errorf("matching pair: %q", m)
	}
}

func TestCumulative(t *testing.T) {
	stats := func(year int, rows ...any) *Result {
		r := byHand("", year, "某县人民政府", nil)
		r.Template = "stats"
		for i := 0; i < len(rows); i += 4 {
			s := Stat{Label: rows[i].(string), Level: rows[i+1].(int), At: []int{i, i + 1}}
			s.Header = rows[i+2] == nil
			if !s.Header {
				v := rows[i+2].([2]float64)
				s.Values = []*float64{ptr(v[0]), ptr(v[1])}
			}
			r.Stats = append(r.Stats, s)
		}
		return r
	}
	// 其中 items recur under two headings: matched by their heading too
	older := stats(2013,
		"一、主动公开情况", 0, nil, 0,
		"主动公开政府信息数", 1, [2]float64{40, 300}, 0,
		"二、依申请公开情况", 0, nil, 0,
		"收到申请数", 1, [2]float64{10, 90}, 0,
		"其中：网络申请数", 2, [2]float64{4, 30}, 0)
	newer := stats(2014,
		"一、主动公开情况", 0, nil, 0,
		"主动公开政府信息数", 1, [2]float64{50, 350}, 0,
		"二、依申请公开情况", 0, nil, 0,
		"收到 申请数", 1, [2]float64{12, 100}, 0,
		"其中：网络申请数", 2, [2]float64{6, 36}, 0,
		// printed twice under one heading: ambiguous, not compared
		"其他", 2, [2]float64{1, 99}, 0,
		"其他", 2, [2]float64{1, 99}, 0)
	older.Stats = append(older.Stats, Stat{Label: "其他", Level: 2, Values: []*float64{ptr(1), ptr(5)}})
	want := []string{"2014年统计表「收到 申请数」历年累计(100) ≠ 2013年历年累计(90) + 2014年本年(12) = 102，差 2"}
	got := CompareYears(older, newer)
	if m := messages(got, ""); !slices.Equal(m, want) || got[0].Rule != "crossyear.cumulative" {
		t.Errorf("got %q\nwant %q", m, want)
	}
}

func TestNotComparable(t *testing.T) {
	a := byHand("", 2022, "洪泽区人民政府", nil)
	cases := []struct {
		b    *Result
		want string
	}{
		{byHand("", 2024, "洪泽区人民政府", nil), "两份报告分别为2022年和2024年，不是连续两年，未做跨年度比对"},
		{byHand("", 2023, "洪泽区人民政府办公室", nil), "两份报告的机关不同（洪泽区人民政府、洪泽区人民政府办公室），未做跨年度比对"},
		{&Result{Cells: map[string]Cell{}}, "未识别出报告年度，无法确认是否为连续两年的报告，未做跨年度比对"},
	}
	for _, c := range cases {
		got := CompareYears(a, c.b)
		if len(got) != 1 || got[0].Rule != "crossyear.pair" || got[0].Severity != "info" || got[0].Message != c.want {
			t.Errorf("got %+v\nwant %q", got, c.want)
		}
	}
	// an agency not found does not prevent a comparison asked for
	if got := CompareYears(a, byHand("", 2023, "", nil)); got != nil {
		t.Errorf("no agency: %+v", got)
	}
}

func TestSameBody(t *testing.T) {
	cases := []struct {
		a, b string
		same bool
	}{
		{"洪泽区人民政府", "洪泽区 人民政府", true},
		{"洪泽区人民政府", "淮安市洪泽区人民政府", true},
		{"洪泽区人民政府", "江苏省淮安市洪泽区人民政府", true},
		{"淮安市人民政府", "淮安市洪泽区人民政府", false},
		{"淮安市人民政府办公室", "淮安市人民政府", false},
		{"人民政府办公室", "淮安市人民政府办公室", false}, // a bare office name is no body
		{"机关事务服务中心", "东港市机关事务服务中心", false},
		{"东港市机关事务服务中心", "丹东市东港市机关事务服务中心", true},
		{"", "", false},
	}
	for _, c := range cases {
		if got := SameBody(c.a, c.b); got != c.same {
			t.Errorf("SameBody(%q, %q) = %v", c.a, c.b, got)
		}
		// the pairer finds candidates by bodyKey: the same for the same body
		if c.same && bodyKey(c.a) != bodyKey(c.b) {
			t.Errorf("bodyKey %q ≠ %q", bodyKey(c.a), bodyKey(c.b))
		}
	}
}

func TestPairUp(t *testing.T) {
	results := []*Result{
		byHand("a-2023-raw", 2023, "洪泽区人民政府", nil),       // 0
		byHand("a-2023-layout", 2023, "洪泽区人民政府", nil),    // 1
		byHand("a-2024-raw", 2024, "淮安市洪泽区人民政府", nil),    // 2
		byHand("a-2024-layout", 2024, "淮安市洪泽区人民政府", nil), // 3
		byHand("b-2024", 2024, "淮安市人民政府", nil),           // 4
		byHand("b-2022", 2022, "淮安市人民政府", nil),           // 5: not consecutive
		byHand("c-2023", 2023, "", nil),                  // 6: no agency
		byHand("c-2024", 2024, "", nil),                  // 7
		byHand("a-2025", 2025, "淮安市洪泽区人民政府", nil),        // 8
		{File: "broken", Input: Input{Error: "输入为空"}},    // 9
		nil,
	}
	want := [][2]int{{0, 2}, {1, 3}, {2, 8}}
	if got := PairUp(results); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// seed004 is a real report (东胜区, 2024) to make synthetic pairs from.
func seed004(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/seeds/004_fe52555f254f9b80.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces each old text by its new one, once, failing when one is missing.
func edit(t *testing.T, s string, oldNew ...string) string {
	t.Helper()
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("edit: %q not found", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return s
}

func check(name, text string) *Result { return Check([]byte(text), Options{Name: name}) }

// lastYear is seed 004 turned into the same body's report for 2023.
func lastYear(s string) string { return strings.ReplaceAll(s, "2024", "2023") }

// The carry-over row of 表三 as printed in seed 004: 1 application carried over.
const carryoverRow = "四、结转下年度继续办理 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1 |"

func TestSeedPairCarryover(t *testing.T) {
	now := seed004(t)
	// last year: 3 carried over by natural persons, where this year's report says 0
	before := edit(t, lastYear(now), carryoverRow, strings.NewReplacer("\n1 |", "\n3 |").Replace(carryoverRow))
	got := CompareYears(check("2023.txt", before), check("2024.txt", now))
	want := []string{
		"2024年表三「自然人」上年结转(0) ≠ 2023年（2023.txt）结转下年度继续办理(3)，差 3",
		"2024年表三「总计」上年结转(0) ≠ 2023年（2023.txt）结转下年度继续办理(3)，差 3",
	}
	if m := messages(got, "crossyear.carryover"); !slices.Equal(m, want) {
		t.Errorf("got %q\nwant %q", m, want)
	}
}

// rewrite replaces each sentence that begins with one of the prefixes, up to its full
// stop, by a sentence of new wording.
func rewrite(t *testing.T, s string, prefixes ...string) string {
	t.Helper()
	for k, p := range prefixes {
		i := strings.Index(s, p)
		if i < 0 {
			t.Fatalf("rewrite: %q not found", p)
		}
		end := i + strings.Index(s[i:], "。")
		s = s[:i] + rewritten[k%len(rewritten)] + s[end:]
	}
	return s
}

// rewritten are sentences of the kind a body writes anew each year.
var rewritten = []string{
	"今年以来,我局围绕优化营商环境这一中心任务,把政务公开作为转变政府职能的重要抓手,健全了由主要负责同志牵头、各科室分工负责的工作机制,全年召开专题会议四次,研究部署公开重点工作,逐项明确责任科室和完成时限,形成了上下联动、协同推进的工作格局",
	"我局对本部门权责清单进行了全面梳理,逐项核对事项名称、设定依据、办理时限和收费标准,对已取消和调整的事项及时在门户网站更新,同时编制了企业开办、工程建设项目审批等高频事项的图解式办事指南,方便群众查阅",
	"围绕企业和群众反映强烈的办事难点,推出了帮办代办、延时服务和预约服务,在各镇街便民服务中心设立综合窗口,实行一窗受理、集成服务,窗口工作人员统一培训上岗,服务对象满意率持续保持在较高水平",
	"今年我局修订了公文公开属性认定办法,明确拟文科室在起草阶段同步提出公开意见,办公室负责合法性和保密性审查,分管负责同志审定后方可发布,全年未出现因审核把关不严导致的泄密或错发事件",
	"对收到的每一件申请,我局均按照登记、审核、办理、答复、归档五个环节流转,由专人跟踪办理进度,对需要征求第三方意见的及时书面征询,确保在法定期限内作出答复,答复文书统一使用规范文本",
	"组织全体干部职工参加了全市政务公开业务培训,邀请法律顾问就政府信息公开条例的适用作了专题辅导,并将政务公开工作纳入科室年度考核,对工作中发现的问题及时督促整改",
	"推进政务服务向移动端延伸,上线了一批掌上办理事项,群众通过手机即可完成申报、查询进度和领取电子证照,线下窗口排队时间明显缩短",
	"针对群众反映的诉求,我局建立了热线工单分办、限时办结和回访评价制度,对答复不满意的工单安排专人再次核实办理",
}

// TestProseCopy: last year's prose repeated for more than half, this year's numbers put
// in, is reported with the share; with a little more of it rewritten, it is not.
func TestProseCopy(t *testing.T) {
	now := seed004(t)
	// (the tables differ, so that only the prose is compared)
	tables := []string{"行政许可 |\n52425 |", "行政许可 |\n48107 |"}
	copied := edit(t, lastYear(now), append(tables, "发布政务服务事项1774项", "发布政务服务事项1502项", "汇聚65类66万条", "汇聚51类40万条")...)
	got := messages(CompareYears(check("2023.txt", copied), check("2024.txt", now)), "crossyear.copy")
	want := []string{"2024年报告正文与2023年（2023.txt）报告高度雷同：上年正文约 100% 的文字在本年原样出现（按整句比较，数字不计；两年正文分别约 1244 字、1244 字），疑似沿用上年报告，请核对是否如实反映本年情况"}
	if !slices.Equal(got, want) {
		t.Errorf("copy: %q", got)
	}

	// five sentences rewritten: a little over half of last year's prose is repeated
	some := []string{"按照区委、区政府部署要求", "依托一体化政务服务平台", "三是推动企业信息变更", "认真落实网络信息发布审查", "2024年我局坚持依法依规"}
	older := check("2023.txt", edit(t, lastYear(rewrite(t, now, some...)), tables...))
	fs := CompareYears(older, check("2024.txt", now))
	want = []string{"2024年报告正文重复了2023年（2023.txt）报告约 59% 的文字（按整句比较，数字不计；两年正文分别约 1288 字、1244 字），请核对是否如实反映本年情况"}
	if got := messages(fs, "crossyear.copy"); !slices.Equal(got, want) || fs[len(fs)-1].Severity != "info" {
		t.Errorf("more than half: %q %+v", got, fs)
	}

	// three more rewritten: less than half is repeated, nothing is said
	more := append(some, "积极开展参与政务公开培训", "推动区本级法务咨询", "一是通过12345热线")
	older = check("2023.txt", edit(t, lastYear(rewrite(t, now, more...)), tables...))
	if share := repeated(FactsOf(older).Prose, FactsOf(check("2024.txt", now)).Prose); share < 0.4 || share > copyShare {
		t.Errorf("near miss: %.2f of last year's prose repeated, want just under half", share)
	}
	if got := messages(CompareYears(older, check("2024.txt", now)), "crossyear.copy"); got != nil {
		t.Errorf("near miss reported: %q", got)
	}
}

// TestNumbersCopy: every number of last year's tables repeated is a copy; one number
// different is not.
func TestNumbersCopy(t *testing.T) {
	now := seed004(t)
	newer := FactsOf(check("2024.txt", now))
	newer.Prose = nil // the prose is the same too: look at the numbers alone
	older := FactsOf(check("2023.txt", lastYear(now)))
	got := messages(CompareFacts(older, newer), "crossyear.copy")
	if len(got) != 1 || !strings.Contains(got[0], "表格中的数字与2023年（2023.txt）报告完全相同") {
		t.Errorf("copy: %q", got)
	}
	older = FactsOf(check("2023.txt", edit(t, lastYear(now), "行政许可 |\n52425 |", "行政许可 |\n48107 |")))
	if got := messages(CompareFacts(older, newer), "crossyear.copy"); got != nil {
		t.Errorf("near miss reported: %q", got)
	}
}

// TestJump: a value more than five times last year's, or under a fifth, is noted with
// both numbers; small numbers (0 to 3) and a fivefold rise are not.
func TestJump(t *testing.T) {
	pair := func(before, now float64) []string {
		older := byHand("a-2023.txt", 2023, "洪泽区人民政府", map[string]float64{"t3.new.total": before})
		newer := byHand("a-2024.txt", 2024, "洪泽区人民政府", map[string]float64{"t3.new.total": now})
		return messages(CompareYears(older, newer), "crossyear.jump")
	}
	cases := []struct {
		before, now float64
		want        string
	}{
		{12, 75, "表三本年新收申请数（总计）：2023年（a-2023.txt）为 12，2024年为 75，增至上年的 6.3 倍；请核对数字是否填错行、错列或单位"},
		{130, 25, "表三本年新收申请数（总计）：2023年（a-2023.txt）为 130，2024年为 25，不足上年的五分之一；请核对数字是否填错行、错列或单位"},
		{0, 46, "表三本年新收申请数（总计）：2023年（a-2023.txt）为 0，2024年为 46，由 0 增至 46；请核对数字是否填错行、错列或单位"},
		{0, 3, ""},   // small numbers
		{3, 19, ""},  // over five times, under the floor
		{12, 60, ""}, // five times exactly
		{40, 9, ""},  // over a fifth
	}
	for _, c := range cases {
		got := pair(c.before, c.now)
		if (c.want == "" && got != nil) || (c.want != "" && !slices.Equal(got, []string{c.want})) {
			t.Errorf("%v -> %v: %q", c.before, c.now, got)
		}
	}
}

// TestHongze: 洪泽区's real reports for 2023 and 2024 (../shared/corpus) agree: 0
// carried over in both years, 行政规范性文件 5 + 3 - 0 = 8; their prose is rewritten.
// 行政许可 rose seventeenfold (550 to 9487), which is noted.
func TestHongze(t *testing.T) {
	read := func(name string) *Result {
		b, err := os.ReadFile("../../shared/corpus/reports/" + name)
		if err != nil {
			t.Skip("../shared not present")
		}
		return Check(b, Options{Name: name})
	}
	older, newer := read("017_hongze-2023-pdftotext-raw.txt"), read("019_hongze-2024-pdftotext-raw.txt")
	if p := PairUp([]*Result{newer, older}); !slices.Equal(p, [][2]int{{1, 0}}) {
		t.Fatalf("not paired: %v (%v, %v)", p, *older.Agency, *newer.Agency)
	}
	jump := "表二行政许可处理决定数：2023年（017_hongze-2023-pdftotext-raw.txt）为 550，2024年为 9487，增至上年的 17.2 倍；请核对数字是否填错行、错列或单位"
	if got := messages(CompareYears(older, newer), ""); !slices.Equal(got, []string{jump}) {
		t.Errorf("findings: %q", got)
	}
	// and with last year's carry-over changed, the mismatch is found
	older.Cells["t3.carryover.natural"] = Cell{Value: ptr(2.0)}
	want := []string{"2024年表三「自然人」上年结转(0) ≠ 2023年（017_hongze-2023-pdftotext-raw.txt）结转下年度继续办理(2)，差 2", jump}
	if m := messages(CompareYears(older, newer), ""); !slices.Equal(m, want) {
		t.Errorf("got %q", m)
	}
}

func ptr(v float64) *float64 { return &v }

func TestSentences(t *testing.T) {
	a, n := sentences("2023年共收到政府信息公开申请12件，办结10件。均在法定期限内答复。无。")
	b, _ := sentences("2024年共收到政府信息公开申请3件，办结7件。均在法定期限内答复。")
	c, _ := sentences("本年度未收到政府信息公开申请。未发生行政复议和行政诉讼案件。")
	if n != 38 || len(a) != 2 || repeated(a, b) != 1 || repeated(a, c) != 0 {
		t.Errorf("n %d, %v %v %v", n, a, b, c)
	}
}

// The page's second input: the warnings go to the newer report whichever way round the
// two are given; a pair that cannot be compared gets the note on both.
func TestCompareAndAttach(t *testing.T) {
	pair := func() (*Result, *Result) {
		older := byHand("a-2023.txt", 2023, "洪泽区人民政府", map[string]float64{"t3.carryover.total": 6})
		newer := byHand("a-2024.txt", 2024, "洪泽区人民政府", map[string]float64{"t3.carried.total": 4})
		return older, newer
	}
	older, newer := pair()
	CompareAndAttach(newer, older)
	if len(older.Findings) != 0 || len(newer.Findings) != 1 || newer.Findings[0].Rule != "crossyear.carryover" || newer.Summary.Warnings != 1 {
		t.Fatalf("older %+v\nnewer %+v", older.Findings, newer.Findings)
	}
	older, newer = pair()
	*older.Year = 2021
	CompareAndAttach(older, newer)
	want := []string{"两份报告分别为2021年和2024年，不是连续两年，未做跨年度比对"}
	if a, b := messages(older.Findings, "crossyear.pair"), messages(newer.Findings, "crossyear.pair"); !slices.Equal(a, want) || !slices.Equal(b, want) || newer.Summary.Infos != 1 {
		t.Errorf("not consecutive: %q %q", a, b)
	}
}

// The hashes written out are hash/fnv's FNV-1a.
func TestFactHashesAreFNV(t *testing.T) {
	prose := "本年度共收到申请12件，其中2件\xff不予公开。均在法定期限内答复完毕。"
	got, _ := sentences(prose)
	want := fnv.New64a()
	want.Write([]byte("本年度共收到申请0件，其中0件\uFFFD不予公开"))
	if len(got) != 2 || !slices.ContainsFunc(got, func(s Sentence) bool { return s.Hash == want.Sum64() }) {
		t.Errorf("sentences(%q) = %v, want a hash %x", prose, got, want.Sum64())
	}
	want.Reset()
	want.Write([]byte("t1.a"))
	want.Write([]byte{0, 0, 0, 0, 0, 0, 0x28, 0x40}) // 12.0, little-endian
	if h := valueHash("t1.a", 12); h != want.Sum64() {
		t.Errorf("valueHash = %x, want %x", h, want.Sum64())
	}
}
