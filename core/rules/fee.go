package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strings"
	"unicode/utf8"

	"nianbao/core/internal/lazy"
	"nianbao/core/prose"
	"nianbao/core/report"
)

var ruleTextFee = &Rule{
	ID: "text.fee", Title: "信息处理费说法矛盾", Group: GroupText, Severity: "error", Run: runFee,
	Doc: `表三“申请人逾期未按收费通知要求缴纳费用”大于 0，正文却称没有发出过收费通知。
该行计的是发出收费通知后申请人逾期未缴费的申请，大于 0 即说明发过收费通知（国办函〔2020〕109号）。
正文只说“未收取信息处理费”并不矛盾：申请人未缴费，自然没有收到费用，此时不报。`,
}

var _ = register(ruleTextFee)

// "未发出收费通知", "未向申请人出具缴费通知书", "无收费通知", "收费通知0份"; not "未按收费通知"
var reNoNotice = lazy.Regexp(`(未|没有|不曾)(向[^,;。]{0,8}?)?(发出|出具|开具|下发|送达|制发|发送|产生|发放)[^,;。]{0,8}?(收费通知|缴费通知)|无[^,;。按]{0,4}(收费通知|缴费通知)|(收费通知|缴费通知)书?[^,;。]{0,6}?(0|零)\s*(件|份|次|个)`)

func runFee(p *Pass) {
	rep := p.Report
	c := rep.Cells["t3.other.nofee.total"]
	if !c.Known() || *c.Value <= 0 {
		return
	}
	d := prose.Of(rep)
	// every match names a notice and holds none of ",;。": only the clauses from the
	// first mention of a notice to the last can hold one, and the engine, with no
	// literal to look for first, need not run over the rest
	lo, hi, ok := keywordClauses(d.S, ",;。", "收费通知", "缴费通知")
	if !ok {
		return
	}
	for _, m := range reNoNotice().FindAllStringIndex(d.S[lo:hi], -1) {
		m[0], m[1] = m[0]+lo, m[1]+lo
		start, end := d.Span(m[0], m[1])
		p.Reportf(report.Finding{Start: start, End: end, Cells: []string{c.ID},
			Message: fmt.Sprintf("正文称“%s”，但表三“申请人逾期未按收费通知要求缴纳费用”总计为 %s 件，说明发出过收费通知", d.S[m[0]:m[1]], num(*c.Value))})
	}
}

// keywordClauses returns the part of s from the start of the clause (delimited by
// the characters of delims) holding the first of words to the end of the clause
// holding the last; ok is false when none of words occurs. A pattern whose every
// match holds one of words and none of delims finds the same matches there as in s,
// when it has no anchors.
func keywordClauses(s, delims string, words ...string) (lo, hi int, ok bool) {
	first, last := len(s), -1
	for _, w := range words {
		if i := cjk.Index(s, w); i >= 0 {
			first = min(first, i)
			last = max(last, strings.LastIndex(s, w)+len(w))
		}
	}
	if last < 0 {
		return 0, 0, false
	}
	lo = strings.LastIndexAny(s[:first], delims) + 1
	if lo > 0 {
		_, w := utf8.DecodeRuneInString(s[lo-1:])
		lo += w - 1 // past the whole of a multi-byte delimiter
	}
	hi = len(s)
	if i := strings.IndexAny(s[last:], delims); i >= 0 {
		hi = last + i
	}
	return lo, hi, true
}
