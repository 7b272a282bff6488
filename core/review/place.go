package review

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/core"
)

// Place cites where a finding is the way the report's author would find it: a table's
// column or row by its printed label (表三「自然人」列, 表三「（七）总计」行), a statistics
// table's row, and in the prose the heading it falls under and the page when the text
// has page breaks. "" when the finding has no place (a comparison of two reports).
func Place(res *core.Result, f core.Finding) string {
	if len(f.Cells) > 0 {
		return cellsPlace(res, f)
	}
	if len(f.At) < 2 {
		return ""
	}
	at := f.At[0]
	for _, s := range res.Stats {
		if len(s.At) == 2 && s.At[0] <= at && at < s.At[1] {
			return "统计表「" + clip(s.Label) + "」行"
		}
	}
	return prosePlace(res.Outline, at)
}

// cellPlace is a cell's table, row and column as printed.
type cellPlace struct{ table, row, col string }

// placeOf reads a cell's label, "表三 （七）总计 · 自然人".
func placeOf(res *core.Result, id string) cellPlace {
	c := res.Cells[id]
	table, rest, ok := strings.Cut(c.Label, " ")
	if !ok {
		return cellPlace{row: id}
	}
	p := cellPlace{table: table, row: rest}
	if i := strings.LastIndex(rest, " · "); i >= 0 {
		p.row, p.col = rest[:i], rest[i+len(" · "):]
	}
	if strings.HasSuffix(id, ".otherorg") {
		p.col = "法人或其他组织·其他"
	}
	return p
}

func cellsPlace(res *core.Result, f core.Finding) string {
	ps := make([]cellPlace, len(f.Cells))
	sameCol, sameRow, sameTable := true, true, true
	for i, id := range f.Cells {
		ps[i] = placeOf(res, id)
		sameTable = sameTable && ps[i].table == ps[0].table
		sameCol = sameCol && sameTable && ps[i].col == ps[0].col
		sameRow = sameRow && sameTable && ps[i].row == ps[0].row
	}
	p := ps[0]
	group := p.table == "表四" // 表四's "rows" are the column groups 行政复议, 行政诉讼…
	switch {
	case len(ps) > 1 && sameRow && group:
		return p.table + "「" + p.row + "」栏"
	case len(ps) > 1 && sameRow:
		return p.table + "「" + clip(p.row) + "」行"
	case len(ps) > 1 && sameCol && p.col != "":
		return p.table + "「" + p.col + "」列"
	}
	switch {
	case f.Total != "":
		p = placeOf(res, f.Total)
	case len(ps) > 1 && sameTable && p.table != "":
		return p.table // cells across rows and columns: the table as a whole
	case len(ps) > 1:
		return ""
	}
	switch {
	case p.col == "":
		return p.table + "「" + clip(p.row) + "」"
	case group:
		return p.table + "「" + p.row + "·" + p.col + "」"
	}
	return p.table + "「" + clip(p.row) + "」行「" + p.col + "」列"
}

// prosePlace cites an offset of the prose: the page, when the text has page breaks or
// printed page numbers, and the headings of levels 1 and 2 above it.
func prosePlace(outline []core.Mark, at int) string {
	var top, sub string
	for _, m := range outline {
		if len(m.At) == 0 || m.At[0] > at {
			continue
		}
		switch m.Level {
		case 1:
			top, sub = m.Title, ""
		case 2:
			sub = m.Title
		}
	}
	var parts []string
	if page := pageAt(outline, at); page > 0 {
		parts = append(parts, "第 "+strconv.Itoa(page)+" 页")
	}
	switch {
	case top != "" && sub != "":
		parts = append(parts, "「"+clip(top)+"」下「"+clip(sub)+"」")
	case top != "" || sub != "":
		parts = append(parts, "「"+clip(top+sub)+"」")
	}
	return strings.Join(parts, "，")
}

// pageAt is the page an offset is on, 0 when the text shows no pages. Form feeds are
// counted. Printed page numbers are read: a footer's number is its page's, so an offset
// is on the page of the next number; numbers printed as headers (the first one before
// any heading) name the page they start.
func pageAt(outline []core.Mark, at int) int {
	var breaks []core.Mark
	header, headed := false, false
	for _, m := range outline {
		switch {
		case len(m.At) == 0:
		case m.Level == 0:
			if len(breaks) == 0 && !headed && m.Page == 1 {
				header = true
			}
			breaks = append(breaks, m)
		default:
			headed = true
		}
	}
	if len(breaks) == 0 {
		return 0
	}
	if breaks[0].Page == 0 { // form feeds
		page := 1
		for _, b := range breaks {
			if b.At[0] <= at {
				page++
			}
		}
		return page
	}
	if header {
		page := max(1, breaks[0].Page-1)
		for _, b := range breaks {
			if b.At[0] <= at {
				page = b.Page
			}
		}
		return page
	}
	for _, b := range breaks {
		if b.At[0] > at {
			return b.Page
		}
	}
	return breaks[len(breaks)-1].Page + 1
}

// clip shortens a long label to its first characters: enough to find it.
func clip(s string) string {
	const most = 18
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	n := 0
	for i := range s {
		if n == most {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
