package rules

import (
	"fmt"
	"math"
	"nianbao/core/internal/cjk"
	"strings"
	"sync"

	"nianbao/core/prose"
	"nianbao/core/report"
	"nianbao/core/stats"
)

var ruleTextTable = &Rule{
	ID: "text.table", Title: "正文与表格不符", Group: GroupText, Severity: "error", Run: runTextTable,
	Doc: `正文中陈述的数字与表格中的同一数字不一致。
正文常把表格里的数字再说一遍（“共收到政府信息公开申请8件”“主动公开信息300条”“未收到……申请”“行政复议……均获维持”），
评议中最容易发现的错误就在这里。每一处陈述都与表格核对，而不只是第一处。不带数字的说法也核对：
“未收到……申请”按本年新收 0 件，“未发生行政复议、行政诉讼”按表四总计 0，“均获维持”按表四的结果，
“未被纠错”按表四结果纠正 0，“所有申请均已办结（答复）”按结转下年度继续办理 0（同一句说到结转、顺延的不算），
“未收取任何费用”按表二行政事业性收费金额 0（可能只指信息处理费，为警告）。措辞确定时为错误；措辞可能另有所指（“全区”“全市”口径、只在前一分句点明对象、
一句话可作几种理解）时为警告或提示；带“约”“余”“多”的概数、其他年度或“累计”“同比”等口径的数字不核对。`,
}

var _ = register(ruleTextTable)

// reading is a table quantity a statement may refer to: a sum of cells (2019/2021) or
// of statistics-table indicators.
type reading struct {
	name  string
	cells []string // cell ids, summed
	stats []string // indicator ids, summed
	money bool     // 万元
}

// newReadings: what a statement's topic refers to in the 2019 and 2021 tables, one
// reading a line: topic | name | cells (summed; "a.b.x|y" stands for a.b.x and a.b.y)
// [| money: in 万元]. The first reading of a topic is the one messages name; a
// statement agreeing with any is right. Kept as text, read on first use: a map literal
// is code, which the page compiles and runs before the checker is ready.
var newReadings = sync.OnceValue(func() map[string][]reading {
	return parseReadings(`
received | 表三“本年新收政府信息公开申请数量”总计 | t3.new.total
received | 本年新收与上年结转之和 | t3.new.total t3.carried.total
received | 表三“本年度办理结果”总计 | t3.total.total
received.natural | 表三本年新收申请中自然人一列 | t3.new.natural
received.legal | 表三本年新收申请中法人或其他组织各列之和 | t3.new.commercial|research|nonprofit|legal|otherorg
carried | 表三“上年结转政府信息公开申请数量”总计 | t3.carried.total
carryover | 表三“结转下年度继续办理”总计 | t3.carryover.total
answered | 表三“本年度办理结果”总计 | t3.total.total
granted | 表三“予以公开”总计 | t3.granted.total
partial | 表三“部分公开”总计 | t3.partial.total
granted+partial | 表三“予以公开”与“部分公开”总计之和 | t3.granted.total t3.partial.total
denied | 表三“不予公开”各项总计之和 | t3.denied.secret.total t3.denied.lawban.total t3.denied.safety.total t3.denied.thirdparty.total t3.denied.internal.total t3.denied.process.total t3.denied.enforcement.total t3.denied.query.total
unable | 表三“无法提供”各项总计之和 | t3.unable.nothold.total t3.unable.create.total t3.unable.unclear.total
unable.nothold | 表三“本机关不掌握相关政府信息”总计 | t3.unable.nothold.total
reject | 表三“不予处理”各项总计之和 | t3.reject.petition.total t3.reject.repeat.total t3.reject.publication.total t3.reject.massive.total t3.reject.confirm.total
otherhandle | 表三“其他处理”总计 | t3.other.nofix.total t3.other.nofee.total t3.other.else.total t3.other.total
review | 表四行政复议总计 | t4.review.total
review | 表四行政复议各项结果之和 | t4.review.upheld|corrected|other|pending
suit | 表四行政诉讼总计（未经复议直接起诉与复议后起诉之和） | t4.suit.total t4.suitafter.total
suit | 表四未经复议直接起诉总计 | t4.suit.total
suit | 表四行政诉讼各项结果之和 | t4.suit.upheld|corrected|other|pending t4.suitafter.upheld|corrected|other|pending
review+suit | 表四行政复议与行政诉讼总计之和 | t4.review.total t4.suit.total t4.suitafter.total
review.upheld | 表四行政复议结果维持 | t4.review.upheld
review.corrected | 表四行政复议结果纠正 | t4.review.corrected
review.other | 表四行政复议其他结果 | t4.review.other
review.pending | 表四行政复议尚未审结 | t4.review.pending
suit.upheld | 表四行政诉讼结果维持（两类起诉之和） | t4.suit.upheld t4.suitafter.upheld
suit.corrected | 表四行政诉讼结果纠正（两类起诉之和） | t4.suit.corrected t4.suitafter.corrected
suit.other | 表四行政诉讼其他结果（两类起诉之和） | t4.suit.other t4.suitafter.other
suit.pending | 表四行政诉讼尚未审结（两类起诉之和） | t4.suit.pending t4.suitafter.pending
review+suit.corrected | 表四行政复议与行政诉讼结果纠正之和 | t4.review.corrected t4.suit.corrected t4.suitafter.corrected
normative.issued | 表二行政规范性文件“本年制发件数” | t2.normative.issued
normative.issued | 表二规范性文件“本年新制作数量” | t2.normative.made
normative.issued | 表二规范性文件“本年新公开数量” | t2.normative.published
normative.repealed | 表二行政规范性文件“本年废止件数” | t2.normative.repealed
normative.valid | 表二行政规范性文件“现行有效件数” | t2.normative.valid
normative.valid | 表二规范性文件“对外公开总数量” | t2.normative.total
rules.issued | 表二规章“本年制发件数” | t2.rules.issued
rules.issued | 表二规章“本年新制作数量” | t2.rules.made
license | 表二行政许可“处理决定数量” | t2.license.decisions
penalty | 表二行政处罚“处理决定数量” | t2.penalty.decisions
coercion | 表二行政强制“处理决定数量” | t2.coercion.decisions
fees.amount | 表二行政事业性收费“本年收费金额” | t2.fees.amount | money
fees.any | 表二行政事业性收费“本年收费金额” | t2.fees.amount | money
`, false)
})

// statsReadings: what a statement's topic refers to in the 2008-2018 statistics table,
// in the same form, with indicator ids for cells and no names ("-").
var statsReadings = sync.OnceValue(func() map[string][]reading {
	return parseReadings(`
published | - | published
published.normative | - | published.normative
normative.issued | - | normative.issued
channel.website | - | channel.website
channel.website | - | published
channel.gazette | - | channel.gazette
channel.weibo | - | channel.weibo
channel.weixin | - | channel.weixin
received | - | received
received.inperson | - | received.inperson
received.online | - | received.online
received.letter | - | received.letter
received.fax | - | received.fax
answered | - | done
answered | - | answered
answered.ontime | - | done.ontime
answered.late | - | done.late
granted | - | answer.granted
granted | - | answer.granted answer.published
partial | - | answer.partial
granted+partial | - | answer.granted answer.partial
granted+partial | - | answer.granted answer.partial answer.published
denied | - | answer.denied
unable.nothold | - | answer.nothold
review | - | review
review.upheld | - | review.upheld
review.corrected | - | review.corrected
review.other | - | review.other
suit | - | suit
suit.upheld | - | suit.upheld
suit.corrected | - | suit.corrected
suit.other | - | suit.other
review+suit | - | review suit
infofee | - | fees | money
fees.any | - | fees | money
complaint | - | complaint
response.hot | - | response.hot
press | - | press
interview | - | interview
explain | - | explain
meetings | - | meetings
training | - | training
trainees | - | trainees
staff | - | staff
staff.full | - | staff.full
staff.part | - | staff.part
points | - | points
`, true)
})

// parseReadings reads a table of readings (see newReadings); stats says whether the
// ids are statistics-table indicators rather than cells.
func parseReadings(table string, stats bool) map[string][]reading {
	m := map[string][]reading{}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Split(line, " | ")
		if len(f) < 3 {
			panic("rules: bad reading " + line)
		}
		r := reading{name: strings.TrimSpace(strings.TrimPrefix(f[1], "-")), money: len(f) > 3 && f[3] == "money"}
		var ids []string
		for _, id := range strings.Fields(f[2]) {
			if j := strings.LastIndexByte(id, '.'); j >= 0 && cjk.Contains(id[j:], "|") {
				for _, last := range strings.Split(id[j+1:], "|") {
					ids = append(ids, id[:j+1]+last)
				}
				continue
			}
			ids = append(ids, id)
		}
		if stats {
			r.stats = ids
		} else {
			r.cells = ids
		}
		key := strings.TrimSpace(f[0])
		m[key] = append(m[key], r)
	}
	return m
}

// value evaluates a reading: its sum, and ok false when a part is unknown or the
// report has no such cell or indicator.
func (r reading) value(rep *report.Report) (float64, bool) {
	sum := 0.0
	if r.stats != nil {
		for _, id := range r.stats {
			i := stats.Find(rep.Stats, id)
			if i < 0 || len(rep.Stats[i].Values) == 0 || rep.Stats[i].Values[0] == nil {
				return 0, false
			}
			sum += *rep.Stats[i].Values[0]
		}
		return sum, true
	}
	n := 0
	for _, id := range r.cells {
		c, ok := rep.Cells[id]
		if !ok {
			continue // not in this report's variant of the template
		}
		if !c.Known() {
			return 0, false
		}
		sum += *c.Value
		n++
	}
	return sum, n > 0
}

// label names a reading in a message.
func (r reading) label(rep *report.Report) string {
	if r.name != "" {
		return r.name
	}
	var names []string
	for _, id := range r.stats {
		name := id
		if i := stats.Find(rep.Stats, id); i >= 0 {
			name = statName(rep.Stats[i])
		} else if in := stats.Lookup(id); in != nil {
			name = in.Name
		}
		names = append(names, name)
	}
	return "统计表“" + strings.Join(names, "”与“") + "”"
}

// statName is an entry's label without its numbering and notes.
func statName(s report.Stat) string {
	if in := stats.Lookup(s.ID); in != nil && s.ID != "" {
		return in.Name
	}
	return s.Label
}

func readingsFor(rep *report.Report) map[string][]reading {
	switch rep.Template {
	case "stats":
		return statsReadings()
	case "2019", "2021":
		return newReadings()
	}
	return nil
}

func runTextTable(p *Pass) {
	rep := p.Report
	readings := readingsFor(rep)
	if readings == nil {
		return
	}
	d := prose.Of(rep)
	sts, _ := d.Statements(rep.Year)
	first := len(rep.Findings)
	for _, st := range sts {
		if st.Approx {
			continue
		}
		if len(rep.Findings)-first >= maxFindings {
			return
		}
		if st.Kind == "all" {
			allUpheld(p, d, st)
			continue
		}
		rs := readings[st.Topic]
		if len(rs) == 0 {
			continue
		}
		var vals []float64
		var known []reading
		agree := false
		for _, r := range rs {
			v, ok := r.value(rep)
			if !ok {
				continue
			}
			if same(prosed(st, r), v, r.money) {
				agree = true
				break
			}
			vals, known = append(vals, v), append(known, r)
		}
		if agree || len(known) == 0 {
			continue
		}
		p.Reportf(tableFinding(rep, d, st, known, vals))
	}
}

// prosed returns a statement's value in the reading's unit (元 -> 万元).
func prosed(st prose.Statement, r reading) float64 {
	if r.money && st.Unit == "元" {
		return st.Value / 10000
	}
	return st.Value
}

func same(a, b float64, money bool) bool {
	if money {
		return math.Abs(a-b) < 0.0051
	}
	return math.Abs(a-b) < 1e-9
}

func tableFinding(rep *report.Report, d *prose.Doc, st prose.Statement, known []reading, vals []float64) report.Finding {
	r, v := known[0], vals[0]
	said := fmt.Sprintf("正文称“%s”", d.Quote(st))
	switch {
	case st.Kind == "none" && st.Means != "":
		said += "（" + st.Means + "）"
	case st.Kind == "none":
		said += "（即 0）"
	}
	pv := prosed(st, r)
	msg := fmt.Sprintf("%s，%s为 %s，差 %s", said, r.label(rep), num(v), num(math.Abs(pv-v)))
	if r.money {
		msg = fmt.Sprintf("%s，%s为 %s 万元，差 %s 万元", said, r.label(rep), num(v), num(math.Abs(pv-v)))
	}
	shown := map[float64]bool{v: true}
	for k := 1; k < len(known); k++ {
		if shown[vals[k]] {
			continue
		}
		shown[vals[k]] = true
		msg += fmt.Sprintf("；也不等于%s %s", known[k].label(rep), num(vals[k]))
	}
	if hint := shiftHint(rep, known[0], pv); hint != "" {
		msg += "；" + hint
	}
	sev := "error"
	switch {
	case len(st.Others) > 0:
		sev = "info"
		msg += "（该句也可能指其他数字，请核对）"
	case st.Scope != "":
		sev = "warning"
		msg += fmt.Sprintf("（正文说的是“%s”的口径，可能与表格的统计范围不同）", st.Scope)
	case st.Cond:
		sev = "warning"
		msg += "（正文的否定只针对所述申请，请核对）"
	case st.Topic == "fees.any":
		sev = "warning"
		msg += "（正文可能只指信息处理费，宜写明所指的费用）"
	case st.Weak && prose.AboutCases(st.Topic):
		sev = "warning"
		msg += "（该句未说明是政府信息公开引起的案件，可能另有所指）"
	case st.Weak:
		sev = "warning"
		msg += "（正文措辞不够明确，可能另有所指）"
	}
	start, end := d.Span(st.Start, st.End)
	return report.Finding{Severity: sev, Message: msg, Cells: present(rep, r.cells), Start: start, End: end}
}

// present keeps the cells the report has.
func present(rep *report.Report, ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := rep.Cells[id]; ok {
			out = append(out, id)
		}
	}
	return out
}

// shiftHint says when the prose's number stands on a heading row or the row above the
// indicator in a statistics table: the table's values are likely one row off.
func shiftHint(rep *report.Report, r reading, v float64) string {
	if len(r.stats) != 1 {
		return ""
	}
	i := stats.Find(rep.Stats, r.stats[0])
	if i < 0 {
		return ""
	}
	for _, j := range []int{i - 1, rep.Stats[i].Parent} {
		if j < 0 || j >= len(rep.Stats) || len(rep.Stats[j].Values) == 0 || rep.Stats[j].Values[0] == nil {
			continue
		}
		if s := rep.Stats[j]; *s.Values[0] == v {
			what := "上一行"
			if s.Header {
				what = "标题行"
			}
			return fmt.Sprintf("正文的 %s 出现在统计表%s“%s”上，疑为数值错行", num(v), what, s.Label)
		}
	}
	return ""
}

// allUpheld checks "均获维持" against 表四 (or the statistics table).
func allUpheld(p *Pass, d *prose.Doc, st prose.Statement) {
	rep := p.Report
	var parts []string
	var cells []string
	what := map[string]string{"review": "行政复议", "suit": "行政诉讼"}[st.Topic]
	for _, o := range []struct{ id, name string }{{"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}} {
		rs := readingsFor(rep)[st.Topic+"."+o.id]
		if len(rs) == 0 {
			continue
		}
		v, ok := rs[0].value(rep)
		if ok && v > 0 {
			parts = append(parts, fmt.Sprintf("%s %s 件", o.name, num(v)))
			cells = append(cells, rs[0].cells...)
		}
	}
	if len(parts) == 0 {
		return
	}
	start, end := d.Span(st.Start, st.End)
	msg := fmt.Sprintf("正文称%s“%s”，但表中%s%s", what, d.Quote(st), what, strings.Join(parts, "、"))
	sev := ""
	if st.Weak {
		sev = "warning"
		msg += "（该句未说明是政府信息公开引起的案件，请核对）"
	}
	p.Reportf(report.Finding{Severity: sev, Message: msg, Cells: present(rep, cells), Start: start, End: end})
}
