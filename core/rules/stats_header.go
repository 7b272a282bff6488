package rules

import (
	"fmt"
	"math"
	"strings"

	"nianbao/core/report"
	"nianbao/core/stats"
)

var ruleStatsHeader = &Rule{
	ID: "stats.header", Title: "统计表标题行填数", Group: GroupStats, Severity: "error", Run: runStatsHeader,
	Doc: `统计表的标题行（如“一、主动公开情况”“（二）通过不同渠道和方式公开政府信息的情况”）填了数值。
标题行没有计量单位，按定义不填数；填在这里的数通常属于下一行，其下各行的数值随之错上一行。
若把这一段的数值整体下移一行后各项关系都成立，消息中说明并给出下移后的数值。标题行填 0 不报。`,
}

var _ = register(ruleStatsHeader)

func runStatsHeader(p *Pass) {
	ss := p.Report.Stats
	shift := shifts(ss)
	for i, s := range ss {
		if !s.Header {
			continue
		}
		for k := range s.Values {
			v, ok := statValue(s, k)
			if !ok || v == 0 {
				continue
			}
			msg := fmt.Sprintf("统计表标题行“%s”不应填数，却填有 %s", s.Label, num(v))
			if _, ok := shift[i]; ok && k == 0 {
				msg += "；" + shiftMessage(ss, i)
			}
			at := s.ValueAt[k]
			if countRule(p) >= maxFindings {
				return
			}
			p.Reportf(report.Finding{Message: msg, Start: at[0], End: at[1]})
		}
	}
}

// shifts finds the blocks of a statistics table whose values look moved up one row:
// a heading carries a value, and moving the block's values down one row resolves every
// broken relation in it without breaking another. It maps each entry of such a block
// (and its heading) to the heading's index.
func shifts(ss []report.Stat) map[int]int {
	out := map[int]int{}
	var rel []subset
	for h, s := range ss {
		if v, ok := statValue(s, 0); !s.Header || !ok || v == 0 {
			continue
		}
		end := blockEnd(ss, h)
		if end-h < 2 {
			continue
		}
		// the value spilling out of the block must be no value at all
		if v, ok := statValue(ss[end-1], 0); ok && v != 0 {
			continue
		}
		orig := func(j int) (float64, bool) { return statValue(ss[j], 0) }
		moved := func(j int) (float64, bool) {
			if j <= h || j >= end {
				if j == h {
					return 0, false
				}
				return orig(j)
			}
			return statValue(ss[j-1], 0)
		}
		if rel == nil {
			rel = subsets(ss)
		}
		if broken(ss, rel, h, end, orig) == 0 || broken(ss, rel, h, end, moved) != 0 {
			continue
		}
		for j := h; j < end; j++ {
			out[j] = h
		}
	}
	return out
}

// blockEnd returns the end of the rows under heading h: the next heading or the next
// row at h's level or above.
func blockEnd(ss []report.Stat, h int) int {
	for j := h + 1; j < len(ss); j++ {
		if ss[j].Header || ss[j].Level <= ss[h].Level {
			return j
		}
	}
	return len(ss)
}

// broken counts the relations among rows [from, to) that the values given by val break.
func broken(ss []report.Stat, rel []subset, from, to int, val func(int) (float64, bool)) int {
	in := func(j int) bool { return j > from && j < to }
	n := 0
	for _, r := range rel {
		if !in(r.part) || !in(r.whole) {
			continue
		}
		pv, ok1 := val(r.part)
		wv, ok2 := val(r.whole)
		if ok1 && ok2 && pv > wv {
			n++
		}
	}
	for i := from + 1; i < to; i++ {
		ind := stats.Lookup(ss[i].ID)
		if ind == nil || !ind.Sum {
			continue
		}
		kids := stats.Children(ss, i)
		total, ok := val(i)
		for _, j := range kids {
			v, okj := val(j)
			ok = ok && okj && in(j)
			total -= v
		}
		if ok && len(kids) >= 2 && math.Abs(total) > 1e-9 {
			n++
		}
	}
	return n
}

// shiftMessage describes the values of the block under heading h moved down one row.
func shiftMessage(ss []report.Stat, h int) string {
	end := blockEnd(ss, h)
	var parts []string
	for j := h + 1; j < end; j++ {
		if v, ok := statValue(ss[j-1], 0); ok {
			parts = append(parts, fmt.Sprintf("%s %s", statName(ss[j]), num(v)))
		} else {
			parts = append(parts, statName(ss[j])+" 空")
		}
	}
	return fmt.Sprintf("“%s”以下各行的数值疑似整体错上了一行：下移一行后为%s，各项关系均成立", ss[h].Label, strings.Join(parts, "、"))
}
