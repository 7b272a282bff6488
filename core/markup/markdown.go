//go:build !lite

package markup

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"nianbao/core/source"
)

var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// readMarkdown reads Markdown with GFM pipe tables. Text outside tables keeps its
// lines; markup (#, **, links) is dropped; each piece keeps its offset in the input
// through the segments goldmark's tree holds.
func readMarkdown(input []byte) (*source.Text, error) {
	dec, err := source.Decode(input)
	if err != nil {
		return nil, err
	}
	src := []byte(dec.S)
	blankAttributes(src)
	md := &mdReader{src: src, m: newMapper(dec, len(input))}
	var doc flow
	md.block(mdParser.Parse(text.NewReader(src)), &doc)
	doc.br()
	w := &renderer{}
	w.blocks(doc.blocks)
	if w.err != nil {
		return nil, w.err
	}
	return w.b.Text(Markdown, dec.Encoding, len(input)), nil
}

type mdReader struct {
	src []byte
	m   *mapper
}

func (md *mdReader) block(n ast.Node, f *flow) {
	switch n := n.(type) {
	case *east.Table:
		f.br()
		f.add(md.table(n))
		return
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
		f.br()
		md.inline(n, f)
		f.br()
		return
	case *ast.HTMLBlock:
		if md.htmlTable(n, f) {
			return
		}
		f.br()
		md.lines(n, f)
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		f.br()
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			s := strings.TrimRight(string(md.src[seg.Start:seg.Stop]), "\r\n")
			md.m.text(&f.cur, s, seg.Start)
			f.br()
		}
		return
	case *ast.ListItem:
		f.br()
		if l, ok := n.Parent().(*ast.List); ok && l.IsOrdered() {
			// the number is markup to goldmark but text to the report ("1.", "2)")
			k := l.Start
			for c := l.FirstChild(); c != nil && c != ast.Node(n); c = c.NextSibling() {
				k++
			}
			at := md.firstText(n)
			f.cur.stand(strconv.Itoa(k)+string(l.Marker), md.m.in(at), md.m.in(at))
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := n.(*ast.ListItem); ok && c == n.FirstChild() {
			md.inlineBlockNoBreak(c, f) // the item's first paragraph follows its number
			continue
		}
		md.block(c, f)
	}
}

// lines writes a block's lines as they are.
func (md *mdReader) lines(n ast.Node, f *flow) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s := strings.TrimRight(string(md.src[seg.Start:seg.Stop]), "\r\n")
		md.m.text(&f.cur, s, seg.Start)
		f.br()
	}
}

// htmlTable reads an HTML block holding a table with the HTML reader: PDF-to-Markdown
// converters write tables with spanned cells as HTML inside the Markdown. It reports
// whether the block was one.
func (md *mdReader) htmlTable(n *ast.HTMLBlock, f *flow) bool {
	lines := n.Lines()
	if lines.Len() == 0 {
		return false
	}
	a, b := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if !strings.Contains(strings.ToLower(string(md.src[a:b])), "<table") {
		return false
	}
	p := &htmlParser{src: string(md.src[:b]), m: md.m}
	if err := p.parse(a); err != nil {
		return false
	}
	f.br()
	f.blocks = append(f.blocks, p.doc.blocks...)
	return true
}

func (md *mdReader) inlineBlockNoBreak(n ast.Node, f *flow) {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		md.inline(n, f)
		f.br()
	default:
		md.block(n, f)
	}
}

// firstText is the input offset of n's first text.
func (md *mdReader) firstText(n ast.Node) int {
	at := 0
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			at = t.Segment.Start
			return ast.WalkStop, nil
		}
		if c.Type() == ast.TypeBlock && entering && c.Lines().Len() > 0 {
			at = c.Lines().At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at
}

func (md *mdReader) table(n *east.Table) *table {
	t := &table{}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		rw := &row{at: -1}
		allDashes := true
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			at := 0
			if c.Lines().Len() > 0 {
				at = c.Lines().At(0).Start
			}
			var f flow
			md.inline(c, &f)
			f.br()
			cl := &cell{colspan: 1, rowspan: 1, at: md.m.in(at), blocks: f.blocks}
			if s := strings.TrimFunc(cl.text().String(), isSpace); s == "" || strings.Trim(s, "-:") != "" {
				allDashes = false
			}
			rw.cells = append(rw.cells, cl)
		}
		if allDashes && len(rw.cells) > 0 {
			continue // a second delimiter row, drawn as a rule between rows
		}
		rw.cells = append(rw.cells, md.excess(r.Pos(), len(rw.cells))...)
		if len(rw.cells) > 0 {
			rw.at = rw.cells[0].at
		}
		t.rows = append(t.rows, rw)
	}
	return t
}

// excess returns the cells of the row at src[pos:] beyond its first n, which GFM drops
// when a row has more cells than the header: converters write rows that carry a group
// label in an extra first cell under a header one cell short, and every value counts.
func (md *mdReader) excess(pos, n int) []*cell {
	if pos < 0 || pos >= len(md.src) {
		return nil
	}
	line := md.src[pos:]
	if i := bytesIndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	var bounds []int // the pipes that separate cells
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			bounds = append(bounds, i)
		}
	}
	start, end := 0, len(line)
	trimmed := strings.TrimSpace(string(line))
	if strings.HasPrefix(trimmed, "|") && len(bounds) > 0 {
		start = bounds[0] + 1
		bounds = bounds[1:]
	}
	if strings.HasSuffix(trimmed, "|") && len(bounds) > 0 {
		end = bounds[len(bounds)-1]
		bounds = bounds[:len(bounds)-1]
	}
	edges := append(append([]int{start - 1}, bounds...), end)
	var out []*cell
	for k := n; k+1 < len(edges); k++ {
		a, b := edges[k]+1, edges[k+1]
		text := string(line[a:b])
		lead := len(text) - len(strings.TrimLeft(text, " \t"))
		text = strings.TrimSpace(text)
		var f flow
		if text != "" {
			md.cellText(pos+a+lead, pos+a+lead+len(text), &f)
		}
		f.br()
		out = append(out, &cell{colspan: 1, rowspan: 1, at: md.m.in(pos + a + lead), blocks: f.blocks})
	}
	return out
}

// cellText writes the raw cell text src[a:b] as goldmark would have: escapes and
// entities decoded ("0&nbsp;"), a line break at each <br>.
func (md *mdReader) cellText(a, b int, f *flow) {
	for a < b {
		i := indexBr(md.src[a:b])
		if i < 0 {
			md.segment(a, b, f)
			return
		}
		md.segment(a, a+i, f)
		f.br()
		end := bytesIndexByte(md.src[a+i:b], '>')
		a += i + end + 1
	}
}

// indexBr returns where the first <br>, <br/> or <br /> (any case) starts in s, or -1.
func indexBr(s []byte) int {
	for i := 0; i+3 < len(s); i++ {
		if s[i] != '<' || s[i+1]|0x20 != 'b' || s[i+2]|0x20 != 'r' {
			continue
		}
		j := i + 3
		for j < len(s) && (s[j] == ' ' || s[j] == '/') {
			j++
		}
		if j < len(s) && s[j] == '>' {
			return i
		}
	}
	return -1
}

func bytesIndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// inline writes the inline content of n: text with escapes and entities decoded,
// a line break at soft and hard breaks and at <br>.
func (md *mdReader) inline(n ast.Node, f *flow) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			md.segment(c.Segment.Start, c.Segment.Stop, f)
			if c.SoftLineBreak() || c.HardLineBreak() {
				f.br()
			}
		case *ast.String:
			at := f.cur.end()
			f.cur.stand(string(c.Value), at, at)
		case *ast.RawHTML:
			var s strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				s.Write(md.src[seg.Start:seg.Stop])
			}
			if tag := strings.ToLower(strings.ReplaceAll(s.String(), " ", "")); strings.HasPrefix(tag, "<br") {
				f.br()
			}
		case *ast.AutoLink:
			at := f.cur.end()
			f.cur.stand(string(c.Label(md.src)), at, at)
		default:
			md.inline(c, f)
		}
	}
}

// segment writes src[a:b], decoding backslash escapes and entities.
func (md *mdReader) segment(a, b int, f *flow) {
	s := string(md.src[a:b])
	lit := 0
	flush := func(i int) {
		if i > lit {
			md.m.text(&f.cur, s[lit:i], a+lit)
		}
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			flush(i)
			f.cur.stand(s[i+1:i+2], md.m.in(a+i), md.m.in(a+i+2))
			i += 2
			lit = i
		case s[i] == '&':
			if dec, n := entity(s[i:]); n > 0 {
				flush(i)
				f.cur.stand(dec, md.m.in(a+i), md.m.in(a+i+n))
				i += n
				lit = i
				continue
			}
			i++
		default:
			i++
		}
	}
	flush(len(s))
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// blankAttributes blanks out, in place, the attributes Pandoc's Markdown gives a span
// of text, with the span's brackets ("[规章]{lang="EN-US" style="font-size:10.0pt"}",
// from a web page or Word file whose text carried styles), and its fenced divs'
// fences ("::: {.WordSection1}"): their numbers are no values and their words no
// text. Spaces keep every other byte where it was, so offsets still map to the input
// and a layout's columns stay aligned.
func blankAttributes(src []byte) {
	blank := func(from, to int) {
		for i := from; i < to; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
	}
	var open []int // unclosed "[" in the paragraph
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			if i+1 < len(src) && src[i+1] == '\n' {
				open = open[:0]
			}
			if fence := fenceEnd(src[i+1:]); fence > 0 {
				blank(i+1, i+1+fence)
			}
		case '[':
			open = append(open, i)
		case ']':
			if len(open) == 0 {
				continue
			}
			start := open[len(open)-1]
			open = open[:len(open)-1]
			if n := attributesLen(src[i+1:]); n > 0 {
				blank(i, i+1+n)
				src[start] = ' '
			}
		}
	}
	if fence := fenceEnd(src); fence > 0 {
		blank(0, fence)
	}
}

// attributesLen returns the length of a Pandoc attribute block at the start of b
// ("{#id .class key="value"}"), 0 when none is there.
func attributesLen(b []byte) int {
	if len(b) < 3 || b[0] != '{' {
		return 0
	}
	quoted := false
	for i := 1; i < len(b) && i < 2048; i++ {
		c := b[i]
		switch {
		case c == '\n' && i+1 < len(b) && (b[i+1] == '\n' || b[i+1] == '\r'):
			return 0 // a block ends at a blank line; a block's line breaks are Pandoc's wrapping
		case c == '\\' && quoted:
			i++ // an escaped quote ("font:7.0pt \"Times New Roman\"")
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '}':
			first := b[1]
			if first == ' ' {
				first = b[min(2, i)]
			}
			if first == '#' || first == '.' || bytes.IndexByte(b[1:i], '=') > 0 {
				return i + 1
			}
			return 0
		case c == '{' || c == '[' || c == ']':
			return 0
		}
	}
	return 0
}

// fenceEnd returns the length of a fenced div's fence line at the start of b (":::",
// ":::: {.class}"), up to its line break; 0 when b does not start with one.
func fenceEnd(b []byte) int {
	if !bytes.HasPrefix(b, []byte(":::")) {
		return 0
	}
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		end = len(b)
	}
	line := bytes.TrimRight(bytes.TrimLeft(b[:end], ":"), " \r")
	if len(line) > 0 && line[0] != ' ' && line[0] != '{' {
		return 0
	}
	return len(bytes.TrimRight(b[:end], "\r"))
}
