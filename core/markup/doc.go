package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/core/source"
)

// The readers of structured formats parse their input into a small document model —
// lines of text and tables of cells, every piece remembering where in the input it
// came from — and one renderer turns that model into the text the tokenizer reads.

// run is a piece of text with its place in the input. Within the run, characters
// advance outW bytes in s and inW bytes in the input (1 and 1 for text copied
// verbatim); outW == 0 makes the run a stand-in for input[in:inEnd] as a whole (an
// entity, a separator). in < 0 marks text with no place in the input (the extracted
// text of a .docx or .pdf): it maps to itself in the rendering.
type run struct {
	s         string
	in, inEnd int
	outW, inW int
}

// line is text built from runs.
type line []run

// add appends r, joining it to the last run when it continues it exactly.
func (l *line) add(r run) {
	if r.s == "" {
		return
	}
	if n := len(*l); n > 0 {
		p := &(*l)[n-1]
		if p.outW != 0 && p.outW == r.outW && p.inW == r.inW && p.inEnd == r.in && r.in >= 0 {
			p.s += r.s
			p.inEnd = r.inEnd
			return
		}
		if p.in < 0 && r.in < 0 {
			p.s += r.s
			return
		}
	}
	*l = append(*l, r)
}

// plain appends text that has no place in the input.
func (l *line) plain(s string) { l.add(run{s: s, in: -1, inEnd: -1, outW: 1, inW: 1}) }

// stand appends s as a stand-in for input[in:inEnd].
func (l *line) stand(s string, in, inEnd int) {
	l.add(run{s: s, in: in, inEnd: inEnd})
}

func (l line) String() string {
	var b strings.Builder
	for _, r := range l {
		b.WriteString(r.s)
	}
	return b.String()
}

func (l line) blank() bool {
	for _, r := range l {
		if strings.TrimFunc(r.s, isSpace) != "" {
			return false
		}
	}
	return true
}

// start and end are the input offsets the line covers, or -1.
func (l line) start() int {
	for _, r := range l {
		if r.in >= 0 {
			return r.in
		}
	}
	return -1
}

func (l line) end() int {
	for i := len(l) - 1; i >= 0; i-- {
		if l[i].in >= 0 {
			return l[i].inEnd
		}
	}
	return -1
}

// trim removes white space at both ends.
func (l line) trim() line {
	for len(l) > 0 {
		r := l[0]
		t := strings.TrimLeftFunc(r.s, isSpace)
		if t == r.s {
			break
		}
		if t == "" {
			l = l[1:]
			continue
		}
		l = append(line{r.cut(len(r.s)-len(t), len(r.s))}, l[1:]...)
		break
	}
	for len(l) > 0 {
		r := l[len(l)-1]
		t := strings.TrimRightFunc(r.s, isSpace)
		if t == r.s {
			break
		}
		if t == "" {
			l = l[:len(l)-1]
			continue
		}
		l = append(l[:len(l)-1:len(l)-1], r.cut(0, len(t)))
		break
	}
	return l
}

// cut returns the part s[i:j] of r with its place in the input.
func (r run) cut(i, j int) run {
	out := r
	out.s = r.s[i:j]
	switch {
	case r.in < 0 || r.outW == 0:
	default:
		out.in = r.in + i/r.outW*r.inW
		out.inEnd = r.in + j/r.outW*r.inW
	}
	return out
}

// isSpace is white space for trimming and collapsing, including the no-break and
// ideographic spaces that pages use as padding.
func isSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u3000', '\u200b', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// block is a line of text or a table.
type block struct {
	line  line
	table *table
}

type table struct {
	rows []*row
}

type row struct {
	cells []*cell
	at    int // input offset of the row, for its line end; -1 when unknown
}

type cell struct {
	blocks  []block
	rowspan int // 0: to the end of the table
	colspan int
	at      int  // input offset of the cell, where an empty cell points; -1 when unknown
	pad     bool // a placeholder for grid columns a row skips (Word's gridBefore)
}

// nested reports whether the cell holds a table.
func (c *cell) nested() bool {
	for _, b := range c.blocks {
		if b.table != nil {
			return true
		}
	}
	return false
}

// text joins the cell's lines into one: the two sides of a break join directly when
// either is Chinese (a label wrapped by <br> or a narrow column), with a space between
// Latin letters or digits.
func (c *cell) text() line {
	var out line
	for _, b := range c.blocks {
		if b.table != nil {
			continue
		}
		l := b.line.trim()
		if len(l) == 0 {
			continue
		}
		if len(out) > 0 {
			prev, _ := utf8.DecodeLastRuneInString(out[len(out)-1].s)
			next, _ := utf8.DecodeRuneInString(l[0].s)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf {
				at := out.end()
				out.add(run{s: " ", in: at, inEnd: at})
			}
		}
		for _, r := range l {
			// a tab or line break inside a cell would split the row
			if strings.ContainsAny(r.s, "\t\n\r\f") {
				r.s = strings.Map(func(c rune) rune {
					if c == '\t' || c == '\n' || c == '\r' || c == '\f' {
						return ' '
					}
					return c
				}, r.s)
			}
			out.add(r)
		}
	}
	return out
}

// Limits that keep a crafted input within bounded memory and time.
const (
	maxWidth  = 1000    // grid columns of one table
	maxSlots  = 1 << 20 // grid positions of one table
	maxOutput = 64 << 20
)

// renderer writes the document model as the text the tokenizer reads: a line of text
// per paragraph, a line per table row with its cells separated by tabs.
type renderer struct {
	b        source.Builder
	identity bool // runs without a place in the input map to the rendering itself
	err      error
}

func (w *renderer) write(r run) {
	if w.err != nil {
		return
	}
	if w.b.Len()+len(r.s) > maxOutput {
		w.err = errorf("展开后的文本超过 %d MB，无法处理；请只提交报告正文", maxOutput>>20)
		return
	}
	switch {
	case r.in < 0 || w.identity:
		w.b.Copy(r.s, w.b.Len())
	case r.outW == 0:
		w.b.Stand(r.s, r.in, r.inEnd)
	case r.outW == r.inW:
		w.b.Copy(r.s, r.in)
	default:
		w.b.Chars(r.s, r.in, r.outW, r.inW)
	}
}

// sep writes a separator standing for the input between two offsets.
func (w *renderer) sep(s string, from, to int) {
	if from < 0 {
		from = to
	}
	if to < from {
		to = from
	}
	if from < 0 {
		w.write(run{s: s, in: -1, outW: 1, inW: 1})
		return
	}
	w.write(run{s: s, in: from, inEnd: to})
}

func (w *renderer) blocks(bs []block) {
	for _, b := range bs {
		if w.err != nil {
			return
		}
		if b.table != nil {
			w.table(b.table)
			continue
		}
		l := b.line.trim()
		if len(l) == 0 {
			continue
		}
		for _, r := range l {
			w.write(r)
		}
		w.sep("\n", l.end(), l.end())
	}
}

// table writes t as a grid. A table that holds another table is page layout, not
// data: its cells are written as blocks, one after another.
func (w *renderer) table(t *table) {
	for _, r := range t.rows {
		for _, c := range r.cells {
			if c.nested() {
				for _, r := range t.rows {
					for _, c := range r.cells {
						w.blocks(c.blocks)
					}
				}
				return
			}
		}
	}
	g, err := expand(t)
	if err != nil {
		w.err = err
		return
	}
	for _, cells := range g.lines() {
		if w.err != nil {
			return
		}
		prev := -1
		for i, c := range cells {
			start := c.text.start()
			if start < 0 {
				start = c.at
			}
			if i > 0 {
				w.sep("\t", prev, start)
			}
			for _, r := range c.text {
				w.write(r)
			}
			if e := c.text.end(); e >= 0 {
				prev = e
			} else if c.at >= 0 {
				prev = c.at
			}
		}
		w.sep("\n", prev, prev)
	}
}

// grid is a table with its spans expanded: slot [r][c] holds the cell covering row r,
// column c.
type grid struct {
	slots [][]slot
	texts map[*cell]line
}

type slot struct {
	c        *cell
	row, col int // where the cell starts
}

// expand lays t's cells out on a grid the way a browser does: each cell takes the
// first free column of its row, and spans reserve the positions below and to the right.
func expand(t *table) (*grid, error) {
	g := &grid{texts: map[*cell]line{}}
	n := len(t.rows)
	g.slots = make([][]slot, n)
	total := 0
	for r, rw := range t.rows {
		col := 0
		for _, c := range rw.cells {
			for col < len(g.slots[r]) && g.slots[r][col].c != nil {
				col++
			}
			cs := min(max(c.colspan, 1), maxWidth)
			rs := c.rowspan
			if rs <= 0 || r+rs > n {
				rs = n - r // rowspan=0 and spans past the end reach the last row
			}
			if col+cs > maxWidth {
				return nil, errorf("表格超过 %d 列，无法处理", maxWidth)
			}
			for i := r; i < r+rs; i++ {
				if len(g.slots[i]) < col+cs {
					total += col + cs - len(g.slots[i])
					if total > maxSlots {
						return nil, errorf("表格过大（合并单元格展开后超过 %d 个格子），无法处理", maxSlots)
					}
					g.slots[i] = append(g.slots[i], make([]slot, col+cs-len(g.slots[i]))...)
				}
				for j := col; j < col+cs; j++ {
					if g.slots[i][j].c == nil {
						g.slots[i][j] = slot{c: c, row: r, col: col}
					}
				}
			}
			g.texts[c] = c.text()
			col += cs
		}
	}
	g.dropEmptyColumns()
	return g, nil
}

// dropEmptyColumns removes columns in which no cell starts with any text, where some
// cell spans across them: such columns are artefacts of a word processor's table grid
// (a cell edge that does not line up with the rows above), and their empty cells
// would read as blank values.
func (g *grid) dropEmptyColumns() {
	width := 0
	for _, r := range g.slots {
		width = max(width, len(r))
	}
	drop := make([]bool, width)
	for j := 0; j < width; j++ {
		spanned, text := false, false
		for i, r := range g.slots {
			if j >= len(r) || r[j].c == nil {
				continue
			}
			s := r[j]
			if s.col < j {
				spanned = true
			}
			if s.col == j && s.row == i && !g.texts[s.c].blank() {
				text = true
			}
		}
		drop[j] = spanned && !text
	}
	for i, r := range g.slots {
		out := r[:0]
		for j, s := range r {
			if !drop[j] {
				out = append(out, s)
			}
		}
		// columns have moved: a cell now starts where it first appears in the row
		for j := range out {
			if j > 0 && out[j-1].c == out[j].c && out[j].c != nil {
				out[j].col = out[j-1].col
			} else {
				out[j].col = j
			}
		}
		g.slots[i] = out
	}
}

// outCell is one cell of a rendered row.
type outCell struct {
	text line
	at   int
}

// lines returns the grid's rows as they are written. A cell spanning columns is
// written once, in its first column: the columns it covers are left out, because
// every empty cell reads as a blank value. A label spanning rows is repeated in each
// row it covers, so that every row carries its full label and the last header row
// names every column; a number spanning rows stands in its first row only, and the
// rows below get an empty cell (unknown), never a copy that would count it twice.
// Rows with no text at all are left out.
func (g *grid) lines() [][]outCell {
	var out [][]outCell
	for i, r := range g.slots {
		var cells []outCell
		any := false
		for j, s := range r {
			if s.c == nil || s.col != j || s.c.pad {
				continue // a gap, a column the cell spans, or a placeholder
			}
			t := g.texts[s.c]
			if s.row != i && numeric(t.String()) {
				t = nil
			}
			if !t.blank() {
				any = true
			}
			cells = append(cells, outCell{text: t, at: s.c.at})
		}
		if any {
			out = append(out, cells)
		}
	}
	return out
}

// numeric reports a cell that holds a number, perhaps with a unit.
func numeric(s string) bool {
	s = strings.TrimFunc(s, isSpace)
	for _, u := range []string{"万元", "件", "条", "次", "个", "人", "项", "元", "%", "％"} {
		s = strings.TrimSuffix(s, u)
	}
	s = strings.TrimFunc(s, isSpace)
	if s == "" {
		return false
	}
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9', c >= '０' && c <= '９':
			digits++
		case c == ',' || c == '.' || c == '，' || c == '．':
		case (c == '-' || c == '+' || c == '－') && i == 0:
		default:
			return false
		}
	}
	return digits > 0
}

// nesting is where the text of a table being read goes: into the open cell, else into
// the flow the table stands in (text standing directly in a table goes before it, as
// browsers show it).
type nesting struct {
	parent   *flow
	cellFlow *flow
}

func (n *nesting) target() *flow {
	if n.cellFlow != nil {
		return n.cellFlow
	}
	return n.parent
}
