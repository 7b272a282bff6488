package align

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strings"

	"nianbao/core/report"
	"nianbao/core/template"
	"nianbao/core/token"
)

// t3Strategies are the ways 表三 is read, in the order they are tried.
var t3Strategies = []strategy{
	byLabels,
	{name: "arithmetic", doc: "连写数字有多种拆分时，取唯一使各列勾稽关系（一+二=三(七)+四，(七)=各项之和）成立的组合。",
		read: func(a *aligner, tr *tableRead) bool { return a.resolveSplits(tr.reads, tr.rows) }},
	{name: "columns", doc: "空格对齐的文本（PDF -layout）中数值少于列数的行：按完整行给出的各列位置，把每个数值放到其下方的列。",
		read: func(a *aligner, tr *tableRead) bool {
			a.placeByColumns(tr.reads, tr.ncols)
			return allOK(tr.reads)
		}},
	{name: "subtotal column", doc: "多数行有 8 个数值：另有“法人或其他组织”小计列，按 8 列重读。",
		read: func(a *aligner, tr *tableRead) bool {
			if !a.mostlyEight(tr.reads) {
				return false
			}
			tr.ncols = 8
			tr.variants[template.LegalSum] = true
			tr.check = nil
			return byLabels.read(a, tr)
		}},
	inTemplateOrder(func(a *aligner, tr *tableRead) ([]piece, string) {
		seq, transposed := a.inOrder(tr.from, tr.to, tr.ncols)
		if len(seq) != len(tr.rows)*tr.ncols {
			a.otherByCount(tr, len(seq)) // the labels may have misled the variant
		}
		if len(seq) == len(tr.rows)*tr.ncols && tr.ncols == 7 && !rowsAddUp(seq) {
			// the count fits, but the rows do not add up: the values are not in the
			// rows' order (a PDF's column-major text that lost its line breaks)
			s, e := spanOf(seq)
			a.rep.Reader("read.ambiguous", "warning", "表三的行标签与数字不在一起，按模板的行序读取时多行的总计与各列之和不符："+
				"数字在文本中不是按行排列的（常见于丢失了换行的 PDF 文本），无法确定各数字所属的行和列，表三留空", s, e)
			return nil, ""
		}
		if transposed {
			return seq, "；其中按列打印的数字块已还原为行"
		}
		return seq, ""
	}),
}

// rowsAddUp reports whether 表三's rows, read in the template's order from seq (seven
// values each), mostly add up: 总计 = the six applicant columns in all but two rows
// or a tenth of them. A report errs in a row or two; values out of order err in many.
func rowsAddUp(seq []piece) bool {
	bad, rows := 0, len(seq)/7
	for r := 0; r < rows; r++ {
		row := seq[r*7 : r*7+7]
		sum, known := 0.0, true
		for _, p := range row[:6] {
			known = known && !p.blank
			sum += p.value
		}
		if known && !row[6].blank && sum != row[6].value {
			bad++
		}
	}
	return bad <= max(2, rows/10)
}

// readT3 rebuilds 表三 and returns the variant of its （六）其他处理 rows found
// (template.OtherSplit or OtherSingle), or "" when there is no 表三.
func (a *aligner) readT3() string {
	from, to := a.t3[0], a.t3[1]
	if from < 0 {
		return ""
	}
	t := template.T3
	a.rep.Tables = append(a.rep.Tables, t)
	tr := &tableRead{t: t, from: from, to: to, ncols: 7, check: t3RowSum}
	tr.width = func(template.Row) int { return tr.ncols }
	tr.other = a.otherVariant(from, to)
	tr.variants = map[string]bool{tr.other: true}
	for row, v := range template.Subtotals {
		if (row != "other.sum" || tr.other == template.OtherSplit) && a.carriesNumbers(from, to, t.Row(row).Key) {
			tr.variants[v] = true
		}
	}
	tr.rows = t.Active(tr.variants)
	a.run(tr, t3Strategies)
	if tr.other == "" {
		tr.other = template.OtherSplit
		tr.variants[tr.other] = true
		tr.rows = t.Active(tr.variants)
	}
	for k := range tr.variants {
		a.rep.Variants[k] = true
	}
	cols := t.ActiveCols(tr.variants)
	if tr.ncols == 8 {
		cols = a.legalSumOrder(tr.reads, cols)
	}
	a.fillTable(tr, a.grid(t, tr.rows, cols))
	a.wrappedLabels()
	return tr.other
}

// fillTable fills the cells of a table read by a strategy, or the rows read where
// none read them all, and says what the reader did or could not do.
func (a *aligner) fillTable(tr *tableRead, cells [][]*report.Cell) {
	t := tr.t
	switch {
	case tr.seq != nil:
		k := 0
		for i, r := range tr.rows {
			w := tr.width(r)
			fillPieces(cells[i], tr.seq[k:k+w])
			k += w
		}
		a.recordLabels(t.ID, tr.rows, a.labelsAnywhere(tr.rows, tr.from, tr.to))
		s, e := spanOf(tr.seq)
		a.rep.Reader("read.order", "info", tableShort(t.ID)+"的行标签与数字不在一起（常见于从 PDF 复制的文本），已按模板的行序读取数字"+tr.order, s, e)
	case tr.by != "":
		for i, rr := range tr.reads {
			fillPieces(cells[i], rr.cells)
		}
		a.noteSplits(t.ID, tr.reads)
		a.recordLabels(t.ID, tr.rows, labelsOf(tr.reads))
	case tr.orphans != nil:
		var ids []string
		for _, row := range cells {
			ids = append(ids, rowIDs(row)...)
		}
		s, e := spanOf(tr.orphans)
		a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("%s第一行标签之前已有一整行数值（%s）：标签可能印在其数值之后（常见于 OCR 和转换工具的输出），无法确定各行数值属于哪一行，%s留空",
			tableShort(t.ID), describe(tr.orphans), tableShort(t.ID)), s, e, ids...)
	default:
		a.partialRows(tr, cells)
		a.recordLabels(t.ID, tr.rows, labelsOf(tr.reads))
	}
}

// otherByCount switches 表三 to the other variant of its （六）其他处理 rows when
// that one's row count fits n values and the labels' does not.
func (a *aligner) otherByCount(tr *tableRead, n int) {
	for _, alt := range []string{template.OtherSplit, template.OtherSingle} {
		altVariants := map[string]bool{alt: true}
		for k := range tr.variants {
			if k != tr.other && (k != template.SubOther || alt == template.OtherSplit) {
				altVariants[k] = true
			}
		}
		altRows := tr.t.Active(altVariants)
		if alt != tr.other && n == len(altRows)*tr.ncols {
			tr.other, tr.rows, tr.variants = alt, altRows, altVariants
			return
		}
	}
}

// carriesNumbers reports a group label that carries numbers of its own (a subtotal
// row): "（三）不予公开" followed by values before any other label.
func (a *aligner) carriesNumbers(from, to int, key *template.Pattern) bool {
	for i := from; i < to; i++ {
		t := &a.toks[i]
		if t.Kind != token.Text || !template.Match(key, t.Key) {
			continue
		}
		for k := i + 1; k < to && k <= i+3; k++ {
			if n := &a.toks[k]; n.Kind == token.Number && !(n.DotAfter && k+1 < to && a.toks[k+1].Gap == token.GapNone) {
				return true
			}
			if a.toks[k].Kind == token.Text && !a.toks[k].PageNum {
				return false
			}
		}
	}
	return false
}

// otherVariant tells the 2021 three-row （六）其他处理 from the 2019 single row by labels.
func (a *aligner) otherVariant(from, to int) string {
	t := template.T3
	if a.find(from, to, t.Row("other.nofix").Key) >= 0 || a.find(from, to, t.Row("other.nofee").Key) >= 0 {
		return template.OtherSplit
	}
	if a.find(from, to, t.Row("other").Key) >= 0 {
		return template.OtherSingle
	}
	return ""
}

// mostlyEight reports rows that mostly hold eight numbers: a 法人或其他组织 subtotal column.
func (a *aligner) mostlyEight(anch []rowRead) bool {
	eight, found := 0, 0
	for _, rr := range anch {
		if !rr.label.found() {
			continue
		}
		found++
		if numbers(rr.vals) == 8 {
			eight++
		}
	}
	return found > 0 && eight*2 > found
}

// legalSumOrder places the subtotal column where the report's arithmetic puts it:
// right after 自然人, or after the five kinds of organisation.
func (a *aligner) legalSumOrder(anch []rowRead, cols []template.Col) []template.Col {
	after, before := 0, 0 // votes for "after 其他" and "right after 自然人"
	for _, rr := range anch {
		if !rr.ok {
			continue
		}
		v := make([]float64, 8)
		for k, p := range rr.cells {
			v[k] = p.value
		}
		if v[6] == v[1]+v[2]+v[3]+v[4]+v[5] {
			after++
		}
		if v[1] == v[2]+v[3]+v[4]+v[5]+v[6] {
			before++
		}
	}
	var sum template.Col
	var rest []template.Col
	for _, c := range cols {
		if c.ID == "legalsum" {
			sum = c
		} else {
			rest = append(rest, c)
		}
	}
	pos := 1
	if after > before {
		pos = 6
	}
	out := append([]template.Col{}, rest[:pos]...)
	out = append(out, sum)
	return append(out, rest[pos:]...)
}

// partialRows fills the rows that read cleanly and reports the others.
func (a *aligner) partialRows(tr *tableRead, cells [][]*report.Cell) {
	t := tr.t
	a.noteSplits(t.ID, tr.reads)
	found := 0
	for _, rr := range tr.reads {
		if rr.label.found() {
			found++
		}
	}
	if found == 0 {
		// not one row's label: one finding for the table, not one a row
		var ids []string
		for i := range tr.reads {
			ids = append(ids, rowIDs(cells[i])...)
		}
		a.rep.Reader("read.missing", "warning",
			fmt.Sprintf("%s的 %d 行一行也没有找到，各格无法读取", tableShort(t.ID), len(tr.reads)), -1, -1, ids...)
		return
	}
	for i, rr := range tr.reads {
		switch {
		case rr.ok:
			fillPieces(cells[i], rr.cells)
		case !rr.label.found():
			a.rep.Reader("read.missing", "warning",
				fmt.Sprintf("未找到%s“%s”行，该行各格无法读取", tableShort(t.ID), rr.row.Label), -1, -1, rowIDs(cells[i])...)
		case rr.splits > 1:
			a.ambiguousSplit(t.ID, rr, cells[i])
		case runOn(rr.vals, tr.width(rr.row)):
			s, e := spanOf(rr.vals)
			a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("%s“%s”行的数字连写为“%s”，没有一种拆分符合合计关系（总计=各列之和），无法确定各格的值，该行留空",
				tableShort(t.ID), rr.row.Label, describe(rr.vals)), s, e, rowIDs(cells[i])...)
		default:
			s, e := rr.label.start, rr.label.end
			if s2, e2 := spanOf(rr.vals); s2 >= 0 {
				e = max(e, e2)
			}
			a.rep.Reader("read.count", "warning",
				fmt.Sprintf("%s“%s”行读到 %d 个值（%s），应为 %d 个；无法确定各值属于哪一列，该行留空",
					tableShort(t.ID), rr.row.Label, len(rr.vals), describe(rr.vals), tr.width(rr.row)), s, e, rowIDs(cells[i])...)
		}
	}
}

// runOn reports values that are fewer than the row's n cells but hold digits enough
// for them: cells run together with no separator.
func runOn(vals []piece, n int) bool {
	digits := 0
	for _, p := range vals {
		if p.blank || !p.integer {
			return false
		}
		digits += len(p.raw)
	}
	return len(vals) > 0 && len(vals) < n && digits >= n
}

// t3RowSum is the arithmetic of a 表三 row of seven cells: 总计 = the six applicant columns.
func t3RowSum(template.Row) func([]float64) bool {
	return func(v []float64) bool {
		if len(v) != 7 {
			return false
		}
		return v[6] == v[0]+v[1]+v[2]+v[3]+v[4]+v[5]
	}
}

// noteSplits tells the user, once per table, that rows had their digits run together
// and were cut the one way the arithmetic allows.
func (a *aligner) noteSplits(table string, rrs []rowRead) {
	var rows []string
	var vals []piece
	for _, rr := range rrs {
		if rr.ok && rr.splits == 1 {
			var parts []string
			for _, p := range rr.cells {
				parts = append(parts, p.raw)
			}
			rows = append(rows, fmt.Sprintf("“%s”%s→%s", short(rr.row.Label), describe(rr.vals), strings.Join(parts, " ")))
			vals = append(vals, rr.vals...)
		}
	}
	if len(rows) == 0 {
		return
	}
	shown := rows
	if len(shown) > 3 {
		shown = append(append([]string{}, rows[:3]...), "…")
	}
	s, e := spanOf(vals)
	a.rep.Reader("read.split", "info", fmt.Sprintf("%s有 %d 行的数字连写在一起，每行只有一种拆分符合合计关系（总计=各列之和，必要时结合各列的勾稽关系），已按此读取：%s",
		tableShort(table), len(rows), strings.Join(shown, "；")), s, e)
}

// short drops a label's parenthesised note.
func short(label string) string {
	if i := cjk.Index(label, "（区分"); i > 0 {
		return label[:i]
	}
	return label
}

// ambiguousSplit reports run-together digits that more than one cut explains.
func (a *aligner) ambiguousSplit(table string, rr rowRead, cells []*report.Cell) {
	s, e := spanOf(rr.vals)
	a.rep.Reader("read.ambiguous", "warning", fmt.Sprintf("%s“%s”行的数字连写为“%s”，有多种拆分都符合合计关系，无法确定，该行留空",
		tableShort(table), rr.row.Label, describe(rr.vals)), s, e, rowIDs(cells)...)
}

// maxCombos bounds the combinations of candidate splits tried against the columns.
const maxCombos = 4096

// resolveSplits decides rows whose run-together digits the row's own sum left open:
// when every other row is read, exactly one combination of the candidate splits may
// make every column balance (一+二 = 三(七)+四, and (七)总计 = the outcome rows).
func (a *aligner) resolveSplits(anch []rowRead, rows []template.Row) bool {
	var open []int
	combos := 1
	for i, rr := range anch {
		switch {
		case rr.ok:
		case rr.splits > 1 && len(rr.cands) == rr.splits:
			open = append(open, i)
			combos *= len(rr.cands)
		default:
			return false
		}
	}
	if len(open) == 0 || combos > maxCombos {
		return false
	}
	choice := make([]int, len(open))
	var found []int
	n := 0
	for c := 0; c < combos; c++ {
		x := c
		for k, i := range open {
			choice[k] = x % len(anch[i].cands)
			x /= len(anch[i].cands)
			anch[i].cells = anch[i].cands[choice[k]]
		}
		if columnsBalance(anch, rows) {
			n++
			found = append([]int{}, choice...)
		}
	}
	if n != 1 {
		for _, i := range open {
			anch[i].cells = nil
		}
		return false
	}
	for k, i := range open {
		anch[i].cells = anch[i].cands[found[k]]
		anch[i].ok = true
		anch[i].splits = 1
	}
	return true
}

// columnsBalance checks 表三's column identities on rows read as pieces.
func columnsBalance(anch []rowRead, rows []template.Row) bool {
	val := map[string][]float64{}
	for i, rr := range anch {
		v := make([]float64, len(rr.cells))
		for k, p := range rr.cells {
			v[k] = p.value
		}
		val[rows[i].ID] = v
	}
	for _, id := range template.T3.Identities {
		if id.Per != "col" || !allIn(val, id.Left) || !allIn(val, id.Right) {
			continue // not this variant's
		}
		for c := 0; c < 7; c++ {
			l, r := 0.0, 0.0
			for _, x := range id.Left {
				if val[x] == nil || len(val[x]) <= c {
					return false
				}
				l += val[x][c]
			}
			for _, x := range id.Right {
				if val[x] == nil || len(val[x]) <= c {
					return false
				}
				r += val[x][c]
			}
			if l != r {
				return false
			}
		}
	}
	return true
}

func allOK(anch []rowRead) bool {
	for _, rr := range anch {
		if !rr.ok {
			return false
		}
	}
	return true
}

func allIn(val map[string][]float64, ids []string) bool {
	for _, id := range ids {
		if _, ok := val[id]; !ok {
			return false
		}
	}
	return true
}
