//go:build !lite

package markup

import (
	"bytes"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/core/source"
)

// Limits for PDF files.
const (
	maxPages      = 2000
	maxContent    = 32 << 20 // decompressed content streams of one page
	maxGlyphs     = 1 << 20  // glyphs of one page
	maxFormDepth  = 8        // form XObjects drawn inside each other
	badGlyphShare = 0.2      // above this share of unreadable glyphs, the text is garbage
)

// readPDF extracts the text layer of a PDF and lays it out as pdftotext -layout does
// (lines by position, columns kept apart by runs of spaces, a form feed between
// pages), for the same tokenizer that reads text pasted from a PDF viewer. The offsets
// of the result point into the extracted text.
func readPDF(input []byte) (t *source.Text, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, errorf("PDF 文件无法解析（%v）；请在 PDF 阅读器中全选并复制报告文字后粘贴，或使用原始 Word 文件", p)
		}
	}()
	data, err := pdfBody(input)
	if err != nil {
		return nil, err
	}
	if xrefLoops(data) {
		return nil, errorf("PDF 的交叉引用表循环引用（文件已损坏），无法读取；请在 PDF 阅读器中复制报告文字后粘贴，或使用原始 Word 文件")
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if err == pdf.ErrInvalidPassword || strings.Contains(err.Error(), "encrypt") {
			return nil, errorf("PDF 文件已加密（需要密码才能打开），无法读取；请用密码在 PDF 阅读器中打开后复制报告文字粘贴，或使用原始 Word 文件")
		}
		return nil, errorf("PDF 文件已损坏或格式不受支持（%v）；请在 PDF 阅读器中全选并复制报告文字后粘贴，或使用原始 Word 文件", err)
	}
	pages, err := pageList(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errorf("PDF 文件中没有页面，或页面目录已损坏；请在 PDF 阅读器中复制报告文字后粘贴")
	}
	var b source.Builder
	var total, bad, images int
	for i, pg := range pages {
		res := inherited(pg, "Resources")
		x := &pdfPage{res: res, fonts: map[string]*pdfFont{}}
		if err := x.run(pg.Key("Contents"), res, ident, 0); err != nil {
			return nil, err
		}
		total += x.total
		bad += x.bad
		images += x.images
		if i > 0 {
			b.Copy("\f", b.Len())
		}
		s := layout(x.glyphs)
		if b.Len()+len(s) > maxOutput {
			return nil, errorf("PDF 的文字超过 %d MB，无法处理；请只提交报告部分", maxOutput>>20)
		}
		b.Copy(s, b.Len())
	}
	switch {
	case total == 0 && images > 0:
		return nil, errorf("这个 PDF 没有文字层（是扫描或拍照的图片），无法读取；请使用原始 Word 文件，或先用 OCR 文字识别后复制文字粘贴")
	case total == 0:
		return nil, errorf("这个 PDF 中没有可提取的文字；若是扫描件，请使用原始 Word 文件，或先用 OCR 文字识别后复制文字粘贴")
	case float64(bad) > badGlyphShare*float64(total):
		return nil, errorf("这个 PDF 使用的字体无法还原为文字（提取结果为乱码）；请在 PDF 阅读器中全选并复制报告文字后粘贴（若复制出来也是乱码，请使用原始 Word 文件）")
	}
	return b.Text(PDF, "utf-8", 0), nil
}

// pdfBody returns the PDF as the library wants it: the header at offset 0 in the 1.x
// form, nothing after the last %%EOF. Offsets inside the file stay as they are.
func pdfBody(input []byte) ([]byte, error) {
	i := bytes.Index(input[:min(len(input), 1024)], []byte("%PDF-"))
	if i < 0 {
		return nil, errorf("不是 PDF 文件")
	}
	data := input[i:]
	if e := bytes.LastIndex(data, []byte("%%EOF")); e >= 0 {
		data = data[:e+5]
	}
	if len(data) > 8 && !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		// PDF 2.0 reads as 1.7 here; the header's length is the same
		data = append([]byte("%PDF-1.7"), data[8:]...)
	}
	if len(data) > 8 && (data[7] < '0' || data[7] > '7') {
		data = append([]byte("%PDF-1.7"), data[8:]...)
	}
	return data, nil
}

// pageList walks the page tree. The library's own walk and its lookup of inherited
// attributes loop forever on a tree that contains itself; this one is bounded.
func pageList(root pdf.Value) ([]pdf.Value, error) {
	var pages []pdf.Value
	visits := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visits++
		if depth > 64 || visits > 4*maxPages {
			return errorf("PDF 的页面目录已损坏（循环或过深），无法读取；请在 PDF 阅读器中复制报告文字后粘贴")
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && v.Key("Contents").Kind() != pdf.Null) {
			if len(pages) >= maxPages {
				return errorf("PDF 文件超过 %d 页，无法处理；请只提交报告部分", maxPages)
			}
			pages = append(pages, v)
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	err := walk(root, 0)
	return pages, err
}

// inherited looks key up on a page and its ancestors.
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 64 && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// xrefLoops reports a chain of cross-reference sections that comes back on itself,
// which the library would follow forever.
func xrefLoops(data []byte) bool {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return false
	}
	off, ok := leadingInt(data[i+len("startxref"):])
	seen := map[int]bool{}
	for ok && off >= 0 && off < len(data) {
		if seen[off] || len(seen) > 10000 {
			return true
		}
		seen[off] = true
		sec := data[off:]
		if end := bytes.Index(sec, []byte("startxref")); end >= 0 {
			sec = sec[:end]
		}
		p := bytes.Index(sec, []byte("/Prev"))
		if p < 0 {
			return false
		}
		off, ok = leadingInt(sec[p+len("/Prev"):])
	}
	return false
}

func leadingInt(b []byte) (int, bool) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	n, k := 0, 0
	for k < len(b) && k < 12 && b[k] >= '0' && b[k] <= '9' {
		n = n*10 + int(b[k]-'0')
		k++
	}
	return n, k > 0
}

type affine [6]float64 // a b c d e f

var ident = affine{1, 0, 0, 1, 0, 0}

// mul returns m then n: the point transformation x*m, then *n.
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type glyph struct {
	x, y, end, size float64
	s               string
}

type textState struct {
	ctm            affine
	tc, tw, th, tl float64
	ts, fs         float64
	font           *pdfFont
	tm, tlm        affine
}

type pdfFont struct {
	f        *pdf.Font
	twoByte  bool
	mixed    bool // codes of one or two bytes (GBK): decoded by the string
	unmapped bool // no way from its codes to Unicode
	decode   func(code string) string
	widths   map[int]float64
	dw       float64
	first    int
	simple   []float64
}

func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.widths[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.simple) && f.simple[i] > 0 {
		return f.simple[i]
	}
	return f.dw
}

func newFont(v pdf.Value) *pdfFont {
	f := &pdfFont{f: &pdf.Font{V: v}, dw: 500}
	enc := v.Key("Encoding")
	hasToUnicode := v.Key("ToUnicode").Kind() == pdf.Stream
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if d := desc.Key("DW"); d.Kind() == pdf.Integer || d.Kind() == pdf.Real {
			f.dw = d.Float64()
		}
		f.widths = cidWidths(desc.Key("W"))
		name := enc.Name()
		switch {
		case hasToUnicode && (name == "Identity-H" || name == "Identity-V"):
			e := f.f.Encoder()
			f.decode = e.Decode
		case strings.HasPrefix(name, "UniGB-UCS2") || strings.HasPrefix(name, "UniGB-UTF16") || strings.HasPrefix(name, "UniCNS-UCS2") || strings.HasPrefix(name, "UniCNS-UTF16"):
			f.decode = utf16BE
		case strings.HasPrefix(name, "GBK-EUC") || strings.HasPrefix(name, "GBpc-EUC") || strings.HasPrefix(name, "GBKp-EUC"):
			f.mixed = true // one- and two-byte codes, read as GBK text
			f.decode = gbk
		default:
			f.unmapped = true
			f.decode = func(string) string { return "\ufffd" }
		}
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.simple = append(f.simple, ws.Index(i).Float64())
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
		f.dw = mw.Float64()
	}
	if v.Key("Subtype").Name() == "Type3" {
		// glyph space is not 1/1000 em: scale by the font matrix
		if m := v.Key("FontMatrix"); m.Len() >= 1 {
			s := m.Index(0).Float64() * 1000
			for i := range f.simple {
				f.simple[i] *= s
			}
			f.dw *= s
		}
	}
	e := f.f.Encoder()
	f.decode = e.Decode
	return f
}

func utf16BE(code string) string {
	var b strings.Builder
	for i := 0; i+1 < len(code); i += 2 {
		b.WriteRune(rune(code[i])<<8 | rune(code[i+1]))
	}
	return b.String()
}

func gbk(code string) string {
	out, err := simplifiedchinese.GB18030.NewDecoder().String(code)
	if err != nil {
		return "\ufffd"
	}
	return out
}

// cidWidths reads a CID font's W array: c [w1 w2 ...] and cfirst clast w.
func cidWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	n := w.Len()
	for i := 0; i < n && len(out) < 1<<16; {
		c := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && len(out) < 1<<16; k++ {
				out[c+k] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := int(next.Int64())
		v := w.Index(i + 2).Float64()
		for k := c; k <= last && k-c < 1<<16 && len(out) < 1<<16; k++ {
			out[k] = v
		}
		i += 3
	}
	return out
}

// pdfPage interprets a page's content streams for the text they show and where.
type pdfPage struct {
	res    pdf.Value
	fonts  map[string]*pdfFont
	glyphs []glyph
	total  int // glyphs shown, white space aside
	bad    int // glyphs that could not be read as text
	images int
	err    error
}

// contentSize is the decompressed size of a content stream (or array of them), up to
// a bound, so that a compressed bomb is refused before it is interpreted.
func contentSize(v pdf.Value) int64 {
	var n int64
	count := func(s pdf.Value) {
		rc := s.Reader()
		defer rc.Close()
		k, _ := io.Copy(io.Discard, io.LimitReader(rc, maxContent+1-n))
		n += k
	}
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && n <= maxContent; i++ {
			count(v.Index(i))
		}
	} else {
		count(v)
	}
	return n
}

func (p *pdfPage) run(contents pdf.Value, res pdf.Value, ctm affine, depth int) error {
	if contents.Kind() != pdf.Stream && contents.Kind() != pdf.Array {
		return nil
	}
	if contentSize(contents) > maxContent {
		return errorf("PDF 页面内容解压后超过 %d MB（可能是压缩炸弹），无法读取", maxContent>>20)
	}
	fonts := p.fonts
	if depth > 0 {
		fonts = map[string]*pdfFont{}
	}
	g := textState{ctm: ctm, th: 1}
	var stack []textState
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		if p.err != nil {
			return
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1024 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g = stack[k-1]
				stack = stack[:k-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = ident, ident
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f := fonts[name]
				if f == nil {
					f = newFont(res.Key("Font").Key(name))
					fonts[name] = f
				}
				g.font, g.fs = f, num(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = affine{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			if len(args) == 6 {
				g.tm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}
				g.tlm = g.tm
			}
		case "T*":
			g.tlm = affine{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
		case "Tj":
			if len(args) >= 1 {
				p.show(&g, args[len(args)-1].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
			}
			g.tlm = affine{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
			if len(args) >= 1 {
				p.show(&g, args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) >= 1 {
				a := args[len(args)-1]
				for i := 0; i < a.Len(); i++ {
					x := a.Index(i)
					if x.Kind() == pdf.String {
						p.show(&g, x.RawString())
					} else {
						tx := -x.Float64() / 1000 * g.fs * g.th
						g.tm = affine{1, 0, 0, 1, tx, 0}.mul(g.tm)
					}
				}
			}
		case "Do":
			if len(args) >= 1 {
				xo := res.Key("XObject").Key(args[0].Name())
				switch xo.Key("Subtype").Name() {
				case "Image":
					p.images++
					p.picture(g.ctm)
				case "Form":
					if depth < maxFormDepth {
						m := ident
						if mx := xo.Key("Matrix"); mx.Len() == 6 {
							m = affine{mx.Index(0).Float64(), mx.Index(1).Float64(), mx.Index(2).Float64(),
								mx.Index(3).Float64(), mx.Index(4).Float64(), mx.Index(5).Float64()}
						}
						r := xo.Key("Resources")
						if r.IsNull() {
							r = res
						}
						if err := p.run(xo, r, m.mul(g.ctm), depth+1); err != nil {
							p.err = err
						}
					}
				}
			}
		case "BI":
			p.images++
		}
	})
	return p.err
}

// picture places an image, the unit square ctm maps, as one Object character at its top
// left corner: a report's tables published as pictures leave their place in the text.
// Small images (rules, bullets, seals' parts) are left out.
func (p *pdfPage) picture(ctm affine) {
	w, h := math.Hypot(ctm[0], ctm[1]), math.Hypot(ctm[2], ctm[3])
	if w < 100 || h < 40 || len(p.glyphs) >= maxGlyphs {
		return
	}
	x, y := ctm[4], ctm[5]+math.Max(ctm[3], 0)
	p.glyphs = append(p.glyphs, glyph{x: x, y: y, end: x + 10, size: 10, s: string(source.Object)})
}

// show places the glyphs of one string.
func (p *pdfPage) show(g *textState, s string) {
	f := g.font
	if f == nil {
		return
	}
	if f.decode == nil {
		return
	}
	var codes []string
	switch {
	case f.mixed:
		for _, r := range f.decode(s) {
			codes = append(codes, string(r))
		}
	case f.twoByte:
		for i := 0; i+2 <= len(s); i += 2 {
			codes = append(codes, s[i:i+2])
		}
	default:
		for i := 0; i < len(s); i++ {
			codes = append(codes, s[i:i+1])
		}
	}
	for _, code := range codes {
		var c int
		text := code
		switch {
		case f.mixed:
			c = -1 // by default width: a two-byte code is not kept
		case f.twoByte:
			c = int(code[0])<<8 | int(code[1])
			text = f.decode(code)
		default:
			c = int(code[0])
			text = f.decode(code)
		}
		w0 := f.width(c)
		trm := affine{g.fs * g.th, 0, 0, g.fs, 0, g.ts}.mul(g.tm).mul(g.ctm)
		tx := (w0/1000*g.fs + g.tc) * g.th
		if !f.twoByte && code == " " {
			tx += g.tw * g.th
		}
		g.tm = affine{1, 0, 0, 1, tx, 0}.mul(g.tm)
		next := affine{g.fs * g.th, 0, 0, g.fs, 0, g.ts}.mul(g.tm).mul(g.ctm)
		if strings.TrimFunc(text, unicode.IsSpace) == "" {
			continue
		}
		p.total++
		if f.unmapped || !readable(text) {
			p.bad++
			continue
		}
		if len(p.glyphs) >= maxGlyphs {
			continue
		}
		size := math.Hypot(trm[2], trm[3])
		p.glyphs = append(p.glyphs, glyph{x: trm[4], y: trm[5], end: next[4], size: size, s: text})
	}
}

// readable reports text a font decoded to real characters: not the replacement
// character, control codes or private-use code points.
func readable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || (r >= 0xE000 && r <= 0xF8FF) || (r >= 0x7F && r < 0xA0) {
			return false
		}
	}
	return true
}

// layout writes a page's glyphs as lines of text: glyphs are grouped into lines by
// their baseline, ordered left to right; a gap of more than a character's width
// becomes at least two spaces (a column gap, as pdftotext -layout writes), a small one
// a space; a line starts with spaces for its indentation; a wide gap between lines
// becomes a blank line.
func layout(gs []glyph) string {
	if len(gs) == 0 {
		return ""
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].y != gs[j].y {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	left := math.Inf(1)
	var sizes []float64
	for _, g := range gs {
		left = math.Min(left, g.x)
		sizes = append(sizes, g.size)
	}
	sort.Float64s(sizes)
	unit := sizes[len(sizes)/2] / 2 // the width of a half-width character
	if unit <= 0 {
		unit = 5
	}
	var lines [][]glyph
	for _, g := range gs {
		if n := len(lines); n > 0 {
			l := lines[n-1]
			tol := 0.4 * math.Max(l[0].size, g.size)
			if math.Abs(l[0].y-g.y) <= tol {
				lines[n-1] = append(l, g)
				continue
			}
		}
		lines = append(lines, []glyph{g})
	}
	var b strings.Builder
	prevY := math.NaN()
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x < l[j].x })
		size := l[0].size
		if !math.IsNaN(prevY) && prevY-l[0].y > 2.2*size {
			b.WriteByte('\n') // a blank line between paragraphs
		}
		prevY = l[0].y
		b.WriteString(strings.Repeat(" ", min(int(math.Round((l[0].x-left)/unit)), 80)))
		var last *glyph
		for i := range l {
			g := &l[i]
			if last != nil {
				gap := g.x - last.end
				if g.s == last.s && math.Abs(g.x-last.x) < 0.3*g.size {
					continue // the same glyph drawn twice: simulated bold
				}
				switch {
				case gap > 1.2*g.size:
					b.WriteString(strings.Repeat(" ", min(max(2, int(math.Round(gap/unit))), 60)))
				case gap > 0.2*g.size:
					b.WriteByte(' ')
				}
			}
			b.WriteString(g.s)
			last = g
		}
		b.WriteByte('\n')
	}
	return b.String()
}
