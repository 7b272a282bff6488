package markup

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"nianbao/core/source"
)

// maxDepth bounds the open elements of an HTML page or a Word document: real ones
// nest a few dozen deep.
const maxDepth = 10000

// readHTML reads a saved page, a fragment or the clipboard's HTML flavour. The page is
// decoded to UTF-8 first (source.Decode: UTF-8, UTF-16, GBK/GB18030 or Big5, whatever
// the meta charset claims, since pages often declare one charset and use another);
// the tokenizer then runs over the decoded text, and every piece of text keeps its
// offset in the original bytes through the decoding's map.
func readHTML(input []byte) (*source.Text, error) {
	dec, err := source.Decode(input)
	if err != nil {
		return nil, err
	}
	m := newMapper(dec, len(input))
	if jsEscaped(dec.S) {
		dec = unescapeJS(dec, len(input))
		m = &mapper{t: dec, n: len(input)} // offsets through the unescaping's map
	}
	src := dec.S
	base := 0
	if strings.HasPrefix(src, "Version:") && strings.Contains(src[:min(len(src), 1024)], "StartHTML:") {
		// the clipboard's CF_HTML header: offsets and a version, then the page
		if i := strings.IndexByte(src, '<'); i > 0 {
			base = i
		}
	}
	p := &htmlParser{src: src, m: m, chrome: true}
	if err := p.parse(base); err != nil {
		return nil, err
	}
	if p.chromeSkipped > 0 && !hasTable(p.doc.blocks) && (p.chromeTables > 0 || blankDoc(p.doc.blocks)) {
		// the page hid its report inside something named like navigation: read it all
		p = &htmlParser{src: src, m: m}
		if err := p.parse(base); err != nil {
			return nil, err
		}
	}
	w := &renderer{}
	w.blocks(p.doc.blocks)
	if w.err != nil {
		return nil, w.err
	}
	t := w.b.Text(HTML, dec.Encoding, len(input))
	if strings.TrimSpace(t.S) == "" {
		return nil, errorf("网页中没有找到文字；若报告是图片或附件，请打开附件（Word 或 PDF）后提交，或复制报告文字后粘贴")
	}
	return t, nil
}

func hasTable(bs []block) bool {
	for _, b := range bs {
		if b.table != nil {
			return true
		}
	}
	return false
}

func blankDoc(bs []block) bool {
	for _, b := range bs {
		if b.table != nil || !b.line.blank() {
			return false
		}
	}
	return true
}

// mapper maps offsets in decoded text to offsets in the input.
type mapper struct {
	t     *source.Text
	shift int // for UTF-8 input: input offset = offset + shift (a byte order mark)
	utf8  bool
	n     int // input length: a decoder may map a trailing odd byte past it
}

func newMapper(t *source.Text, n int) *mapper {
	m := &mapper{t: t, utf8: t.Encoding == "utf-8", n: n}
	if m.utf8 {
		m.shift = t.Input(0)
	}
	return m
}

func (m *mapper) in(at int) int {
	if m.utf8 {
		return at + m.shift
	}
	return min(m.t.Input(at), m.n)
}

// text appends s, which stands at offset at of the decoded text, to l.
func (m *mapper) text(l *line, s string, at int) {
	if m.utf8 {
		l.add(run{s: s, in: at + m.shift, inEnd: at + m.shift + len(s), outW: 1, inW: 1})
		return
	}
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRuneInString(s[i:])
		in, inEnd := m.in(at+i), m.in(at+i+w)
		if inEnd <= in {
			l.stand(s[i:i+w], in, in)
		} else {
			l.add(run{s: s[i : i+w], in: in, inEnd: inEnd, outW: w, inW: inEnd - in})
		}
		i += w
	}
}

// flow collects the text of a document or a cell: lines, with runs of white space
// collapsed to one space and dropped at the ends of a line, as a browser shows them.
type flow struct {
	blocks        []block
	cur           line
	gap           bool // white space seen after the line's last text
	gapIn, gapEnd int
}

func (f *flow) space(in, inEnd int) {
	if len(f.cur) == 0 {
		return
	}
	if !f.gap {
		f.gap, f.gapIn = true, in
	}
	f.gapEnd = inEnd
}

// mark writes the pending space before more text.
func (f *flow) mark() {
	if f.gap {
		f.cur.stand(" ", f.gapIn, f.gapEnd)
		f.gap = false
	}
}

func (f *flow) br() {
	if len(f.cur) > 0 {
		f.blocks = append(f.blocks, block{line: f.cur})
	}
	f.cur, f.gap = nil, false
}

func (f *flow) add(t *table) {
	f.br()
	f.blocks = append(f.blocks, block{table: t})
}

type elem struct {
	tag    string
	hide   bool // its content is not part of the report
	chrome bool // hidden for its class or id only
}

// tableState is a table being read.
type tableState struct {
	t *table
	nesting
	row       *row
	cell      *cell
	depth     int // open elements when the table started: its cells may not close them
	hidden    bool
	rowHidden bool
}

func (ts *tableState) closeCell() {
	if ts.cell == nil {
		return
	}
	ts.cellFlow.br()
	ts.cell.blocks = ts.cellFlow.blocks
	ts.cell, ts.cellFlow = nil, nil
}

// htmlParser builds lines and tables from the tokens of x/net/html: the tokenizer
// knows HTML's syntax; this builder knows just enough of its tree rules (implied ends
// of cells, rows and paragraphs, tables nested in cells) and which parts of a page
// are not the report.
type htmlParser struct {
	src    string
	m      *mapper
	chrome bool // leave out navigation and the like by class and id

	doc    flow
	stack  []elem
	open   map[string][]int // indexes in stack of the open elements, by tag
	hidden int              // open elements whose content is left out
	tables []*tableState

	chromeSkipped int // elements left out for their class or id
	chromeTables  int // tables among them
	chromeOpen    int
}

func (p *htmlParser) parse(base int) error {
	p.open = map[string][]int{}
	z := html.NewTokenizer(strings.NewReader(p.src[base:]))
	pos := base
	for {
		tt := z.Next()
		raw := z.Raw()
		at := pos
		pos += len(raw)
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				p.finish()
				return nil
			}
			return errorf("网页格式错误：%v", z.Err())
		case html.TextToken:
			if p.hidden == 0 {
				p.text(raw, at)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class", "id", "style", "hidden", "colspan", "rowspan":
					attrs[string(k)] = string(v)
				}
			}
			if err := p.start(string(name), attrs, tt == html.SelfClosingTagToken, at, pos); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			p.end(string(name), at)
		}
	}
}

// finish closes what the page left open.
func (p *htmlParser) finish() {
	for len(p.tables) > 0 {
		p.closeTable()
	}
	p.doc.br()
}

// flow is where text goes now: the open cell, else the document (text standing
// directly in a table goes before it, as browsers show it).
func (p *htmlParser) flow() *flow {
	if n := len(p.tables); n > 0 {
		return p.tables[n-1].target()
	}
	return &p.doc
}

// boundary is the number of open elements that the current table and its cells may
// not close.
func (p *htmlParser) boundary() int {
	if n := len(p.tables); n > 0 {
		return p.tables[n-1].depth
	}
	return 0
}

func (p *htmlParser) push(e elem) error {
	if len(p.stack) >= maxDepth {
		return errorf("网页的标签嵌套超过 %d 层，无法读取；请在浏览器中打开页面，复制报告文字后粘贴", maxDepth)
	}
	p.open[e.tag] = append(p.open[e.tag], len(p.stack))
	p.stack = append(p.stack, e)
	if e.hide {
		p.hidden++
	}
	if e.chrome {
		p.chromeOpen++
	}
	return nil
}

// popTo closes the open elements from index i up.
func (p *htmlParser) popTo(i int) {
	for len(p.stack) > i {
		e := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		if e.hide {
			p.hidden--
		}
		if e.chrome {
			p.chromeOpen--
		}
		o := p.open[e.tag]
		p.open[e.tag] = o[:len(o)-1]
	}
}

// openAbove returns the index of the innermost open tag within the current cell or
// table, or -1.
func (p *htmlParser) openAbove(tag string) int {
	o := p.open[tag]
	if len(o) == 0 || o[len(o)-1] < p.boundary() {
		return -1
	}
	return o[len(o)-1]
}

func (p *htmlParser) top() *tableState {
	if n := len(p.tables); n > 0 {
		return p.tables[n-1]
	}
	return nil
}

func (p *htmlParser) start(tag string, attrs map[string]string, selfClosing bool, at, end int) error {
	switch tag {
	case "table":
		f := p.flow()
		f.br()
		if ts := p.top(); ts != nil && ts.cell == nil {
			// a table straight inside a table: give it a cell, so that it nests
			p.openCell(ts, &cell{colspan: 1, rowspan: 1, at: p.m.in(at)})
		}
		if p.hidden > 0 && p.chromeOpen > 0 {
			p.chromeTables++
		}
		f = p.flow()
		ts := &tableState{t: &table{}, nesting: nesting{parent: f}, depth: len(p.stack), hidden: p.hidden > 0}
		p.tables = append(p.tables, ts)
		if e, hide := p.hiding(tag, attrs); hide {
			// the table stays on the stack of tables, its text left out
			ts.hidden = true
			if e.chrome && p.hidden == 0 {
				p.chromeTables++
			}
			return p.push(e)
		}
		return nil
	case "tr":
		if ts := p.top(); ts != nil {
			ts.closeCell()
			p.popTo(ts.depth)
			ts.row = &row{at: p.m.in(at)}
			ts.t.rows = append(ts.t.rows, ts.row)
			_, ts.rowHidden = p.hiding(tag, attrs)
		}
		return nil
	case "td", "th":
		if ts := p.top(); ts != nil {
			c := &cell{colspan: spanAttr(attrs["colspan"], 1, maxWidth), rowspan: spanAttr(attrs["rowspan"], 0, 65534), at: p.m.in(end)}
			if _, ok := attrs["rowspan"]; !ok {
				c.rowspan = 1
			}
			p.openCell(ts, c)
			if e, hide := p.hiding(tag, attrs); hide || ts.rowHidden {
				e.hide = true
				return p.push(e) // closed with the cell
			}
		}
		return nil
	case "thead", "tbody", "tfoot":
		if ts := p.top(); ts != nil {
			ts.closeCell()
			p.popTo(ts.depth)
			ts.row = nil
		}
		return nil
	case "br", "hr":
		p.flow().br()
		return nil
	case "img":
		if p.hidden == 0 {
			// no text, but its place: a report's tables published as pictures stand here
			f := p.flow()
			f.mark()
			f.cur.stand(string(source.Object), p.m.in(at), p.m.in(end))
		}
		return nil
	case "col", "colgroup":
		return nil
	}
	if voidElement[tag] || selfClosing {
		return nil
	}
	if blockElement[tag] {
		p.flow().br()
		if i := p.openAbove("p"); i >= 0 {
			p.popTo(i) // a block closes an open paragraph
		}
		if tag == "li" {
			if i := p.openAbove("li"); i >= 0 && i > p.innermostList() {
				p.popTo(i)
			}
		}
	}
	e, _ := p.hiding(tag, attrs)
	return p.push(e)
}

// hiding returns the element for tag, and whether its content is left out: content
// that is not report text (scripts, menus), hidden by its style, or page furniture
// by its class or id.
func (p *htmlParser) hiding(tag string, attrs map[string]string) (elem, bool) {
	e := elem{tag: tag, hide: skipElement[tag] || hiddenStyle(attrs)}
	if tag == "header" && len(p.open["article"]) == 0 && len(p.open["main"]) == 0 {
		e.hide = true // a site's banner, not an article's own header
	}
	if !e.hide && p.chrome && chromeName(attrs["class"]+" "+attrs["id"]) {
		e.hide, e.chrome = true, true
		p.chromeSkipped++
	}
	return e, e.hide
}

func (p *htmlParser) innermostList() int {
	i := -1
	for _, t := range []string{"ul", "ol"} {
		if o := p.open[t]; len(o) > 0 && o[len(o)-1] > i {
			i = o[len(o)-1]
		}
	}
	return i
}

func (p *htmlParser) openCell(ts *tableState, c *cell) {
	ts.closeCell()
	p.popTo(ts.depth)
	if ts.row == nil {
		ts.row = &row{at: c.at}
		ts.t.rows = append(ts.t.rows, ts.row)
	}
	ts.row.cells = append(ts.row.cells, c)
	ts.cell, ts.cellFlow = c, &flow{}
}

func (p *htmlParser) closeTable() {
	ts := p.top()
	ts.closeCell()
	p.popTo(ts.depth)
	p.tables = p.tables[:len(p.tables)-1]
	if !ts.hidden {
		ts.parent.add(ts.t)
	}
}

func (p *htmlParser) end(tag string, at int) {
	switch tag {
	case "table":
		if p.top() != nil {
			p.closeTable()
		}
		return
	case "tr", "thead", "tbody", "tfoot":
		if ts := p.top(); ts != nil {
			ts.closeCell()
			p.popTo(ts.depth)
			ts.row = nil
		}
		return
	case "td", "th":
		if ts := p.top(); ts != nil {
			ts.closeCell()
			p.popTo(ts.depth)
		}
		return
	case "br":
		p.flow().br() // </br> is a <br> to browsers
		return
	}
	if blockElement[tag] {
		p.flow().br()
	}
	if i := p.openAbove(tag); i >= 0 {
		p.popTo(i)
	}
}

// text adds a text token, raw as in the page: entities are decoded here rather than by
// the tokenizer so that each piece keeps its offset.
func (p *htmlParser) text(raw []byte, at int) {
	f := p.flow()
	s := p.src[at : at+len(raw)]
	pre := p.openAbove("pre") >= 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' && pre:
			f.br()
			i += w
		case isSpace(r) && !pre:
			j := i + w
			for j < len(s) {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r) {
					break
				}
				j += w
			}
			f.space(p.m.in(at+i), p.m.in(at+j))
			i = j
		case r == '&':
			dec, n := entity(s[i:])
			if n == 0 {
				f.mark()
				p.m.text(&f.cur, "&", at+i)
				i++
				continue
			}
			if strings.TrimFunc(dec, isSpace) == "" && !pre {
				f.space(p.m.in(at+i), p.m.in(at+i+n))
			} else {
				f.mark()
				f.cur.stand(dec, p.m.in(at+i), p.m.in(at+i+n))
			}
			i += n
		default:
			j := i + w
			for j < len(s) && s[j] != '&' {
				r, w := utf8.DecodeRuneInString(s[j:])
				if (isSpace(r) && !pre) || (r == '\n' && pre) {
					break
				}
				j += w
			}
			f.mark()
			p.m.text(&f.cur, s[i:j], at+i)
			i = j
		}
	}
}

// entity decodes the character reference at the start of s ("&nbsp;", "&#12288;",
// the legacy "&nbsp" without a semicolon) and returns it with its length, or n == 0.
func entity(s string) (string, int) {
	j := 1
	for j < len(s) && j < 40 && (isAlnum(s[j]) || (j == 1 && s[j] == '#')) {
		j++
	}
	if j < len(s) && s[j] == ';' {
		cand := s[:j+1]
		if u := html.UnescapeString(cand); u != cand {
			return u, j + 1
		}
	}
	cand := s[:j]
	u := html.UnescapeString(cand)
	if u == cand {
		return "", 0
	}
	// a legacy reference takes the longest name it can: what follows it is left as is
	k := 0
	for k < len(u) && k < len(cand) && u[len(u)-1-k] == cand[len(cand)-1-k] {
		k++
	}
	if len(cand)-k <= 1 {
		return "", 0
	}
	return u[:len(u)-k], len(cand) - k
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// spanAttr parses a colspan or rowspan as browsers do: leading digits, clamped.
func spanAttr(v string, lo, hi int) int {
	v = strings.TrimSpace(v)
	n := 0
	for n < len(v) && v[n] >= '0' && v[n] <= '9' {
		n++
	}
	x, err := strconv.Atoi(v[:n])
	if err != nil {
		return max(lo, 1)
	}
	return min(max(x, lo), hi)
}

func hiddenStyle(attrs map[string]string) bool {
	if _, ok := attrs["hidden"]; ok {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attrs["style"], " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") || strings.Contains(st, "mso-hide:all")
}

// chromeName reports a class or id naming page furniture: menus, breadcrumbs,
// sharing buttons, footers.
func chromeName(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for _, w := range words {
		switch w {
		case "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
			"footer", "share", "sidebar", "toolbar", "topbar", "copyright", "skiplink":
			return true
		}
	}
	return false
}

var voidElement = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
	"param", "source", "track", "wbr", "basefont", "bgsound", "frame", "image", "isindex")

// skipElement holds elements whose content is not report text.
var skipElement = setOf("head", "title", "script", "style", "noscript", "template", "nav", "aside", "footer",
	"iframe", "object", "svg", "math", "canvas", "select", "option", "button", "textarea", "audio", "video",
	"map", "noembed", "noframes", "frameset", "xml", "datalist", "dialog")

var blockElement = setOf("address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hgroup", "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul",
	"caption", "body", "html", "legend", "plaintext", "xmp", "option", "tr", "td", "th", "table")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
