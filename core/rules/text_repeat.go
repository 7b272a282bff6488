package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strings"

	"nianbao/core/prose"
	"nianbao/core/report"
)

var ruleTextRepeat = &Rule{
	ID: "text.repeat", Title: "正文前后说法不一", Group: GroupText, Severity: "warning", Run: runTextRepeat,
	Doc: `正文两处陈述同一个数字，数值却不同（“全年共收到政府信息公开申请15件”……“本年度共收到申请16件”）。
只比较措辞明确的陈述：概数、其他年度或口径、可作几种理解的句子不比较。表格能核对的数字由“正文与表格不符”核对，
这里只报表格核对不了的（表格未读出，或表格里没有这个数字，如主动公开信息条数）。
“收到申请”的句子若同时说到上年结转，可能含结转件数，不比较。`,
}

var _ = register(ruleTextRepeat)

func runTextRepeat(p *Pass) {
	rep := p.Report
	d := prose.Of(rep)
	sts, _ := d.Statements(rep.Year)
	readings := readingsFor(rep)
	first := map[string]int{} // topic -> the first clear statement of it
	var order []string
	reported := map[string]bool{}
	for i, st := range sts {
		if !clearStatement(d, st) || tableKnows(rep, readings, st.Topic) {
			continue
		}
		k, ok := first[st.Topic]
		if !ok {
			first[st.Topic] = i
			order = append(order, st.Topic)
			continue
		}
		a := sts[k]
		if same(a.Value, st.Value, false) || a.Unit != st.Unit && !(a.Kind == "none" || st.Kind == "none") || reported[st.Topic] {
			continue
		}
		reported[st.Topic] = true
		start, end := d.Span(st.Start, st.End)
		p.Reportf(report.Finding{Start: start, End: end,
			Message: fmt.Sprintf("正文前后说法不一：%s说“%s”，%s说“%s”", where(d, a), d.Quote(a), where(d, st), d.Quote(st))})
	}
}

// clearStatement reports a statement worded clearly enough to hold the writer to it.
func clearStatement(d *prose.Doc, st prose.Statement) bool {
	if st.Approx || st.Weak || st.Cond || st.Scope != "" || len(st.Others) > 0 || st.Kind == "all" || st.Means != "" {
		return false
	}
	// "主动公开政府信息数(不同渠道和方式公开相同信息计1条)": a number inside a note,
	// which its topic's words stand outside of
	if q := d.Quote(st); strings.Count(q, "(") > strings.Count(q, ")") {
		return false
	}
	if st.Topic == "received" {
		// "共受理申请10件（含上年结转2件）" may count the carried-over ones
		sen := d.Sentences[st.Sentence]
		if s := d.S[sen.Start:sen.End]; cjk.Contains(s, "结转") || cjk.Contains(s, "上年") {
			return false
		}
	}
	return true
}

// tableKnows reports a topic the tables hold and have a value for: text.table
// checks its statements against the table.
func tableKnows(rep *report.Report, readings map[string][]reading, topic string) bool {
	for _, r := range readings[topic] {
		if _, ok := r.value(rep); ok {
			return true
		}
	}
	return false
}

// where names the part of the report a statement stands in: "第一部分" or "正文开头".
func where(d *prose.Doc, st prose.Statement) string {
	k := d.SectionOf(st.Start)
	if k < 0 {
		return "正文开头"
	}
	h := d.Headings[d.Sections[k].Heading]
	return fmt.Sprintf("“%s%s”中", wide(h.Mark), clip(h.Title, 12))
}
