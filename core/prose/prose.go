// Package prose reads the running text of a report, as opposed to its tables: the
// lines outside the tables joined into paragraphs and sentences (a PDF's wrapped lines
// and page breaks undone), the numbered headings, the six sections of the 2019 and
// 2021 formats, and every statement of a number that the tables also hold
// ("共收到政府信息公开申请8件", "未收到…申请", "予以公开及部分公开258件，占33.9%").
//
// Offsets: the prose text Doc.S drops white space and table lines, so every position
// in it maps back to the normalised text through Doc.Pos.
package prose

import (
	"nianbao/core/internal/cjk"
	"nianbao/core/internal/pool"
	"sort"
	"strings"
	"unicode/utf8"

	"nianbao/core/report"
)

// Doc is the prose of a report.
type Doc struct {
	// S is the prose: lines outside the tables, joined into paragraphs, without white
	// space (one space is kept between two Latin letters or digits).
	S string
	// runs map S to the normalised text: pieces of S copied from it in one piece
	runs []run

	Paras     []Span     // paragraphs, in S
	Sentences []Sentence // sentences, in S
	Headings  []Heading  // numbered headings at the start of a paragraph
	Sections  []Section  // the top-level sections, from the level-1 headings
	// LineStarts are the offsets in S where the input's lines begin.
	LineStarts []int

	lines []lineStart // the builder's, kept for the next Doc's (see Release)

	// the statements, found once
	stmts     []Statement
	pcts      []Percent
	stmtsDone bool
	stmtsYear int
}

// Span is a range of Doc.S.
type Span struct{ Start, End int }

// Sentence is one sentence of the prose.
type Sentence struct {
	Start, End int // in Doc.S, without the closing mark
	Para       int
}

// Heading is a numbered heading: 一、 (level 1), （一） (2), 1. or （1） (3), ① (4).
type Heading struct {
	Level int
	Num   int    // its number, from 1
	Mark  string // the marker as printed, "（一）"
	Title string // the text after the marker, up to the first full stop
	// Start, End: the heading's marker and title in the normalised text.
	Start, End int
	// At is the heading's offset in Doc.S.
	At int
	// TitleEnd is the end in Doc.S of a heading that stands alone on its line, 0 when
	// text follows on the same line.
	TitleEnd int
}

// Section is a top-level section: a level-1 heading and the text up to the next.
type Section struct {
	Heading int // index in Doc.Headings
	Canon   int // which of the six sections of the 2019/2021 formats (1-6), 0 for none
	// Start, End in Doc.S: from the heading to the next level-1 heading.
	Start, End int
}

// run is a piece of S copied in one piece from the normalised text: S[at:] came from
// offset from, up to the next run.
type run struct{ at, from int }

// Pos maps an offset in S to the normalised text; an offset at or past the end of S,
// to the end of its last character.
func (d *Doc) Pos(i int) int {
	if i < 0 {
		return -1
	}
	if len(d.runs) == 0 {
		return 0
	}
	if i >= len(d.S) {
		return d.Pos(len(d.S)-1) + 1
	}
	k := sort.Search(len(d.runs), func(k int) bool { return d.runs[k].at > i }) - 1
	return d.runs[k].from + i - d.runs[k].at
}

// Span maps a range of S to the normalised text.
func (d *Doc) Span(start, end int) (int, int) {
	if start >= end {
		p := d.Pos(start)
		return p, p
	}
	return d.Pos(start), d.Pos(end-1) + 1
}

// ParaOf returns the paragraph holding offset i of S.
func (d *Doc) ParaOf(i int) int {
	k := sort.Search(len(d.Paras), func(k int) bool { return d.Paras[k].End > i })
	if k >= len(d.Paras) {
		return len(d.Paras) - 1
	}
	return k
}

// SectionOf returns the index of the section holding offset i of S, or -1 before the
// first.
func (d *Doc) SectionOf(i int) int {
	k := sort.Search(len(d.Sections), func(k int) bool { return d.Sections[k].Start > i }) - 1
	return k
}

// Of returns the prose of a report, read once and shared by the rules that need it.
func Of(rep *report.Report) *Doc {
	if rep == nil {
		return Read(rep)
	}
	if d, ok := rep.Prose.(*Doc); ok {
		return d
	}
	d := Read(rep)
	rep.Prose = d
	return d
}

// docs holds released Docs, their arrays emptied: a check reads one report's prose
// after another's.
var docs pool.Of[Doc]

// Release hands the Doc's arrays back for the next report's prose (Report.Release
// calls it); neither the Doc nor any of its slices may be used afterwards.
func (d *Doc) Release() {
	clear(d.Headings) // their strings: the text is not kept alive by the pool
	*d = Doc{runs: d.runs[:0], Paras: d.Paras[:0], Sentences: d.Sentences[:0], Headings: d.Headings[:0],
		Sections: d.Sections[:0], LineStarts: d.LineStarts[:0], lines: d.lines[:0]}
	docs.Put(d)
}

// Read reads the prose of a report: every line that is not part of a table.
func Read(rep *report.Report) *Doc {
	if rep == nil || rep.Norm == nil || rep.Stream == nil {
		return &Doc{}
	}
	d := docs.Get()
	s := rep.Norm.S
	st := rep.Stream
	spans := tableSpans(rep)
	// the prose is at most the text outside the tables
	size := len(s)
	for _, sp := range spans {
		size -= sp.End - sp.Start
	}
	b := builder{d: d, s: s, lineStarts: d.lines[:0]}
	b.buf.Grow(max(size, 0))
	gap := false       // a blank line or a table since the last prose line
	pageBreak := false // a page break since the last prose line
	lastPage := 0
	for li, l := range st.Lines {
		if l.Page != lastPage {
			pageBreak = true
			lastPage = l.Page
		}
		text := s[l.Start:l.End]
		if isTableLine(text) {
			gap = true
			pageBreak = false
			continue
		}
		if l.N == 0 || strings.TrimSpace(text) == "" {
			gap = true
			continue
		}
		if l.N == 1 && st.Tokens[l.First].PageNum {
			pageBreak = true
			continue
		}
		// the parts of the line outside the tables: a line of crawled text may hold
		// prose, a table and prose again, and page numbers between sentences
		cut := spans
		for _, t := range st.Tokens[l.First : l.First+l.N] {
			if t.PageNum {
				cut = append(cut[:len(cut):len(cut)], report.Span{Start: t.Start, End: t.End})
			}
		}
		if len(cut) > len(spans) {
			sort.Slice(cut, func(i, j int) bool { return cut[i].Start < cut[j].Start })
		}
		for _, seg := range outside(l.Start, l.End, cut) {
			if seg[0] > l.Start || seg[1] < l.End {
				if strings.TrimSpace(s[seg[0]:seg[1]]) == "" {
					continue
				}
				if seg[0] > l.Start && inSpan(seg[0]-1, spans) {
					gap, pageBreak = true, false // a table stood before it
				}
			}
			if gap || b.empty() {
				// a paragraph continues across a page break when it did not end
				if !(pageBreak && !b.empty() && !b.endsSentence()) {
					b.breakPara()
				}
			}
			gap, pageBreak = false, false
			b.line(seg[0], seg[1], li, l.End-l.Start > longLine)
		}
		if len(spans) > 0 && inSpan(l.End-1, spans) {
			gap = true // the line ends inside a table
		}
	}
	b.breakPara()
	d.S = b.buf.String()
	d.runs = b.runs
	for _, ls := range b.lineStarts {
		d.LineStarts = append(d.LineStarts, ls.at)
	}
	d.headings(sentenceStarts(d.S, b.lineStarts))
	d.lines = b.lineStarts
	d.sentences()
	d.sections()
	return d
}

// tableSpans returns where the tables stand in the text, in order: as the reader
// located them, and for a report read before that was recorded, from each table's
// first read cell to its last.
func tableSpans(rep *report.Report) []report.Span {
	spans := append([]report.Span(nil), rep.Spans...)
	if len(spans) == 0 {
		add := func(table string, start, end int) {
			if start < 0 {
				return
			}
			for k := range spans {
				if spans[k].Table == table {
					spans[k].Start = min(spans[k].Start, start)
					spans[k].End = max(spans[k].End, end)
					return
				}
			}
			spans = append(spans, report.Span{Table: table, Start: start, End: end})
		}
		for _, c := range rep.Cells {
			if c.Start >= 0 && !c.Unread {
				add(c.Table, c.Start, c.End)
			}
		}
		for _, s := range rep.Stats {
			add("stats", s.Start, s.End)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

// outside returns the parts of [start, end) that no span covers.
func outside(start, end int, spans []report.Span) [][2]int {
	var out [][2]int
	at := start
	for _, sp := range spans {
		if sp.End <= at || sp.Start >= end {
			continue
		}
		if sp.Start > at {
			out = append(out, [2]int{at, sp.Start})
		}
		at = max(at, sp.End)
	}
	if at < end {
		out = append(out, [2]int{at, end})
	}
	return out
}

func inSpan(i int, spans []report.Span) bool {
	for _, sp := range spans {
		if i >= sp.Start && i < sp.End {
			return true
		}
	}
	return false
}

// isTableLine reports a line laid out as table cells: pipes or tabs between cells. A
// line too long for a layout's is text that lost its line breaks, where a pipe is a
// site's navigation ("首页|信息公开") before the whole body: its tables are cut out by
// their spans instead.
func isTableLine(text string) bool {
	if len(text) > longLine {
		return false
	}
	return strings.IndexByte(text, '|') >= 0 || strings.IndexByte(strings.Trim(text, "\t "), '\t') >= 0
}

type builder struct {
	d          *Doc
	s          string
	buf        strings.Builder
	runs       []run
	paraStart  int
	lineStarts []lineStart
}

type lineStart struct {
	at   int // offset in S
	line int // line number
	para bool
	long bool // the line is longer than any a layout writes: text that lost its line breaks
}

// longLine is the length in bytes past which a line is taken for text that lost its
// line breaks (a crawler's whole body on one line) rather than a paragraph.
const longLine = 1500

func (b *builder) empty() bool { return b.buf.Len() == b.paraStart }

func (b *builder) endsSentence() bool {
	r, _ := utf8.DecodeLastRuneInString(b.buf.String())
	return strings.ContainsRune("。！？!?；;：:", r)
}

func (b *builder) breakPara() {
	if b.buf.Len() > b.paraStart {
		b.d.Paras = append(b.d.Paras, Span{b.paraStart, b.buf.Len()})
	}
	b.paraStart = b.buf.Len()
}

// line appends the line s[start:end] without its white space.
func (b *builder) line(start, end, li int, long bool) {
	b.lineStarts = append(b.lineStarts, lineStart{at: b.buf.Len(), line: li, para: b.empty(), long: long})
	prevSpace := false
	for i := start; i < end; {
		c := b.s[i]
		if isBlank(c) {
			prevSpace = true
			i++
			continue
		}
		if n := b.buf.Len(); prevSpace && isAlnum(c) && n > b.paraStart && isAlnum(b.buf.String()[n-1]) {
			b.copied(i - 1)
			b.buf.WriteByte(' ') // the blank before, kept
		}
		prevSpace = false
		// the run of text up to the next white space, whole: no byte of a multi-byte
		// character is white space, and a line ends before an ASCII byte
		j := i + 1
		for j < end && !isBlank(b.s[j]) {
			j++
		}
		b.copied(i)
		b.buf.WriteString(b.s[i:j])
		i = j
	}
}

// copied notes that what is written next comes from offset from of the normalised
// text: a new run, unless it goes on from the last.
func (b *builder) copied(from int) {
	at := b.buf.Len()
	if n := len(b.runs); n > 0 && b.runs[n-1].from+at-b.runs[n-1].at == from {
		return
	}
	b.runs = append(b.runs, run{at: at, from: from})
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' }

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// sentences splits the paragraphs at full stops, question and exclamation marks, and
// after a heading that stands alone on its line ("（一）主动公开").
func (d *Doc) sentences() {
	breaks := make([]int, 0, 2*len(d.Headings))
	for _, h := range d.Headings {
		breaks = append(breaks, h.At)
		if h.TitleEnd > 0 {
			breaks = append(breaks, h.TitleEnd)
		}
	}
	sort.Ints(breaks)
	bi := 0
	for pi, p := range d.Paras {
		start := p.Start
		for i := p.Start; i < p.End; {
			for bi < len(breaks) && breaks[bi] < i {
				bi++
			}
			if bi < len(breaks) && breaks[bi] == i && i > start {
				d.Sentences = append(d.Sentences, Sentence{Start: start, End: i, Para: pi})
				start = i
			}
			c := d.S[i]
			if c < 0x80 {
				i++
				if c == '!' || c == '?' {
					if i-1 > start {
						d.Sentences = append(d.Sentences, Sentence{Start: start, End: i - 1, Para: pi})
					}
					start = i
				}
				continue
			}
			if c != 0xe3 && c != 0xef {
				// no full stop (。 ！ ？) starts so: the whole character is stepped over
				// unless a break falls inside it (breaks fall on whole characters)
				if n := cjk.Step(d.S[:p.End], i); n == 1 || bi >= len(breaks) || breaks[bi] >= i+n {
					i += n
				} else {
					i++
				}
				continue
			}
			r, w := utf8.DecodeRuneInString(d.S[i:])
			i += w
			if r == '。' || r == '！' || r == '？' {
				if i-w > start {
					d.Sentences = append(d.Sentences, Sentence{Start: start, End: i - w, Para: pi})
				}
				start = i
			}
		}
		if p.End > start {
			d.Sentences = append(d.Sentences, Sentence{Start: start, End: p.End, Para: pi})
		}
	}
}
