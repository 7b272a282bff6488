// Package align rebuilds the template's tables from a token stream: the reader.
//
// Layout is evidence, not the frame. The tokens (package token) are pieces of text,
// numbers and blanks, each with the gap before it — a tab, a pipe or a table cell
// boundary separates cells for certain, a line break or a space probably, nothing at
// all means a crawler ran them together. The stages, plain data between them:
//
//   - label anchors (anchor.go): each row's label found in the stream of text tokens
//     in the template's order — a cell of its own, the end of a run of headings, two
//     tokens a line break cut, its item number claimed back from the value it ran on to;
//   - row spans (span.go): the values between a label and the next, stepping over page
//     numbers and the pieces of group labels, ending at prose;
//   - values to cells (piece.go, rows.go): blanks placed, run-together digits cut only
//     where exactly one cut fits the template's arithmetic;
//   - strategies (strategy.go, t2.go, t3.go, t4.go): each table's ways of reading
//     tried in order — by labels, by the columns' arithmetic, by layout columns, with a
//     subtotal column, in the template's order (text whose labels stand apart from
//     their numbers, column-major PDF text);
//   - what was located, for the rules and the prose: the labels as printed (labels.go,
//     wrapped.go), the tables' spans (spans.go), and how much was read (coverage.go).
//
// Where the text does not decide, the cells are left unknown (nil) with a read.*
// finding: the reader's problem, never the report's.
package align

import (
	"iter"
	"sync"

	"nianbao/core/internal/lazy"
	"nianbao/core/internal/pool"
	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/template"
	"nianbao/core/token"
)

// Read rebuilds the report's tables.
func Read(norm *source.Norm, st *token.Stream) *report.Report {
	rep := report.New(norm, st)
	markPageNumbers(st)
	rep.Year, rep.Agency = meta(norm.S)
	if Stats != nil && Stats.Detect(st) {
		rep.Template = "stats"
		Stats.Read(rep)
		cover(rep)
		return rep
	}
	a := &aligner{rep: rep, toks: st.Tokens, scratch: scratches.Get()}
	a.regions()
	gen2 := a.readT2()
	other := a.readT3()
	a.readT4()
	a.decide(gen2, other)
	a.spans()
	cover(rep)
	a.scratch.release()
	return rep
}

// scratch is what an aligner works in and leaves behind when the report is read
// (the cells hold what it found): reused by the next report's.
type scratch struct {
	vocab      []uint64
	values     []piece   // a row's values as they are found
	free, used [][]piece // blocks of pieces to cut rows from, and those cut from
}

var scratches pool.Of[scratch]

// release hands the scratch back, its blocks emptied (they hold the text's strings).
func (s *scratch) release() {
	for _, b := range s.used {
		clear(b)
		s.free = append(s.free, b)
	}
	s.used = s.used[:0]
	clear(s.values[:cap(s.values)])
	scratches.Put(s)
}

// keepPieces returns a copy of ps, exactly as long, cut from the scratch's blocks.
func (a *aligner) keepPieces(ps []piece) []piece {
	if len(ps) == 0 {
		return nil
	}
	if a.scratch == nil {
		return append([]piece(nil), ps...)
	}
	if len(a.pieces) < len(ps) {
		var b []piece
		if n := len(a.scratch.free); n > 0 && len(a.scratch.free[n-1]) >= len(ps) {
			b, a.scratch.free = a.scratch.free[n-1], a.scratch.free[:n-1]
		} else {
			b = make([]piece, max(pieceBlock, len(ps)))
		}
		a.scratch.used = append(a.scratch.used, b)
		a.pieces = b
	}
	out := a.pieces[:len(ps):len(ps)]
	a.pieces = a.pieces[len(ps):]
	copy(out, ps)
	return out
}

// pieceBlock is how many pieces a block holds: about a report's rows' values.
const pieceBlock = 256

// StatsReader reads the 2008-2018 statistics table; the stats package provides it.
type StatsReader interface {
	Detect(st *token.Stream) bool
	Read(rep *report.Report)
}

// Stats is set by the statistics-table reader at start-up, keeping this package free
// of a dependency on it.
var Stats StatsReader

type aligner struct {
	rep   *report.Report
	toks  []token.Token
	block []report.Cell // cells not yet handed out
	// scratch is reused from report to report (nil: none); pieces, the rest of its
	// block of pieces being cut
	scratch *scratch
	pieces  []piece
	// claimed[i] is how many bytes at the end of number token i belong to the label
	// after it: its item number, run on to the value ("127.属于行政执法案卷").
	claimed map[int]int
	// vocab caches, for each text token, the rows and columns of table vocabOf whose
	// words it holds (see vocabulary)
	vocab   []uint64
	vocabOf *template.Table
	// token index ranges [start, end) of each table's region; start < 0: not found
	t2, t3, t4 [2]int
}

var (
	reT2Start  = template.NewPattern(`第二十条`)
	reT3Start  = template.NewPattern(`收到和处理政府信息公开申请|勾稽关系`)
	reT4Start  = template.NewPattern(`行政复议[、,和及与]*行政诉讼情况|政府信息公开行政复议`)
	reT4End    = template.NewPattern(`^(五[、.]|\(五\))|存在的主要问题|主要问题及改进|改进情况|其他需要报告|^六[、.]`)
	reHeadingN = lazy.Regexp(`^[一二三四五六七八九十]+[、.]`)
)

// regions finds where each table's tokens lie.
func (a *aligner) regions() {
	n := len(a.toks)
	t2 := a.find(0, n, reT2Start)
	from := 0
	if t2 >= 0 {
		from = t2
	}
	t3 := a.find(from, n, reT3Start)
	if t3 < 0 {
		t3 = a.find(from, n, template.T3.Row("new").Key)
	}
	from4 := from
	if t3 >= 0 {
		from4 = t3
	}
	t4 := a.find(from4+1, n, reT4Start)
	t4end := n
	if t4 >= 0 {
		if e := a.find(t4+1, n, reT4End); e >= 0 {
			t4end = e
		}
	}
	a.t2 = [2]int{t2, firstOf(t3, t4, n)}
	if t2 < 0 {
		a.t2 = [2]int{-1, -1}
	}
	a.t3 = [2]int{t3, firstOf(t4, n)}
	if t3 < 0 {
		a.t3 = [2]int{-1, -1}
	}
	a.t4 = [2]int{t4, t4end}
	if t4 < 0 {
		a.t4 = [2]int{-1, -1}
	}
}

func firstOf(xs ...int) int {
	for _, x := range xs {
		if x >= 0 {
			return x
		}
	}
	return -1
}

// find returns the index of the first text token in [from, to) matching re, or -1.
func (a *aligner) find(from, to int, re *template.Pattern) int {
	if from < 0 {
		from = 0
	}
	m := template.MatcherOf(re)
	for i := from; i < to && i < len(a.toks); i++ {
		if t := &a.toks[i]; t.Kind == token.Text && !t.PageNum && m.Match(t.Key) {
			return i
		}
	}
	return -1
}

// decide names the template from what was read, and records deviations.
func (a *aligner) decide(gen2 *template.Generation, other string) {
	rep := a.rep
	if gen2 == nil && other == "" && len(rep.Cells) == 0 {
		return
	}
	gen := gen2
	if gen == nil {
		gen = template.Generations[0]
		if other == template.OtherSingle {
			gen = template.Generations[1]
		}
	}
	rep.Generation = gen
	rep.Template = gen.ID
	if other != "" && other != gen.T3Other {
		if other == template.OtherSingle {
			rep.Notes = append(rep.Notes, "混合格式：表二为2021年格式，表三“（六）其他处理”只有一行（2019年格式）")
		} else {
			rep.Notes = append(rep.Notes, "混合格式：表二为2019年格式，表三“（六）其他处理”分为三项（2021年格式）")
		}
	}
	if rep.Variants[template.LegalSum] {
		rep.Notes = append(rep.Notes, "表三另有“法人或其他组织”小计列")
	}
}

// newCell registers an empty cell of table t, taking it from the block of cells the
// aligner allocates at once.
func (a *aligner) newCell(t *template.Table, n *report.Place) *report.Cell {
	if len(a.block) == 0 {
		a.block = make([]report.Cell, 64)
	}
	c := &a.block[0]
	a.block = a.block[1:]
	*c = report.Cell{Place: n, Start: -1, End: -1, Unread: true}
	a.rep.AddCell(t, c)
	return c
}

// placesOf returns the place of every cell of table t, by the row's and the column's
// index in t.Rows and t.Cols: the same in every report, made once.
func placesOf(t *template.Table) [][]report.Place {
	if n, ok := placesCache.Load(t); ok {
		return n.([][]report.Place)
	}
	out := make([][]report.Place, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = make([]report.Place, len(t.Cols))
		for j, col := range t.Cols {
			label := tableShort(t.ID) + " " + row.Label + " · " + col.Label
			if t.ID == "t4" {
				label = tableShort(t.ID) + " " + groupLabel(row) + " · " + col.Label
			}
			out[i][j] = report.Place{ID: template.CellID(t.ID, row.ID, col.ID), Table: t.ID, Row: row.ID, Col: col.ID, Label: label, Pos: i*len(t.Cols) + j}
		}
	}
	if n, loaded := placesCache.LoadOrStore(t, out); loaded {
		return n.([][]report.Place) // another check made them first: share its
	}
	return out
}

var placesCache sync.Map // *template.Table -> [][]report.Place

func groupLabel(r template.Row) string {
	if r.Group != "" {
		return r.Group + "·" + r.Label
	}
	return r.Label
}

func tableShort(id string) string {
	return map[string]string{"t2": "表二", "t3": "表三", "t4": "表四"}[id]
}

// markPageNumbers marks a number alone on the last line of a page, or the first line
// of the next, that equals the page's number.
func markPageNumbers(st *token.Stream) {
	for li, l := range st.Lines {
		if l.N != 1 {
			continue
		}
		t := &st.Tokens[l.First]
		if t.Kind != token.Number || !t.Int {
			continue
		}
		next := nextNonEmpty(st, li+1, 1)
		prev := nextNonEmpty(st, li-1, -1)
		last := next < 0 || st.Lines[next].Page > l.Page
		first := prev >= 0 && st.Lines[prev].Page < l.Page
		if (last && int(t.Value) == l.Page+1) || (first && int(t.Value) == l.Page+1) {
			t.PageNum = true
		}
	}
}

func nextNonEmpty(st *token.Stream, i, step int) int {
	for ; i >= 0 && i < len(st.Lines); i += step {
		if st.Lines[i].N > 0 {
			return i
		}
	}
	return -1
}

// grid registers the cells of rows x cols (each row keeping only the columns it has).
func (a *aligner) grid(t *template.Table, rows []template.Row, cols []template.Col) [][]*report.Cell {
	places := placesOf(t)
	out := make([][]*report.Cell, len(rows))
	// the rows' cells cut from one array: a row has at most every column
	all := make([]*report.Cell, 0, len(rows)*len(cols))
	for i, r := range rows {
		ri := rowIndex(t, r.ID)
		from := len(all)
		for id := range rowCols(r, cols) {
			for _, c := range cols {
				if c.ID == id {
					all = append(all, a.newCell(t, &places[ri][colIndex(t, c.ID)]))
				}
			}
		}
		out[i] = all[from:len(all):len(all)]
	}
	return out
}

// rowCols is template.RowCols without making the list of every column's id.
func rowCols(r template.Row, cols []template.Col) iter.Seq[string] {
	return func(yield func(string) bool) {
		if r.Cols != nil {
			for _, id := range r.Cols {
				if !yield(id) {
					return
				}
			}
			return
		}
		for _, c := range cols {
			if !yield(c.ID) {
				return
			}
		}
	}
}

// colIndex returns the index of column id in t.Cols.
func colIndex(t *template.Table, id string) int {
	for i := range t.Cols {
		if t.Cols[i].ID == id {
			return i
		}
	}
	return -1
}

func rowIDs(cells []*report.Cell) []string {
	ids := make([]string, len(cells))
	for i, c := range cells {
		ids[i] = c.ID
	}
	return ids
}

// ComparableWant is Comparable for the template's own labels, worked out once each.
func ComparableWant(label string) string {
	if c, ok := wantCache.Load(label); ok {
		return c.(string)
	}
	c := Comparable(label)
	wantCache.Store(label, c)
	return c
}

var wantCache sync.Map
