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
	for _, c := range rep.Order {
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
	Doc: `表格单元格留空或填写“—”“/”：每张表一条，说明有多少个空白格。
空白不等于 0：值未知。没有数据的格应填 0。用到空白格的勾稽关系按“空白为 0”的假设核对，
并在各勾稽关系的结果中注明“若空白按 0 计”：按此假设不成立的是报告的错误（合计有误，或空白处漏填了数字）；
成立的只是按假设成立，并非确证。空白格与未能读出的格不同：未读出的格是检查程序的问题，不作任何假设。`,
}

var _ = register(ruleCellBlank)

// runBlank reports the cells the report left blank, one finding per table: a report
// that leaves every zero blank has a hundred of them, and they are one problem.
func runBlank(p *Pass) {
	rep := p.Report
	for _, t := range rep.Tables {
		var ids []string
		var cells, rows, cols []string // distinct rows and columns, in table order
		seenRow, seenCol := map[string]bool{}, map[string]bool{}
		total := 0
		start, end := -1, -1
		for _, c := range rep.Order {
			if c.Table != t.ID {
				continue
			}
			total++
			if !c.Blank {
				continue
			}
			ids = append(ids, c.ID)
			cells = append(cells, strings.TrimPrefix(c.Label, tableName(t.ID)+" "))
			if !seenRow[c.Row] {
				seenRow[c.Row], rows = true, append(rows, c.Row)
			}
			if !seenCol[c.Col] {
				seenCol[c.Col], cols = true, append(cols, c.Col)
			}
			if c.Start >= 0 && (start < 0 || c.Start < start) {
				start = c.Start
			}
			end = max(end, c.End)
		}
		if len(ids) == 0 {
			continue
		}
		var where string
		switch {
		case len(ids) == total:
			where = "全部 " + fmt.Sprint(total) + " 格均为空白"
		case len(ids) <= 3:
			where = fmt.Sprintf("有 %d 个空白单元格（%s）", len(ids), strings.Join(cells, "、"))
		case len(cols) == 1 && t.ID != "t4":
			where = fmt.Sprintf("有 %d 个空白单元格，都在「%s」列", len(ids), colLabel(t, cols[0]))
		case len(rows) == 1:
			where = fmt.Sprintf("有 %d 个空白单元格，都在「%s」%s", len(ids), short(rowLabel(t, rows[0])), map[bool]string{true: "组", false: "行"}[t.ID == "t4"])
		default:
			where = fmt.Sprintf("有 %d 个空白单元格（共 %d 格）", len(ids), total)
		}
		msg := tableName(t.ID) + where + "：空白不等于 0，没有数据的格应填 0"
		if len(t.Identities) > 0 {
			msg += "；用到空白格的勾稽关系已按“空白为 0”的假设核对，见各项结果"
		}
		p.Reportf(report.Finding{Cells: ids, Start: start, End: end, Message: msg})
	}
}

func colLabel(t *template.Table, id string) string {
	if c := t.Col(id); c != nil {
		return c.Label
	}
	return id
}

func rowLabel(t *template.Table, id string) string {
	if r := t.Row(id); r != nil {
		return r.Label
	}
	return id
}
