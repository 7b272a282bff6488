package core

import (
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

// TestProseCopy: last year's prose with this year's numbers put in is a copy; the same
// prose with a quarter of it rewritten is not.
func TestProseCopy(t *testing.T) {
	now := seed004(t)
	// (the tables differ, so that only the prose is a copy)
	copied := edit(t, lastYear(now), "发布政务服务事项1774项", "发布政务服务事项1502项", "汇聚65类66万条", "汇聚51类40万条",
		"行政许可 |\n52425 |", "行政许可 |\n48107 |")
	got := messages(CompareYears(check("2023.txt", copied), check("2024.txt", now)), "crossyear.copy")
	if len(got) != 1 || !strings.HasPrefix(got[0], "2024年报告正文与2023年（2023.txt）报告高度雷同：约 ") {
		t.Errorf("copy: %q", got)
	}

	rewritten := edit(t, lastYear(now), "行政许可 |\n52425 |", "行政许可 |\n48107 |",
		"按照“应公开、尽公开”和政务五公开的原则,围绕我局重点任务,不断强化政府信息主动公开。一是加强政务服务事项标准化梳理工作。",
		"我局以企业和群众需求为导向,将政务服务事项清单、办事指南和办理流程全部向社会公布,主动接受监督。首先对事项进行了全面梳理。",
		"二是夯实“一网通办”基础,汇聚65类66万条电子证照数据,政务服务网办率达90%以上。推动区本级法务咨询、民生监督、违章查询、社保医保补贴申领、水电暖报装缴费等22项特色应用接入蒙速办,1071个政务服务事项实现掌上可办。",
		"其次,电子证照归集取得进展,共归集证照数据约40万条;网上办理比例继续提高,移动端可办理的事项进一步增加,群众办事少跑腿。",
		"认真落实网络信息发布审查、保密审核等制度,严格执行“先审后发”原则,强化公开属性源头认定,建立统一发布工作机制,切实加强内容发布管理,提升文件公开和解读质量。",
		"全年未发生因信息发布不当引发的问题。我局明确了各科室的信息报送职责,对拟公开内容逐条核对。")
	older, newer := check("2023.txt", rewritten), check("2024.txt", now)
	older.sketch()
	newer.sketch()
	share := jaccard(older.prose, newer.prose)
	t.Logf("rewritten: %.2f of the prose in common", share)
	if share >= copyProse || share < 0.6 {
		t.Errorf("near miss: share %.2f, want in [0.6, %.2f)", share, copyProse)
	}
	if got := messages(CompareYears(older, newer), "crossyear.copy"); got != nil {
		t.Errorf("near miss reported: %q", got)
	}
}

// TestNumbersCopy: every number of last year's tables repeated is a copy; one number
// different is not.
func TestNumbersCopy(t *testing.T) {
	now := seed004(t)
	newer := check("2024.txt", now)
	newer.prose, newer.sketched = nil, true // the prose is the same too: look at the numbers alone
	older := check("2023.txt", lastYear(now))
	got := messages(CompareYears(older, newer), "crossyear.copy")
	if len(got) != 1 || !strings.Contains(got[0], "表格中的数字与2023年（2023.txt）报告完全相同") {
		t.Errorf("copy: %q", got)
	}
	older = check("2023.txt", edit(t, lastYear(now), "行政许可 |\n52425 |", "行政许可 |\n48107 |"))
	if got := messages(CompareYears(older, newer), "crossyear.copy"); got != nil {
		t.Errorf("near miss reported: %q", got)
	}
}

// TestHongze: 洪泽区's real reports for 2023 and 2024 (../shared/corpus) agree: 0
// carried over in both years, 行政规范性文件 5 + 3 - 0 = 8; their prose is rewritten.
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
	if got := CompareYears(older, newer); got != nil {
		t.Errorf("findings: %q", messages(got, ""))
	}
	// and with last year's carry-over changed, the mismatch is found
	older.Cells["t3.carryover.natural"] = Cell{Value: ptr(2.0)}
	want := []string{"2024年表三「自然人」上年结转(0) ≠ 2023年（017_hongze-2023-pdftotext-raw.txt）结转下年度继续办理(2)，差 2"}
	if m := messages(CompareYears(older, newer), ""); !slices.Equal(m, want) {
		t.Errorf("got %q", m)
	}
}

func ptr(v float64) *float64 { return &v }

func TestProseSketch(t *testing.T) {
	a, n := proseSketch("2023年共收到政府信息公开申请12件，办结10件，均在法定期限内答复。")
	b, _ := proseSketch("2024年共收到政府信息公开申请3件，办结7件，均在法定期限内答复。")
	c, _ := proseSketch("本年度未收到政府信息公开申请，未发生行政复议和行政诉讼案件。")
	if n != 31 || len(a) == 0 || !slices.Equal(a, b) || jaccard(a, c) > 0.2 {
		t.Errorf("n %d, %v %v %v", n, a, b, c)
	}
	if !slices.IsSorted(a) || len(slices.Compact(slices.Clone(a))) != len(a) {
		t.Error("not sorted and distinct")
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
