package rules

import (
	"cmp"
	"fmt"
	"math"
	"nianbao/core/internal/cjk"
	"slices"
	"strings"
	"sync"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
	"nianbao/core/template"
)

// checkIdentities evaluates the identities of the report's tables that belong to the
// pass's rule. An identity with an unread cell cannot be checked: it neither passes
// nor fails, and the rule says how many it could not check. An identity whose only
// unknown cells are blanks the report left is checked under the stated assumption
// that a blank means 0: a failure then is the report's error whatever the blanks
// were meant to say (either the sum is wrong, or a value is missing), while a pass
// is no certainty and is said to hold only under the assumption.
func checkIdentities(p *Pass) {
	rep := p.Report
	unchecked := 0
	var unread []string
	var assumed []string // identities that hold only if a blank means 0, worded
	var assumedCells []string
	var failed []assumedFailure   // identities that fail if a blank means 0
	var lbuf, rbuf []*report.Cell // the sides' cells, reused from line to line
	for _, t := range rep.Tables {
		grid := rep.Grid(t)
		for k := range t.Identities {
			id := t.Identities[k]
			if id.Rule != p.Rule.ID || (id.When != "" && !rep.Variants[id.When]) {
				continue
			}
			var at *positions
			if grid != nil {
				at = positionsOf(t, &t.Identities[k])
			}
			for _, line := range lines(rep, t, id) {
				var left, right []*report.Cell
				var lok, rok bool
				if at != nil {
					li, ok := at.lines[line]
					if !ok {
						li = -1
					}
					left, lok = sideAt(grid, len(t.Cols), id.Per, at.left, li, lbuf[:0])
					right, rok = sideAt(grid, len(t.Cols), id.Per, at.right, li, rbuf[:0])
				} else {
					left, lok = side(rep, t, id, line, id.Left, lbuf[:0])
					right, rok = side(rep, t, id, line, id.Right, rbuf[:0])
				}
				lbuf, rbuf = keep(lbuf, left), keep(rbuf, right)
				if left == nil || right == nil { // a cell the template variant lacks
					continue
				}
				blank := !lok || !rok
				if blank && (hasUnread(left) || hasUnread(right)) {
					unchecked++
					unread = appendUnknown(unread, left, right)
					continue
				}
				l, r := sum(left), sum(right)
				if holds(id.Op, l, r) {
					if p.Config.Held && !blank {
						p.Report.Held = append(p.Report.Held, report.Held{Rule: p.Rule.ID, Cells: cellIDs(left, right),
							Text: heldText(t, id, line, left, right)})
					}
					if blank {
						w := heldText(t, id, line, left, right)
						if isTotalLine(id, line) {
							assumed = append([]string{w}, assumed...) // the 总计 line says most
						} else {
							assumed = append(assumed, w)
						}
						assumedCells = appendUnknown(assumedCells, left, right)
					}
					continue
				}
				f := identityFinding(p, t, id, line, left, right, l, r)
				if blank {
					failed = append(failed, assumedFailure{f: f, hint: fillHint(id, left, right, l, r),
						blankTotal: len(left) == 1 && left[0].Blank && r != 0})
					continue
				}
				p.Reportf(f)
			}
		}
	}
	reportAssumedFailures(p, failed)
	if len(assumed) > 0 {
		count := ""
		if len(assumed) > 1 {
			count = fmt.Sprintf("（共 %d 处%s按此成立）", len(assumed), p.Rule.Title)
		}
		p.Reportf(report.Finding{Severity: "info", Start: -1, End: -1, Cells: uniq(assumedCells),
			Message: assumeBlank + assumed[0] + count + "。空白不等于 0，这只是按假设核对，并非确证"})
	}
	if unchecked > 0 {
		// not the report's finding: the reader left these cells unread
		p.Reportf(report.Finding{Severity: "info", Origin: "reader", Start: -1, End: -1, Cells: uniq(unread),
			Message: fmt.Sprintf("有 %d 处%s因单元格未读出而无法核对", unchecked, p.Rule.Title)})
	}
}

// heldText says an identity held, with its terms: "表三「自然人」列：一(8)+二(0)=8，
// 三(七)(7)+四(1)=8，成立".
func heldText(t *template.Table, id template.Identity, line string, left, right []*report.Cell) string {
	return fmt.Sprintf("%s%s：%s，%s，成立", tableName(t.ID), lineName(t, id, line), terms(t, id, left, id.LeftName), terms(t, id, right, id.RightName))
}

// cellIDs lists the ids of an identity's cells, both sides.
func cellIDs(sides ...[]*report.Cell) []string {
	var out []string
	for _, cs := range sides {
		for _, c := range cs {
			out = append(out, c.ID)
		}
	}
	return out
}

// assumedFailure is an identity that fails if a blank means 0.
type assumedFailure struct {
	f          report.Finding
	hint       string // what the one blank would need to be, or ""
	blankTotal bool   // the total is the blank, its parts are not 0
}

// reportAssumedFailures reports the identities that fail when a blank means 0: each
// on its own when they are few, else as one finding, so that a 总计 column left blank
// is one problem and not twenty-five.
func reportAssumedFailures(p *Pass, failed []assumedFailure) {
	const why = "（空白不等于 0：或者合计有误，或者空白处漏填了数字）"
	if len(failed) <= 3 {
		for _, a := range failed {
			f := a.f
			f.Message = assumeBlank + f.Message + cmp.Or(a.hint, why)
			p.Reportf(f)
		}
		return
	}
	g := report.Finding{Start: -1, End: -1}
	blankTotals := 0
	for _, a := range failed {
		g.Cells = append(g.Cells, a.f.Cells...)
		if a.f.Start >= 0 && (g.Start < 0 || a.f.Start < g.Start) {
			g.Start = a.f.Start
		}
		g.End = max(g.End, a.f.End)
		if a.blankTotal {
			blankTotals++
		}
	}
	g.Cells = uniq(g.Cells)
	g.Message = fmt.Sprintf("%s%s有 %d 处不成立，如%s", assumeBlank, p.Rule.Title, len(failed), failed[0].f.Message)
	if blankTotals == len(failed) {
		g.Message += fmt.Sprintf("；这 %d 处都是合计为空白而分项不为 0，疑似合计漏填", blankTotals)
	} else {
		g.Message += why
	}
	p.Reportf(g)
}

// fillHint says what the one blank of a failed identity would have to be for it to
// hold: "（「予以公开·总计」空白，填 1362 则成立，疑似漏填）". Nothing when there are
// several blanks or no whole number fits.
func fillHint(id template.Identity, left, right []*report.Cell, l, r float64) string {
	if id.Op != "=" {
		return ""
	}
	var blank *report.Cell
	need := 0.0
	for k, side := range [][]*report.Cell{left, right} {
		for _, c := range side {
			if !c.Blank {
				continue
			}
			if blank != nil {
				return ""
			}
			blank = c
			need = r - l
			if k == 1 {
				need = l - r
			}
		}
	}
	if blank == nil || need <= 0 || need != math.Trunc(need) {
		return ""
	}
	return fmt.Sprintf("（%s 为空白，填 %s 则成立，疑似漏填）", blank.Label, num(need))
}

// uniq drops repeated ids, keeping the first of each.
func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// assumeBlank opens the message of an identity evaluated with its blanks as 0.
const assumeBlank = "若空白按 0 计："

// hasUnread reports a cell the reader could not read: unlike a blank the report
// left, nothing may be assumed of it.
func hasUnread(cs []*report.Cell) bool {
	for _, c := range cs {
		if !c.Known() && !c.Blank {
			return true
		}
	}
	return false
}

// isTotalLine reports the 总计 column or row of an identity.
func isTotalLine(id template.Identity, line string) bool { return line == "total" }

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

// side returns the cells of one side of an identity on one line, appended to out (an
// empty slice); ok is false when one of them is unknown, and the slice is nil when the
// report has no such cell at all.
func side(rep *report.Report, t *template.Table, id template.Identity, line string, ids []string, out []*report.Cell) ([]*report.Cell, bool) {
	if len(ids) == 0 {
		return nil, true // no ids: nil, and ok
	}
	if out == nil {
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

// positions are an identity's cells by position in its table's grid (Report.Grid):
// for each side, the index of each of its ids among the table's rows (Per "col") or
// columns (Per "row"), -1 for an id the table lacks; and the index of each line.
type positions struct {
	left, right []int
	lines       map[string]int
}

// positionsOf returns the positions of identity id of table t, worked out once.
func positionsOf(t *template.Table, id *template.Identity) *positions {
	if p, ok := positionsCache.Load(id); ok {
		return p.(*positions)
	}
	rows := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = r.ID
	}
	cols := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = c.ID
	}
	ids, lineIDs := rows, cols
	if id.Per == "row" {
		ids, lineIDs = cols, rows
	}
	p := &positions{left: indexes(ids, id.Left), right: indexes(ids, id.Right), lines: make(map[string]int, len(lineIDs))}
	for i, l := range lineIDs {
		p.lines[l] = i
	}
	positionsCache.Store(id, p)
	return p
}

var positionsCache sync.Map // *template.Identity -> *positions

// indexes returns the index of each of want in ids, -1 where it is not there.
func indexes(ids, want []string) []int {
	out := make([]int, len(want))
	for k, w := range want {
		out[k] = slices.Index(ids, w)
	}
	return out
}

// sideAt is side by position: the cells of one side (at, as positions gives them)
// on line li of table grid, which has ncols columns.
func sideAt(grid []*report.Cell, ncols int, per string, at []int, li int, out []*report.Cell) ([]*report.Cell, bool) {
	if len(at) == 0 {
		return nil, true // no ids: nil, and ok
	}
	if out == nil {
		out = make([]*report.Cell, 0, len(at))
	}
	ok := true
	for _, x := range at {
		row, col := x, li
		if per == "row" {
			row, col = li, x
		}
		if row < 0 || col < 0 {
			return nil, false
		}
		c := grid[row*ncols+col]
		if c == nil {
			return nil, false
		}
		ok = ok && c.Known()
		out = append(out, c)
	}
	return out, ok
}

// keep returns the larger array of buf and side, to be reused.
func keep(buf, side []*report.Cell) []*report.Cell {
	if cap(side) > cap(buf) {
		return side
	}
	return buf
}

// sum adds the cells' values; a blank counts as 0 (callers only sum blanks when
// stating that assumption).
func sum(cs []*report.Cell) float64 {
	s := 0.0
	for _, c := range cs {
		s += value(c)
	}
	return s
}

// value is a cell's value, 0 for a blank.
func value(c *report.Cell) float64 {
	if c.Value == nil {
		return 0
	}
	return *c.Value
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
	ids := cellIDs(left, right)
	start, end := -1, -1
	for _, c := range append(append([]*report.Cell{}, left...), right...) {
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
		if many && value(c) == 0 {
			continue
		}
		v := "空白"
		if c.Value != nil {
			v = num(*c.Value)
		}
		parts = append(parts, fmt.Sprintf("%s(%s)", termName(t, id, c), v))
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
	if i := cjk.Index(s, "（"); i > 0 {
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
