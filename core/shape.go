package core

import (
	"sort"
	"strings"
	"sync"

	"nianbao/core/report"
	"nianbao/core/template"
)

// shape lays out a rebuilt table in the template's order for rendering: the union of
// the rows' columns, and for each row the cell id under each column it has. The layout
// depends only on the table and the report's variants, so it is made once for each and
// shared by every result (which only read it).
func shape(rep *report.Report, t *template.Table) Table {
	key := t.Title + "|" + t.ID + "|" + variantKey(rep.Variants)
	shapes.RLock()
	tb, ok := shapes.m[key]
	shapes.RUnlock()
	if ok {
		return tb
	}
	tb = lay(rep, t)
	shapes.Lock()
	shapes.m[key] = tb
	shapes.Unlock()
	return tb
}

var shapes = struct {
	sync.RWMutex
	m map[string]Table
}{m: map[string]Table{}}

func variantKey(v map[string]bool) string {
	var on []string
	for k, set := range v {
		if set {
			on = append(on, k)
		}
	}
	sort.Strings(on)
	return strings.Join(on, ",")
}

func lay(rep *report.Report, t *template.Table) Table {
	out := Table{ID: t.ID, Title: t.Title}
	cols := rep.Cols(t)
	for _, c := range cols {
		out.Columns = append(out.Columns, Header{ID: c.ID, Label: c.Label, Group: c.Group})
	}
	for _, r := range rep.Rows(t) {
		out.Rows = append(out.Rows, Header{ID: r.ID, Label: r.Label, Group: r.Group})
		has := map[string]bool{}
		for _, id := range template.RowCols(r, cols) {
			has[id] = true
		}
		line := make([]string, len(cols))
		for i, c := range cols {
			if has[c.ID] {
				line[i] = template.CellID(t.ID, r.ID, c.ID)
			}
		}
		out.Cells = append(out.Cells, line)
	}
	return out
}
