package rules

import (
	"fmt"
	"iter"
	"nianbao/core/internal/cjk"
	"sort"
	"strings"

	"nianbao/core/prose"
	"nianbao/core/report"
)

// What the 2019 and 2021 formats require the prose to say, beyond its six headings.

var ruleContentParts = &Rule{
	ID: "content.parts", Title: "总体情况缺少方面", Group: GroupStructure, Severity: "warning", Run: runContentParts,
	Doc: `2021年格式的“一、总体情况”应写到五个方面：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。
总体情况分小标题写时，按小标题判断；某一方面既没有小标题，正文中也没有写到它的名称（如“政府信息管理”“平台建设”“监督保障”），才报缺少。
不分小标题时，只按名称判断。2019年试行格式和2008—2018年的报告不检查。`,
}

var _ = register(ruleContentParts)

// generalParts are the five parts of 总体情况 in the 2021 format: the words a
// sub-heading names each by, and the words the text names it by.
var generalParts = []struct {
	name           string
	heading, words []string
}{
	{"主动公开", []string{"主动公开"}, []string{"主动公开"}},
	{"依申请公开", []string{"依申请", "申请公开"}, []string{"依申请", "公开申请"}},
	{"政府信息管理", []string{"管理"}, []string{"信息管理", "信息资源管理"}},
	{"政府信息公开平台建设", []string{"平台"}, []string{"平台建设"}},
	{"监督保障", []string{"监督", "保障", "考核"}, []string{"监督保障", "保障监督"}},
}

func runContentParts(p *Pass) {
	rep := p.Report
	if rep.Template != "2021" {
		return
	}
	d := prose.Of(rep)
	k := canonSections(d)[1]
	if k < 0 {
		return
	}
	s := d.Sections[k]
	h := d.Headings[s.Heading]
	body := d.S[s.Start:s.End]
	var titles []string
	top := 0
	for _, sub := range d.Headings[s.Heading+1:] {
		if sub.At >= s.End {
			break
		}
		if top == 0 || sub.Level < top {
			top, titles = sub.Level, nil
		}
		if sub.Level == top {
			titles = append(titles, sub.Title)
		}
	}
	var missing []string
	for _, part := range generalParts {
		if containsAnyStr(body, part.words) {
			continue
		}
		if len(titles) >= 3 && anyTitle(titles, part.heading) {
			continue
		}
		missing = append(missing, "“"+part.name+"”")
	}
	if len(missing) == 0 {
		return
	}
	p.Reportf(report.Finding{Start: h.Start, End: h.End,
		Message: fmt.Sprintf("第一部分“%s”没有写到%s：2021年格式的总体情况应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面",
			h.Title, strings.Join(missing, "、"))})
}

func anyTitle(titles, words []string) bool {
	for _, t := range titles {
		if containsAnyStr(t, words) {
			return true
		}
	}
	return false
}

var ruleContentFee = &Rule{
	ID: "content.fee", Title: "未说明信息处理费", Group: GroupStructure, Severity: "warning", Run: runContentFee,
	Doc: `2021年格式的报告没有说明是否收取信息处理费。
国办函〔2020〕109号《政府信息公开信息处理费管理办法》施行后，年度报告应在“六、其他需要报告的事项”中报告信息处理费的收取情况
（收取了多少，或未收取）。正文任何地方说到信息处理费或“未收取费用”都算已说明。
说法与表格是否一致（如表三有“申请人逾期未按收费通知要求缴纳费用”，正文却称未发出收费通知）由“信息处理费说法矛盾”检查。`,
}

var _ = register(ruleContentFee)

func runContentFee(p *Pass) {
	rep := p.Report
	if rep.Template != "2021" {
		return
	}
	d := prose.Of(rep)
	at := canonSections(d)
	if at[6] < 0 && at[5] < 0 {
		return // without the later sections the prose may be cut short: section.missing says so
	}
	// each wording looked for holds 费: only the sentences that hold it are read
	for k := range sentencesHolding(d, "费") {
		s := d.S[d.Sentences[k].Start:d.Sentences[k].End]
		if cjk.Contains(s, "处理费") || cjk.Contains(s, "信息公开费") ||
			cjk.Contains(s, "收取") && cjk.Contains(s, "费") && !cjk.Contains(s, "行政事业性收费") || cjk.Contains(s, "收费") && cjk.Contains(s, "减免") {
			return
		}
	}
	start, end := -1, -1
	title := prose.CanonTitle(6)
	if at[6] >= 0 {
		h := d.Headings[d.Sections[at[6]].Heading]
		start, end, title = h.Start, h.End, h.Title
	}
	p.Reportf(report.Finding{Start: start, End: end,
		Message: fmt.Sprintf("正文没有说明是否收取信息处理费：应在第六部分“%s”中报告信息处理费的收取情况（国办函〔2020〕109号）", title)})
}

var ruleTextCorrection = &Rule{
	ID: "text.correction", Title: "纠错未说明原因", Group: GroupText, Severity: "warning", Run: runTextCorrection,
	Doc: `表四有“结果纠正”的案件，正文却没有说明被纠错的原因或整改措施。
行政复议、行政诉讼结果纠正，说明答复或处理有错；评议要求说明原因和改进。正文中说到纠错（纠正、撤销、确认违法、败诉）的句子，
本句或下一句写到原因或措施（原因、问题、整改、改进、规范、完善、加强、针对、避免、降低等）即算已说明。`,
}

var _ = register(ruleTextCorrection)

var (
	correctionWords = []string{"纠错", "纠正", "撤销", "确认违法", "败诉"}
	remedyWords     = []string{"原因", "由于", "因为", "问题", "整改", "改进", "改正", "规范", "完善", "加强", "针对", "吸取", "教训",
		"举一反三", "避免", "杜绝", "降低", "提升", "提高", "反思", "分析", "研判"}
)

func runTextCorrection(p *Pass) {
	rep := p.Report
	total := 0.0
	var cells, parts []string
	for _, g := range []struct{ id, name string }{{"review", "行政复议"}, {"suit", "未经复议直接起诉"}, {"suitafter", "复议后起诉"}} {
		c := rep.Cell("t4", g.id, "corrected")
		if !c.Known() || *c.Value <= 0 {
			continue
		}
		total += *c.Value
		cells = append(cells, c.ID)
		parts = append(parts, fmt.Sprintf("%s结果纠正 %s 件", g.name, num(*c.Value)))
	}
	if total == 0 {
		return
	}
	d := prose.Of(rep)
	if found := canonSections(d); found[4] < 0 && found[5] < 0 {
		return // the prose's sections were not found: what it says cannot be told from what it lacks
	}
	for i, sen := range d.Sentences {
		s := d.S[sen.Start:sen.End]
		// a sentence of the prose, not a table's label ("结果纠正") left among it
		if !containsAnyStr(s, correctionWords) || !(strings.ContainsAny(s, ",;:") || cjk.Contains(s, "、")) {
			continue
		}
		if containsAnyStr(s, remedyWords) {
			return
		}
		if i+1 < len(d.Sentences) {
			next := d.Sentences[i+1]
			if next.Para == sen.Para && !headingAt(d, next.Start) && containsAnyStr(d.S[next.Start:next.End], remedyWords) {
				return
			}
		}
	}
	start, end := -1, -1
	if c := rep.Cells[cells[0]]; c.Start >= 0 {
		start, end = c.Start, c.End
	}
	p.Reportf(report.Finding{Start: start, End: end, Cells: cells,
		Message: fmt.Sprintf("表四%s，正文没有说明被纠错的原因和整改措施", strings.Join(parts, "、"))})
}

// headingAt reports a heading starting at offset i of the prose.
func headingAt(d *prose.Doc, i int) bool {
	k := sort.Search(len(d.Headings), func(k int) bool { return d.Headings[k].At >= i })
	return k < len(d.Headings) && d.Headings[k].At == i
}

// sentencesHolding yields, in order, the index of each sentence of d that holds word:
// one search through the prose rather than one through every sentence.
func sentencesHolding(d *prose.Doc, word string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; off < len(d.S); {
			i := cjk.Index(d.S[off:], word)
			if i < 0 {
				return
			}
			i += off
			off = i + 1
			k := sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > i })
			if k == len(d.Sentences) {
				return
			}
			if sen := d.Sentences[k]; sen.Start <= i && i+len(word) <= sen.End {
				if !yield(k) {
					return
				}
				off = sen.End
			}
		}
	}
}
