package rules

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// Hints: what an identity's failure most likely comes from, said as a likelihood,
// never as a fact, and never repairing the report's numbers.

var ruleT3Swap = &Rule{
	ID: "t3.swap", Title: "疑似申请人类型归类错误", Group: GroupBalance, Severity: "info", Run: runT3Swap,
	Doc: `表三两个申请人类型列一多一少、总计列成立，提示某一行把申请记到了另一类申请人名下。
同一项勾稽关系（收支平衡或办理结果合计）在两列不成立，一列多 n、另一列少 n，而“总计”列成立：
多半是某一行把 n 件申请记到了另一类申请人名下（例如新收时记为“自然人”，办理结果中记为“商业企业”）。
这只是提示：两列的错误本身由“表三收支平衡”“表三办理结果合计”报告。`,
}

var _ = register(ruleT3Swap)

var ruleReadDigits = &Rule{
	ID: "read.digits", Title: "疑似数字被拆开", Group: GroupReader, Severity: "info", Run: runReadDigits,
	Doc: `某行读到的数值比模板多一个，把两个相邻的一位数合起来（“1 2”→“12”）正好合计成立，提示数字被拆开。
只有这一种合并能使该行（及其所在各列）的合计关系成立时才提示：多半是排版或转换时一个两位数被空格拆开了。检查程序不替报告改数，该行仍按未读出处理，请核对原件。`,
}

var _ = register(ruleReadDigits)

func runT3Swap(p *Pass) {
	rep := p.Report
	t := rep.Table("t3")
	if t == nil {
		return
	}
	for _, id := range t.Identities {
		if id.Per != "col" || id.When != "" && !rep.Variants[id.When] || len(id.Left) == 0 {
			continue
		}
		// the difference left - right of each column where every cell is read
		diff := map[string]float64{}
		var cols []string
		for _, c := range rep.Cols(t) {
			left, lok := side(rep, t, id, c.ID, id.Left, nil)
			right, rok := side(rep, t, id, c.ID, id.Right, nil)
			if left == nil || right == nil || !lok || !rok {
				continue
			}
			diff[c.ID] = sum(left) - sum(right)
			cols = append(cols, c.ID)
		}
		total, ok := diff["total"]
		if !ok || math.Abs(total) > 1e-9 {
			continue
		}
		var off []string
		for _, c := range cols {
			if c != "total" && c != "legalsum" && math.Abs(diff[c]) > 1e-9 {
				off = append(off, c)
			}
		}
		if len(off) != 2 || math.Abs(diff[off[0]]+diff[off[1]]) > 1e-9 {
			continue
		}
		a, b := off[0], off[1]
		if diff[a] < 0 {
			a, b = b, a
		}
		rule := Lookup(id.Rule)
		p.Reportf(report.Finding{Start: -1, End: -1,
			Cells: append(columnCells(rep, t, id, a), columnCells(rep, t, id, b)...),
			Message: fmt.Sprintf("%s：「%s」列 %s 比 %s 多 %s，「%s」列少 %s，而「总计」列成立：疑似申请人类型归类错误，某一行可能把 %s 件申请记到了另一类申请人名下，请核对这两列各行的数字",
				rule.Title, colLabel(t, a), id.LeftName, id.RightName, num(diff[a]), colLabel(t, b), num(diff[a]), num(diff[a]))})
	}
}

// columnCells lists the cells of an identity's column.
func columnCells(rep *report.Report, t *template.Table, id template.Identity, col string) []string {
	var out []string
	for _, r := range append(append([]string{}, id.Left...), id.Right...) {
		if c := rep.Cell(t.ID, r, col); c != nil {
			out = append(out, c.ID)
		}
	}
	return out
}

func runReadDigits(p *Pass) {
	rep := p.Report
	if rep.Stream == nil {
		return
	}
	n := len(rep.Findings)
	for _, f := range rep.Findings[:n] {
		if f.Rule != "read.count" || len(f.Cells) == 0 || f.Start < 0 {
			continue
		}
		first := rep.Cells[f.Cells[0]]
		t := rep.Table(first.Table)
		if t == nil || t.ID == "t2" {
			continue // 表二's rows have no sums to tell a split by
		}
		toks := rowNumbers(rep.Stream, f.Start, f.End)
		if len(toks) != len(f.Cells)+1 {
			continue
		}
		var fits []int
		for i := 0; i+1 < len(toks); i++ {
			a, b := toks[i], toks[i+1]
			if !singleDigit(a) || !singleDigit(b) || a.Value == 0 || a.Line != b.Line || b.Start-a.End > 3 {
				continue
			}
			vals := make([]float64, 0, len(f.Cells))
			for k, tk := range toks {
				switch k {
				case i:
					vals = append(vals, a.Value*10+b.Value)
				case i + 1:
				default:
					vals = append(vals, tk.Value)
				}
			}
			if fitsRow(rep, t, f.Cells, vals) {
				fits = append(fits, i)
			}
		}
		if len(fits) != 1 {
			continue
		}
		a, b := toks[fits[0]], toks[fits[0]+1]
		var raw []string
		for _, tk := range toks {
			raw = append(raw, tk.Text)
		}
		p.Reportf(report.Finding{Origin: "reader", Start: a.Start, End: b.End, Cells: f.Cells,
			Message: fmt.Sprintf("%s读到的“%s”比模板多一个值；把相邻的“%s %s”合为“%s%s”后，该行的合计关系成立，且只有这一种合法：疑似数字被拆开。该行仍未读取，请核对原件",
				rowName(rep, t, first), strings.Join(raw, " "), a.Text, b.Text, a.Text, b.Text)})
	}
}

// rowNumbers returns the number tokens in [start, end) after the row's label.
func rowNumbers(st *token.Stream, start, end int) []token.Token {
	var out []token.Token
	label := false
	// the tokens are in the order of the text
	from := sort.Search(len(st.Tokens), func(k int) bool { return st.Tokens[k].Start >= start })
	for _, tk := range st.Tokens[from:] {
		if tk.Start >= end {
			break
		}
		switch {
		case tk.Kind == token.Text:
			label = true
			out = out[:0] // numbers before or inside the label are not its values
		case tk.Kind == token.Number && label:
			out = append(out, tk)
		}
	}
	return out
}

func singleDigit(tk token.Token) bool {
	return tk.Kind == token.Number && tk.Int && len(tk.Text) == 1 && tk.Text[0] >= '0' && tk.Text[0] <= '9'
}

// rowName names a read.count finding's row: "表三“一、本年新收政府信息公开申请数量”行", "表四".
func rowName(rep *report.Report, t *template.Table, c *report.Cell) string {
	if t.ID == "t4" {
		return "表四"
	}
	return fmt.Sprintf("%s“%s”行", tableName(t.ID), rowLabel(t, c.Row))
}

// overlaid sums cells, taking the given values for the cells they name: ok is false
// when another cell is unknown, mine when a given value was used.
func overlaid(cs []*report.Cell, given map[string]float64) (sum float64, ok, mine bool) {
	for _, c := range cs {
		v, g := given[c.ID]
		switch {
		case g:
			mine = true
		case c.Known():
			v = *c.Value
		default:
			return 0, false, mine
		}
		sum += v
	}
	return sum, true, mine
}

// fitsRow reports values for the cells of one unread row (表三) or of the whole
// table (表四) that satisfy every identity they take part in, the other cells as read.
func fitsRow(rep *report.Report, t *template.Table, ids []string, vals []float64) bool {
	if len(ids) != len(vals) {
		return false
	}
	given := map[string]float64{}
	for k, id := range ids {
		given[id] = vals[k]
	}
	checked := 0
	for _, id := range t.Identities {
		if id.When != "" && !rep.Variants[id.When] {
			continue
		}
		for _, line := range lines(rep, t, id) {
			left, _ := side(rep, t, id, line, id.Left, nil)
			right, _ := side(rep, t, id, line, id.Right, nil)
			l, lok, lmine := overlaid(left, given)
			r, rok, rmine := overlaid(right, given)
			if left == nil || right == nil || !lok || !rok || !lmine && !rmine {
				continue
			}
			if !holds(id.Op, l, r) {
				return false
			}
			checked++
		}
	}
	return checked > 0
}
