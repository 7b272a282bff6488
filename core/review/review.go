// Package review writes the 审核意见 (a reviewer's opinion) on one checked report: a
// document model built from a core.Result, rendered as Markdown or as plain text ready
// to paste into an office system. The page renders the same model (as JSON) to .docx.
//
// The review is honest about how much was checked: when cells were not read, or the
// text is not a report at all, it says so and never says that nothing was found; the
// reader's own problems are listed apart, never as the report's.
package review

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"nianbao/core"
	"nianbao/core/rules"
)

// Options are what the review needs besides the result.
type Options struct {
	// Date of the review, as printed ("2025年3月1日"); empty leaves the line out.
	Date string
	// Compared names the other year's report the result was compared with, as printed
	// ("hz-2023.pdf（2023 年）"); empty when none.
	Compared string
	// Dismissed are the findings a reviewer set aside, with the reason.
	Dismissed []Dismissal
	// File is the report's file name as shown; empty: the result's (none for "-").
	File string
}

// Dismissal sets a finding aside: the finding at Index of Result.Findings, or the one
// whose Key is Key (Index < 0).
type Dismissal struct {
	Index int    `json:"index"`
	Key   string `json:"key,omitempty"`
	Note  string `json:"note"`
}

// Review is the document model: a title, the facts of the report, a verdict saying how
// far the check went, the sections of findings, and a closing line. Its JSON names are
// what the page's .docx writer reads.
type Review struct {
	Title    string    `json:"title" js:"title"`
	Facts    []Fact    `json:"facts" js:"facts"`
	Verdict  []string  `json:"verdict" js:"verdict"` // paragraphs
	Sections []Section `json:"sections" js:"sections"`
	Closing  string    `json:"closing" js:"closing"`
}

// Fact is one line of the heading block: 报告单位、报告年度…
type Fact struct {
	Name  string `json:"name" js:"name"`
	Value string `json:"value" js:"value"`
}

// Section is one numbered part: 需要更正的问题, 需要核实的问题, 提示, 未能自动读取的内容,
// 经人工核实不作为问题的事项.
type Section struct {
	Title  string  `json:"title" js:"title"`
	Note   string  `json:"note,omitempty" js:"note"` // a sentence under the title
	Groups []Group `json:"groups" js:"groups"`
}

// Group is the findings of one of the page's groups (表三收支平衡, 正文…); Name is empty
// where a section is not divided.
type Group struct {
	Name  string `json:"name,omitempty" js:"name"`
	Items []Item `json:"items" js:"items"`
}

// Item is one finding as the review states it.
type Item struct {
	Index    int    `json:"index" js:"index"` // in Result.Findings
	Key      string `json:"key" js:"key"`     // see Key
	Rule     string `json:"rule" js:"rule"`
	Title    string `json:"title" js:"title"`
	Severity string `json:"severity" js:"severity"`
	Origin   string `json:"origin" js:"origin"`
	Place    string `json:"place,omitempty" js:"place"` // 表三「自然人」列, 「二、主动公开政府信息情况」, 第 3 页
	Message  string `json:"message" js:"message"`
	Note     string `json:"note,omitempty" js:"note"` // the reviewer's reason, for a dismissed finding
}

// Key identifies a finding across checks of the same report: its rule, its cells and
// their values, and its message when it has no cells, joined by "|" — the string the
// page hashes into a finding's fingerprint.
func Key(res *core.Result, f core.Finding) string {
	cells := slices.Sorted(slices.Values(f.Cells))
	vals := make([]string, len(cells))
	for i, id := range cells {
		c, ok := res.Cells[id]
		switch {
		case !ok:
			vals[i] = "?"
		case c.Value != nil:
			vals[i] = strconv.FormatFloat(*c.Value, 'f', -1, 64)
		default:
			vals[i] = "raw:" + c.Raw
		}
	}
	msg := ""
	if len(cells) == 0 {
		msg = f.Message
	}
	return strings.Join([]string{f.Rule, strings.Join(cells, ","), strings.Join(vals, ","), msg}, "|")
}

// Build makes the review of a result.
func Build(res *core.Result, opts Options) *Review {
	r := &Review{Title: "政府信息公开工作年度报告审核意见",
		Closing: "本意见由“年报校验”逐格核对生成，数字均取自报告原文，请结合原文复核。"}
	r.Facts = facts(res, opts)
	if res.Input.Error != "" {
		r.Verdict = []string{"未能读取这份输入，未做核对：" + res.Input.Error + "。"}
		r.Closing = "本意见由“年报校验”生成；输入无法读取，未对报告内容作出任何结论。"
		return r
	}
	notes := dismissals(res, opts.Dismissed)
	var live, set []Item
	count := map[string]int{}
	for i, f := range res.Findings {
		it := Item{Index: i, Key: Key(res, f), Rule: f.Rule, Title: cmp.Or(f.Title, rules.TitleOf(f.Rule)),
			Severity: f.Severity, Origin: f.Origin, Place: Place(res, f), Message: f.Message}
		if strings.HasPrefix(it.Message, it.Place+"：") {
			it.Place = "" // the message names the place already
		}
		// nor the title twice ("检查不完整（表四）：检查不完整：……")
		it.Message = strings.TrimPrefix(it.Message, it.Title+"：")
		if note, ok := notes[i]; ok {
			it.Note = note
			set = append(set, it)
			continue
		}
		live = append(live, it)
		if f.Origin == "reader" {
			count["reader"]++
		} else {
			count[f.Severity]++
		}
	}
	r.Verdict = verdict(res, count)
	switch {
	case res.Summary.NotReport:
		r.Closing = "本意见由“年报校验”生成；未找到年度报告的表格，未对报告内容作出任何结论。"
	case !res.Summary.Complete():
		r.Closing = "本意见由“年报校验”生成，数字均取自报告原文；未能读出的部分未经核对，请结合原文复核。"
	}
	report := func(keep func(Item) bool) []Item {
		var out []Item
		for _, it := range live {
			if it.Origin != "reader" && keep(it) {
				out = append(out, it)
			}
		}
		return out
	}
	if !res.Summary.NotReport { // text that is not a report has no findings of its own
		r.add("需要更正的问题", "", report(func(it Item) bool { return it.Severity == "error" }), true)
		r.add("需要核实的问题", "", report(func(it Item) bool { return it.Severity == "warning" }), true)
		r.add("提示", "", report(func(it Item) bool { return it.Severity != "error" && it.Severity != "warning" }), true)
	}
	var reader []Item
	for _, it := range live {
		if it.Origin == "reader" {
			reader = append(reader, it)
		}
	}
	r.add("未能自动读取的内容", "以下内容检查程序未能可靠读取，不属于报告的错误，请人工核对原文。", reader, false)
	r.add("经人工核实不作为问题的事项", "", set, false)
	return r
}

// add appends a section of items, grouped by the page's groups when grouped.
func (r *Review) add(title, note string, items []Item, grouped bool) {
	if len(items) == 0 {
		return
	}
	s := Section{Title: title, Note: note}
	if !grouped {
		s.Groups = []Group{{Items: items}}
		r.Sections = append(r.Sections, s)
		return
	}
	byName := map[string]int{}
	for _, it := range items {
		name := cmp.Or(rules.GroupOf(it.Rule), rules.GroupStructure)
		k, ok := byName[name]
		if !ok {
			k = len(s.Groups)
			byName[name] = k
			s.Groups = append(s.Groups, Group{Name: name})
		}
		s.Groups[k].Items = append(s.Groups[k].Items, it)
	}
	slices.SortStableFunc(s.Groups, func(a, b Group) int { return groupRank(a.Name) - groupRank(b.Name) })
	r.Sections = append(r.Sections, s)
}

// groupOrder is the page's order of groups.
var groupOrder = rules.GroupOrder

func groupRank(g string) int {
	if i := slices.Index(groupOrder, g); i >= 0 {
		return i
	}
	return len(groupOrder)
}

// dismissals maps the indices of the findings set aside to their notes.
func dismissals(res *core.Result, ds []Dismissal) map[int]string {
	out := map[int]string{}
	for _, d := range ds {
		if d.Index >= 0 && d.Index < len(res.Findings) && d.Key == "" {
			out[d.Index] = d.Note
			continue
		}
		for i, f := range res.Findings {
			if Key(res, f) == d.Key {
				out[i] = d.Note
			}
		}
	}
	return out
}

func facts(res *core.Result, opts Options) []Fact {
	agency, year := "未识别", "未识别"
	if res.Agency != nil {
		agency = *res.Agency
	}
	if res.Year != nil {
		year = strconv.Itoa(*res.Year) + " 年"
	}
	var out []Fact
	if !res.Summary.NotReport && res.Input.Error == "" { // no report, no report's facts
		out = append(out, Fact{"报告单位", agency}, Fact{"报告年度", year})
	}
	file := opts.File
	if file == "" && res.File != "-" {
		file = res.File
	}
	if file != "" {
		out = append(out, Fact{"文件", file})
	}
	if !res.Summary.NotReport && res.Input.Error == "" {
		out = append(out, Fact{"模板", rules.TemplateOf(res.Template).Name})
	}
	if opts.Compared != "" {
		out = append(out, Fact{"跨年度比对", opts.Compared})
	}
	if opts.Date != "" {
		out = append(out, Fact{"审核日期", opts.Date})
	}
	return append(out, Fact{"检查工具", "年报校验 " + core.Version})
}

// verdict says how far the check went and what it found. It says "经逐格核对" only of
// a check that read every cell.
func verdict(res *core.Result, n map[string]int) []string {
	s := res.Summary
	if s.NotReport {
		return []string{"所提交的文字中没有找到年度报告的表格（表二、表三、表四或统计表），不像是一份政府信息公开工作年度报告，" +
			"或报告的表格是图片，未做核对。本意见不对报告内容作出结论，请提交报告的文字版本后重新检查。"}
	}
	found := ""
	switch {
	case n["error"] > 0 && n["warning"] > 0:
		found = fmt.Sprintf("有 %d 处需要更正的错误，另有 %d 处需要核实，详见下文。", n["error"], n["warning"])
	case n["error"] > 0:
		found = fmt.Sprintf("有 %d 处需要更正的错误，详见下文。", n["error"])
	case n["warning"] > 0:
		found = fmt.Sprintf("未发现必须更正的错误，有 %d 处需要核实，详见下文。", n["warning"])
	}
	if !s.Partial() {
		switch {
		case found == "":
			return []string{"经逐格核对，未发现表格勾稽关系和格式方面的问题。"}
		case strings.HasPrefix(found, "有"):
			return []string{"经逐格核对，报告中" + found}
		}
		return []string{"经逐格核对，" + found}
	}
	var parts []string
	for _, c := range res.Coverage {
		switch {
		case c.Read < c.Cells && !c.Found:
			parts = append(parts, fmt.Sprintf("%s（%d 格）未能找到", c.Name, c.Cells))
		case c.Read < c.Cells:
			parts = append(parts, fmt.Sprintf("%s %d 格中只读出 %d 格", c.Name, c.Cells, c.Read))
		}
	}
	if s.Others {
		parts = append(parts, "文本中还有其他报告，只核对了第一份")
	}
	scope := "检查不完整：" + strings.Join(parts, "，") + "。未读出的单元格及与之相关的勾稽关系未经核对，请人工核对原文。"
	if found == "" {
		found = "未发现需要更正的错误；这不代表报告没有问题。"
	}
	return []string{scope, "在已读出的部分中，" + found}
}
