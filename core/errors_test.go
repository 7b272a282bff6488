package core

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// mutate returns a copy of the sample with some cells changed: "t3.<row>.<col index>"
// or "t4.<index>" or "t2.<row>.<index>" -> new text ("" for blank).
func mutate(changes map[string]string) (map[string][]string, map[string][]string, []string) {
	t2 := map[string][]string{}
	for k, v := range sample.t2 {
		t2[k] = append([]string{}, v...)
	}
	t3 := map[string][]string{}
	for k, v := range sample.t3 {
		t3[k] = append([]string{}, v...)
	}
	t4 := append([]string{}, sample.t4...)
	for k, v := range changes {
		parts := strings.Split(k, ".")
		idx := func(s string) int {
			n := 0
			for _, c := range s {
				n = n*10 + int(c-'0')
			}
			return n
		}
		switch parts[0] {
		case "t4":
			t4[idx(parts[1])] = v
		case "t2":
			t2[parts[1]][idx(parts[2])] = v
		case "t3":
			row := strings.Join(parts[1:len(parts)-1], ".")
			t3[row][idx(parts[len(parts)-1])] = v
		}
	}
	return t2, t3, t4
}

// TestVariants reads the local variants of 表三: a 法人或其他组织 subtotal column, subtotal
// rows for the groups, and the table's header repeated after a page break.
func TestVariants(t *testing.T) {
	base := render(layouts["pipe"], sample.t2, sample.t3, sample.t4)
	t.Run("subtotal rows", func(t *testing.T) {
		text := base
		for _, g := range []struct{ label, row string }{{"（三）不予公开", "denied.secret"}, {"（四）无法提供", "unable.nothold"}, {"（五）不予处理", "reject.petition"}} {
			sums := map[string][]string{"denied.secret": {"176", "2", "0", "0", "0", "0", "178"}, "unable.nothold": {"758", "12", "0", "0", "10", "1", "781"}, "reject.petition": {"82", "6", "0", "0", "0", "0", "88"}}[g.row]
			text = strings.Replace(text, g.label+" | ", g.label+" | "+strings.Join(sums, " | ")+" |\n", 1)
		}
		res := Check([]byte(text), Options{})
		assertSample(t, res, sample.t2, sample.t3, sample.t4)
		if v := res.Cells["t3.denied.total"].Value; v == nil || *v != 178 {
			t.Errorf("t3.denied.total = %v, want 178", v)
		}
		for _, f := range res.Findings {
			if tableRule(f.Rule) && f.Severity != "info" {
				t.Errorf("unexpected %s: %s", f.Rule, f.Message)
			}
		}
		// a subtotal that does not add up is the report's error
		bad := strings.Replace(text, "（三）不予公开 | 176 | 2 |", "（三）不予公开 | 175 | 2 |", 1)
		res = Check([]byte(bad), Options{})
		if !slices.ContainsFunc(res.Findings, func(f Finding) bool {
			return f.Rule == "t3.outcomes" && strings.Contains(f.Message, "「自然人」列：(三)不予公开小计(175)")
		}) {
			t.Errorf("no t3.outcomes finding for the subtotal: %v", res.Findings)
		}
	})
	t.Run("subtotal column", func(t *testing.T) {
		t3 := map[string][]string{}
		for row, v := range sample.t3 {
			var sub int
			for _, x := range v[1:6] {
				n := 0
				for _, c := range x {
					n = n*10 + int(c-'0')
				}
				sub += n
			}
			t3[row] = append([]string{v[0], strconv.Itoa(sub)}, v[1:]...)
		}
		text := render(layouts["tabs"], sample.t2, t3, sample.t4)
		res := Check([]byte(text), Options{})
		assertSample(t, res, sample.t2, sample.t3, sample.t4)
		if v := res.Cells["t3.new.legalsum"].Value; v == nil || *v != 118 {
			t.Errorf("t3.new.legalsum = %v, want 118", v)
		}
		if !slices.Contains(res.Variant, "表三另有“法人或其他组织”小计列") {
			t.Errorf("variant not reported: %v", res.Variant)
		}
	})
	t.Run("header repeated after a page break", func(t *testing.T) {
		text := strings.Replace(base, "1.本机关不掌握相关政府信息", "-4-\f自然人 | 法人或其他组织 | 总计\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他\n（四）无法提供 | 1.本机关不掌握相关政府信息", 1)
		text = strings.Replace(text, "（四）无法提供 | （四）无法提供", "（四）无法提供", 1)
		res := Check([]byte(text), Options{})
		assertSample(t, res, sample.t2, sample.t3, sample.t4)
	})
}

// TestReportErrors plants one error of each kind and asserts exactly what is said.
func TestReportErrors(t *testing.T) {
	cases := []struct {
		name    string
		layout  string
		changes map[string]string
		edit    func(string) string // a change to the text itself
		want    []string            // "rule|severity|message" of every finding above info
	}{
		{
			name: "I1 carry-over one too many", layout: "spaces",
			changes: map[string]string{"t3.carryover.0": "104", "t3.carryover.6": "104"},
			want: []string{
				"t3.balance|error|表三「自然人」列：一(3001)+二(34)=3035，三(七)(2932)+四(104)=3036，3035 ≠ 3036，差 1",
				"t3.balance|error|表三「总计」列：一(3119)+二(34)=3153，三(七)(3050)+四(104)=3154，3153 ≠ 3154，差 1",
			},
		},
		{
			name: "I2 outcomes over-count the total", layout: "pipe",
			changes: map[string]string{"t3.granted.0": "1290", "t3.granted.6": "1364"},
			want: []string{
				"t3.outcomes|error|表三「自然人」列：三(七)(2932)，各项办理结果之和：予以公开(1290)+部分公开(447)+属于国家秘密(2)+其他法律行政法规禁止公开(30)+危及“三安全一稳定”(5)+保护第三方合法权益(6)+属于三类内部事务信息(7)+属于四类过程性信息(12)+属于行政执法案卷(9)+属于行政查询事项(105)+本机关不掌握相关政府信息(746)+没有现成信息需要另行制作(11)+补正后申请内容仍不明确(1)+信访举报投诉类申请(56)+重复申请(25)+要求行政机关确认或重新出具已获取信息(1)+申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请(67)+申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请(6)+其他(108)=2934，2932 ≠ 2934，差 2",
				"t3.outcomes|error|表三「总计」列：三(七)(3050)，各项办理结果之和：予以公开(1364)+部分公开(454)+属于国家秘密(2)+其他法律行政法规禁止公开(31)+危及“三安全一稳定”(5)+保护第三方合法权益(6)+属于三类内部事务信息(8)+属于四类过程性信息(12)+属于行政执法案卷(9)+属于行政查询事项(105)+本机关不掌握相关政府信息(769)+没有现成信息需要另行制作(11)+补正后申请内容仍不明确(1)+信访举报投诉类申请(62)+重复申请(25)+要求行政机关确认或重新出具已获取信息(1)+申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请(71)+申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请(6)+其他(110)=3052，3050 ≠ 3052，差 2",
			},
		},
		{
			name: "I3 row total off by one", layout: "tabs",
			changes: map[string]string{"t3.new.6": "3120"},
			want: []string{
				"t3.balance|error|表三「总计」列：一(3120)+二(34)=3154，三(七)(3050)+四(103)=3153，3154 ≠ 3153，差 1",
				"t3.rowsum|error|表三「本年新收政府信息公开申请数量」行：总计(3120)，自然人(3001)+商业企业(53)+科研机构(0)+社会公益组织(0)+法律服务机构(61)+其他(4)=3119，3120 ≠ 3119，差 1",
			},
		},
		{
			name: "I4 review total left 0", layout: "cell-per-line",
			changes: map[string]string{"t4.4": "0"},
			want: []string{
				"t4.total|error|表四「行政复议」组：总计(0)，结果维持(72)+结果纠正(64)+其他结果(178)+尚未审结(37)=351，0 ≠ 351，差 351",
			},
		},
		{
			name: "blank 总计 column", layout: "pipe",
			changes: blankColumn(6),
			// one finding for the blank cells, one for the identities that fail if a
			// blank means 0: the totals are missing, whatever the blanks were meant to say
			want: []string{
				"cell.blank|warning|表三有 25 个空白单元格，都在「总计」列：空白不等于 0，没有数据的格应填 0；用到空白格的勾稽关系已按“空白为 0”的假设核对，见各项结果",
				"t3.rowsum|error|若空白按 0 计：表三横向合计有 23 处不成立，如表三「本年新收政府信息公开申请数量」行：总计(空白)，自然人(3001)+商业企业(53)+科研机构(0)+社会公益组织(0)+法律服务机构(61)+其他(4)=3119，0 ≠ 3119，差 3119；这 23 处都是合计为空白而分项不为 0，疑似合计漏填",
			},
		},
		{
			name: "blank cells in space-aligned columns", layout: "spaces",
			changes: map[string]string{"t3.carried.3": "", "t3.granted.6": ""},
			want: []string{
				"cell.blank|warning|表三有 2 个空白单元格（二、上年结转政府信息公开申请数量 · 社会公益组织、（一）予以公开 · 总计）：空白不等于 0，没有数据的格应填 0；用到空白格的勾稽关系已按“空白为 0”的假设核对，见各项结果",
				"t3.outcomes|error|若空白按 0 计：表三「总计」列：三(七)(3050)，各项办理结果之和：部分公开(454)+属于国家秘密(2)+其他法律行政法规禁止公开(31)+危及“三安全一稳定”(5)+保护第三方合法权益(6)+属于三类内部事务信息(8)+属于四类过程性信息(12)+属于行政执法案卷(9)+属于行政查询事项(105)+本机关不掌握相关政府信息(769)+没有现成信息需要另行制作(11)+补正后申请内容仍不明确(1)+信访举报投诉类申请(62)+重复申请(25)+要求行政机关确认或重新出具已获取信息(1)+申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请(71)+申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请(6)+其他(110)=1688，3050 ≠ 1688，差 1362（表三 （一）予以公开 · 总计 为空白，填 1362 则成立，疑似漏填）",
				"t3.rowsum|error|若空白按 0 计：表三「予以公开」行：总计(空白)，自然人(1288)+商业企业(21)+科研机构(0)+社会公益组织(0)+法律服务机构(50)+其他(3)=1362，0 ≠ 1362，差 1362（表三 （一）予以公开 · 总计 为空白，填 1362 则成立，疑似漏填）",
			},
		},
		{
			name: "label typo 预期", layout: "blank-lines",
			edit: func(s string) string {
				return strings.Replace(s, "无正当理由逾期不补正", "无正当理由预期不补正", 1)
			},
			want: []string{
				"label.altered|warning|表三标签“1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请”与模板“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”不一致：“预”应为“逾”",
			},
		},
		{
			name: "a label cut short in a pipe row", layout: "pipe",
			edit: func(s string) string {
				return strings.Replace(s, "2.没有现成信息需要另行制作", "另行制作", 1)
			},
			want: []string{
				"label.altered|warning|表三标签“另行制作”与模板“2.没有现成信息需要另行制作”不一致：漏了“没有现成信息需要”",
			},
		},
		{
			name: "negative and fractional counts", layout: "spaces",
			changes: map[string]string{"t2.penalty.0": "-3", "t3.reject.publication.0": "0.5", "t3.reject.publication.6": "0.5"},
			want: []string{
				"cell.invalid|error|表二 行政处罚 · 本年处理决定数量 填写为“-3”：不能为负数",
				"cell.invalid|error|表三 3.要求提供公开出版物 · 自然人 填写为“0.5”：件数应为整数",
				"cell.invalid|error|表三 3.要求提供公开出版物 · 总计 填写为“0.5”：件数应为整数",
				"t3.outcomes|error|表三「自然人」列：三(七)(2932)，各项办理结果之和：予以公开(1288)+部分公开(447)+属于国家秘密(2)+其他法律行政法规禁止公开(30)+危及“三安全一稳定”(5)+保护第三方合法权益(6)+属于三类内部事务信息(7)+属于四类过程性信息(12)+属于行政执法案卷(9)+属于行政查询事项(105)+本机关不掌握相关政府信息(746)+没有现成信息需要另行制作(11)+补正后申请内容仍不明确(1)+信访举报投诉类申请(56)+重复申请(25)+要求提供公开出版物(0.5)+要求行政机关确认或重新出具已获取信息(1)+申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请(67)+申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请(6)+其他(108)=2932.5，2932 ≠ 2932.5，差 0.5",
				"t3.outcomes|error|表三「总计」列：三(七)(3050)，各项办理结果之和：予以公开(1362)+部分公开(454)+属于国家秘密(2)+其他法律行政法规禁止公开(31)+危及“三安全一稳定”(5)+保护第三方合法权益(6)+属于三类内部事务信息(8)+属于四类过程性信息(12)+属于行政执法案卷(9)+属于行政查询事项(105)+本机关不掌握相关政府信息(769)+没有现成信息需要另行制作(11)+补正后申请内容仍不明确(1)+信访举报投诉类申请(62)+重复申请(25)+要求提供公开出版物(0.5)+要求行政机关确认或重新出具已获取信息(1)+申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请(71)+申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请(6)+其他(110)=3050.5，3050 ≠ 3050.5，差 0.5",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t2, t3, t4 := mutate(tc.changes)
			text := render(layouts[tc.layout], t2, t3, t4)
			if tc.edit != nil {
				text = tc.edit(text)
			}
			res := Check([]byte(text), Options{})
			assertSample(t, res, t2, t3, t4) // errors or not, every cell reads as written
			var got []string
			for _, f := range res.Findings {
				if f.Severity != "info" && tableRule(f.Rule) {
					got = append(got, f.Rule+"|"+f.Severity+"|"+f.Message)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
			if len(tc.want) > 0 && tc.want[0][:2] != "ce" && tc.want[0][:2] != "la" && res.Summary.Errors == 0 {
				t.Errorf("summary counts no errors")
			}
		})
	}
}

func blankColumn(col int) map[string]string {
	out := map[string]string{}
	for row := range sample.t3 {
		out["t3."+row+"."+string(rune('0'+col))] = ""
	}
	return out
}

// tableRule reports the rules about reading and checking the tables, which these cases
// exercise; the prose rules have tests of their own.
func tableRule(rule string) bool {
	for _, p := range []string{"t2.", "t3.", "t4.", "cell.", "label.", "read."} {
		if strings.HasPrefix(rule, p) {
			return true
		}
	}
	return false
}
