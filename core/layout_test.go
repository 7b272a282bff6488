package core

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"nianbao/core/template"
)

// A realistic report's numbers (淮安市人民政府 2024, which balances), rendered in each
// layout real reports come in; every layout must read back to exactly these cells.
var sample = struct {
	t2 map[string][]string
	t3 map[string][]string
	t4 []string
}{
	t2: map[string][]string{
		"rules": {"1", "0", "11"}, "normative": {"8", "26", "66"}, "license": {"447228"},
		"penalty": {"3985758"}, "coercion": {"88283"}, "fees": {"96171.6"},
	},
	t3: map[string][]string{
		"new":                {"3001", "53", "0", "0", "61", "4", "3119"},
		"carried":            {"34", "0", "0", "0", "0", "0", "34"},
		"granted":            {"1288", "21", "0", "0", "50", "3", "1362"},
		"partial":            {"447", "7", "0", "0", "0", "0", "454"},
		"denied.secret":      {"2", "0", "0", "0", "0", "0", "2"},
		"denied.lawban":      {"30", "1", "0", "0", "0", "0", "31"},
		"denied.safety":      {"5", "0", "0", "0", "0", "0", "5"},
		"denied.thirdparty":  {"6", "0", "0", "0", "0", "0", "6"},
		"denied.internal":    {"7", "1", "0", "0", "0", "0", "8"},
		"denied.process":     {"12", "0", "0", "0", "0", "0", "12"},
		"denied.enforcement": {"9", "0", "0", "0", "0", "0", "9"},
		"denied.query":       {"105", "0", "0", "0", "0", "0", "105"},
		"unable.nothold":     {"746", "12", "0", "0", "10", "1", "769"},
		"unable.create":      {"11", "0", "0", "0", "0", "0", "11"},
		"unable.unclear":     {"1", "0", "0", "0", "0", "0", "1"},
		"reject.petition":    {"56", "6", "0", "0", "0", "0", "62"},
		"reject.repeat":      {"25", "0", "0", "0", "0", "0", "25"},
		"reject.publication": {"0", "0", "0", "0", "0", "0", "0"},
		"reject.massive":     {"0", "0", "0", "0", "0", "0", "0"},
		"reject.confirm":     {"1", "0", "0", "0", "0", "0", "1"},
		"other.nofix":        {"67", "3", "0", "0", "1", "0", "71"},
		"other.nofee":        {"6", "0", "0", "0", "0", "0", "6"},
		"other.else":         {"108", "2", "0", "0", "0", "0", "110"},
		"total":              {"2932", "53", "0", "0", "61", "4", "3050"},
		"carryover":          {"103", "0", "0", "0", "0", "0", "103"},
	},
	t4: []string{"72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"},
}

// layout writes one table row: its labels and its cells.
type layout func(b *strings.Builder, labels []string, cells []string)

var layouts = map[string]layout{
	// 东港 2024 (seed 000): a row per line, cells split by " | ", padding cells at the end
	"pipe": func(b *strings.Builder, labels, cells []string) {
		fmt.Fprintf(b, "%s | %s | ||\n", strings.Join(labels, " | "), strings.Join(cells, " | "))
	},
	// 东胜 2024 (seed 004): one cell per line, each ending in " |"
	"cell-per-line": func(b *strings.Builder, labels, cells []string) {
		for _, s := range append(append([]string{}, labels...), cells...) {
			fmt.Fprintf(b, "%s |\n", s)
		}
	},
	// 衢州 2022 (seed 002): one cell per line, blank lines between cells and rows
	"blank-lines": func(b *strings.Builder, labels, cells []string) {
		for _, s := range append(append([]string{}, labels...), cells...) {
			fmt.Fprintf(b, "%s\n\n", s)
		}
		b.WriteString("\n")
	},
	// copied from Word or a browser
	"tabs": func(b *strings.Builder, labels, cells []string) {
		fmt.Fprintf(b, "%s\t%s\n", strings.Join(labels, "\t"), strings.Join(cells, "\t"))
	},
	// pdftotext -layout: columns aligned with spaces
	"spaces": func(b *strings.Builder, labels, cells []string) {
		label := strings.Join(labels, "   ")
		fmt.Fprintf(b, "%-40s", label)
		for _, c := range cells {
			fmt.Fprintf(b, "%8s", c)
		}
		b.WriteString("\n")
	},
	// crawled text: the cells of a row run together with no separator at all
	"run-together": func(b *strings.Builder, labels, cells []string) {
		fmt.Fprintf(b, "%s%s\n", strings.Join(labels, ""), strings.Join(cells, ""))
	},
}

// render writes a whole 2021-format report in a layout.
func render(lay layout, t2 map[string][]string, t3 map[string][]string, t4 []string) string {
	return renderReport(lay, template.Generations[0], "淮安市人民政府2024年政府信息公开工作年度报告", t2, t3, t4)
}

// renderReport writes a whole report of a template generation in a layout.
func renderReport(lay layout, gen *template.Generation, title string, t2 map[string][]string, t3 map[string][]string, t4 []string) string {
	var b strings.Builder
	b.WriteString(title + "\n一、总体情况\n" + title[strings.Index(title, "20"):strings.Index(title, "20")+4] + "年，我市严格落实《条例》。\n二、主动公开政府信息情况\n")
	group := ""
	for _, r := range gen.T2.Rows {
		if r.Group != group {
			group = r.Group
			b.WriteString(group + "\n")
			var heads []string
			for _, c := range r.Cols {
				heads = append(heads, gen.T2.Col(c).Label)
			}
			lay(&b, []string{"信息内容"}, heads)
		}
		lay(&b, []string{r.Label}, t2[r.ID])
	}
	b.WriteString("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n")
	b.WriteString("自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n")
	group = ""
	for _, r := range template.T3.Active(map[string]bool{gen.T3Other: true}) {
		labels := []string{r.Label}
		if r.Group != "" && r.Group != group {
			labels = []string{r.Group, r.Label}
		}
		group = r.Group
		lay(&b, labels, t3[r.ID])
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n")
	lay(&b, nil, t4)
	b.WriteString("五、存在的主要问题及改进情况\n政府信息公开的及时性还有待提高。下一步将加强培训，规范信息发布流程。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n")
	return b.String()
}

// unknownIn lists, per layout, the cells the text cannot decide: run together,
// "1011" is 1|0|11 or 10|1|1 for 表二 (which has no sum to tell them apart), and
// 表四's 26 digits cut into fifteen cells more than one way.
var unknownIn = map[string][]string{
	"run-together": {"t2.rules.issued", "t2.rules.repealed", "t2.rules.valid",
		"t2.normative.issued", "t2.normative.repealed", "t2.normative.valid",
		"t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending", "t4.review.total",
		"t4.suit.upheld", "t4.suit.corrected", "t4.suit.other", "t4.suit.pending", "t4.suit.total",
		"t4.suitafter.upheld", "t4.suitafter.corrected", "t4.suitafter.other", "t4.suitafter.pending", "t4.suitafter.total"},
}

func TestLayouts(t *testing.T) {
	for name, lay := range layouts {
		t.Run(name, func(t *testing.T) {
			text := render(lay, sample.t2, sample.t3, sample.t4)
			res := Check([]byte(text), Options{Name: name})
			if res.Template != "2021" || res.Year == nil || *res.Year != 2024 || res.Agency == nil || *res.Agency != "淮安市人民政府" {
				t.Errorf("template %q year %v agency %v", res.Template, res.Year, res.Agency)
			}
			unknown := map[string]bool{}
			for _, id := range unknownIn[name] {
				unknown[id] = true
			}
			t2, t3, t4 := blankOut(unknown)
			assertSample(t, res, t2, t3, t4)
			flagged := map[string]bool{}
			for _, f := range res.Findings {
				if f.Rule == "read.coverage" {
					continue // asserted below, as Summary.Unread
				}
				if f.Rule == "read.ambiguous" {
					for _, id := range f.Cells {
						flagged[id] = true
					}
					continue
				}
				if !tableRule(f.Rule) {
					continue
				}
				if f.Severity != "info" || f.Rule == "label.altered" || (f.Origin == "reader" && f.Rule != "read.split" && !uncheckedNote(f)) {
					t.Errorf("unexpected finding %s: %s", f.Rule, f.Message)
				}
			}
			if res.Summary.Unread != len(unknown) {
				t.Errorf("summary: %d cells unread, want %d", res.Summary.Unread, len(unknown))
			}
			for id := range unknown {
				if !flagged[id] {
					t.Errorf("%s left unknown without a read.ambiguous finding", id)
				}
			}
		})
	}
}

// blankOut returns the sample's values with the given cells expected unknown.
func blankOut(unknown map[string]bool) (map[string][]string, map[string][]string, []string) {
	t2 := map[string][]string{}
	for _, r := range template.T2v2021.Rows {
		t2[r.ID] = append([]string{}, sample.t2[r.ID]...)
		for i, c := range r.Cols {
			if unknown[template.CellID("t2", r.ID, c)] {
				t2[r.ID][i] = ""
			}
		}
	}
	t3 := map[string][]string{}
	for row, vals := range sample.t3 {
		t3[row] = vals
	}
	t4 := append([]string{}, sample.t4...)
	k := 0
	for _, g := range []string{"review", "suit", "suitafter"} {
		for _, c := range []string{"upheld", "corrected", "other", "pending", "total"} {
			if unknown[template.CellID("t4", g, c)] {
				t4[k] = ""
			}
			k++
		}
	}
	return t2, t3, t4
}

// assertSample checks every cell against the rendered values.
func assertSample(t *testing.T, res *Result, t2, t3 map[string][]string, t4 []string) {
	t.Helper()
	assertCells(t, res, template.Generations[0], t2, t3, t4)
}

// assertCells checks every cell of a report of generation gen against its values
// ("" for a cell that must be unknown).
func assertCells(t *testing.T, res *Result, gen *template.Generation, t2, t3 map[string][]string, t4 []string) {
	t.Helper()
	want := map[string]string{}
	for _, r := range gen.T2.Rows {
		for i, c := range r.Cols {
			want[template.CellID("t2", r.ID, c)] = t2[r.ID][i]
		}
	}
	for row, vals := range t3 {
		for i, c := range []string{"natural", "commercial", "research", "nonprofit", "legal", "otherorg", "total"} {
			want[template.CellID("t3", row, c)] = vals[i]
		}
	}
	k := 0
	for _, g := range []string{"review", "suit", "suitafter"} {
		for _, c := range []string{"upheld", "corrected", "other", "pending", "total"} {
			want[template.CellID("t4", g, c)] = t4[k]
			k++
		}
	}
	for id, w := range want {
		got, ok := res.Cells[id]
		switch {
		case !ok:
			t.Errorf("%s: missing", id)
		case w == "":
			if got.Value != nil {
				t.Errorf("%s = %v, want blank", id, *got.Value)
			}
		case got.Value == nil:
			t.Errorf("%s unknown, want %s", id, w)
		case strconv.FormatFloat(*got.Value, 'f', -1, 64) != w:
			t.Errorf("%s = %v, want %s", id, *got.Value, w)
		}
	}
}
