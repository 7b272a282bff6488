package rules

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"nianbao/core/prose"
	"nianbao/core/report"
)

var ruleTextPercent = &Rule{
	ID: "text.percent", Title: "正文百分比算错", Group: GroupText, Severity: "warning", Run: runTextPercent,
	Doc: `正文由表格数字算出的百分比与重新计算的结果不符。
例如“予以公开及部分公开258件，占33.9%”：分子取正文的数字，分母依次试表格中可能的总数（办理结果总计、
本年新收申请数、新收与结转之和、行政复议或诉讼总计）和同一段落中正文先前给出的总数，任一种算法与所写的
百分比在四舍五入或截断的误差内相符即不报。分母是推断的，故为警告。`,
}

var _ = register(ruleTextPercent)

// denominators: the totals a share of a topic may be taken of, in the 2019/2021 tables
// and in the statistics table (as readings are written: text_table.go).
var newDenominators = sync.OnceValue(func() map[string][]reading {
	return parseReadings(`
t3 | 表三办理结果总计 | t3.total.total
t3 | 表三本年新收申请数 | t3.new.total
t3 | 表三本年新收与上年结转之和 | t3.new.total t3.carried.total
new | 表三本年新收申请数 | t3.new.total
review | 表四行政复议总计 | t4.review.total
suit | 表四行政诉讼总计 | t4.suit.total t4.suitafter.total
`, false)
})

var statsDenominators = sync.OnceValue(func() map[string][]reading {
	return parseReadings(`
t3 | - | answered
t3 | - | done
t3 | - | received
new | - | received
review | - | review
suit | - | suit
published | - | published
`, true)
})

// denominatorGroup names the totals a topic's share is taken of.
func denominatorGroup(topic string) string {
	switch {
	case strings.HasPrefix(topic, "received."):
		return "new"
	case strings.HasPrefix(topic, "review."):
		return "review"
	case strings.HasPrefix(topic, "suit."):
		return "suit"
	case strings.HasPrefix(topic, "channel."), topic == "published.normative":
		return "published"
	}
	switch topic {
	case "granted", "partial", "granted+partial", "denied", "unable", "unable.nothold", "reject", "otherhandle", "carryover", "answered.ontime", "answered.late":
		return "t3"
	}
	return ""
}

func runTextPercent(p *Pass) {
	rep := p.Report
	denoms := newDenominators()
	switch rep.Template {
	case "stats":
		denoms = statsDenominators()
	case "2019", "2021":
	default:
		return
	}
	d := prose.Of(rep)
	sts, pcts := d.Statements(rep.Year)
	first := len(rep.Findings)
	for _, pc := range pcts {
		if pc.Of < 0 || len(rep.Findings)-first >= maxFindings {
			continue
		}
		st := sts[pc.Of]
		if st.Approx {
			continue
		}
		var cands []float64
		var names []string
		for _, r := range denoms[denominatorGroup(st.Topic)] {
			if v, ok := r.value(rep); ok && v > 0 {
				cands, names = append(cands, v), append(names, r.label(rep))
			}
		}
		// a total the same paragraph gave before: "收到申请100件……其中予以公开60件，占60%"
		para := d.ParaOf(st.Start)
		for k := pc.Of - 1; k >= 0; k-- {
			o := sts[k]
			if d.ParaOf(o.Start) != para {
				break
			}
			if o.Kind == "" && o.Value > st.Value && !o.Approx {
				cands, names = append(cands, o.Value), append(names, "正文前述“"+d.Quote(o)+"”")
			}
		}
		if len(cands) == 0 {
			continue
		}
		agree := false
		for _, c := range cands {
			if sharesAgree(st.Value, c, pc) {
				agree = true
				break
			}
		}
		// the share agrees with the table's own count: the count in the prose is the
		// error, and text.table says so
		if !agree {
			if rs := readingsFor(rep)[st.Topic]; len(rs) > 0 {
				if tv, ok := rs[0].value(rep); ok {
					for _, c := range cands {
						agree = agree || sharesAgree(tv, c, pc)
					}
				}
			}
		}
		if agree {
			continue
		}
		want := st.Value / cands[0] * 100
		msg := fmt.Sprintf("正文称“%s”占 %s%%，按%s %s 计算应为 %s%%", d.Quote(st), num(pc.Value), names[0], num(cands[0]), fmt.Sprintf("%.*f", max(pc.Decimals, 1), want))
		for k := 1; k < len(cands) && k < 3; k++ {
			msg += fmt.Sprintf("（按%s %s 计算为 %.*f%%）", names[k], num(cands[k]), max(pc.Decimals, 1), st.Value/cands[k]*100)
		}
		start, end := d.Span(pc.Start, pc.End)
		p.Reportf(report.Finding{Message: msg, Start: start, End: end})
	}
}

// sharesAgree reports whether n/total, as a percentage, rounds or truncates to the
// printed share.
func sharesAgree(n, total float64, pc prose.Percent) bool {
	if total <= 0 {
		return false
	}
	c := n / total * 100
	u := math.Pow(10, -float64(pc.Decimals))
	return c >= pc.Value-u/2-1e-9 && c < pc.Value+u+1e-9
}
