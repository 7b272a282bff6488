package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"sort"
	"strconv"
	"strings"
	"sync"

	"nianbao/core/align"
	"nianbao/core/internal/lazy"
	"nianbao/core/prose"
	"nianbao/core/report"
)

var ruleYearMismatch = &Rule{
	ID: "year.mismatch", Title: "年度不一致", Group: GroupStructure, Severity: "error", Run: runYear,
	Doc: `报告标题的年度、统计期限和正文叙述的年度互相矛盾。
统计期限应为同一年的1月1日至12月31日，且与标题中的年度相同；二者不符为错误。
正文多处以另一年份（如“2023年，我局……”）叙述本年度工作而从未提及报告年度时，疑为沿用往年报告，为警告。`,
}

var _ = register(ruleYearMismatch)

var (
	// "2024年政府信息公开工作年度报告", "2022年政务公开工作年报", "信息公开情况统计(2017年度)"
	reTitleYear  = lazy.Regexp(`((?:19|20)\d\d)\s*年度?\s*(?:政府信息公开|政务公开|信息公开)[^\n。|]{0,16}?(?:年度报告|年报|工作报告)|(?:信息公开|政务公开)[^\n。|]{0,12}统计\s*\(\s*((?:19|20)\d\d)\s*年度?\s*\)`)
	rePeriodSpan = lazy.Regexp(`((?:19|20)\d\d)年0?1月0?1日(?:起)?(?:至|到|—|-|~)((?:19|20)\d\d)年12月31日`)
	reYearLead   = lazy.Regexp(`^(?:\(?[一二三四五六七八九十\d]+[)、.])?((?:19|20)\d\d)年度?(?:,|以来|我|全|本|共|在|通过|按照|,)?`)
	notThisYear  = []string{"将", "计划", "下一步", "打算", "继续", "以来", "同比", "较", "截至", "截止"}
)

// titleYear finds the report's title and its year; start < 0 when there is none. A
// document the report only cites (《…》, 关于…的通知) is no title.
func titleYear(s string) (year, start, end int) {
	titleCache.Lock()
	defer titleCache.Unlock()
	if len(s) > 0 && titleCache.s == s {
		return titleCache.year, titleCache.start, titleCache.end
	}
	year, start, end = findTitle(s)
	titleCache.s, titleCache.year, titleCache.start, titleCache.end = s, year, start, end
	return year, start, end
}

// titleCache keeps the last title found: two rules ask for it.
var titleCache struct {
	sync.Mutex
	s                string
	year, start, end int
}

// findTitle looks around each year written "2024年" for a title that holds it.
func findTitle(s string) (year, start, end int) {
	tries := 0
	limit := align.TitleLimit(s) // another report's title may follow, in a page's lists
	for i := 0; i+4 < len(s) && i < limit && tries < 200; i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if j-i != 4 || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !strings.HasPrefix(s[k:], "年") {
			i = j
			continue
		}
		from, to := max(0, i-72), min(len(s), k+96)
		for from > 0 && s[from]&0xC0 == 0x80 {
			from++
		}
		for to < len(s) && s[to]&0xC0 == 0x80 {
			to++
		}
		if nl := strings.LastIndexByte(s[from:i], '\n'); nl >= 0 {
			from += nl + 1
		}
		if nl := strings.IndexByte(s[k:to], '\n'); nl >= 0 {
			to = k + nl
		}
		if y, a, b := titleIn(s[from:to]); y > 0 && !align.Linked(s, from+a) {
			return y, from + a, from + b
		}
		tries++
		i = j
	}
	return 0, -1, -1
}

func titleIn(line string) (year, start, end int) {
	if !mayHoldTitle(line) {
		return 0, -1, -1
	}
	for _, m := range reTitleYear().FindAllStringSubmatchIndex(line, 4) {
		before := line[:m[0]]
		if cjk.Contains(before, "关于") || strings.Count(before, "《") > strings.Count(before, "》") {
			continue
		}
		g := 2
		if m[2] < 0 {
			g = 4
		}
		y, _ := strconv.Atoi(line[m[g]:m[g+1]])
		return y, m[0], m[1]
	}
	return 0, -1, -1
}

// mayHoldTitle reports words that every match of reTitleYear holds: 信息公开 or 政务公开,
// and 报 (年度报告, 年报, 工作报告) or 统计. Most lines that name a year lack them, and
// the regexp is not tried on those.
func mayHoldTitle(line string) bool {
	return (cjk.Contains(line, "信息公开") || cjk.Contains(line, "政务公开")) &&
		(cjk.Contains(line, "报") || cjk.Contains(line, "统计"))
}

func runYear(p *Pass) {
	rep := p.Report
	s := rep.Norm.S
	d := prose.Of(rep)
	ty, _, _ := titleYear(s)
	py, pyEnd, pStart, pEnd := 0, 0, -1, -1
	if i := cjk.Index(d.S, "12月31日"); i >= 0 {
		from := max(0, i-48)
		for from > 0 && d.S[from]&0xC0 == 0x80 {
			from--
		}
		if m := rePeriodSpan().FindStringSubmatchIndex(d.S[from : i+len("12月31日")]); m != nil {
			py, _ = strconv.Atoi(d.S[from+m[2] : from+m[3]])
			pyEnd, _ = strconv.Atoi(d.S[from+m[4] : from+m[5]])
			pStart, pEnd = d.Span(from+m[0], from+m[1])
		}
	}
	if py > 0 && py != pyEnd {
		p.Reportf(report.Finding{Start: pStart, End: pEnd,
			Message: fmt.Sprintf("统计期限从 %d 年1月1日到 %d 年12月31日，跨了年度；应为同一年的1月1日至12月31日", py, pyEnd)})
	}
	if ty > 0 && pyEnd > 0 && ty != pyEnd {
		p.Reportf(report.Finding{Start: pStart, End: pEnd,
			Message: fmt.Sprintf("标题为 %d 年度报告，统计期限却是 %d 年", ty, pyEnd)})
	}
	year := pyEnd
	if year == 0 {
		year = ty
	}
	if year == 0 {
		year = rep.Year
	}
	if year == 0 {
		return
	}
	// the years the prose tells this year's work under
	count := map[int]int{}
	first := map[int][2]int{}
	// sentences and lines that open with a year: "2023年，我局……"
	starts := make([]int, 0, len(d.Sentences)+len(d.LineStarts))
	for _, sen := range d.Sentences {
		starts = append(starts, sen.Start)
	}
	starts = append(starts, d.LineStarts...)
	sort.Ints(starts)
	for k, at := range starts {
		if k > 0 && starts[k-1] == at {
			continue
		}
		text := d.S[at:min(len(d.S), at+200)]
		if text == "" || text[0] != '(' && (text[0] < '0' || text[0] > '9') {
			continue
		}
		if i := cjk.Index(text, "。"); i >= 0 {
			text = text[:i]
		}
		m := reYearLead().FindStringSubmatchIndex(text)
		if m == nil || containsAnyStr(text[m[1]:], notThisYear) {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		count[y]++
		if _, ok := first[y]; !ok {
			a, b := d.Span(at+m[2], at+m[3]+len("年"))
			first[y] = [2]int{a, b}
		}
	}
	if count[year] > 0 {
		return
	}
	for y, n := range count {
		if n >= 2 && y != year+1 {
			at := first[y]
			where := "统计期限"
			if pyEnd == 0 {
				where = "标题"
				if ty == 0 {
					where = "报告"
				}
			}
			p.Reportf(report.Finding{Severity: "warning", Start: at[0], End: at[1],
				Message: fmt.Sprintf("正文有 %d 处以“%d年”叙述工作，从未提及%s的 %d 年，疑为沿用往年报告", n, y, where, year)})
			return
		}
	}
}

func containsAnyStr(s string, keys []string) bool {
	for _, k := range keys {
		if cjk.Contains(s, k) {
			return true
		}
	}
	return false
}
