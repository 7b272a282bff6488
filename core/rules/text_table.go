package rules

import (
	"fmt"
	"math"
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
评议中最容易发现的错误就在这里。每一处陈述都与表格核对，而不只是第一处；“未收到……申请”按 0 件核对，
“均获维持”按表四的结果核对。措辞确定时为错误；措辞可能另有所指（“全区”“全市”口径、只在前一分句点明对象、
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

func cellsOf(prefix string, rows []string, col string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = prefix + "." + r + "." + col
	}
	return out
}

var (
	deniedRows = []string{"denied.secret", "denied.lawban", "denied.safety", "denied.thirdparty", "denied.internal", "denied.process", "denied.enforcement", "denied.query"}
	unableRows = []string{"unable.nothold", "unable.create", "unable.unclear"}
	rejectRows = []string{"reject.petition", "reject.repeat", "reject.publication", "reject.massive", "reject.confirm"}
	otherRows  = []string{"other.nofix", "other.nofee", "other.else", "other"}
	orgCols    = []string{"t3.new.commercial", "t3.new.research", "t3.new.nonprofit", "t3.new.legal", "t3.new.otherorg"}
)

// newReadings: what a statement's topic refers to in the 2019 and 2021 tables. The
// first reading is the one messages name; a statement agreeing with any is right.
// Built on first use: a map literal is code, and the page's start-up compiles and
// runs every package's initialisation before the checker is ready.
var newReadings = sync.OnceValue(func() map[string][]reading {
	m := map[string][]reading{
		"received": {{name: "表三“本年新收政府信息公开申请数量”总计", cells: []string{"t3.new.total"}},
			{name: "本年新收与上年结转之和", cells: []string{"t3.new.total", "t3.carried.total"}},
			{name: "表三“本年度办理结果”总计", cells: []string{"t3.total.total"}}},
		"received.natural": {{name: "表三本年新收申请中自然人一列", cells: []string{"t3.new.natural"}}},
		"received.legal":   {{name: "表三本年新收申请中法人或其他组织各列之和", cells: orgCols}},
		"carried":          {{name: "表三“上年结转政府信息公开申请数量”总计", cells: []string{"t3.carried.total"}}},
		"carryover":        {{name: "表三“结转下年度继续办理”总计", cells: []string{"t3.carryover.total"}}},
		"answered":         {{name: "表三“本年度办理结果”总计", cells: []string{"t3.total.total"}}},
		"granted":          {{name: "表三“予以公开”总计", cells: []string{"t3.granted.total"}}},
		"partial":          {{name: "表三“部分公开”总计", cells: []string{"t3.partial.total"}}},
		"granted+partial":  {{name: "表三“予以公开”与“部分公开”总计之和", cells: []string{"t3.granted.total", "t3.partial.total"}}},
		"denied":           {{name: "表三“不予公开”各项总计之和", cells: cellsOf("t3", deniedRows, "total")}},
		"unable":           {{name: "表三“无法提供”各项总计之和", cells: cellsOf("t3", unableRows, "total")}},
		"unable.nothold":   {{name: "表三“本机关不掌握相关政府信息”总计", cells: []string{"t3.unable.nothold.total"}}},
		"reject":           {{name: "表三“不予处理”各项总计之和", cells: cellsOf("t3", rejectRows, "total")}},
		"otherhandle":      {{name: "表三“其他处理”总计", cells: cellsOf("t3", otherRows, "total")}},
		"review": {{name: "表四行政复议总计", cells: []string{"t4.review.total"}},
			{name: "表四行政复议各项结果之和", cells: cellsOf("t4", []string{"review"}, "upheld|corrected|other|pending")}},
		"suit": {{name: "表四行政诉讼总计（未经复议直接起诉与复议后起诉之和）", cells: []string{"t4.suit.total", "t4.suitafter.total"}},
			{name: "表四未经复议直接起诉总计", cells: []string{"t4.suit.total"}},
			{name: "表四行政诉讼各项结果之和", cells: cellsOf("t4", []string{"suit", "suitafter"}, "upheld|corrected|other|pending")}},
		"review+suit":      {{name: "表四行政复议与行政诉讼总计之和", cells: []string{"t4.review.total", "t4.suit.total", "t4.suitafter.total"}}},
		"review.upheld":    {{name: "表四行政复议结果维持", cells: []string{"t4.review.upheld"}}},
		"review.corrected": {{name: "表四行政复议结果纠正", cells: []string{"t4.review.corrected"}}},
		"review.other":     {{name: "表四行政复议其他结果", cells: []string{"t4.review.other"}}},
		"review.pending":   {{name: "表四行政复议尚未审结", cells: []string{"t4.review.pending"}}},
		"suit.upheld":      {{name: "表四行政诉讼结果维持（两类起诉之和）", cells: []string{"t4.suit.upheld", "t4.suitafter.upheld"}}},
		"suit.corrected":   {{name: "表四行政诉讼结果纠正（两类起诉之和）", cells: []string{"t4.suit.corrected", "t4.suitafter.corrected"}}},
		"suit.other":       {{name: "表四行政诉讼其他结果（两类起诉之和）", cells: []string{"t4.suit.other", "t4.suitafter.other"}}},
		"suit.pending":     {{name: "表四行政诉讼尚未审结（两类起诉之和）", cells: []string{"t4.suit.pending", "t4.suitafter.pending"}}},
		"normative.issued": {{name: "表二行政规范性文件“本年制发件数”", cells: []string{"t2.normative.issued"}},
			{name: "表二规范性文件“本年新制作数量”", cells: []string{"t2.normative.made"}},
			{name: "表二规范性文件“本年新公开数量”", cells: []string{"t2.normative.published"}}},
		"normative.repealed": {{name: "表二行政规范性文件“本年废止件数”", cells: []string{"t2.normative.repealed"}}},
		"normative.valid": {{name: "表二行政规范性文件“现行有效件数”", cells: []string{"t2.normative.valid"}},
			{name: "表二规范性文件“对外公开总数量”", cells: []string{"t2.normative.total"}}},
		"rules.issued": {{name: "表二规章“本年制发件数”", cells: []string{"t2.rules.issued"}},
			{name: "表二规章“本年新制作数量”", cells: []string{"t2.rules.made"}}},
		"license":     {{name: "表二行政许可“处理决定数量”", cells: []string{"t2.license.decisions"}}},
		"penalty":     {{name: "表二行政处罚“处理决定数量”", cells: []string{"t2.penalty.decisions"}}},
		"coercion":    {{name: "表二行政强制“处理决定数量”", cells: []string{"t2.coercion.decisions"}}},
		"fees.amount": {{name: "表二行政事业性收费“本年收费金额”", cells: []string{"t2.fees.amount"}, money: true}},
	}
	expandCells(m)
	return m
})

// statsReadings: what a statement's topic refers to in the 2008-2018 statistics table.
var statsReadings = sync.OnceValue(func() map[string][]reading {
	return map[string][]reading{
		"published":           {{stats: []string{"published"}}},
		"published.normative": {{stats: []string{"published.normative"}}},
		"normative.issued":    {{stats: []string{"normative.issued"}}},
		"channel.website":     {{stats: []string{"channel.website"}}, {stats: []string{"published"}}},
		"channel.gazette":     {{stats: []string{"channel.gazette"}}},
		"channel.weibo":       {{stats: []string{"channel.weibo"}}},
		"channel.weixin":      {{stats: []string{"channel.weixin"}}},
		"received":            {{stats: []string{"received"}}},
		"received.inperson":   {{stats: []string{"received.inperson"}}},
		"received.online":     {{stats: []string{"received.online"}}},
		"received.letter":     {{stats: []string{"received.letter"}}},
		"received.fax":        {{stats: []string{"received.fax"}}},
		"answered":            {{stats: []string{"done"}}, {stats: []string{"answered"}}},
		"answered.ontime":     {{stats: []string{"done.ontime"}}},
		"answered.late":       {{stats: []string{"done.late"}}},
		"granted":             {{stats: []string{"answer.granted"}}, {stats: []string{"answer.granted", "answer.published"}}},
		"partial":             {{stats: []string{"answer.partial"}}},
		"granted+partial":     {{stats: []string{"answer.granted", "answer.partial"}}, {stats: []string{"answer.granted", "answer.partial", "answer.published"}}},
		"denied":              {{stats: []string{"answer.denied"}}},
		"unable.nothold":      {{stats: []string{"answer.nothold"}}},
		"review":              {{stats: []string{"review"}}},
		"review.upheld":       {{stats: []string{"review.upheld"}}},
		"review.corrected":    {{stats: []string{"review.corrected"}}},
		"review.other":        {{stats: []string{"review.other"}}},
		"suit":                {{stats: []string{"suit"}}},
		"suit.upheld":         {{stats: []string{"suit.upheld"}}},
		"suit.corrected":      {{stats: []string{"suit.corrected"}}},
		"suit.other":          {{stats: []string{"suit.other"}}},
		"review+suit":         {{stats: []string{"review", "suit"}}},
		"infofee":             {{stats: []string{"fees"}, money: true}},
		"complaint":           {{stats: []string{"complaint"}}},
		"response.hot":        {{stats: []string{"response.hot"}}},
		"press":               {{stats: []string{"press"}}},
		"interview":           {{stats: []string{"interview"}}},
		"explain":             {{stats: []string{"explain"}}},
		"meetings":            {{stats: []string{"meetings"}}},
		"training":            {{stats: []string{"training"}}},
		"trainees":            {{stats: []string{"trainees"}}},
		"staff":               {{stats: []string{"staff"}}},
		"staff.full":          {{stats: []string{"staff.full"}}},
		"staff.part":          {{stats: []string{"staff.part"}}},
		"points":              {{stats: []string{"points"}}},
	}
})

// expandCells expands "col1|col2" cell patterns.
func expandCells(m map[string][]reading) {
	for _, rs := range m {
		for i := range rs {
			var cells []string
			for _, c := range rs[i].cells {
				if j := strings.LastIndexByte(c, '.'); j >= 0 && strings.Contains(c[j:], "|") {
					for _, col := range strings.Split(c[j+1:], "|") {
						cells = append(cells, c[:j+1]+col)
					}
					continue
				}
				cells = append(cells, c)
			}
			rs[i].cells = cells
		}
	}
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
	if st.Kind == "none" {
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
