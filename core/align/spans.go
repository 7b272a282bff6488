package align

import (
	"nianbao/core/internal/cjk"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
)

// spans records where each table stands in the text: from its first header (not the
// section heading before it, which belongs to the prose, even where crawled text ran
// them together) to its last value or label.
func (a *aligner) spans() {
	rep := a.rep
	for _, t := range rep.Tables {
		var region [2]int
		var start *template.Pattern
		switch t.ID {
		case "t2":
			region, start = a.t2, reT2Start
		case "t3":
			region, start = a.t3, reT3Head
		case "t4":
			region, start = a.t4, reT4Start
		}
		if region[0] < 0 {
			continue
		}
		from := a.headerStart(t.ID, region[0], start)
		end := from
		for _, c := range rep.Order {
			if c.Table == t.ID && !c.Unread && c.End > end {
				end = c.End
			}
		}
		for _, l := range rep.Labels {
			if l.Table == t.ID {
				end = max(end, l.End)
			}
		}
		rep.Spans = append(rep.Spans, report.Span{Table: t.ID, Start: from, End: end})
	}
}

// reT3Head is where 表三's header begins: its note on the arithmetic, or the heading
// of the applicant columns.
var reT3Head = template.NewPattern(`勾稽关系|申请人情况`)

// headerStart returns where a table's header begins, looking from the token at which
// its region starts (tok) up to its first label or value: at 第二十条 for 表二, at the
// note on the arithmetic for 表三 (from the bracket it opens with), and for 表四 right
// after the section heading, whose words the region was found by.
func (a *aligner) headerStart(table string, tok int, p *template.Pattern) int {
	first := len(a.rep.Norm.S)
	for _, c := range a.rep.Order {
		if c.Table == table && !c.Unread && c.Start >= 0 {
			first = min(first, c.Start)
		}
	}
	for _, l := range a.rep.Labels {
		if l.Table == table {
			first = min(first, l.Start)
		}
	}
	m := template.MatcherOf(p)
	for k := tok; k < len(a.toks) && a.toks[k].Start < first; k++ {
		t := &a.toks[k]
		at := m.Index(t.Text)
		if at < 0 {
			continue
		}
		switch table {
		case "t3":
			if b := strings.LastIndexByte(t.Text[:at], '('); b >= 0 && at-b <= 24 {
				at = b // the bracket the note opens with
			}
		case "t4":
			// the heading: the table begins after it
			rest := t.Text[at:]
			if i := cjk.Index(rest, "情况"); i >= 0 && at+i+len("情况") < len(t.Text) {
				return t.Start + at + i + len("情况")
			}
			if k+1 < len(a.toks) {
				return min(first, a.toks[k+1].Start)
			}
			return first
		}
		return min(first, t.Start+at)
	}
	return first
}
