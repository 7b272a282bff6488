package rules

import (
	"strings"
	"testing"
)

// shanghai2019 is a report in the 2019 trial format that, like a real 上海 report,
// leaves every zero blank (the numbers are made up): 表三 has 107 blank cells.
const shanghai2019 = `上海市临江区人民政府办公室2019年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》编制。报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。
一、总体情况
2019年，区政府办公室认真贯彻落实新修订的《条例》，全年共受理政府信息公开申请416件，上年结转9件，办结385件。
二、主动公开政府信息情况
第二十条第（一）项 | | | |
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
规章 | | | |
规范性文件 | 5 | 5 | 88 |
第二十条第（五）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 26 | | 1520 |
其他对外管理服务事项 | 4 | | 96 |
第二十条第（六）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政处罚 | 12 | | 310 |
行政强制 | | | |
第二十条第（八）项 | | | |
信息内容 | 上一年项目数量 | 本年增/减 | |
行政事业性收费 | 3 | | |
第二十条第（九）项 | | | |
信息内容 | 采购项目数量 | 采购总金额 | |
政府集中采购 | 41 | 2356.7 | |
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |
| 自然人 | 法人或其他组织 | | | | | 总计 |
| | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |
一、本年新收政府信息公开申请数量 | 398 | 12 | | | 6 | | 416 |
二、上年结转政府信息公开申请数量 | 9 | | | | | | 9 |
三、本年度办理结果 | （一）予以公开 | 150 | 5 | | | 2 | | 157 |
（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 40 | 1 | | | | | 41 |
（三）不予公开 | 1.属于国家秘密 | | | | | | | |
2.其他法律行政法规禁止公开 | 3 | | | | | | 3 |
3.危及“三安全一稳定” | | | | | | | |
4.保护第三方合法权益 | 12 | | | | | | 12 |
5.属于三类内部事务信息 | 8 | | | | 1 | | 9 |
6.属于四类过程性信息 | 10 | | | | | | 10 |
7.属于行政执法案卷 | 2 | | | | | | 2 |
8.属于行政查询事项 | 15 | 1 | | | | | 16 |
（四）无法提供 | 1.本机关不掌握相关政府信息 | 90 | 2 | | | 2 | | 94 |
2.没有现成信息需要另行制作 | 5 | | | | | | 5 |
3.补正后申请内容仍不明确 | 6 | | | | | | 6 |
（五）不予处理 | 1.信访举报投诉类申请 | 14 | | | | | | 14 |
2.重复申请 | 7 | 1 | | | | | 8 |
3.要求提供公开出版物 | | | | | | | |
4.无正当理由大量反复申请 | 3 | | | | | | 3 |
5.要求行政机关确认或重新出具已获取信息 | 2 | | | | | | 2 |
（六）其他处理 | 3 | | | | | | 3 |
（七）总计 | 370 | 10 | | | 5 | | 385 |
四、结转下年度继续办理 | 37 | 2 | | | 1 | | 40 |
四、政府信息公开行政复议、行政诉讼情况
行政复议 | | | | | 行政诉讼 | | | | | | | | | |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 5 | 1 | | 2 | 8 | 1 | | | | 1 | | | | | |
五、存在的主要问题及改进情况
一是部分申请的答复文书说理不够充分；二是依申请公开转主动公开的工作机制有待完善。下一步，区政府办公室将加强答复文书审核，完善依申请公开转主动公开的工作流程。
六、其他需要报告的事项
本年度未收取政府信息公开费用。
上海市临江区人民政府办公室
2020年3月20日
`

// blankAndIdentities runs the blank and identity rules over a text and returns their
// findings as "rule|severity|message".
func blankAndIdentities(t *testing.T, text string) []string {
	t.Helper()
	rep := readReport(t, text)
	if rep.Template != "2019" {
		t.Fatalf("template %s, want 2019", rep.Template)
	}
	var got []string
	for _, id := range []string{"cell.blank", "t3.balance", "t3.outcomes", "t3.rowsum", "t4.total", "t2.valid"} {
		r := Lookup(id)
		r.Run(&Pass{Report: rep, Rule: r})
	}
	for _, f := range rep.Findings {
		if f.Origin == "report" {
			got = append(got, f.Rule+"|"+f.Severity+"|"+f.Message)
		}
	}
	return got
}

// Every zero left blank: one finding per table, and every identity checked under the
// stated assumption that a blank means 0, which holds here: notes, no error.
func TestBlankZeros2019(t *testing.T) {
	got := blankAndIdentities(t, shanghai2019)
	want := []string{
		"cell.blank|warning|表二有 10 个空白单元格（共 22 格）：空白不等于 0，没有数据的格应填 0",
		"cell.blank|warning|表三有 107 个空白单元格（共 161 格）：空白不等于 0，没有数据的格应填 0；用到空白格的勾稽关系已按“空白为 0”的假设核对，见各项结果",
		"cell.blank|warning|表四有 9 个空白单元格（共 15 格）：空白不等于 0，没有数据的格应填 0；用到空白格的勾稽关系已按“空白为 0”的假设核对，见各项结果",
		"t3.balance|info|若空白按 0 计：表三「商业企业」列：一(12)+二(空白)=12，三(七)(10)+四(2)=12，成立（共 5 处表三收支平衡按此成立）。空白不等于 0，这只是按假设核对，并非确证",
		"t3.outcomes|info|若空白按 0 计：表三「总计」列：三(七)(385)，各项办理结果之和：予以公开(157)+部分公开(41)+其他法律行政法规禁止公开(3)+保护第三方合法权益(12)+属于三类内部事务信息(9)+属于四类过程性信息(10)+属于行政执法案卷(2)+属于行政查询事项(16)+本机关不掌握相关政府信息(94)+没有现成信息需要另行制作(5)+补正后申请内容仍不明确(6)+信访举报投诉类申请(14)+重复申请(8)+无正当理由大量反复申请(3)+要求行政机关确认或重新出具已获取信息(2)+其他处理(3)=385，成立（共 7 处表三办理结果合计按此成立）。空白不等于 0，这只是按假设核对，并非确证",
		"t3.rowsum|info|若空白按 0 计：表三「总计」行：总计(385)，自然人(370)+商业企业(10)+科研机构(空白)+社会公益组织(空白)+法律服务机构(5)+其他(空白)=385，成立（共 23 处表三横向合计按此成立）。空白不等于 0，这只是按假设核对，并非确证",
		"t4.total|info|若空白按 0 计：表四「行政复议」组：总计(8)，结果维持(5)+结果纠正(1)+其他结果(空白)+尚未审结(2)=8，成立（共 3 处表四合计按此成立）。空白不等于 0，这只是按假设核对，并非确证",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// One number wrong among the blanks: the identities that fail if a blank means 0 are
// the report's errors, and say so.
func TestBlankZeros2019Wrong(t *testing.T) {
	text := strings.Replace(shanghai2019, "四、结转下年度继续办理 | 37 | 2 |", "四、结转下年度继续办理 | 37 | 3 |", 1)
	var errs []string
	for _, f := range blankAndIdentities(t, text) {
		if strings.Contains(f, "|error|") {
			errs = append(errs, f)
		}
	}
	want := []string{
		"t3.balance|error|若空白按 0 计：表三「商业企业」列：一(12)+二(空白)=12，三(七)(10)+四(3)=13，12 ≠ 13，差 1（表三 二、上年结转政府信息公开申请数量 · 商业企业 为空白，填 1 则成立，疑似漏填）",
		"t3.rowsum|error|若空白按 0 计：表三「结转下年度继续办理」行：总计(40)，自然人(37)+商业企业(3)+科研机构(空白)+社会公益组织(空白)+法律服务机构(1)+其他(空白)=41，40 ≠ 41，差 1（空白不等于 0：或者合计有误，或者空白处漏填了数字）",
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(errs, "\n     "), strings.Join(want, "\n     "))
	}
}
