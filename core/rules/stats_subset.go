package rules

import (
	"fmt"
	"strings"

	"nianbao/core/report"
	"nianbao/core/stats"
)

var ruleStatsSubset = &Rule{
	ID: "stats.subset", Title: "统计表分项大于总数", Group: GroupStats, Severity: "error", Run: runStatsSubset,
	Doc: `统计表中某一部分大于它所属的整体。
“其中”项（及其下并列的各项）不能大于其上一级指标；主动公开规范性文件数不能大于制发规范性文件总数；
任一公开渠道的信息数不能大于去重后的主动公开政府信息数（后者也不应大于各渠道之和，此项为警告）；
有“本年”“历年累计”两列的表格，本年数不应大于累计数（警告）。数值疑似整体错行时，消息中说明。`,
}

var _ = register(ruleStatsSubset)

// subset is a relation part <= whole between two entries of the table.
type subset struct {
	part, whole int
	why         string // how the whole contains the part, for the message
}

// subsets lists the relations part <= whole that the table's entries must satisfy.
func subsets(ss []report.Stat) []subset {
	var out []subset
	for j, s := range ss {
		i := s.Parent
		if i < 0 || ss[i].Header || s.Header {
			continue
		}
		if in := stats.Lookup(s.ID); in != nil && in.NotPart {
			continue
		}
		if lvl := markLevel(s.Label); lvl == "其中" || lvl == "" {
			out = append(out, subset{part: j, whole: i, why: "其中项"})
		}
	}
	if j, i := stats.Find(ss, "published.normative"), stats.Find(ss, "normative.issued"); j >= 0 && i >= 0 {
		out = append(out, subset{part: j, whole: i, why: "主动公开的规范性文件不能多于制发的"})
	}
	if i := stats.Find(ss, "published"); i >= 0 {
		for j, s := range ss {
			if strings.HasPrefix(s.ID, "channel.") {
				out = append(out, subset{part: j, whole: i, why: "单一渠道公开的信息不能多于去重后的总数"})
			}
		}
	}
	return out
}

// markLevel returns "其中" for a 其中 line, "" for an unnumbered one, and "n" for a
// numbered one.
func markLevel(label string) string {
	switch stats.Mark(label) {
	case -1:
		return "其中"
	case -2:
		return ""
	}
	return "n"
}

func statValue(s report.Stat, k int) (float64, bool) {
	if k >= len(s.Values) || s.Values[k] == nil {
		return 0, false
	}
	return *s.Values[k], true
}

func runStatsSubset(p *Pass) {
	ss := p.Report.Stats
	if len(ss) == 0 {
		return
	}
	shift := shifts(ss)
	// one finding per part and column, naming every whole it exceeds
	type key struct{ part, k int }
	found := map[key][]string{}
	var order []key
	for _, r := range subsets(ss) {
		for k := range ss[r.part].Values {
			pv, ok1 := statValue(ss[r.part], k)
			wv, ok2 := statValue(ss[r.whole], k)
			if !ok1 || !ok2 || pv <= wv {
				continue
			}
			kk := key{r.part, k}
			if _, seen := found[kk]; !seen {
				order = append(order, kk)
			}
			found[kk] = append(found[kk], fmt.Sprintf("“%s” %s（%s，差 %s）", statName(ss[r.whole]), num(wv), r.why, num(pv-wv)))
		}
	}
	for n, kk := range order {
		if n >= maxFindings {
			break
		}
		s := ss[kk.part]
		pv, _ := statValue(s, kk.k)
		msg := fmt.Sprintf("统计表%s“%s”为 %s，大于%s", column(s, kk.k), statName(s), num(pv), strings.Join(found[kk], "、"))
		if h, ok := shift[kk.part]; ok {
			msg += "；" + shiftMessage(ss, h)
		}
		at := s.ValueAt[kk.k]
		p.Reportf(report.Finding{Message: msg, Start: at[0], End: at[1]})
	}
	// the de-duplicated total is at most the sum of the channels
	if i := stats.Find(ss, "published"); i >= 0 {
		for k := range ss[i].Values {
			total, ok := statValue(ss[i], k)
			sum, n, all := 0.0, 0, ok
			for _, s := range ss {
				if strings.HasPrefix(s.ID, "channel.") {
					v, ok := statValue(s, k)
					all = all && ok
					sum += v
					n++
				}
			}
			if all && n >= 2 && total > sum {
				at := ss[i].ValueAt[k]
				p.Reportf(report.Finding{Severity: "warning", Start: at[0], End: at[1],
					Message: fmt.Sprintf("统计表%s“主动公开政府信息数”为 %s，大于各公开渠道之和 %s，差 %s（去重后的总数不应多于各渠道相加）", column(ss[i], k), num(total), num(sum), num(total-sum))})
			}
		}
	}
	// this year's count is part of the running total
	for _, s := range ss {
		y, ok1 := statValue(s, 0)
		c, ok2 := statValue(s, 1)
		if ok1 && ok2 && y > c && !s.Header {
			at := s.ValueAt[0]
			p.Reportf(report.Finding{Severity: "warning", Start: at[0], End: at[1],
				Message: fmt.Sprintf("统计表“%s”本年数 %s 大于历年累计数 %s，差 %s", statName(s), num(y), num(c), num(y-c))})
		}
	}
}
