package rules

import (
	"fmt"
	"math"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
)

var ruleCellInvalid = &Rule{
	ID: "cell.invalid", Title: "数值不合规", Group: GroupCells, Severity: "error", Run: runInvalid,
	Doc: `件数必须是不小于 0 的整数；收费金额（万元）必须是不小于 0 的数。
2019 年格式表二的“本年增/减”可以为负数。`,
}

var _ = register(ruleCellInvalid)

func runInvalid(p *Pass) {
	rep := p.Report
	for _, id := range rep.Order {
		c := rep.Cells[id]
		if !c.Known() {
			continue
		}
		kind := kindOf(rep, c)
		v := *c.Value
		var why string
		switch {
		case v < 0 && kind != template.Signed:
			why = "不能为负数"
		case kind != template.Decimal && v != math.Trunc(v):
			why = "件数应为整数"
		}
		if why != "" {
			p.Reportf(report.Finding{Message: fmt.Sprintf("%s 填写为“%s”：%s", c.Label, c.Raw, why),
				Cells: []string{c.ID}, Start: c.Start, End: c.End})
		}
	}
}

func kindOf(rep *report.Report, c *report.Cell) int {
	if t := rep.Table(c.Table); t != nil {
		if col := t.Col(c.Col); col != nil {
			return col.Kind
		}
	}
	return template.Count
}

var ruleCellBlank = &Rule{
	ID: "cell.blank", Title: "空白单元格", Group: GroupCells, Severity: "warning", Run: runBlank,
	Doc: `表格单元格留空或填写“—”“/”。
空白不等于 0：值未知，用到它的勾稽关系无法核对。没有数据的格应填 0。`,
}

var _ = register(ruleCellBlank)

// runBlank reports the cells the report left blank, one finding per row or column
// so that a whole blank 总计 column reads as one problem.
func runBlank(p *Pass) {
	rep := p.Report
	byLine := map[string][]*report.Cell{}
	var keys []string
	for _, id := range rep.Order {
		c := rep.Cells[id]
		if !c.Blank {
			continue
		}
		k := c.Table + "|col|" + c.Col
		if _, ok := byLine[k]; !ok {
			keys = append(keys, k)
		}
		byLine[k] = append(byLine[k], c)
	}
	for _, k := range keys {
		cs := byLine[k]
		var ids, names []string
		start, end := -1, -1
		for _, c := range cs {
			ids = append(ids, c.ID)
			names = append(names, c.Label)
			if c.Start >= 0 && (start < 0 || c.Start < start) {
				start = c.Start
			}
			end = max(end, c.End)
		}
		msg := fmt.Sprintf("%s 为空白：空白不等于 0，相关勾稽关系无法核对", names[0])
		if len(cs) > 1 {
			shown := names
			if len(shown) > 3 {
				shown = append(append([]string{}, names[:3]...), "…")
			}
			msg = fmt.Sprintf("%d 个单元格为空白（%s）：空白不等于 0，相关勾稽关系无法核对", len(cs), strings.Join(shown, "、"))
		}
		p.Reportf(report.Finding{Message: msg, Cells: ids, Start: start, End: end})
	}
}
