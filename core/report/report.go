// Package report is the rebuilt report passed between the stages: the aligner fills
// it from the tokens, the rules read it and add findings, and core turns it into the
// Result of the output contract.
package report

import (
	"nianbao/core/internal/pool"
	"nianbao/core/source"
	"nianbao/core/template"
	"nianbao/core/token"
)

// Cell is one value of a rebuilt table.
type Cell struct {
	*Place
	Value      *float64 // nil: blank, dash or unreadable
	Raw        string
	Start, End int  // byte offsets in the normalised text; -1 when nothing was read
	Blank      bool // the report left it blank or wrote a dash
	Unread     bool // the reader could not place a value here
	value      float64
}

// Place is where a cell stands in its table, and its names: the same in every report,
// made once and shared by the cells of every report at that place.
type Place struct {
	ID       string
	Table    string
	Row, Col string
	Label    string // "表三 （七）总计 · 自然人"
	// Pos is the place's index in its table's grid: row i and column j of the
	// template table's Rows and Cols at i*len(Cols)+j.
	Pos int
}

// SetValue gives the cell a value, held in the cell itself: no allocation of its own.
func (c *Cell) SetValue(v float64) {
	c.value = v
	c.Value = &c.value
}

// Known reports whether the cell has a value.
func (c *Cell) Known() bool { return c != nil && c.Value != nil }

// Finding is a problem found in the report or met while reading it.
type Finding struct {
	Rule     string
	Severity string // "error" | "warning" | "info"
	Origin   string // "report" | "reader"
	Message  string
	Cells    []string
	Start    int // byte offsets in the normalised text; -1 when none
	End      int
	Total    string // the cell that disagrees with its parts
}

// Label is a row label as the report prints it, located by the reader.
type Label struct {
	Table, Row string
	Text       string // as found, normalised
	Want       string // the template's wording
	Start, End int
	// Wrapped: read back piece by piece from the lines of a narrow column (layout
	// text wraps a long label so): only a misspelling is sure, not a word more or less.
	Wrapped bool
	// Piece: one piece of a label wrapped over lines, whose other pieces stand on the
	// lines near it: not to be compared as a whole label.
	Piece bool
}

// Report is everything read from one input.
type Report struct {
	Norm   *source.Norm
	Stream *token.Stream

	Template   string // "2021" | "2019" | "stats" | "unknown"
	Generation *template.Generation
	Variants   map[string]bool
	Notes      []string // deviations from the template, in Chinese
	Tables     []*template.Table
	Year       int // 0 when not found
	Agency     string

	Cells  map[string]*Cell
	Order  []*Cell // the cells in table order
	Labels []Label

	// Stats is the 2008-2018 statistics table, in the order printed.
	Stats []Stat

	// Spans are where the tables stand in the text, from their headers to their last
	// value: the prose is what lies outside them.
	Spans []Span

	Findings []Finding

	// Coverage says how much of each table the report should have was read; set by
	// the reader once it is done.
	Coverage []Coverage
	// NotReport: no template table and no statistics table was found; the text is
	// not an annual report (or its tables are pictures).
	NotReport bool
	// Others: the text went on with further reports, cut off and not checked.
	Others bool
	// Held are the identities that held, when the check was asked to record them.
	Held []Held

	// Prose is the prose package's reading of the report, made once by prose.Of and
	// shared by the rules (kept here, not in a global cache, so that reports checked
	// in parallel do not read each other's out).
	Prose any

	rows  map[*template.Table][]template.Row
	cols  map[*template.Table][]template.Col
	grids map[*template.Table][]*Cell
}

// released holds what released reports leave, emptied: a check makes a map and lists
// of some 280 cells and 60 labels, and a batch or a page checks one report after another.
var released pool.Of[Report] // holding only Cells, Order, Labels and grids

// New returns an empty report of the normalised text and its tokens, its map and
// lists those of a released report when there is one.
func New(norm *source.Norm, st *token.Stream) *Report {
	r := released.Get()
	if r.Cells == nil {
		r.Cells = make(map[string]*Cell, 256) // the cells of a 2019 or 2021 report
	}
	r.Norm, r.Stream, r.Template, r.Variants = norm, st, "unknown", map[string]bool{}
	return r
}

// Release hands the report's token stream, cell map, lists and prose back for the
// next check to reuse; none may be used afterwards (the cells themselves stay valid).
func (r *Report) Release() {
	r.Stream.Release()
	if p, ok := r.Prose.(interface{ Release() }); ok {
		p.Release()
	}
	if r.Cells == nil {
		return
	}
	clear(r.Cells)
	clear(r.Order)
	clear(r.Labels)
	for _, g := range r.grids {
		clear(g)
	}
	// the grids stay by table: the next report of the same template fills the same
	*r = Report{Cells: r.Cells, Order: r.Order[:0], Labels: r.Labels[:0], grids: r.grids}
	released.Put(r)
}

// AddCell registers a cell of table t: by id, in table order, and by position.
func (r *Report) AddCell(t *template.Table, c *Cell) {
	r.Cells[c.ID] = c
	if r.Order == nil {
		r.Order = make([]*Cell, 0, 256) // the cells of a 2019 or 2021 report
	}
	r.Order = append(r.Order, c)
	g, ok := r.grids[t]
	if !ok {
		if r.grids == nil {
			r.grids = make(map[*template.Table][]*Cell, 3)
		}
		g = make([]*Cell, len(t.Rows)*len(t.Cols))
		r.grids[t] = g
	}
	g[c.Pos] = c
}

// Grid returns the cells of table t by position (see Place.Pos), nil where the
// report has no such cell; nil for a table whose cells were not added by AddCell.
func (r *Report) Grid(t *template.Table) []*Cell { return r.grids[t] }

// Cell returns the cell of table t at row and column, or nil.
func (r *Report) Cell(t, row, col string) *Cell {
	// template.CellID built on the stack: the lookup does not keep the key
	var buf [64]byte
	k := append(buf[:0], t...)
	k = append(k, '.')
	k = append(k, row...)
	k = append(k, '.')
	k = append(k, col...)
	return r.Cells[string(k)]
}

// Table returns the rebuilt table with the given id, or nil.
func (r *Report) Table(id string) *template.Table {
	for _, t := range r.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Add records a finding.
func (r *Report) Add(f Finding) { r.Findings = append(r.Findings, f) }

// Reader records a problem of the reader's own: something it could not read reliably.
func (r *Report) Reader(rule, severity, msg string, start, end int, cells ...string) {
	r.Add(Finding{Rule: rule, Severity: severity, Origin: "reader", Message: msg, Start: start, End: end, Cells: cells})
}

// Held is an identity that held: its rule, its cells, its arithmetic in words
// ("表三「自然人」列：一(8)+二(0)=8，三(七)(7)+四(1)=8，成立").
type Held struct {
	Rule  string
	Cells []string
	Text  string
}

// Span is the extent of a table in the normalised text.
type Span struct {
	Table      string // "t2", "t3", "t4", "stats"
	Start, End int
}

// InTable reports whether byte i of the normalised text lies in a table.
func (r *Report) InTable(i int) bool {
	for _, s := range r.Spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// Coverage is how much of one table the reader read.
type Coverage struct {
	Table string // "t2", "t3", "t4", "stats"
	Name  string // "表三"
	Cells int    // cells the template has for this report
	Read  int    // of which placed: a value, or a blank the report left
	Found bool   // the table was located in the text
}

// Stat is one indicator of a 2008-2018 statistics table (统计指标 | 单位 | 统计数).
type Stat struct {
	Label  string     // as printed, normalised
	Unit   string     // 条, 件, 次, 人, 万元 ...
	Values []*float64 // 本年, and 历年累计 where the table has it; nil entries are blank
	// Misread holds, for each value, the text printed where a number should stand
	// and could not be read as one ("O"): that value is unknown, not blank. nil when
	// every value was read.
	Misread    []string
	Start, End int      // byte offsets in the normalised text of the whole entry
	ValueAt    [][2]int // offsets of each value
	Level      int      // depth in the numbering hierarchy (一、=0, （一）=1, 1.=2, 其中=+1)
	Parent     int      // index of the parent entry in Stats, or -1
	Header     bool     // a heading row: it carries no value by definition
	ID         string   // the indicator it is, from the stats package's list ("received"); "" when unknown
}

// Rows returns the rows of t this report has (its variants'), worked out once.
func (r *Report) Rows(t *template.Table) []template.Row {
	return once(&r.rows, t, func() []template.Row { return t.Active(r.Variants) })
}

// Cols returns the columns of t this report has, worked out once.
func (r *Report) Cols(t *template.Table) []template.Col {
	return once(&r.cols, t, func() []template.Col { return t.ActiveCols(r.Variants) })
}

// once returns m[t], working it out with f the first time.
func once[V any](m *map[*template.Table]V, t *template.Table, f func() V) V {
	if v, ok := (*m)[t]; ok {
		return v
	}
	if *m == nil {
		*m = map[*template.Table]V{}
	}
	v := f()
	(*m)[t] = v
	return v
}
