package rules

import (
	"fmt"
	"math"
	"strings"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
	"nianbao/core/template"
)

// checkIdentities evaluates the identities of the report's tables that belong to the
// pass's rule. An identity with an unknown cell cannot be checked: it neither passes
// nor fails, and the rule says how many it could not check.
func checkIdentities(p *Pass) {
	rep := p.Report
	unchecked := 0
	var blanks []string
	for _, t := range rep.Tables {
		for _, id := range t.Identities {
			if id.Rule != p.Rule.ID || (id.When != "" && !rep.Variants[id.When]) {
				continue
			}
			for _, line := range lines(rep, t, id) {
				left, lok := side(rep, t, id, line, id.Left)
				right, rok := side(rep, t, id, line, id.Right)
				if left == nil || right == nil { // a cell the template variant lacks
					continue
				}
				if !lok || !rok {
					unchecked++
					blanks = appendUnknown(blanks, left, right)
					continue
				}
				l, r := sum(left), sum(right)
				if holds(id.Op, l, r) {
					continue
				}
				p.Reportf(identityFinding(p, t, id, line, left, right, l, r))
			}
		}
	}
	if unchecked > 0 {
		p.Reportf(report.Finding{Severity: "info", Start: -1, End: -1, Cells: blanks,
			Message: fmt.Sprintf("有 %d 处%s因单元格空白或未读出而无法核对（空白不等于 0）", unchecked, p.Rule.Title)})
	}
}

func holds(op string, l, r float64) bool {
	if op == "<=" {
		return l <= r+1e-9
	}
	return math.Abs(l-r) < 1e-9
}

// lines lists the columns (Per "col") or rows (Per "row") an identity applies to.
func lines(rep *report.Report, t *template.Table, id template.Identity) []string {
	if id.Lines != nil {
		return id.Lines
	}
	var out []string
	if id.Per == "col" {
		for _, c := range rep.Cols(t) {
			out = append(out, c.ID)
		}
		return out
	}
	for _, r := range rep.Rows(t) {
		out = append(out, r.ID)
	}
	return out
}

// side returns the cells of one side of an identity on one line; ok is false when one
// of them is unknown, and the slice is nil when the report has no such cell at all.
func side(rep *report.Report, t *template.Table, id template.Identity, line string, ids []string) ([]*report.Cell, bool) {
	var out []*report.Cell
	if len(ids) > 0 { // no ids: nil, and ok
		out = make([]*report.Cell, 0, len(ids))
	}
	ok := true
	for _, x := range ids {
		row, col := x, line
		if id.Per == "row" {
			row, col = line, x
		}
		c := rep.Cell(t.ID, row, col)
		if c == nil {
			return nil, false
		}
		ok = ok && c.Known()
		out = append(out, c)
	}
	return out, ok
}

func sum(cs []*report.Cell) float64 {
	s := 0.0
	for _, c := range cs {
		s += *c.Value
	}
	return s
}

func appendUnknown(ids []string, sides ...[]*report.Cell) []string {
	for _, s := range sides {
		for _, c := range s {
			if !c.Known() {
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// identityFinding words a broken identity with the report's own numbers:
// "表三「自然人」列：一(60)+二(0)=60，三(七)(59)+四(2)=61，差 1".
func identityFinding(p *Pass, t *template.Table, id template.Identity, line string, left, right []*report.Cell, l, r float64) report.Finding {
	where := lineName(t, id, line)
	op := "≠"
	if id.Op == "<=" {
		op = ">"
	}
	msg := fmt.Sprintf("%s%s：%s，%s，%s %s %s，差 %s", tableName(t.ID), where,
		terms(t, id, left, id.LeftName), terms(t, id, right, id.RightName), num(l), op, num(r), num(math.Abs(l-r)))
	var ids []string
	start, end := -1, -1
	for _, c := range append(append([]*report.Cell{}, left...), right...) {
		ids = append(ids, c.ID)
		if c.Start >= 0 {
			if start < 0 || c.Start < start {
				start = c.Start
			}
			end = max(end, c.End)
		}
	}
	total := ""
	if len(left) == 1 {
		total = left[0].ID // the side that should equal the parts
	}
	return report.Finding{Message: msg, Cells: ids, Start: start, End: end, Total: total}
}

func tableName(id string) string {
	return map[string]string{"t2": "表二", "t3": "表三", "t4": "表四"}[id]
}

func lineName(t *template.Table, id template.Identity, line string) string {
	if id.Per == "col" {
		if c := t.Col(line); c != nil {
			return "「" + c.Label + "」列"
		}
	}
	if r := t.Row(line); r != nil {
		return "「" + short(r.Label) + "」" + map[bool]string{true: "组", false: "行"}[t.ID == "t4"]
	}
	return line
}

// terms writes one side: every term with its value when there are few, else the
// non-zero ones: "一(60)+二(0)=60" or "各项办理结果之和：予以公开(7)+本机关不掌握(1)=8".
func terms(t *template.Table, id template.Identity, cs []*report.Cell, name string) string {
	var parts []string
	many := len(cs) > 6
	for _, c := range cs {
		if many && *c.Value == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s(%s)", termName(t, id, c), num(*c.Value)))
	}
	if len(cs) == 1 {
		return parts[0]
	}
	body := strings.Join(parts, "+")
	if many {
		if body == "" {
			body = "各项均为0"
		}
		return fmt.Sprintf("%s：%s=%s", name, body, num(sum(cs)))
	}
	return fmt.Sprintf("%s=%s", body, num(sum(cs)))
}

func termName(t *template.Table, id template.Identity, c *report.Cell) string {
	if id.Per == "col" {
		if r := t.Row(c.Row); r != nil {
			if s, ok := rowShort[r.ID]; ok {
				return s
			}
			return short(r.Label)
		}
	}
	if col := t.Col(c.Col); col != nil {
		return col.Label
	}
	return c.ID
}

// rowShort names the rows the template itself refers to by number.
var rowShort = map[string]string{"new": "一", "carried": "二", "total": "三(七)", "carryover": "四",
	"denied": "(三)不予公开小计", "unable": "(四)无法提供小计", "reject": "(五)不予处理小计", "other.sum": "(六)其他处理小计"}

var reLead = lazy.Regexp(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)`)

// short drops a label's numbering and its parenthesised note.
func short(label string) string {
	s := reLead().ReplaceAllString(label, "")
	if i := strings.Index(s, "（"); i > 0 {
		s = s[:i]
	}
	return s
}

// num prints a number as the report would: no decimals for whole numbers.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%d", int64(v))
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}
