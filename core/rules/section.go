package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/core/internal/lazy"
	"nianbao/core/prose"
	"nianbao/core/report"
)

// The structure of the 2019 and 2021 formats: six sections, in order, each with its
// heading (prose.Canon holds the wording and its common variants).

var ruleSectionMissing = &Rule{
	ID: "section.missing", Title: "缺少部分", Group: GroupStructure, Severity: "error", Run: runSectionMissing,
	Doc: `2019、2021年格式要求的六个部分缺少某一部分的标题。
六个部分依次为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
常见的变体标题（如“政府信息公开工作基本情况”“存在问题及改进措施”“其他报告事项”）视为同一部分。
正文中找不到任何对应标题时为错误；只找到不带编号的标题文字时为警告。`,
}

var _ = register(ruleSectionMissing)

var ruleReadSections = &Rule{ID: "read.sections", Title: "未识别部分标题", Group: GroupReader, Severity: "info",
	Doc: "在行首找不到六个部分的任何标题（文本可能丢失了换行），因此没有检查各部分是否齐全、顺序是否正确。"}

var _ = register(ruleReadSections)

var ruleSectionOrder = &Rule{
	ID: "section.order", Title: "部分顺序错误", Group: GroupStructure, Severity: "error", Run: runSectionOrder,
	Doc: `2019、2021年格式的六个部分没有按规定顺序出现。
例如“四、政府信息公开行政复议、行政诉讼情况”出现在“三、收到和处理政府信息公开申请情况”之前。`,
}

var _ = register(ruleSectionOrder)

var ruleSectionNumbering = &Rule{
	ID: "section.numbering", Title: "标题编号错误", Group: GroupStructure, Severity: "warning", Run: runSectionNumbering,
	Doc: `标题编号重复、跳号或与所在部分不符。
同一层级、同一上级标题下的编号应从一（或1）起连续递增：“（一）……（一）……”是重复，“1. …… 3. ……”是跳号。
2019、2021年格式中，六个部分的编号应与其内容对应（“收到和处理政府信息公开申请情况”应为“三、”）。
表格所在的第二至四部分中的表格行标签不计。`,
}

var _ = register(ruleSectionNumbering)

var ruleSectionEmpty = &Rule{
	ID: "section.empty", Title: "部分内容空缺", Group: GroupStructure, Severity: "warning", Run: runSectionEmpty,
	Doc: `应有实质内容的部分只写了“无”“暂无”“略”或留空。
“一、总体情况”和“五、存在的主要问题及改进情况”须如实叙述；“六、其他需要报告的事项”写“无”是常见写法，不报。`,
}

var _ = register(ruleSectionEmpty)

// maxFindings bounds the findings one rule raises on one report: past it, more of
// the same tell the reader nothing.
const maxFindings = 30

func newFormat(rep *report.Report) bool { return rep.Template == "2019" || rep.Template == "2021" }

// canonSections returns, for each of the six sections (1-6), the index in d.Sections
// of its first heading, or -1.
func canonSections(d *prose.Doc) [7]int {
	var at [7]int
	for i := range at {
		at[i] = -1
	}
	for i, s := range d.Sections {
		if s.Canon > 0 && at[s.Canon] < 0 {
			at[s.Canon] = i
		}
	}
	return at
}

func runSectionMissing(p *Pass) {
	rep := p.Report
	if !newFormat(rep) {
		return
	}
	d := prose.Of(rep)
	at := canonSections(d)
	found := 0
	for n := 1; n <= 6; n++ {
		if at[n] >= 0 {
			found++
		}
	}
	if found == 0 {
		// no heading at the start of a line at all: the text lost its line breaks, or
		// the reader cannot see them; that is no proof the sections are missing
		p.Reportf(report.Finding{Rule: "read.sections", Origin: "reader", Severity: "info", Start: -1, End: -1,
			Message: "未能在行首找到六个部分的任何标题（文本可能丢失了换行），未检查各部分是否齐全"})
		return
	}
	var unnumbered map[int]bool
	for n := 1; n <= 6; n++ {
		if at[n] >= 0 || prose.NumberedAnywhere(rep, n) {
			continue
		}
		if unnumbered == nil {
			unnumbered = prose.HeadingsElsewhere(rep)
		}
		sev, msg := "", fmt.Sprintf("缺少第%s部分“%s%s”的标题", cnum(n), cnum(n)+"、", prose.CanonTitle(n))
		if unnumbered[n] {
			sev = "warning"
			msg = fmt.Sprintf("第%s部分“%s”的标题没有按格式编号（应为“%s、%s”）", cnum(n), prose.CanonTitle(n), cnum(n), prose.CanonTitle(n))
		} else if unnumbered[-n] {
			continue // numbered, but on a line the prose reader left to a table
		}
		start, end := -1, -1
		if next := nextSection(d, at, n); next >= 0 {
			h := d.Headings[d.Sections[next].Heading]
			start, end = h.Start, h.End
		}
		p.Reportf(report.Finding{Severity: sev, Message: msg, Start: start, End: end})
	}
}

// nextSection returns the section found after section n, to point a finding at.
func nextSection(d *prose.Doc, at [7]int, n int) int {
	for k := n + 1; k <= 6; k++ {
		if at[k] >= 0 {
			return at[k]
		}
	}
	return -1
}

func cnum(n int) string {
	if n >= 1 && n <= 10 {
		return []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n]
	}
	return fmt.Sprint(n)
}

func runSectionOrder(p *Pass) {
	rep := p.Report
	if !newFormat(rep) {
		return
	}
	d := prose.Of(rep)
	at := canonSections(d)
	last, lastN := -1, 0
	for i, s := range d.Sections {
		if s.Canon == 0 || at[s.Canon] != i {
			continue
		}
		if s.Canon < lastN {
			h := d.Headings[s.Heading]
			prev := d.Headings[d.Sections[last].Heading]
			p.Reportf(report.Finding{
				Message: fmt.Sprintf("“%s%s”（第%s部分）出现在“%s%s”（第%s部分）之后，顺序与格式不符", h.Mark, h.Title, cnum(s.Canon), prev.Mark, prev.Title, cnum(lastN)),
				Start:   h.Start, End: h.End,
			})
			continue
		}
		last, lastN = i, s.Canon
	}
}

func runSectionNumbering(p *Pass) {
	rep := p.Report
	d := prose.Of(rep)
	nf := newFormat(rep)
	if nf {
		// each section's number matches its content
		for _, s := range d.Sections {
			h := d.Headings[s.Heading]
			if s.Canon > 0 && h.Num != s.Canon {
				p.Reportf(report.Finding{Start: h.Start, End: h.End,
					Message: fmt.Sprintf("标题“%s%s”是第%s部分，编号应为“%s、”", h.Mark, h.Title, cnum(s.Canon), cnum(s.Canon))})
			}
		}
	}
	// duplicates and gaps among siblings
	var last [5]int // the last number seen at each level under the current parents
	n := 0
	for _, h := range d.Headings {
		if n >= maxFindings {
			return
		}
		// a new heading resets the numbering of the levels below it
		for l := h.Level + 1; l < len(last); l++ {
			last[l] = 0
		}
		if nf {
			if h.Level == 1 {
				last[1] = h.Num
				continue // the sections' own numbers are checked above
			}
			if k := d.SectionOf(h.At); k >= 0 && d.Sections[k].Canon >= 2 && d.Sections[k].Canon <= 4 {
				continue // the tables' row labels
			}
		}
		prev := last[h.Level]
		last[h.Level] = h.Num
		var msg string
		switch {
		case prev == 0 && h.Num != 1 && h.Level > 1:
			msg = fmt.Sprintf("编号从“%s”开始，缺少前面的编号", wide(h.Mark))
		case prev == 0:
			continue
		case h.Num == prev:
			msg = fmt.Sprintf("编号“%s”重复：同一级前一个标题也是%s", wide(h.Mark), markOf(h.Level, prev))
		case h.Num > prev+1:
			msg = fmt.Sprintf("编号跳号：%s之后是“%s”，缺少%s", markOf(h.Level, prev), wide(h.Mark), markOf(h.Level, prev+1))
		case h.Num < prev:
			msg = fmt.Sprintf("编号倒退：%s之后是“%s”", markOf(h.Level, prev), wide(h.Mark))
		default:
			continue
		}
		p.Reportf(report.Finding{Message: fmt.Sprintf("标题“%s%s”%s", wide(h.Mark), clip(h.Title, 16), msg), Start: h.Start, End: h.End})
		n++
	}
}

// wide writes the brackets of a marker as the report printed them in Chinese.
func wide(mark string) string {
	return strings.NewReplacer("(", "（", ")", "）").Replace(mark)
}

// clip shortens s to n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// markOf writes number n as a marker of the given level.
func markOf(level, n int) string {
	switch level {
	case 1:
		return "“" + cnum(n) + "、”"
	case 2:
		return "“（" + cnum(n) + "）”"
	case 4:
		return fmt.Sprintf("“%c”", rune('①'+n-1))
	}
	return fmt.Sprintf("“%d.”", n)
}

var reEmptyBody = lazy.Regexp(`^(无|暂无|没有|略|空|本部分无|无相关内容|无此项|不涉及)?$`)

func runSectionEmpty(p *Pass) {
	rep := p.Report
	if !newFormat(rep) {
		return
	}
	d := prose.Of(rep)
	for _, s := range d.Sections {
		if s.Canon != 1 && s.Canon != 5 {
			continue
		}
		h := d.Headings[s.Heading]
		// the section's text in the normalised text, table lines included
		end := len(rep.Norm.S)
		if s.End < len(d.S) {
			end = d.Pos(s.End)
		}
		if end-h.End > 400 {
			continue // far too long to say nothing
		}
		body := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\n', '\r', '\f', '|', '。', '.', ',', ';', ':', '!', '、':
				return -1
			}
			return r
		}, rep.Norm.S[min(h.End, end):end])
		if !reEmptyBody().MatchString(body) {
			continue
		}
		what := "没有内容"
		if body != "" {
			what = "只写了“" + body + "”"
		}
		p.Reportf(report.Finding{Start: h.Start, End: h.End,
			Message: fmt.Sprintf("第%s部分“%s”%s，应如实叙述", cnum(s.Canon), h.Title, what)})
	}
}
