//go:build !lite

package markup

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/core/source"
)

// Limits for the parts of a .docx: a zip bomb stops at the cap, whatever its
// directory claims.
const (
	maxZipFiles = 10000
	maxDocXML   = 64 << 20 // word/document.xml, uncompressed
	maxPartXML  = 8 << 20  // numbering.xml, styles.xml, _rels/.rels
)

const (
	wNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	mcNS      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errBomb = errors.New("zip part too large")

// isDocx reports a zip archive holding a Word document.
func isDocx(input []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(input), int64(len(input)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "word/document.xml") || strings.EqualFold(f.Name, "[Content_Types].xml") && hasWordType(f) {
			return true
		}
	}
	return false
}

func hasWordType(f *zip.File) bool {
	b, err := readPart(f, maxPartXML)
	return err == nil && bytes.Contains(b, []byte("wordprocessingml.document"))
}

// readDocx reads word/document.xml of a Word 2007+ document: paragraphs (with their
// list numbers, which Word stores apart from the text), tables with merged cells
// (gridSpan, vMerge), line breaks. The offsets of the result point into the extracted
// text, not into the compressed file.
func readDocx(input []byte) (*source.Text, error) {
	files, err := zipParts(input, "Word 文档", "请在 Word 或 WPS 中重新另存为 .docx")
	if err != nil {
		return nil, err
	}
	main := mainPart(files)
	f := files[strings.ToLower(main)]
	if f == nil {
		return nil, errorf("压缩包里没有 Word 正文（word/document.xml）；请确认文件是 Word 文档（.docx）")
	}
	dir := path.Dir(main)
	p := &docxParser{num: &numbering{}, styles: map[string]styleNum{}}
	if nf := files[strings.ToLower(path.Join(dir, "numbering.xml"))]; nf != nil {
		if b, err := readPart(nf, maxPartXML); err == nil {
			p.num = parseNumbering(b)
		}
	}
	if sf := files[strings.ToLower(path.Join(dir, "styles.xml"))]; sf != nil {
		if b, err := readPart(sf, maxPartXML); err == nil {
			p.styles = parseStyles(b)
		}
	}
	if f.UncompressedSize64 > maxDocXML {
		return nil, errBombMessage(f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errorf("Word 文档已损坏，无法读取正文：%v", err)
	}
	defer rc.Close()
	cr := &cappedReader{r: rc, n: maxDocXML}
	if err := p.parse(cr); err != nil {
		if cr.over {
			return nil, errBombMessage(maxDocXML + 1)
		}
		return nil, err
	}
	return renderWord(p.doc.blocks, Docx, "utf-8")
}

// readWordXML reads a Word document's XML that arrives as text: document.xml pasted
// or saved on its own, or Word's "XML document" (a flat package holding it). No
// numbering or styles part comes with it: item numbers Word would draw are not known.
func readWordXML(input []byte) (*source.Text, error) {
	p := &docxParser{num: &numbering{}, styles: map[string]styleNum{}}
	if len(input) > maxDocXML {
		return nil, errBombMessage(uint64(len(input)))
	}
	if err := p.parse(bytes.NewReader(input)); err != nil {
		return nil, err
	}
	return renderWord(p.doc.blocks, Docx, "utf-8")
}

// zipParts opens a zip package (a .docx, an OFD) and indexes its parts by their names
// in lower case, without a leading slash; kind names the format in messages, fix says
// what the user can do about a damaged file.
func zipParts(input []byte, kind, fix string) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(input), int64(len(input)))
	if err != nil {
		return nil, errorf("%s已损坏（压缩包无法打开：%v）；%s", kind, err, fix)
	}
	if len(zr.File) > maxZipFiles {
		return nil, errorf("%s包含的文件过多（%d 个），无法读取", kind, len(zr.File))
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return files, nil
}

// renderWord renders a Word document's blocks, which must hold some text.
func renderWord(bs []block, format, encoding string) (*source.Text, error) {
	w := &renderer{identity: true}
	w.blocks(bs)
	if w.err != nil {
		return nil, w.err
	}
	t := w.b.Text(format, encoding, 0)
	if strings.TrimSpace(t.S) == "" {
		return nil, errorf("Word 文档中没有文字；若报告是插入的图片（扫描件），请提交原始文字版本，或复制报告文字后粘贴")
	}
	return t, nil
}

func errBombMessage(n uint64) error {
	return errorf("Word 文档的正文解压后过大（超过 %d MB，可能是压缩炸弹），无法读取", maxDocXML>>20)
}

// mainPart finds the main document through the package relationships, falling back
// to the usual name.
func mainPart(files map[string]*zip.File) string {
	if rf := files["_rels/.rels"]; rf != nil {
		if b, err := readPart(rf, maxPartXML); err == nil {
			var rels struct {
				Rel []struct {
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
				} `xml:"Relationship"`
			}
			if xml.Unmarshal(b, &rels) == nil {
				for _, r := range rels.Rel {
					if strings.HasSuffix(r.Type, "/officeDocument") {
						t := strings.TrimPrefix(r.Target, "/")
						if files[strings.ToLower(t)] != nil {
							return t
						}
					}
				}
			}
		}
	}
	return "word/document.xml"
}

// readPart reads a zip member of at most limit bytes.
func readPart(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errBomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errBomb
	}
	return b, nil
}

// cappedReader fails once more than n bytes have been read.
type cappedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n < 0 {
		c.over = true
		return 0, errBomb
	}
	if int64(len(p)) > c.n+1 {
		p = p[:c.n+1]
	}
	n, err := c.r.Read(p)
	c.n -= int64(n)
	if c.n < 0 {
		c.over = true
		return 0, errBomb
	}
	return n, err
}

// docxTable is a table being read.
type docxTable struct {
	t *table
	nesting
	row    *row
	col    int           // grid column of the next cell in the row
	active map[int]*cell // cells merged downward, by grid column

	cell    *cell
	cellCol int
	vMerge  string // "restart", "continue" or ""
	hMerge  string
	prev    *cell // the row's last placed cell, for hMerge
}

type docxParser struct {
	num    *numbering
	styles map[string]styleNum

	doc    flow
	tables []*docxTable
	depth  int
	skip   int // depth of an element whose content is left out, 0 if none

	inPPr, inRPr, inT, hidden bool
	para                      paraNum
	inPara                    int
}

// paraNum is what a paragraph's properties say about its list number.
type paraNum struct {
	style, numID string
	ilvl         int
	hasNum       bool
	hasLvl       bool
}

func isW(n xml.Name) bool { return n.Space == wNS || n.Space == wStrictNS }

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == wNS || a.Name.Space == wStrictNS) {
			return a.Value, true
		}
	}
	return "", false
}

func (p *docxParser) flow() *flow {
	if n := len(p.tables); n > 0 {
		return p.tables[n-1].target()
	}
	return &p.doc
}

func (p *docxParser) parse(r io.Reader) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errBomb) {
				return err
			}
			if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
				return errorf("Word 文档已损坏（压缩数据与目录不符），无法读取；请在 Word 或 WPS 中重新另存为 .docx")
			}
			return errorf("Word 文档正文格式错误，无法读取（%v）；请在 Word 或 WPS 中重新另存为 .docx", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.depth++
			if p.depth > maxDepth {
				return errorf("Word 文档的结构嵌套超过 %d 层，无法读取", maxDepth)
			}
			if p.skip == 0 {
				p.start(t)
			}
		case xml.EndElement:
			if p.skip == p.depth {
				p.skip = 0
			} else if p.skip == 0 {
				p.end(t)
			}
			p.depth--
		case xml.CharData:
			if p.skip == 0 && p.inT && !p.hidden {
				s := string(t)
				if len(p.tables) > 0 && p.tables[len(p.tables)-1].cellFlow != nil {
					s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
				}
				p.flow().cur.plain(s)
			}
		}
	}
	for len(p.tables) > 0 {
		p.closeTable()
	}
	p.doc.br()
	return nil
}

func (p *docxParser) start(e xml.StartElement) {
	if e.Name.Space == mcNS && e.Name.Local == "Fallback" {
		p.skip = p.depth // the Choice already gave this content
		return
	}
	if !isW(e.Name) {
		return
	}
	switch e.Name.Local {
	case "moveFrom", "del", "instrText", "delText", "footnoteReference", "endnoteReference", "commentReference":
		p.skip = p.depth
	case "p":
		p.inPara++
		if p.inPara > 1 {
			p.flow().br() // a text box inside a paragraph
		}
		p.para = paraNum{}
	case "pPr":
		p.inPPr = true
	case "rPr":
		p.inRPr = true
	case "pStyle":
		if p.inPPr && !p.inRPr {
			p.para.style, _ = attr(e, "val")
		}
	case "numId":
		if p.inPPr {
			p.para.numID, _ = attr(e, "val")
			p.para.hasNum = true
		}
	case "ilvl":
		if p.inPPr {
			v, _ := attr(e, "val")
			p.para.ilvl, _ = strconv.Atoi(v)
			p.para.hasLvl = true
		}
	case "r":
		p.hidden = false
	case "vanish":
		if p.inRPr && !p.inPPr {
			v, _ := attr(e, "val")
			p.hidden = v != "0" && v != "false" && v != "off"
		}
	case "t":
		p.inT = true
	case "tab":
		if !p.inPPr && !p.hidden {
			if p.inCell() {
				p.flow().cur.plain(" ")
			} else {
				p.flow().cur.plain("\t")
			}
		}
	case "br", "cr":
		if !p.hidden {
			p.flow().br()
		}
	case "noBreakHyphen":
		if !p.hidden {
			p.flow().cur.plain("-")
		}
	case "drawing", "pict":
		if !p.hidden {
			// a picture's place: a report's tables pasted in as pictures stand here
			p.flow().cur.plain(string(source.Object))
		}
	case "tbl":
		f := p.flow()
		f.br()
		p.tables = append(p.tables, &docxTable{t: &table{}, nesting: nesting{parent: f}, active: map[int]*cell{}})
	case "tr":
		if t := p.top(); t != nil {
			p.closeCell(t)
			t.row = &row{at: -1}
			t.col = 0
			t.prev = nil
			t.t.rows = append(t.t.rows, t.row)
		}
	case "gridBefore":
		if t := p.top(); t != nil && t.row != nil && t.cell == nil {
			v, _ := attr(e, "val")
			n := min(max(atoi(v), 0), maxWidth)
			if n > 0 {
				// a row that starts further right: a placeholder keeps the columns true
				t.row.cells = append(t.row.cells, &cell{colspan: n, rowspan: 1, at: -1, pad: true})
				t.col += n
			}
		}
	case "tc":
		if t := p.top(); t != nil {
			p.closeCell(t)
			if t.row == nil {
				t.row = &row{at: -1}
				t.t.rows = append(t.t.rows, t.row)
			}
			t.cell = &cell{colspan: 1, rowspan: 1, at: -1}
			t.cellFlow = &flow{}
			t.cellCol = t.col
			t.vMerge, t.hMerge = "", ""
		}
	case "gridSpan":
		if t := p.top(); t != nil && t.cell != nil {
			v, _ := attr(e, "val")
			t.cell.colspan = min(max(atoi(v), 1), maxWidth)
		}
	case "vMerge":
		if t := p.top(); t != nil && t.cell != nil {
			v, _ := attr(e, "val")
			if v == "restart" {
				t.vMerge = "restart"
			} else {
				t.vMerge = "continue"
			}
		}
	case "hMerge":
		if t := p.top(); t != nil && t.cell != nil {
			v, _ := attr(e, "val")
			if v == "restart" {
				t.hMerge = "restart"
			} else {
				t.hMerge = "continue"
			}
		}
	}
}

func (p *docxParser) end(e xml.EndElement) {
	if !isW(e.Name) {
		return
	}
	switch e.Name.Local {
	case "p":
		p.flow().br()
		p.inPara = max(p.inPara-1, 0)
	case "pPr":
		p.inPPr = false
		if label := p.numberLabel(); label != "" {
			p.flow().cur.plain(label)
		}
	case "rPr":
		p.inRPr = false
	case "r":
		p.hidden = false
	case "t":
		p.inT = false
	case "tc":
		if t := p.top(); t != nil {
			p.closeCell(t)
		}
	case "tr":
		if t := p.top(); t != nil {
			p.closeCell(t)
			t.row = nil
		}
	case "tbl":
		if p.top() != nil {
			p.closeTable()
		}
	}
}

func (p *docxParser) top() *docxTable {
	if n := len(p.tables); n > 0 {
		return p.tables[n-1]
	}
	return nil
}

func (p *docxParser) inCell() bool {
	t := p.top()
	return t != nil && t.cellFlow != nil
}

// closeCell places the open cell on its row: a vMerge continuation lengthens the cell
// it continues instead of taking a place of its own.
func (p *docxParser) closeCell(t *docxTable) {
	c := t.cell
	if c == nil {
		return
	}
	t.cellFlow.br()
	c.blocks = t.cellFlow.blocks
	t.cell, t.cellFlow = nil, nil
	col := t.cellCol
	t.col += c.colspan
	switch {
	case t.hMerge == "continue" && t.prev != nil:
		t.prev.colspan += c.colspan
		return
	case t.vMerge == "continue" && t.active[col] != nil && t.active[col].colspan == c.colspan:
		t.active[col].rowspan++
		// the merged cell occupies this place: the row goes on after it
		return
	case t.vMerge == "restart":
		t.active[col] = c
	default:
		delete(t.active, col)
	}
	t.row.cells = append(t.row.cells, c)
	t.prev = c
}

func (p *docxParser) closeTable() {
	t := p.top()
	p.closeCell(t)
	p.tables = p.tables[:len(p.tables)-1]
	t.parent.add(t.t)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// numberLabel is the list number Word shows before the paragraph ("一、", "1.",
// "（二）"), counted as Word counts it.
func (p *docxParser) numberLabel() string {
	pn := p.para
	numID, ilvl := pn.numID, pn.ilvl
	if !pn.hasNum || !pn.hasLvl {
		sn := p.styleNum(pn.style)
		if !pn.hasNum {
			numID = sn.numID
		}
		if !pn.hasLvl {
			ilvl = sn.ilvl
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	label := p.num.next(numID, ilvl)
	if label == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(label)
	if strings.ContainsRune("、.．)）:：,，", last) {
		return label
	}
	return label + " "
}

// styleNum follows a paragraph style and the styles it is based on to its numbering.
func (p *docxParser) styleNum(id string) styleNum {
	for i := 0; i < 16 && id != ""; i++ {
		s, ok := p.styles[id]
		if !ok {
			break
		}
		if s.numID != "" {
			return s
		}
		id = s.basedOn
	}
	return styleNum{}
}

type styleNum struct {
	numID, basedOn string
	ilvl           int
}

func parseStyles(b []byte) map[string]styleNum {
	var doc struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			BasedOn struct {
				Val string `xml:"val,attr"`
			} `xml:"basedOn"`
			PPr struct {
				NumPr struct {
					NumID struct {
						Val string `xml:"val,attr"`
					} `xml:"numId"`
					Ilvl struct {
						Val string `xml:"val,attr"`
					} `xml:"ilvl"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	out := map[string]styleNum{}
	if xml.Unmarshal(b, &doc) != nil {
		return out
	}
	for _, s := range doc.Styles {
		out[s.ID] = styleNum{numID: s.PPr.NumPr.NumID.Val, basedOn: s.BasedOn.Val, ilvl: atoi(s.PPr.NumPr.Ilvl.Val)}
	}
	return out
}

// numbering holds Word's list definitions and the counters of the lists met so far.
type numbering struct {
	abstract map[string]*[9]level // by abstractNumId
	nums     map[string]numInst   // by numId
	counters map[string]*[9]int   // by abstractNumId; 0: not started
	started  map[string]bool      // numIds met
}

type level struct {
	start      int
	format     string
	text       string
	restartSet bool
}

type numInst struct {
	abstract string
	override map[int]int // level -> start
}

func parseNumbering(b []byte) *numbering {
	type lvlXML struct {
		Ilvl  string `xml:"ilvl,attr"`
		Start struct {
			Val string `xml:"val,attr"`
		} `xml:"start"`
		NumFmt struct {
			Val string `xml:"val,attr"`
		} `xml:"numFmt"`
		LvlText struct {
			Val string `xml:"val,attr"`
		} `xml:"lvlText"`
	}
	var doc struct {
		Abstract []struct {
			ID   string   `xml:"abstractNumId,attr"`
			Lvls []lvlXML `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start struct {
					Val string `xml:"val,attr"`
				} `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	n := &numbering{}
	if xml.Unmarshal(b, &doc) != nil {
		return n
	}
	n.abstract = map[string]*[9]level{}
	for _, a := range doc.Abstract {
		var lv [9]level
		for i := range lv {
			lv[i] = level{start: 1, format: "decimal"}
		}
		for _, l := range a.Lvls {
			i := atoi(l.Ilvl)
			if i < 0 || i > 8 {
				continue
			}
			lv[i] = level{start: 1, format: l.NumFmt.Val, text: l.LvlText.Val}
			if l.Start.Val != "" {
				lv[i].start = atoi(l.Start.Val)
			}
			if lv[i].format == "" {
				lv[i].format = "decimal"
			}
		}
		n.abstract[a.ID] = &lv
	}
	n.nums = map[string]numInst{}
	for _, x := range doc.Nums {
		inst := numInst{abstract: x.Abstract.Val, override: map[int]int{}}
		for _, o := range x.Overrides {
			if o.Start.Val != "" {
				inst.override[atoi(o.Ilvl)] = atoi(o.Start.Val)
			}
		}
		n.nums[x.ID] = inst
	}
	return n
}

// next counts one more paragraph of list numID at level ilvl and returns its label.
func (n *numbering) next(numID string, ilvl int) string {
	inst, ok := n.nums[numID]
	if !ok || ilvl < 0 || ilvl > 8 {
		return ""
	}
	lv := n.abstract[inst.abstract]
	if lv == nil {
		return ""
	}
	if n.counters == nil {
		n.counters = map[string]*[9]int{}
		n.started = map[string]bool{}
	}
	cs := n.counters[inst.abstract]
	if cs == nil {
		cs = &[9]int{}
		n.counters[inst.abstract] = cs
	}
	startOf := func(l int) int {
		if s, ok := inst.override[l]; ok {
			return s
		}
		return lv[l].start
	}
	first := !n.started[numID]
	n.started[numID] = true
	if _, ok := inst.override[ilvl]; ok && first {
		cs[ilvl] = 0 // a restarted list
	}
	if cs[ilvl] == 0 {
		cs[ilvl] = startOf(ilvl)
	} else {
		cs[ilvl]++
	}
	for l := ilvl + 1; l < 9; l++ {
		cs[l] = 0
	}
	f := lv[ilvl].format
	if f == "bullet" || f == "none" {
		if f == "none" {
			return stripPlaceholders(lv[ilvl].text)
		}
		return ""
	}
	text := lv[ilvl].text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := cs[l]
			if v == 0 {
				v = startOf(l)
			}
			b.WriteString(formatNumber(v, lv[l].format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

func stripPlaceholders(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// formatNumber writes n in one of Word's number formats.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "ideographDigital":
		return chineseNumber(n, []rune("〇一二三四五六七八九"), []rune("十百千"))
	case "chineseLegalSimplified":
		return chineseNumber(n, []rune("零壹贰叁肆伍陆柒捌玖"), []rune("拾佰仟"))
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalZero":
		if n < 10 && n >= 0 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			c := string(rune('A' + (n-1)%26))
			c = strings.Repeat(c, (n-1)/26+1)
			if format == "lowerLetter" {
				c = strings.ToLower(c)
			}
			return c
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			r := roman(n)
			if format == "lowerRoman" {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return strconv.Itoa(n)
}

func chineseNumber(n int, digits, units []rune) string {
	if n <= 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return string(digits[n])
	}
	if n < 20 {
		s := string(units[0])
		if n > 10 {
			s += string(digits[n-10])
		}
		return s
	}
	var b strings.Builder
	parts := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	unit := []int{2, 1, 0, -1}
	zero := false
	started := false
	for i, d := range parts {
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune(digits[0])
			zero = false
		}
		b.WriteRune(digits[d])
		if unit[i] >= 0 {
			b.WriteRune(units[unit[i]])
		}
		started = true
	}
	return b.String()
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
