package align

import (
	"nianbao/core/internal/cjk"
	"strings"

	"nianbao/core/internal/lazy"
	"nianbao/core/template"
	"nianbao/core/token"
)

// Text holding more than one report: a compilation (汇编) of a county's departments,
// a crawler's listing page, two reports pasted together. Read as one, the second
// report's rows fill what the first left unread and its prose is compared with the
// first's tables, blaming the report for numbers that belong to another. So the
// text is cut where the second report starts, and only the first is read.

// NextReport returns the byte offset in the normalised text s where a second report
// starts, or -1: after the first report's 表四, both 表二 (第二十条) and 表三's first
// row stand again. The cut is the second report's title or its "一、总体情况" when
// either stands between the two, else its 表二's heading.
func NextReport(s string, st *token.Stream) int {
	a := &aligner{toks: st.Tokens}
	n := len(a.toks)
	t2 := a.find(0, n, reT2Start)
	if t2 < 0 {
		return -1
	}
	t4 := a.find(t2+1, n, reT4Start)
	if t4 < 0 {
		return -1
	}
	t3Key := template.T3.Row("new").Key
	if a.find(t2+1, t4, t3Key) < 0 {
		return -1 // the first report has no 表三 before its 表四
	}
	next2 := a.find(t4+1, n, reT2Start)
	if next2 < 0 || a.find(next2+1, n, t3Key) < 0 {
		return -1
	}
	from, to := a.toks[t4].End, a.toks[next2].Start
	if i := lastHeadingStart(s, from, to); i >= 0 {
		return i
	}
	// no heading of its own: cut before the second 表二's section heading
	// ("二、主动公开政府信息情况"), or the 第二十条 itself
	cut := to
	if i := strings.LastIndex(s[from:to], "主动公开政府信息情况"); i >= 0 {
		cut = from + i
		if j := reSectionMark().FindStringIndex(s[max(from, cut-12):cut]); j != nil {
			cut = max(from, cut-12) + j[0]
		}
	}
	return lineStartOf(s, from, cut)
}

var (
	reOverall     = lazy.Regexp(`一\s*[、.．]\s*总体情况`)
	reReportTitle = lazy.Regexp(`[^。；\n]{0,60}政府信息公开(?:工作)?(?:年度)?(?:报告|年报)`)
	reSectionMark = lazy.Regexp(`[二2]\s*[、.．]\s*$`)
)

// lastHeadingStart returns where the second report's heading starts in s[from:to]:
// the title line just before its "一、总体情况", or that heading; -1 when there is none.
func lastHeadingStart(s string, from, to int) int {
	seg := s[from:to]
	locs := reOverall().FindAllStringIndex(seg, -1)
	if len(locs) == 0 {
		if m := reReportTitle().FindAllStringIndex(seg, -1); len(m) > 0 {
			return agencyAbove(s, from, lineStartOf(s, from, from+m[len(m)-1][0]))
		}
		return -1
	}
	at := from + locs[len(locs)-1][0]
	// a title on the line before, or run on just before it in text without lines
	before := s[max(from, at-240):at]
	if m := reReportTitle().FindAllStringIndex(before, -1); len(m) > 0 {
		last := m[len(m)-1]
		if strings.TrimSpace(before[last[1]:]) == "" || !cjk.Contains(before[last[1]:], "\n") {
			return agencyAbove(s, from, lineStartOf(s, max(from, at-240), max(from, at-240)+last[0]))
		}
	}
	// a title further up, a foreword between it and "一、总体情况" ("本报告由……编制"): a
	// line of its own, so that no sentence of the first report's last section is taken
	if i := titleLineBefore(s, max(from, at-1500), at); i >= 0 {
		return agencyAbove(s, from, i)
	}
	if i := titleRunBefore(s, max(from, at-1500), at); i >= 0 {
		return i
	}
	return lineStartOf(s, from, at)
}

// titleRunBefore returns where the last report's title in s[from:to] starts, in text
// without line breaks (a crawler's): a title set apart by a space after it, which a
// sentence naming a report ("……年度报告编制工作") is not; -1 when there is none.
func titleRunBefore(s string, from, to int) int {
	seg := s[from:to]
	if strings.IndexByte(seg, '\n') >= 0 {
		return -1
	}
	found := -1
	for _, m := range reReportTitle().FindAllStringIndex(seg, -1) {
		if m[1] < len(seg) && (seg[m[1]] == ' ' || seg[m[1]] == '\t') {
			found = from + m[0] + len(seg[m[0]:m[1]]) - len(strings.TrimLeft(seg[m[0]:m[1]], " \t"))
		}
	}
	return found
}

// titleLineBefore returns the start of the last line in s[from:to] that is a report's
// title and nothing else, or -1.
func titleLineBefore(s string, from, to int) int {
	found := -1
	for at := from; at < to; {
		end := strings.IndexByte(s[at:to], '\n')
		if end < 0 {
			end = to - at
		}
		line := strings.TrimSpace(s[at : at+end])
		if line != "" && len(line) <= 180 {
			if m := reReportTitle().FindStringIndex(line); m != nil && m[0] == 0 && m[1] == len(line) {
				found = at
			}
		}
		at += end + 1
	}
	return found
}

// agencyAbove returns the start of the line above a title starting at byte i when that
// line names the agency alone (a title set as "淮安市人民政府" over "2024 年政府信息公开
// 工作年度报告"): the report starts with its agency. Otherwise i.
func agencyAbove(s string, from, i int) int {
	above := strings.TrimRight(s[from:i], " \t\n\r")
	j := strings.LastIndexByte(above, '\n') + 1
	if j == 0 && from > 0 {
		return i // no line break between the first report's end and the title
	}
	if line := strings.TrimSpace(above[j:]); line != "" && reOrg().MatchString(line) {
		return from + j
	}
	// run on after the first report's last sentence, set apart by spaces ("……情况。
	// 淮安市人民政府", two texts joined without a line break)
	if k := strings.LastIndex(above[j:], "  "); k >= 0 {
		tail := strings.TrimSpace(above[j+k:])
		if tail != "" && reOrg().MatchString(tail) {
			return from + j + k + strings.Index(above[j+k:], tail)
		}
	}
	return i
}

// lineStartOf returns the start of the line holding byte i, not before from; in text
// without line breaks, i itself.
func lineStartOf(s string, from, i int) int {
	if j := strings.LastIndexByte(s[from:i], '\n'); j >= 0 {
		if strings.TrimSpace(s[from+j+1:i]) == "" {
			return from + j + 1
		}
		return i
	}
	return i
}
