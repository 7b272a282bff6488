// Package token splits normalised report text into tokens — label text, numbers and
// blank cells — whatever the layout: cells split by pipes or tabs, one cell per line,
// space-aligned columns, or reading-order text from a PDF. It knows nothing of the
// templates; the aligner above it does.
package token

import (
	"nianbao/core/internal/pool"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind of token.
type Kind uint8

const (
	Text   Kind = iota // a label or prose
	Number             // a numeric value
	Blank              // an empty cell, or a dash or slash standing for none
)

// Token is one piece of the text, with its place in the normalised text.
type Token struct {
	Kind  Kind
	Text  string  // the normalised text
	Key   string  // Text without spaces, for matching labels
	Value float64 // for Number
	Start int     // byte offsets in the normalised text
	End   int
	Line  int  // line number, from 0
	Col   int  // column of the first character within its line, in characters
	Para  int  // paragraph number: blank lines and page breaks start a new one
	Page  int  // page number, counting form feeds
	Int   bool // for Number: written as an integer (beside the other flags: a smaller Token)
	Cell  bool // delimited as a cell by a pipe or a tab
	// Filler marks a blank on a line of nothing but empty cells (a spanned header).
	Filler bool
	// PageNum marks a page number such as "-3-" or "第3页".
	PageNum bool
	// Joined marks a label that a grid table's cell continues on the lines below: its
	// Text holds them all, while Start and End stay on its first line, so that the
	// tokens keep their order in the text.
	Joined bool
	// Gap is the separator before the token: how sure it is that a new cell starts.
	Gap Gap
	// DotAfter marks a number followed at once by "." or "、" and text ("条02.政府",
	// "申请00000003.其他"): its last digits may be the next item's number, which the
	// aligner, knowing the template's numbering, decides.
	DotAfter bool
}

// Gap is what separates a token from the one before it, the weakest first. A tab, a
// pipe or a table cell boundary (structured inputs render cells with tabs) separates
// cells for certain; a line break or spaces probably do; None means the characters
// ran together, as crawlers leave a page's text.
type Gap uint8

const (
	GapNone   Gap = iota // nothing: run together
	GapSpace             // one space
	GapSpaces            // two or more spaces: a column gap in laid-out text
	GapLine              // a line break
	GapPara              // a blank line
	GapPage              // a page break (form feed)
	GapTab               // a tab: a cell boundary
	GapPipe              // a pipe: a cell boundary
)

// Certain reports a gap that separates cells for certain.
func (g Gap) Certain() bool { return g == GapTab || g == GapPipe }

// Line is one line of the text.
type Line struct {
	Start, End int // byte offsets of the line's content in the normalised text
	First, N   int // its tokens are Tokens[First:First+N]
	Para, Page int
}

// Stream is the tokens of a text, in reading order, with its lines.
type Stream struct {
	Tokens []Token
	Lines  []Line

	// the last column computed on the current line, so that a long line is not
	// counted from its start for every token
	colAt, colRunes int
	// the row of a grid table being read (see joinGridLine)
	grid gridRow
	// scratch space reused from line to line
	ws     []word
	kinds  []Kind
	pieces []string
	cells  []int // the first token of each piece of the last pipe-delimited line
}

// gridRow is the row of a grid table being read. A table drawn with "+----+" borders
// (Pandoc's and reStructuredText's grid tables) writes a row's cells over as many lines
// as its longest cell wraps to, between two borders: "| 行政 | 0 |" then
// "| 规范性文件 |   |". The lines after the row's first add their text to its cells.
type gridRow struct {
	drawn bool  // the last border was a grid's: the lines below it are one row
	cells []int // the first token of each of the row's cells, as on its first line
	end   int   // the end of the row's first line's tokens
}

// cellTokens returns the tokens [a, b) of cell i of a line whose cells start at
// starts and whose tokens end at end.
func cellTokens(starts []int, i, end int) (a, b int) {
	if i+1 < len(starts) {
		end = starts[i+1]
	}
	return starts[i], end
}

// joinGridLine adds the line just tokenized, whose tokens start at first, to the grid
// row above it when it continues that row: each of its cells either empty or text
// continuing the text of the cell above (a label wrapped in its cell). A line that
// does not fit (a number, a cell under an empty one, another count of cells) stays a
// line of its own.
func (st *Stream) joinGridLine(first int) {
	g := &st.grid
	switch {
	case !g.drawn:
		return
	case len(st.cells) == 0:
		g.drawn = false // not a grid's line
		return
	case g.cells == nil:
		g.cells, g.end = append([]int(nil), st.cells...), len(st.Tokens)
		return
	case len(g.cells) != len(st.cells) || !st.continues():
		g.drawn = false // a row that does not continue: no longer sure of the grid
		return
	}
	for i := range st.cells {
		a, b := cellTokens(st.cells, i, len(st.Tokens))
		if a == b || st.Tokens[a].Kind == Blank {
			continue
		}
		t := &st.Tokens[g.cells[i]]
		t.Text += st.Tokens[a].Text
		t.Key = Squeeze(t.Text)
		t.Joined = true
	}
	st.Tokens = st.Tokens[:first]
}

// continues reports whether the cells of the line just tokenized can be joined to the
// cells of the grid row above: each empty, or one text under one text.
func (st *Stream) continues() bool {
	joined := false
	for i := range st.cells {
		a, b := cellTokens(st.cells, i, len(st.Tokens))
		ra, rb := cellTokens(st.grid.cells, i, st.grid.end)
		switch {
		case a == b:
		case b-a == 1 && st.Tokens[a].Kind == Blank && st.Tokens[a].Text == "":
		case b-a == 1 && st.Tokens[a].Kind == Text && rb-ra == 1 && st.Tokens[ra].Kind == Text:
			joined = true
		default:
			return false
		}
	}
	return joined
}

// word is a run of non-space text within a line, or a piece of one class cut from
// such a run, and the spaces after it.
type word struct {
	text     string
	start    int
	gapAfter int
	dotAfter bool // a number followed at once by "." or "、" and text
	page     bool // a page number standing inside the run ("无-4-法提供")
}

// col returns the column, in characters, of byte start of line (which begins at lineOff).
func (st *Stream) col(line string, lineOff, start int) int {
	at := start - lineOff
	if at < st.colAt {
		st.colAt, st.colRunes = 0, 0
	}
	st.colRunes += utf8.RuneCountInString(line[st.colAt:at])
	st.colAt = at
	return st.colRunes
}

// Tokenize splits s, a normalised text.
func Tokenize(s string) *Stream {
	// a form feed ends a line too: a PDF's pages would otherwise grow Lines twice over
	nLines := strings.Count(s, "\n") + strings.Count(s, "\f") + 1
	st := newStream(len(s)/12+16, nLines)
	para, page := 0, 0
	blank := true
	lineNo := 0
	for pos := 0; pos <= len(s); {
		// the first line break or form feed: two vectorised byte searches are faster
		// than strings.IndexAny's byte loop
		end := strings.IndexByte(s[pos:], '\n')
		within := s[pos:]
		if end >= 0 {
			within = within[:end]
		}
		if f := strings.IndexByte(within, '\f'); f >= 0 {
			end = f
		}
		brk := byte(0)
		if end < 0 {
			end = len(s)
		} else {
			end += pos
			brk = s[end]
		}
		line := strings.TrimRight(s[pos:end], "\r")
		first := len(st.Tokens)
		if strings.TrimSpace(line) == "" {
			if !blank {
				para++
			}
			blank = true
			st.grid = gridRow{}
		} else if isRule(line) { // a table's border holds no cells
			st.grid = gridRow{drawn: strings.ContainsAny(line, "+┼┬┴├┤┌┐└┘╋╬╪╫")}
		} else {
			blank = false
			st.colAt, st.colRunes = 0, 0
			st.tokenizeLine(line, pos, lineNo, para, page)
			st.joinGridLine(first)
		}
		st.Lines = append(st.Lines, Line{Start: pos, End: pos + len(line), First: first, N: len(st.Tokens) - first, Para: para, Page: page})
		lineNo++
		if brk == '\f' {
			page++
			para++
			blank = true
		}
		if end >= len(s) {
			break
		}
		pos = end + 1
	}
	st.gaps(s)
	return st
}

// gaps records what separates each token from the one before it.
func (st *Stream) gaps(s string) {
	prev := 0
	for i := range st.Tokens {
		t := &st.Tokens[i]
		t.Gap = gapOf(s[prev:max(prev, t.Start)])
		if i == 0 {
			t.Gap = GapPara
		}
		prev = t.End
	}
}

// gapOf names the separator sep, the text between two tokens: the strongest sign of
// a boundary in it.
func gapOf(sep string) Gap {
	g := GapNone
	lines := 0
	for i := 0; i < len(sep); i++ {
		switch sep[i] {
		case '\f':
			return GapPage
		case '\n':
			lines++
		case '|':
			g = GapPipe
		case '\t':
			g = max(g, GapTab)
		case ' ':
			switch g {
			case GapNone:
				g = GapSpace
			case GapSpace:
				g = GapSpaces
			}
		}
	}
	switch {
	case g >= GapTab:
		return g
	case lines >= 2:
		return GapPara
	case lines == 1:
		return GapLine
	}
	return g
}

// arrayPool holds the arrays of released streams (a *Stream holding nothing else):
// the tokens are the largest allocation of a check, the lines next, and a batch or a
// page checks one report after another.
var arrayPool pool.Of[Stream]

// newStream returns an empty stream with room for n tokens and lines lines, its
// arrays those of a released stream when they are large enough.
func newStream(n, lines int) *Stream {
	st := arrayPool.Get()
	if cap(st.Tokens) < n {
		st.Tokens = make([]Token, 0, n)
	}
	if cap(st.Lines) < lines {
		st.Lines = make([]Line, 0, lines)
	}
	return st
}

// Release hands the stream's arrays back for a later Tokenize to reuse; neither the
// stream nor any slice of its Tokens or Lines may be used afterwards.
func (st *Stream) Release() {
	if st == nil || cap(st.Tokens) == 0 {
		return
	}
	arrays := &Stream{Tokens: st.Tokens[:0], Lines: st.Lines[:0], ws: st.ws[:0], kinds: st.kinds[:0], pieces: st.pieces[:0]}
	*st = Stream{}
	arrayPool.Put(arrays)
}

// maxCell is the longest text, in bytes, a pipe- or tab-delimited piece may have to be
// taken as one cell: four times the template's longest label (about 90 bytes).
const maxCell = 360

func (st *Stream) tokenizeLine(line string, off, lineNo, para, page int) {
	st.cells = st.cells[:0]
	if isPageNumber(line) {
		t := st.word(strings.TrimSpace(line), off+strings.Index(line, strings.TrimSpace(line)), line, off, lineNo, para, page)
		t.Kind, t.PageNum = Text, true
		st.Tokens = append(st.Tokens, t)
		return
	}
	sep := byte(0)
	switch {
	case strings.IndexByte(line, '|') >= 0:
		sep = '|'
	case strings.IndexByte(line, '\t') >= 0:
		sep = '\t'
	}
	if sep == 0 {
		st.words(line, off, line, off, lineNo, para, page)
		return
	}
	pieces := st.pieces[:0]
	for rest := line; ; {
		i := strings.IndexByte(rest, sep)
		if i < 0 {
			pieces = append(pieces, rest)
			break
		}
		pieces = append(pieces, rest[:i])
		rest = rest[i+1:]
	}
	st.pieces = pieces
	if sep == '|' && strings.TrimSpace(pieces[len(pieces)-1]) == "" {
		// a row closed by a pipe ("| 8 |"): nothing follows the last pipe; a tab, by
		// contrast, separates cells, so an empty last piece is an empty last cell
		pieces = pieces[:len(pieces)-1]
	}
	filler := len(pieces) >= 2
	for _, p := range pieces {
		if strings.TrimSpace(p) != "" {
			filler = false
		}
	}
	at := off
	for _, p := range pieces {
		st.cells = append(st.cells, len(st.Tokens))
		trimmed := strings.TrimSpace(p)
		start := at + strings.Index(p, trimmed)
		if len(trimmed) > maxCell {
			// far longer than any template label with its values: not a cell but running
			// text beside a stray pipe or tab (a crawled page's "首页|信息公开" before the
			// whole body on one line), read word by word like a line without separators
			st.words(trimmed, start, line, off, lineNo, para, page)
			at += len(p) + 1
			continue
		}
		if trimmed == "" {
			st.Tokens = append(st.Tokens, Token{Kind: Blank, Start: at, End: at, Line: lineNo,
				Col: st.col(line, off, at), Para: para, Page: page, Cell: true, Filler: filler})
		} else {
			n := len(st.Tokens)
			st.words(trimmed, start, line, off, lineNo, para, page)
			if len(st.Tokens)-n == 1 && st.Tokens[n].Kind == Text {
				// a cell holding a number and its unit written together ("8件")
				if num, unit, ok := strings.Cut(trimmed, unitOf(trimmed)); ok && unit == "" && num != "" && classify(num) == Number {
					st.Tokens[n].Kind, st.Tokens[n].Key = Number, ""
					st.Tokens[n].Value, st.Tokens[n].Int = parseNumber(num)
				}
			}
			// a cell holding one number and a unit ("8件") is that number
			if len(st.Tokens)-n == 1 || (len(st.Tokens)-n == 2 && st.Tokens[n].Kind == Number && isUnit(st.Tokens[n+1].Text)) {
				st.Tokens[n].End = st.Tokens[len(st.Tokens)-1].End
				st.Tokens = st.Tokens[:n+1]
			} else if len(st.Tokens)-n > 1 {
				// a cell of several words: one label, unless it is all numbers
				allNum := true
				for _, t := range st.Tokens[n:] {
					allNum = allNum && t.Kind != Text
				}
				if !allNum {
					t := st.word(trimmed, start, line, off, lineNo, para, page)
					t.Kind = Text
					st.Tokens = append(st.Tokens[:n], t)
				}
			}
			for i := n; i < len(st.Tokens); i++ {
				st.Tokens[i].Cell = true
			}
		}
		at += len(p) + 1
	}
}

// words splits a run of text on white space: numbers and dashes stand alone, text
// words separated by a single space join into one label, and two or more spaces (a
// column gap in laid-out text) separate labels.
func (st *Stream) words(s string, off int, line string, lineOff, lineNo, para, page int) {
	ws := st.ws[:0]
	for i := 0; i < len(s); {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		k := j
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if len(ws) == 0 && isListMark(s[i:j]) && k < len(s) && !isDigit(s[k]) && off+i == lineOff+len(line)-len(strings.TrimLeft(line, " \t")) {
			// a list's number set apart from its text at the line's start ("3.  收到和处理…",
			// as converters write a numbered heading): the heading's, not a value
			ws = append(ws, word{text: s[i:j], start: off + i, gapAfter: k - j})
		} else {
			ws = appendPieces(ws, s[i:j], off+i, k-j)
		}
		i = k
	}
	st.ws = ws
	kinds := st.kinds[:0]
	for k, w := range ws {
		kind := classify(w.text)
		if kind == Blank && k > 0 && k+1 < len(ws) && ws[k-1].gapAfter == 0 && w.gapAfter == 0 &&
			classify(ws[k-1].text) == Number && classify(ws[k+1].text) == Number {
			// a dash between two numbers run together ("12-3"): a sign, a range or a
			// blank cell, which the text cannot tell; not a blank cell for certain
			kind = Text
		}
		kinds = append(kinds, kind)
	}
	st.kinds = kinds
	for i := 0; i < len(ws); {
		if kinds[i] != Text || ws[i].page {
			t := st.word(ws[i].text, ws[i].start, line, lineOff, lineNo, para, page)
			t.Kind = kinds[i]
			t.DotAfter = ws[i].dotAfter
			if ws[i].page {
				t.Kind, t.PageNum, t.Key = Text, true, ""
			}
			st.Tokens = append(st.Tokens, t)
			i++
			continue
		}
		j := i
		for j+1 < len(ws) && kinds[j+1] == Text && ws[j].gapAfter == 1 && !ws[j+1].page && !startsItem(ws[j+1].text) {
			j++
		}
		start := ws[i].start
		end := ws[j].start + len(ws[j].text)
		t := st.word(s[start-off:end-off], start, line, lineOff, lineNo, para, page)
		t.Kind = Text
		st.Tokens = append(st.Tokens, t)
		i = j + 1
	}
}

func (st *Stream) word(text string, start int, line string, lineOff, lineNo, para, page int) Token {
	t := Token{Text: text, Start: start, End: start + len(text), Line: lineNo, Para: para, Page: page,
		Col: st.col(line, lineOff, start)}
	switch classify(text) {
	case Number:
		t.Kind = Number
		t.Value, t.Int = parseNumber(text)
	case Blank:
		t.Kind = Blank
	default:
		t.Key = Squeeze(text)
	}
	return t
}

// appendPieces appends the word w (no white space in it), which starts at byte off,
// cut where a number and text meet: crawled text runs cells and labels together
// ("数量8000008二、上年结转"). An item number at the start of a word stays with its
// label ("1.属于国家秘密"); one that follows other characters at once is cut off as a
// number marked dotAfter, for the aligner to tell a value from an item number. A page
// number inside the run ("无-4-法提供") is a piece of its own; a number inside brackets
// ("(…相同信息计1条)") stays with the words around it.
func appendPieces(ws []word, w string, off, gapAfter int) []word {
	if !hasDigit(w) || classify(w) != Text {
		return append(ws, word{text: w, start: off, gapAfter: gapAfter})
	}
	item := itemNumber(w) // an item number starting the word is its label's
	if item > 0 && !hasDigit(w[item:]) {
		return append(ws, word{text: w, start: off, gapAfter: gapAfter})
	}
	from := 0  // start of the text piece in progress
	depth := 0 // brackets open in the run so far
	for i := item; i < len(w); {
		switch c := w[i]; {
		case c == '(':
			depth++
			i++
			continue
		case c == ')':
			depth = max(0, depth-1)
			i++
			continue
		case !isDigit(c) && c != '-' && c != '+' && c != 0xE2 && c != 0xE7:
			i++ // no number or page number starts here (0xE2: "—", 0xE7: "第")
			continue
		}
		if n := pageRun(w, i); n > 0 {
			if i > from {
				ws = append(ws, word{text: w[from:i], start: off + from})
			}
			ws = append(ws, word{text: w[i : i+n], start: off + i, page: true})
			i += n
			from = i
			continue
		}
		n := numberRun(w, i)
		if depth > 0 && n > 0 && strings.IndexByte(w[i+n:min(len(w), i+n+64)], ')') >= 0 {
			n = 0 // a number inside a bracketed note is part of its wording ("(…计1条)")
		}
		if n == 0 {
			i++
			continue
		}
		if i > from {
			ws = append(ws, word{text: w[from:i], start: off + from})
		}
		ws = append(ws, word{text: w[i : i+n], start: off + i, dotAfter: itemMark(w, i+n)})
		i += n
		from = i
	}
	if from < len(w) {
		ws = append(ws, word{text: w[from:], start: off + from})
	}
	ws[len(ws)-1].gapAfter = gapAfter
	return ws
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// startsItem reports a word that begins an item of a list: "一、", "（一）", "1.",
// "（1）", "其中": a single space before it separates two labels, not two words of one
// (crawled text keeps one space between cells).
func startsItem(w string) bool {
	if strings.HasPrefix(w, "其中") || itemNumber(w) > 0 {
		return true
	}
	open := strings.HasPrefix(w, "(")
	rest := strings.TrimPrefix(w, "(")
	n := 0
	for n < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[n:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		n += size
	}
	if n == 0 {
		return false
	}
	if open {
		return strings.HasPrefix(rest[n:], ")")
	}
	return strings.HasPrefix(rest[n:], "、")
}

// itemNumber returns the length of the item number a word starts with ("1.属于",
// "3、其他", "(2)重复申请"): one digit and the mark after it; 0 when none. Two digits
// ("12.重复申请") are more often a value run on to an item number than an item of a
// template's list, which stops at 8: the aligner tells, knowing the template.
func itemNumber(w string) int {
	if strings.HasPrefix(w, "(") { // "(1)", "(12)"
		n := 1
		for n < len(w) && isDigit(w[n]) {
			n++
		}
		if n > 1 && n <= 3 && strings.HasPrefix(w[n:], ")") && n+1 < len(w) {
			return n + 1
		}
		return 0
	}
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	if n != 1 || w[0] == '0' || !itemMark(w, n) {
		return 0
	}
	if w[n] == '.' {
		return n + 1
	}
	return n + len("、")
}

// isListMark reports a word that is an item number and its mark alone: "3.", "12、".
func isListMark(w string) bool {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	return n >= 1 && n <= 2 && w[0] != '0' && (w[n:] == "." || w[n:] == "、")
}

// itemMark reports "." or "、" at byte i of w followed by a character that is not a
// digit: what follows an item number.
func itemMark(w string, i int) bool {
	var rest string
	switch {
	case strings.HasPrefix(w[i:], "."):
		rest = w[i+1:]
	case strings.HasPrefix(w[i:], "、"):
		rest = w[i+len("、"):]
	default:
		return false
	}
	return rest != "" && (rest[0] < '0' || rest[0] > '9')
}

// numberRun returns the length of the number at byte i of w, 0 when none starts
// there: digits with thousands separators and a decimal part, a sign only at the
// word's start.
func numberRun(w string, i int) int {
	j := i
	if i == 0 && j+1 < len(w) && (w[j] == '-' || w[j] == '+') && isDigit(w[j+1]) {
		j++
	}
	if j >= len(w) || !isDigit(w[j]) {
		return 0
	}
	for j < len(w) && isDigit(w[j]) {
		j++
	}
	for j+3 < len(w)+0 && w[j] == ',' && isDigit(w[j+1]) && isDigit(w[j+2]) && isDigit(w[j+3]) && (j+4 == len(w) || !isDigit(w[j+4])) {
		j += 4
	}
	if j+1 < len(w) && w[j] == '.' && isDigit(w[j+1]) {
		j++
		for j < len(w) && isDigit(w[j]) {
			j++
		}
	}
	return j - i
}

// pageRun returns the length of a page number at byte i of w ("-4-", "—4—", "第4页"),
// 0 when none.
func pageRun(w string, i int) int {
	for _, d := range []string{"-", "—"} {
		if strings.HasPrefix(w[i:], d) {
			j := i + len(d)
			k := j
			for k < len(w) && isDigit(w[k]) {
				k++
			}
			if k > j && k-j <= 3 && strings.HasPrefix(w[k:], d) {
				return k + len(d) - i
			}
		}
	}
	if strings.HasPrefix(w[i:], "第") {
		j := i + len("第")
		k := j
		for k < len(w) && isDigit(w[k]) {
			k++
		}
		if k > j && k-j <= 3 && strings.HasPrefix(w[k:], "页") {
			return k + len("页") - i
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' }

func classify(w string) Kind {
	if _, ok := numberText(w); ok {
		return Number
	}
	if isDash(w) {
		return Blank
	}
	return Text
}

// Misread reports a text token that stands where a value would, set apart from what
// precedes it, and reads as a value misread as letters (Garbled).
func (t *Token) Misread() bool { return t.Kind == Text && t.Gap != GapNone && Garbled(t.Text) }

// Garbled reports text standing alone where a value stands that is no number
// but looks like one misread: a few Latin letters and digits ("l", "O", "1O", "S"),
// as OCR writes 1, 0 and 5. The readers let it take a value's place, so that the values
// after it are not moved up a column, and leave its value unknown.
func Garbled(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		default:
			return false
		}
	}
	return letter
}

// isDash reports a cell written as a dash or slash: no value given.
func isDash(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		switch r {
		case '—', '-', '/', '\\', '…', '~', '_', '·':
		default:
			return false
		}
	}
	return true
}

// numberText strips thousands separators and reports whether w is a number.
func numberText(w string) (string, bool) {
	if w == "" || len(w) > 40 {
		return "", false
	}
	s := w
	if strings.HasPrefix(s, "—") {
		s = "-" + s[len("—"):]
	}
	if (s[0] == '+' || s[0] == '-') && len(s) == 1 {
		return "", false
	}
	// validate first and copy only when a separator is dropped: most words are not
	// numbers, and most numbers are returned as they are, without allocating
	digits, dot, commas := 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0 && i+1 < len(s):
			dot = true
		case c == ',' && !dot && digits > 0 && isThousands(s[i+1:]):
			commas = true
		case (c == '-' || c == '+') && i == 0:
		default:
			return "", false
		}
	}
	if !commas {
		return s, digits > 0
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	return string(b), digits > 0
}

func isThousands(rest string) bool {
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return n == 3
}

func parseNumber(w string) (float64, bool) {
	s, _ := numberText(w)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, !strings.Contains(s, ".")
}

// unitOf returns the unit s ends with, or "\x00" when none.
func unitOf(s string) string {
	for _, u := range []string{"万元", "人次", "件", "条", "次", "个", "人", "项", "篇", "元", "期", "场"} {
		if strings.HasSuffix(s, u) {
			return u
		}
	}
	return "\x00"
}

func isUnit(s string) bool {
	switch s {
	case "件", "条", "次", "个", "人", "项", "篇", "万元", "元", "人次", "期", "场":
		return true
	}
	return false
}

// isRule recognises a line drawn as a table's border: runs of dashes, equals signs or
// box-drawing strokes, with corners and crossings ("+----+----+", "------ -----",
// "|---|:---:|", "├──┼──┤"), as converters to Markdown or plain text draw tables and
// normalising turns "─" into "—". A run shorter than three is not a border but cells
// written as dashes ("——  ——", a row given as none), which stay blanks.
func isRule(line string) bool {
	dashes, run, crossed := 0, 0, false
	for _, r := range line {
		switch {
		case r == '-' || r == '=' || r == '—' || r >= 0x2500 && r <= 0x257f && r != '│' && r != '┃' && r != '║':
			if r > 0x2500 {
				crossed = true
			}
			dashes++
			run++
			continue
		case r == '+' || r == '│' || r == '┃' || r == '║':
			crossed = true
		case r == ':' || r == '|' || r == ' ' || r == '\t':
		default:
			return false
		}
		if run > 0 && run < 3 && !crossed {
			return false
		}
		run = 0
	}
	return dashes >= 6 && (run == 0 || run >= 3 || crossed)
}

// isPageNumber recognises a line that is only a page number: "-3-", "— 3 —", "第3页",
// "第 3 页 共 6 页", "3/6".
func isPageNumber(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if len(t) > 60 {
		return false
	}
	if t == "" || !(t[0] == '-' || t[0] >= '0' && t[0] <= '9' || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "第")) {
		return false // how every page number starts
	}
	if !pageNumberBytes(t) {
		return false // a row of a table laid out in columns, most often
	}
	s := Squeeze(line)
	if s == "" {
		return false
	}
	trim := strings.Trim(s, "-—")
	if trim != s && allDigits(trim) && len(trim) <= 3 {
		return true
	}
	if strings.HasPrefix(s, "第") && strings.Contains(s, "页") {
		// allDigits(inner) && len(inner) <= 6, inner being s without 第, 页 and 共
		n := 0
		for i := 0; i < len(s); {
			switch {
			case strings.HasPrefix(s[i:], "第"), strings.HasPrefix(s[i:], "页"), strings.HasPrefix(s[i:], "共"):
				i += len("第")
			case s[i] >= '0' && s[i] <= '9':
				n++
				i++
			default:
				return false
			}
		}
		return n > 0 && n <= 6
	}
	if i := strings.IndexByte(s, '/'); i > 0 && allDigits(s[:i]) && allDigits(s[i+1:]) && len(s) <= 7 {
		return true
	}
	return false
}

// pageNumberBytes reports a line whose ASCII is only what a page number may hold
// (digits, '-', '/' and white space) with at most six digits: every form isPageNumber
// takes has that, and a table's row of numbers rarely does.
func pageNumberBytes(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if digits++; digits > 6 {
				return false
			}
		case c >= utf8.RuneSelf, c == '-', c == '/', c == ' ', c >= '\t' && c <= '\r':
		default:
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Squeeze removes white space, for matching labels that a layout split with spaces.
func Squeeze(s string) string {
	if !hasSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasSpace reports strings.IndexFunc(s, unicode.IsSpace) >= 0 without decoding every
// character: outside ASCII, only characters led by 0xC2, 0xE1, 0xE2 or 0xE3 (U+0085,
// U+00A0, U+1680, U+2000-U+205F, U+3000) are white space.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if c == ' ' || c >= '\t' && c <= '\r' {
				return true
			}
		case c == 0xc2 || c >= 0xe1 && c <= 0xe3:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}
