package rules

import (
	"fmt"
	"math"
	"strings"

	"nianbao/core/report"
	"nianbao/core/stats"
)

// GroupStats is the page's group of the 2008-2018 statistics-table rules.
const GroupStats = "统计表"

var ruleStatsSum = &Rule{
	ID: "stats.sum", Title: "统计表合计不符", Group: GroupStats, Severity: "error", Run: runStatsSum,
	Doc: `统计表中按定义等于各分项之和的指标，与其分项之和不等。
这些指标是：收到申请数（当面、传真、网络、信函及地方表格增加的电子邮件、其他等）、申请办结数（按时+延期）、
申请答复数（第1至8项）、不同意公开答复数（其下各项理由）、行政复议数量、行政诉讼数量（维持、纠错、其他）、
从事政府信息公开工作人员数（专职+兼职）。分项的层级按表格的编号（一、（一）、1.、其中）重建；
有分项空白时不核对（空白不等于 0）。`,
}

var _ = register(ruleStatsSum)

func runStatsSum(p *Pass) {
	ss := p.Report.Stats
	for i, s := range ss {
		in := stats.Lookup(s.ID)
		if in == nil || !in.Sum || s.Header {
			continue
		}
		kids := stats.Children(ss, i)
		if len(kids) < 2 {
			continue
		}
		for k := range s.Values {
			if s.Values[k] == nil {
				continue
			}
			total, parts, ok := 0.0, make([]string, 0, len(kids)), true
			for _, j := range kids {
				if k >= len(ss[j].Values) || ss[j].Values[k] == nil {
					ok = false
					break
				}
				total += *ss[j].Values[k]
				parts = append(parts, fmt.Sprintf("%s %s", statName(ss[j]), num(*ss[j].Values[k])))
			}
			if !ok || math.Abs(total-*s.Values[k]) < 1e-9 {
				continue
			}
			at := s.ValueAt[k]
			if countRule(p) >= maxFindings {
				return
			}
			p.Reportf(report.Finding{
				Message: fmt.Sprintf("统计表%s“%s”为 %s，其分项之和为 %s（%s），差 %s",
					column(s, k), statName(s), num(*s.Values[k]), num(total), strings.Join(parts, " + "), num(math.Abs(total-*s.Values[k]))),
				Start: at[0], End: at[1],
			})
		}
	}
}

// column names a value column of a two-column table in a message.
func column(s report.Stat, k int) string {
	if len(s.Values) < 2 {
		return ""
	}
	if k == 0 {
		return "本年"
	}
	return "累计"
}

// countRule counts the findings the pass's rule has raised.
func countRule(p *Pass) int {
	n := 0
	for _, f := range p.Report.Findings {
		if f.Rule == p.Rule.ID {
			n++
		}
	}
	return n
}
