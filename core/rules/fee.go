package rules

import (
	"fmt"
	"regexp"

	"nianbao/core/prose"
	"nianbao/core/report"
)

var _ = register(&Rule{
	ID: "text.fee", Title: "信息处理费说法矛盾", Group: GroupText, Severity: "error", Run: runFee,
	Doc: `表三“申请人逾期未按收费通知要求缴纳费用”大于 0，正文却称没有发出过收费通知。
该行计的是发出收费通知后申请人逾期未缴费的申请，大于 0 即说明发过收费通知（国办函〔2020〕109号）。
正文只说“未收取信息处理费”并不矛盾：申请人未缴费，自然没有收到费用，此时不报。`,
})

// "未发出收费通知", "未向申请人出具缴费通知书", "无收费通知", "收费通知0份"; not "未按收费通知"
var reNoNotice = regexp.MustCompile(`(未|没有|不曾)(向[^,;。]{0,8}?)?(发出|出具|开具|下发|送达|制发|发送|产生|发放)[^,;。]{0,8}?(收费通知|缴费通知)|无[^,;。按]{0,4}(收费通知|缴费通知)|(收费通知|缴费通知)书?[^,;。]{0,6}?(0|零)\s*(件|份|次|个)`)

func runFee(p *Pass) {
	rep := p.Report
	c := rep.Cells["t3.other.nofee.total"]
	if !c.Known() || *c.Value <= 0 {
		return
	}
	d := prose.Of(rep)
	for _, m := range reNoNotice.FindAllStringIndex(d.S, -1) {
		start, end := d.Span(m[0], m[1])
		p.Reportf(report.Finding{Start: start, End: end, Cells: []string{c.ID},
			Message: fmt.Sprintf("正文称“%s”，但表三“申请人逾期未按收费通知要求缴纳费用”总计为 %s 件，说明发出过收费通知", d.S[m[0]:m[1]], num(*c.Value))})
	}
}
