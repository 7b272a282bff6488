package align

import (
	"nianbao/core/template"
)

// A strategy is one way of reading a table's rows from the text. A table lists its
// strategies in order; each is tried on what those before it left unread, and the
// first that reads every cell ends the search. What none reads stays unknown, with a
// read.* finding that says why: the reader's problem, never the report's.
type strategy struct {
	name string
	doc  string
	// read tries the strategy on the table; it reports whether every row is read.
	read func(a *aligner, tr *tableRead) bool
}

// tableRead is a table as the strategies read it: plain data handed from one to the
// next.
type tableRead struct {
	t        *template.Table
	rows     []template.Row
	variants map[string]bool
	from, to int                    // the table's tokens
	width    func(template.Row) int // cells each row has
	check    rowCheck               // a row's own arithmetic, for cutting run-together digits
	reads    []rowRead              // the rows read by their labels
	seq      []piece                // or: the table's values in the template's row order
	order    string                 // a note on how seq was put in order, for read.order
	ncols    int                    // 表三: columns of every row (7, or 8 with a subtotal column)
	other    string                 // 表三: the variant of its （六）其他处理 rows
	by       string                 // the strategy that read every row, "" when none did
	orphans  []piece                // values before the first label, a row's worth or more
}

// run tries the strategies in order.
func (a *aligner) run(tr *tableRead, strategies []strategy) {
	for _, s := range strategies {
		if s.read(a, tr) {
			tr.by = s.name
			return
		}
	}
}

// byLabels reads each row by its label: the values between it and the next row's.
var byLabels = strategy{name: "labels",
	doc: "每行按其标签定位，取标签与下一行标签之间的数值（任何排版：表格单元格、竖线、制表符、每格一行、空格对齐、连写）。",
	read: func(a *aligner, tr *tableRead) bool {
		var ok bool
		tr.reads, ok = a.anchored(tr.rows, tr.from, tr.to, tr.width, tr.check)
		if len(tr.reads) > 0 && tr.reads[0].label.found() {
			// a whole row's values before the first label: the labels may follow
			// their values (OCR and converters print some so), and every row would
			// take the next row's numbers; no row is read by its label then
			if before := a.spanValues(tr.from, tr.reads[0].label.first); numbers(before) >= tr.width(tr.rows[0]) {
				for i := range tr.reads {
					tr.reads[i].ok, tr.reads[i].cells, tr.reads[i].cands, tr.reads[i].splits = false, nil, nil, 0
				}
				tr.orphans = before
				return false
			}
		}
		return ok
	}}

// inTemplateOrder reads the values of the table's region in the template's row
// order, when their count is exactly what the template needs: text whose labels stand
// apart from their numbers (a PDF's reading order).
func inTemplateOrder(values func(a *aligner, tr *tableRead) ([]piece, string)) strategy {
	return strategy{name: "order",
		doc: "标签与数字不在一起（PDF 的阅读顺序文本）：当数值个数恰为模板所需时，按模板行序读取；按列打印的数字块先还原为行。",
		read: func(a *aligner, tr *tableRead) bool {
			seq, how := values(a, tr)
			total := 0
			for _, r := range tr.rows {
				total += tr.width(r)
			}
			if len(seq) != total {
				return false
			}
			tr.seq, tr.order = seq, how
			return true
		}}
}
