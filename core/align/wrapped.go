package align

import (
	"iter"
	"nianbao/core/internal/cjk"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"nianbao/core/report"
	"nianbao/core/template"
)

// Labels that layout text wraps over the lines of a narrow column: the reader reads
// them back piece by piece, and tells a piece of a wrapped label from a label cut
// short, so that the label.altered rule compares only what the reader located.

// wrappedLabels reads back the labels of 表三's rows that layout text (a PDF's) wraps
// over the lines of a narrow column — “1.申请人” beside the row's numbers, then
// “无正当理”, “由预期不”, “补正、行” … on the lines below, in the same column — for the
// rows whose label was not recorded whole: such a row is placed by a piece of its
// label. A label read back whole is recorded (Label.Wrapped) for comparison.
func (a *aligner) wrappedLabels() {
	rep := a.rep
	text := rep.Norm.S
	t := template.T3
	compared := map[string]bool{} // rows whose whole label was recorded
	for _, l := range rep.Labels {
		got, want := Comparable(l.Text), ComparableWant(l.Want)
		if l.Table == t.ID && !l.Piece && !(len(got) < len(want) && strings.HasPrefix(want, got)) {
			compared[l.Row] = true
		}
	}
	if len(compared) == len(rep.Rows(t)) {
		return // every label recorded whole: nothing to read back
	}
	firsts := map[string]int{} // the start of each row's first cell
	for _, c := range rep.Order {
		if c.Table == t.ID && !c.Unread && c.Start >= 0 {
			if f, ok := firsts[c.Row]; !ok || c.Start < f {
				firsts[c.Row] = c.Start
			}
		}
	}
	type rowAt struct {
		row         template.Row
		line, first int // the start of the row's first line, and of its first cell
	}
	var rows []rowAt
	for _, r := range rep.Rows(t) {
		if first, ok := firsts[r.ID]; ok {
			rows = append(rows, rowAt{r, strings.LastIndexByte(text[:first], '\n') + 1, first})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].first < rows[j].first })
	for i, r := range rows {
		// the row's lines: after the previous row's first line (pdftotext centres a
		// cell's lines on the row, so the label may begin above the numbers), up to
		// the next row's first line
		from, end := r.line, len(text)
		for n := 0; n < 6 && from > 0; n++ {
			from = strings.LastIndexByte(text[:from-1], '\n') + 1
		}
		if i > 0 {
			if prev := rows[i-1]; prev.first < r.line {
				from = max(from, prev.first+strings.IndexByte(text[prev.first:], '\n')+1)
			}
		}
		if i+1 < len(rows) {
			end = rows[i+1].line
		}
		if compared[r.row.ID] || end <= r.first || end-from > 4000 {
			continue
		}
		want := ComparableWant(r.row.Label)
		// the label's first piece: the last run before the row's first cell that
		// begins the label
		var head layoutRun
		headLine := -1
		for at, line := range linesOf(text, from, r.first) {
			for _, run := range layoutRuns(line) {
				if g := Comparable(run.text); g != "" && len(g) < len(want) && strings.HasPrefix(want, g) {
					head, headLine = run, at
				}
			}
		}
		if headLine < 0 {
			continue
		}
		got, start, stop := Comparable(head.text), headLine+head.at, headLine+head.at+len(head.text)
		pieces := []string{head.text}
		// the pieces below it, in its column
		if below := strings.IndexByte(text[headLine:], '\n'); below >= 0 {
			for at, line := range linesOf(text, headLine+below+1, end) {
				if len(got) >= len(want) {
					break
				}
				for _, run := range layoutRuns(line) {
					if d := run.col - head.col; d >= -3 && d <= 3 {
						got += Comparable(run.text)
						pieces = append(pieces, run.text)
						stop = at + run.at + len(run.text)
						break
					}
				}
			}
		}
		if len(got) != len(want) {
			continue // not read back whole
		}
		rep.Labels = append(rep.Labels, report.Label{Table: t.ID, Row: r.row.ID, Text: strings.Join(pieces, ""),
			Want: r.row.Label, Start: start, End: stop, Wrapped: true})
	}
}

// linesOf yields the lines of text[from:to], each with the offset where it starts.
func linesOf(text string, from, to int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for at := from; at < to; {
			n := strings.IndexByte(text[at:to], '\n')
			if n < 0 {
				n = to - at
			}
			if !yield(at, text[at:at+n]) {
				return
			}
			at += n + 1
		}
	}
}

// layoutRun is a run of text in a line of layout text: runs are apart by two spaces or
// more, or a tab. col is its display column (a Chinese character is two wide).
type layoutRun struct {
	text    string
	at, col int
}

func layoutRuns(line string) []layoutRun {
	var runs []layoutRun
	col, start, startCol, spaces := 0, -1, 0, 0
	for i, r := range line {
		if r == ' ' || r == '\t' || r == '\f' || r == '\u3000' {
			spaces++
			if r == '\t' || r == '\u3000' {
				spaces++
			}
			if start >= 0 && spaces >= 2 {
				runs = append(runs, layoutRun{strings.TrimRight(line[start:i], " "), start, startCol})
				start = -1
			}
		} else {
			if start < 0 {
				start, startCol = i, col
			}
			spaces = 0
		}
		col += runeWidth(r)
	}
	if start >= 0 {
		runs = append(runs, layoutRun{strings.TrimRight(line[start:], " "), start, startCol})
	}
	return runs
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrappedPiece reports whether got, found at text[start:end], is a piece of the label
// want whose neighbouring piece (what comes before it in want, or after it) stands
// within the three lines above or below: a label wrapped in its cell.
func wrappedPiece(text string, start, end int, got, want string) bool {
	i := cjk.Index(want, got)
	if i < 0 || start < 0 || end > len(text) || start > end {
		return false
	}
	from, to := start, end
	for n := 0; n < 4 && from > 0; n++ {
		from = strings.LastIndexByte(text[:from-1], '\n') + 1
	}
	for n := 0; n < 4 && to < len(text); n++ {
		if j := strings.IndexByte(text[to+1:], '\n'); j >= 0 {
			to += 1 + j
		} else {
			to = len(text)
		}
	}
	near := Comparable(text[from:start]) + "\n" + Comparable(text[end:to])
	before, after := want[:i], want[i+len(got):]
	return standsIn(near, lastRunes(before, 2)) || standsIn(near, firstRunes(after, 2))
}

// standsIn: s is at least two characters long and stands in near.
func standsIn(near, s string) bool {
	return utf8.RuneCountInString(s) >= 2 && cjk.Contains(near, s)
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}
