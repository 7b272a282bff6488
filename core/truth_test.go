package core

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The truth files of ../shared (hand-made, Chinese keys) mapped to cell ids, as
// ../shared/tools/score.py maps them.
var (
	truthT3Rows = map[string]string{
		"本年新收": "new", "上年结转": "carried", "予以公开": "granted", "部分公开": "partial",
		"不予公开.国家秘密": "denied.secret", "不予公开.法律行政法规禁止": "denied.lawban",
		"不予公开.三安全一稳定": "denied.safety", "不予公开.保护第三方": "denied.thirdparty",
		"不予公开.三类内部事务": "denied.internal", "不予公开.四类过程性": "denied.process",
		"不予公开.行政执法案卷": "denied.enforcement", "不予公开.行政查询事项": "denied.query",
		"无法提供.本机关不掌握": "unable.nothold", "无法提供.没有现成信息": "unable.create",
		"无法提供.补正后仍不明确": "unable.unclear", "不予处理.信访举报投诉": "reject.petition",
		"不予处理.重复申请": "reject.repeat", "不予处理.公开出版物": "reject.publication",
		"不予处理.大量反复申请": "reject.massive", "不予处理.确认或重新出具": "reject.confirm",
		"其他处理.逾期不补正": "other.nofix", "其他处理.逾期未缴费": "other.nofee",
		"其他处理.其他": "other.else", "其他处理": "other", "总计": "total", "结转下年度": "carryover",
	}
	truthT3Cols  = []string{"natural", "commercial", "research", "nonprofit", "legal", "otherorg", "total"}
	truthT4Group = map[string]string{"复议": "review", "直诉": "suit", "复议后诉": "suitafter"}
	truthT4Cols  = map[string]string{"结果维持": "upheld", "结果纠正": "corrected", "其他结果": "other", "尚未审结": "pending", "总计": "total"}
	truthT2Rows  = map[string]string{"规章": "rules", "行政规范性文件": "normative", "规范性文件": "normative", "行政许可": "license",
		"其他对外管理服务事项": "otherservice", "行政处罚": "penalty", "行政强制": "coercion", "行政事业性收费": "fees", "政府集中采购": "procurement"}
	truthT2Cols = map[string]string{"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "valid",
		"本年处理决定数量": "decisions", "本年收费金额_万元": "amount", "本年新制作数量": "made", "本年新公开数量": "published",
		"对外公开总数量": "total", "上一年项目数量": "prev", "本年增/减": "delta", "处理决定数量": "decisions", "采购项目数量": "items", "采购总金额": "amount"}
	truthTemplate = map[string]string{"2021": "2021", "2019": "2019", "pre2019": "stats", "none": "unknown"}
)

type truth struct {
	Year     int                       `json:"year"`
	Template string                    `json:"template"`
	Table2   map[string]map[string]any `json:"table2"`
	Table3   *struct {
		Rows map[string][]*float64 `json:"rows"`
	} `json:"table3"`
	Table4     []*float64 `json:"table4"`
	Table4Keys []string   `json:"table4_keys"`
	Expect     []string   `json:"expect_rules"`
}

func (t *truth) cells() map[string]*float64 {
	out := map[string]*float64{}
	if t.Table3 != nil {
		for k, vals := range t.Table3.Rows {
			for i, v := range vals {
				out["t3."+truthT3Rows[k]+"."+truthT3Cols[i]] = v
			}
		}
	}
	for i, k := range t.Table4Keys {
		g, c, _ := strings.Cut(k, ".")
		out["t4."+truthT4Group[g]+"."+truthT4Cols[c]] = t.Table4[i]
	}
	for r, cols := range t.Table2 {
		for c, v := range cols {
			var f float64
			switch x := v.(type) {
			case float64:
				f = x
			case string:
				json.Unmarshal([]byte(x), &f)
			default:
				continue
			}
			out["t2."+truthT2Rows[r]+"."+truthT2Cols[c]] = &f
		}
	}
	return out
}

// knownUnread lists cells the text alone cannot decide, which the checker must leave
// unknown with a read.ambiguous finding rather than guess: in this PDF's raw text the
// two 行政诉讼 groups of 表四 come out as pieces that fit either group.
var knownUnread = map[string][]string{
	"021_huaian-2024-pdftotext-raw": {
		"t4.suit.upheld", "t4.suit.corrected", "t4.suit.other", "t4.suit.pending", "t4.suit.total",
		"t4.suitafter.upheld", "t4.suitafter.corrected", "t4.suitafter.other", "t4.suitafter.pending", "t4.suitafter.total"},
}

// TestTruth checks every cell of the seeds and the corpus against the truth files.
func TestTruth(t *testing.T) {
	dirs := [][2]string{
		{"../testdata/seeds", "../../shared/seeds-truth"},
		{"../../shared/corpus/reports", "../../shared/corpus/truth"},
		{"../../shared/flat/reports", "../../shared/flat/truth"},
	}
	n := 0
	for _, d := range dirs {
		truths, _ := filepath.Glob(filepath.Join(d[1], "*.json"))
		for _, tf := range truths {
			stem := strings.TrimSuffix(filepath.Base(tf), ".json")
			reports, _ := filepath.Glob(filepath.Join(d[0], stem+"*"))
			if len(reports) == 0 {
				continue
			}
			n++
			t.Run(stem, func(t *testing.T) { checkTruth(t, stem, reports[0], tf) })
		}
	}
	if n == 0 {
		t.Skip("../shared not present")
	}
}

// TestNothingWrong reads every seed and corpus report in shapes nobody made truth
// files for — as crawlers store it (whole body on one line, cells run together or a
// space apart), hard-wrapped at 40 characters, half its line breaks lost — and checks
// that every cell read is the truth: what the text cannot decide may stay unknown,
// with the coverage saying so, but no number may land in a wrong cell, and no
// arithmetic error may be blamed on a report whose arithmetic holds.
func TestNothingWrong(t *testing.T) {
	shapes := map[string]func(string) string{
		"flat":   func(s string) string { return crawled(s, false) },
		"spaced": func(s string) string { return crawled(s, true) },
		"wrap40": func(s string) string { return regexp.MustCompile(`(.{40})`).ReplaceAllString(s, "$1\n") },
		"halfjoined": func(s string) string {
			lines := strings.Split(s, "\n")
			for i := range lines {
				if i%2 == 0 {
					lines[i] += " "
				}
			}
			return strings.Join(lines, "\n")
		},
	}
	n := 0
	for _, d := range [][2]string{{"../testdata/seeds", "../../shared/seeds-truth"}, {"../../shared/corpus/reports", "../../shared/corpus/truth"}} {
		truths, _ := filepath.Glob(filepath.Join(d[1], "*.json"))
		for _, tf := range truths {
			stem := strings.TrimSuffix(filepath.Base(tf), ".json")
			reports, _ := filepath.Glob(filepath.Join(d[0], stem+"*"))
			if len(reports) == 0 {
				continue
			}
			n++
			var tr truth
			raw, _ := os.ReadFile(tf)
			if err := json.Unmarshal(raw, &tr); err != nil {
				t.Fatal(err)
			}
			input, _ := os.ReadFile(reports[0])
			for name, shape := range shapes {
				t.Run(stem+"/"+name, func(t *testing.T) {
					res := Check([]byte(shape(strings.ReplaceAll(string(input), "\f", "\n"))), Options{Name: "report.txt"})
					unread := 0
					for id, want := range tr.cells() {
						got := res.Cells[id]
						switch {
						case got.State == "" && res.Summary.Unread > 0:
							// a row of the other variant of （六）其他处理, in a table read
							// only in part: not read, and said so
							unread++
						case got.Value == nil:
							if want != nil && got.State != "unread" && got.State != "ambiguous" {
								t.Errorf("%s: %q, want %v", id, got.State, *want)
							}
							if got.State == "unread" || got.State == "ambiguous" {
								unread++
							}
						case want == nil || *got.Value != *want:
							t.Errorf("%s: %v, want %v", id, *got.Value, deref64(want))
						}
					}
					if unread > 0 && !hasRule(res, "read.coverage") {
						t.Errorf("%d cells unread, and no read.coverage finding", unread)
					}
					expected := map[string]bool{}
					for _, r := range tr.Expect {
						expected[r] = true
					}
					for _, f := range res.Findings {
						if f.Origin == "report" && f.Severity == "error" && isArithmetic(f.Rule) && !expected[f.Rule] {
							t.Errorf("false alarm: %s %s", f.Rule, f.Message)
						}
					}
				})
			}
		}
	}
	if n == 0 {
		t.Skip("../shared not present")
	}
}

func checkTruth(t *testing.T, stem, reportPath, truthPath string) {
	var tr truth
	raw, err := os.ReadFile(truthPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatal(err)
	}
	input, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	res := Check(input, Options{Name: filepath.Base(reportPath)})
	if want := truthTemplate[tr.Template]; res.Template != want {
		t.Errorf("template %q, want %q", res.Template, want)
	}
	if res.Year == nil || *res.Year != tr.Year {
		t.Errorf("year %v, want %d", res.Year, tr.Year)
	}
	unread := map[string]bool{}
	for _, id := range knownUnread[stem] {
		unread[id] = true
	}
	for id, want := range tr.cells() {
		got, ok := res.Cells[id]
		switch {
		case !ok:
			t.Errorf("%s: missing", id)
		case unread[id]:
			if got.Value != nil {
				t.Errorf("%s: %v, want unknown (the text does not decide it)", id, *got.Value)
			}
		case want == nil:
			if got.Value != nil {
				t.Errorf("%s: %v, want blank", id, *got.Value)
			}
		case got.Value == nil:
			t.Errorf("%s: unknown, want %v", id, *want)
		case *got.Value != *want:
			t.Errorf("%s: %v, want %v", id, *got.Value, *want)
		}
	}
	if len(unread) > 0 && !hasRule(res, "read.ambiguous") {
		t.Errorf("no read.ambiguous finding for the cells left unknown")
	}
	for _, r := range tr.Expect {
		if !hasRule(res, r) && !strings.HasPrefix(r, "section.") && !strings.HasPrefix(r, "stats.") {
			t.Errorf("expected a %s finding", r)
		}
	}
	// no arithmetic error on a report whose arithmetic holds
	expected := map[string]bool{}
	for _, r := range tr.Expect {
		expected[r] = true
	}
	for _, f := range res.Findings {
		if f.Origin == "report" && f.Severity == "error" && isArithmetic(f.Rule) && !expected[f.Rule] {
			t.Errorf("false alarm: %s %s", f.Rule, f.Message)
		}
	}
}

func hasRule(res *Result, rule string) bool {
	for _, f := range res.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func isArithmetic(rule string) bool {
	switch rule {
	case "t3.balance", "t3.outcomes", "t3.rowsum", "t4.total":
		return true
	}
	return false
}
