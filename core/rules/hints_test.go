package rules

import (
	"strings"
	"testing"
)

// t3Spaces is 表三 of a small 2021 report in space-aligned columns, as text copied
// from a PDF looks: 15 new and 1 carried, 16 answered.
const t3Spaces = `三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）    申请人情况
                                   自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计
一、本年新收政府信息公开申请数量          12         3          0            0             0        0     15
二、上年结转政府信息公开申请数量          1          0          0            0             0        0     1
（一）予以公开                            10         2          0            0             0        0     12
（二）部分公开                            1          0          0            0             0        0     1
1.属于国家秘密                            0          0          0            0             0        0     0
2.其他法律行政法规禁止公开                0          0          0            0             0        0     0
3.危及“三安全一稳定”                      0          0          0            0             0        0     0
4.保护第三方合法权益                      0          0          0            0             0        0     0
5.属于三类内部事务信息                    0          0          0            0             0        0     0
6.属于四类过程性信息                      0          0          0            0             0        0     0
7.属于行政执法案卷                        0          0          0            0             0        0     0
8.属于行政查询事项                        0          0          0            0             0        0     0
1.本机关不掌握相关政府信息                2          1          0            0             0        0     3
2.没有现成信息需要另行制作                0          0          0            0             0        0     0
3.补正后申请内容仍不明确                  0          0          0            0             0        0     0
1.信访举报投诉类申请                      0          0          0            0             0        0     0
2.重复申请                                0          0          0            0             0        0     0
3.要求提供公开出版物                      0          0          0            0             0        0     0
4.无正当理由大量反复申请                  0          0          0            0             0        0     0
5.要求行政机关确认或重新出具已获取信息    0          0          0            0             0        0     0
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请    0   0   0   0   0   0   0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请    0   0   0   0   0   0   0
3.其他                                    0          0          0            0             0        0     0
（七）总计                                13         3          0            0             0        0     16
四、结转下年度继续办理                    0          0          0            0             0        0     0
`

var hintCases = []ruleCase{
	{name: "swap: one application under the wrong kind of applicant", rule: "t3.swap",
		text: strings.Replace(t3Spaces, "12         3          0", "11         4          0", 1),
		want: []want{{sev: "info", msg: []string{"表三收支平衡：「商业企业」列 一+二 比 三(七)+四 多 1，「自然人」列少 1，而「总计」列成立：疑似申请人类型归类错误"}}}},
	{name: "swap: near miss, the 总计 column off too", rule: "t3.swap",
		text: strings.Replace(t3Spaces, "12         3          0            0             0        0     15", "11         4          0            0             0        0     16", 1),
		want: nil},
	{name: "swap: near miss, two columns off the same way", rule: "t3.swap",
		text: strings.Replace(t3Spaces, "12         3          0            0             0        0     15", "13         4          0            0             0        0     15", 1),
		want: nil},
	{name: "digits: 12 printed as 1 2", rule: "read.digits",
		text: strings.Replace(t3Spaces, "12         3          0", "1 2        3          0", 1),
		want: []want{{sev: "info", origin: "reader", at: "1 2", msg: []string{"表三“一、本年新收政府信息公开申请数量”行读到的“1 2 3 0 0 0 0 15”比模板多一个值；把相邻的“1 2”合为“12”后，该行的合计关系成立", "疑似数字被拆开"}}}},
	{name: "digits: near miss, no merge makes the sums hold", rule: "read.digits",
		text: strings.Replace(t3Spaces, "12         3          0", "1 2        4          0", 1),
		want: nil},
}

func TestHints(t *testing.T) {
	for _, c := range hintCases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}
