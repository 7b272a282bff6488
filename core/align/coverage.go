package align

import (
	"fmt"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
)

// cover records how much of each table the report should have was read, and says so
// in a read.coverage finding when part of it was not; text with no table at all is
// not a report (read.notreport).
func cover(rep *report.Report) {
	if rep.Template == "stats" {
		n, read := 0, 0
		for _, s := range rep.Stats {
			if s.Header {
				continue
			}
			n++
			if s.Misread == nil {
				read++
				continue
			}
			for k, raw := range s.Misread {
				if raw != "" {
					rep.Reader("read.garbled", "warning", fmt.Sprintf("统计表“%s”的数值处写作“%s”，不是数字（疑似识别错误），该项未读出，请核对原件",
						s.Label, raw), s.ValueAt[k][0], s.ValueAt[k][1])
				}
			}
		}
		rep.Coverage = []report.Coverage{{Table: "stats", Name: "统计表", Cells: n, Read: read, Found: true}}
		if read < n {
			rep.Reader("read.coverage", "warning", fmt.Sprintf("检查不完整：统计表 %d 项中读出 %d 项。未读出的项没有核对，与之相关的关系也未核对；这是检查程序读取的问题，不是报告的错误", n, read), -1, -1)
		}
		return
	}
	if rep.Generation == nil {
		rep.NotReport = true
		rep.Reader("read.notreport", "error", "没有找到年度报告的表格（表二、表三、表四或2008—2018年的统计表）："+
			"这段文字不像政府信息公开工作年度报告，或报告的表格是图片；未做任何核对", -1, -1)
		pictured(rep, nil)
		return
	}
	var parts []string
	var unread []string
	var none []string // tables of which not one cell was read
	missing := false
	for _, t := range []*template.Table{rep.Generation.T2, template.T3, template.T4} {
		c := report.Coverage{Table: t.ID, Name: tableShort(t.ID)}
		if got := rep.Table(t.ID); got != nil {
			c.Found = true
			for _, cell := range rep.Order {
				if cell.Table == t.ID {
					c.Cells++
					if cell.Unread {
						unread = append(unread, cell.ID)
						if cell.Raw != "" {
							rep.Reader("read.garbled", "warning", fmt.Sprintf("%s处写作“%s”，不是数字（疑似识别错误），该格未读出，请核对原件",
								cell.Label, cell.Raw), cell.Start, cell.End, cell.ID)
						}
					} else {
						c.Read++
					}
				}
			}
		} else {
			c.Cells = templateCells(rep, t)
		}
		rep.Coverage = append(rep.Coverage, c)
		if c.Read == 0 {
			none = append(none, c.Name)
		}
		switch {
		case !c.Found:
			parts = append(parts, fmt.Sprintf("未找到%s（%d 格）", c.Name, c.Cells))
			missing = true
		case c.Read < c.Cells:
			parts = append(parts, fmt.Sprintf("%s %d 格中读出 %d 格", c.Name, c.Cells, c.Read))
		}
	}
	if len(parts) > 0 {
		why := "这是检查程序读取的问题，不是报告的错误"
		if missing {
			why = "未读出的格是检查程序读取的问题；未找到的表可能是报告缺少，也可能是其格式无法识别，请核对原件"
		}
		rep.Reader("read.coverage", "warning", "检查不完整："+strings.Join(parts, "；")+
			"。未读出的格没有核对，与之相关的勾稽关系也未核对；"+why, -1, -1, unread...)
	}
	if len(none) > 0 {
		pictured(rep, none)
	}
}

// pictured says, when tables were not read at all (none names them; nil: no table
// found) and the input had images, that the tables are likely pictures: at the first
// image after the report's title (the tables' place), or the first of all.
func pictured(rep *report.Report, none []string) {
	imgs := rep.Norm.Images
	if len(imgs) == 0 {
		return
	}
	at := imgs[0]
	limit := TitleLimit(rep.Norm.S)
	for _, i := range imgs {
		if i >= limit {
			at = i
			break
		}
	}
	msg := fmt.Sprintf("原文有 %d 张图片：报告的表格很可能是以图片形式发布的，程序无法读取图片中的数字；"+
		"请核对原件，或提供表格为文字的版本", len(imgs))
	if none != nil {
		msg = fmt.Sprintf("%s一格也没有读出，而原文有 %d 张图片：这些表格很可能是以图片形式发布的，"+
			"程序无法读取图片中的数字，没有核对；请核对原件，或提供表格为文字的版本", strings.Join(none, "、"), len(imgs))
	}
	rep.Reader("read.image", "warning", msg, at, at+1)
}

// templateCells counts the cells table t has in this report's variants.
func templateCells(rep *report.Report, t *template.Table) int {
	n := 0
	cols := rep.Cols(t)
	for _, r := range rep.Rows(t) {
		n += len(template.RowCols(r, cols))
	}
	return n
}
