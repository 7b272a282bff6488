//go:build !lite

package markup

// Word 97-2003 documents (.doc, and WPS's .wps, the same format): a compound file
// ([MS-CFB]) whose WordDocument stream holds the text, in pieces listed by the piece
// table ([MS-DOC] Clx), and whose table stream (0Table or 1Table) holds the
// properties. A table cell's last paragraph ends in character 7, and so does each row,
// in a paragraph of its own marked as a table terminating paragraph (TTP) whose
// properties carry the row's cell boundaries and merged cells. Government reports are
// still often published as .doc, so this reads the text and the tables' grid, no more.

import (
	"bytes"
	"encoding/binary"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"nianbao/core/source"
)

const (
	maxWordStream = 64 << 20 // bytes of one stream
	maxWordChars  = 16 << 20 // characters of the main text
)

var errWordDamaged = errorf("Word 97-2003 文档（.doc）已损坏或格式不完整，无法读取；请在 Word 或 WPS 中另存为 .docx，或复制报告文字后粘贴")

// readWord97 reads the main text of a .doc file with its tables.
func readWord97(input []byte) (*source.Text, error) {
	st, err := openWord(input)
	if err != nil {
		return nil, err
	}
	d, err := parseWordDoc(st)
	if err != nil {
		return nil, err
	}
	return renderWord(d.blocks(), Doc, "utf-16le")
}

// wordStreams are the streams of a compound file that a Word document needs.
type wordStreams struct {
	doc, table0, table1, data []byte
	others                    []string // names of other top-level streams, to say what the file is
}

func wordStreamsOf(input []byte) (st *wordStreams, err error) {
	defer func() {
		if p := recover(); p != nil { // a malformed compound file the library trips on
			st, err = nil, errWordDamaged
		}
	}()
	r, err := mscfb.New(bytes.NewReader(input))
	if err != nil {
		return nil, errWordDamaged
	}
	st = &wordStreams{}
	total := int64(0)
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		if len(f.Path) > 0 {
			continue // inside a storage: embedded objects, not the document
		}
		var into *[]byte
		switch f.Name {
		case "WordDocument":
			into = &st.doc
		case "0Table":
			into = &st.table0
		case "1Table":
			into = &st.table1
		case "Data":
			into = &st.data
		default:
			st.others = append(st.others, f.Name)
			continue
		}
		if f.Size < 0 || f.Size > maxWordStream || total+f.Size > 2*maxWordStream {
			return nil, errorf("Word 文档过大，无法读取；请只提交报告正文")
		}
		total += f.Size
		b := make([]byte, f.Size)
		if _, err := io.ReadFull(f, b); err != nil {
			return nil, errWordDamaged
		}
		*into = b
	}
	return st, nil
}

// openWord reads the streams, or says what else the compound file is.
func openWord(input []byte) (*wordStreams, error) {
	st, err := wordStreamsOf(input)
	if err != nil {
		return nil, err
	}
	if st.doc == nil {
		switch {
		case slices.Contains(st.others, "EncryptedPackage"):
			return nil, errorf("这是加密的 Word 文档，无法读取；请取消密码后另存为 .docx，或复制报告文字后粘贴")
		case slices.Contains(st.others, "Workbook") || slices.Contains(st.others, "Book"):
			return nil, errorf("这是 Excel 97-2003 表格（.xls），不是报告文档；请提交报告的 Word、PDF 或文本文件")
		case slices.Contains(st.others, "PowerPoint Document"):
			return nil, errorf("这是 PowerPoint 演示文稿（.ppt），不是报告文档；请提交报告的 Word、PDF 或文本文件")
		}
		return nil, errorf("这是 Office 97-2003 格式的文件，但不是 Word 文档；请提交报告的 Word、PDF 或文本文件")
	}
	return st, nil
}

// wordDoc is a parsed Word document: its main text as characters, each with the
// offset (fc) of its bytes in the WordDocument stream, and its paragraph properties.
type wordDoc struct {
	text  []uint16 // UTF-16 code units of the main text
	fcs   []uint32 // fc of each character
	papx  []papxRun
	data  []byte
	table []byte
	num   *numbering // the lists, as the .docx reader counts them
}

// papxRun: the paragraphs whose marks lie in [start, end) have these properties.
type papxRun struct {
	start, end uint32
	grpprl     []byte
}

func u16(b []byte, i int) (uint16, bool) {
	if i < 0 || i+2 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint16(b[i:]), true
}

func u32(b []byte, i int) (uint32, bool) {
	if i < 0 || i+4 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[i:]), true
}

// parseWordDoc reads the File Information Block, the piece table and the paragraph
// properties.
func parseWordDoc(st *wordStreams) (*wordDoc, error) {
	wd := st.doc
	ident, _ := u16(wd, 0)
	nFib, _ := u16(wd, 2)
	flags, ok := u16(wd, 0x0A)
	if !ok || ident != 0xA5EC {
		return nil, errWordDamaged
	}
	if nFib < 101 {
		return nil, errorf("这是 Word 6.0/95 或更早版本的文档，暂不支持；请在 Word 或 WPS 中另存为 .docx，或复制报告文字后粘贴")
	}
	if flags&0x0100 != 0 || flags&0x8000 != 0 { // fEncrypted, fObfuscated
		return nil, errorf("这是加密的 Word 文档，无法读取；请取消密码后另存为 .docx，或复制报告文字后粘贴")
	}
	table := st.table0
	if flags&0x0200 != 0 { // fWhichTblStm
		table = st.table1
	}
	if table == nil {
		return nil, errWordDamaged
	}
	// FibBase (32 bytes), then three arrays each preceded by its count
	csw, _ := u16(wd, 32)
	lwAt := 32 + 2 + int(csw)*2
	cslw, ok := u16(wd, lwAt)
	if !ok {
		return nil, errWordDamaged
	}
	rgLw := lwAt + 2
	fcLcbAt := rgLw + int(cslw)*4
	cbRgFcLcb, ok := u16(wd, fcLcbAt)
	if !ok || cbRgFcLcb < 34 {
		return nil, errWordDamaged
	}
	rgFcLcb := fcLcbAt + 2
	ccpText, _ := u32(wd, rgLw+3*4)
	pair := func(i int) ([]byte, bool) {
		fc, ok1 := u32(wd, rgFcLcb+i*8)
		lcb, ok2 := u32(wd, rgFcLcb+i*8+4)
		if !ok1 || !ok2 || uint64(fc)+uint64(lcb) > uint64(len(table)) {
			return nil, false
		}
		return table[fc : fc+lcb], true
	}
	clx, ok := pair(33) // fcClx
	if !ok || len(clx) == 0 {
		return nil, errWordDamaged
	}
	d := &wordDoc{data: st.data, table: table}
	if err := d.readPieces(wd, clx, ccpText); err != nil {
		return nil, err
	}
	if bte, ok := pair(13); ok { // fcPlcfBtePapx
		d.readPapx(wd, bte)
	}
	d.num = &numbering{}
	if cbRgFcLcb > 74 {
		lst, ok1 := pair(73) // fcPlfLst, followed by the lists' levels
		lfo, ok2 := pair(74) // fcPlfLfo
		if ok1 && ok2 {
			lstAt, _ := u32(wd, rgFcLcb+73*8)
			d.num = wordLists(table, int(lstAt), len(lst), lfo)
		}
	}
	return d, nil
}

// readPieces follows the piece table (the Pcdt in the Clx) to the main text.
func (d *wordDoc) readPieces(wd, clx []byte, ccpText uint32) error {
	for len(clx) > 0 && clx[0] == 1 { // Prc: property modifiers, skipped
		cb, ok := u16(clx, 1)
		if !ok || 3+int(cb) > len(clx) {
			return errWordDamaged
		}
		clx = clx[3+int(cb):]
	}
	lcb, ok := u32(clx, 1)
	if len(clx) == 0 || clx[0] != 2 || !ok || uint64(lcb)+5 > uint64(len(clx)) || lcb < 4 {
		return errWordDamaged
	}
	plc := clx[5 : 5+lcb]
	n := (len(plc) - 4) / 12
	for i := 0; i < n; i++ {
		cp0, _ := u32(plc, i*4)
		cp1, _ := u32(plc, (i+1)*4)
		if cp0 >= ccpText {
			break
		}
		cp1 = min(cp1, ccpText)
		if cp1 <= cp0 {
			continue
		}
		fcRaw, _ := u32(plc, (n+1)*4+i*8+2)
		count := int(cp1 - cp0)
		if len(d.text)+count > maxWordChars {
			return errorf("Word 文档的文字过多，无法读取；请只提交报告正文")
		}
		if fcRaw&0x40000000 != 0 { // compressed: one byte a character, at fc/2
			fc := (fcRaw &^ 0x40000000) / 2
			if uint64(fc)+uint64(count) > uint64(len(wd)) {
				return errWordDamaged
			}
			for k, b := range wd[fc : int(fc)+count] {
				d.text = append(d.text, compressedChar(b))
				d.fcs = append(d.fcs, fc+uint32(k))
			}
			continue
		}
		fc := fcRaw
		if uint64(fc)+2*uint64(count) > uint64(len(wd)) {
			return errWordDamaged
		}
		for k := 0; k < count; k++ {
			at := int(fc) + 2*k
			d.text = append(d.text, binary.LittleEndian.Uint16(wd[at:]))
			d.fcs = append(d.fcs, uint32(at))
		}
	}
	return nil
}

// compressedChar maps a byte of compressed (8-bit) text: Windows-1252, whose
// 0x80-0x9F the format lists apart ([MS-DOC] 2.4.1).
func compressedChar(b byte) uint16 {
	if b >= 0x80 && b < 0xA0 {
		return cp1252High[b-0x80]
	}
	return uint16(b)
}

var cp1252High = [32]uint16{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// readPapx reads the paragraph properties: the bin table (PlcBtePapx) points to 512-byte
// pages (PapxFkp) of the WordDocument stream, each mapping ranges of fc to a PAPX.
func (d *wordDoc) readPapx(wd, bte []byte) {
	if len(bte) < 4 {
		return
	}
	n := (len(bte) - 4) / 8
	for i := 0; i < n; i++ {
		pn, _ := u32(bte, (n+1)*4+i*4)
		page := int(pn&0x3FFFFF) * 512
		if page+512 > len(wd) {
			continue
		}
		fkp := wd[page : page+512]
		crun := int(fkp[511])
		if 4*(crun+1)+13*crun > 511 {
			continue
		}
		for j := 0; j < crun; j++ {
			start, _ := u32(fkp, j*4)
			end, _ := u32(fkp, (j+1)*4)
			off := int(fkp[4*(crun+1)+13*j]) * 2
			if off == 0 || off >= 511 {
				continue // no properties: the defaults
			}
			cb := int(fkp[off])
			var g []byte
			if cb != 0 {
				g = fkp[off+1 : min(off+1+2*cb-1, 511)]
			} else if off+1 < 511 {
				cb = int(fkp[off+1])
				g = fkp[off+2 : min(off+2+2*cb, 511)]
			}
			if len(g) < 2 {
				continue
			}
			d.papx = append(d.papx, papxRun{start: start, end: end, grpprl: g[2:]}) // after the style (istd)
		}
	}
	sort.SliceStable(d.papx, func(i, j int) bool { return d.papx[i].start < d.papx[j].start })
}

// paraProps are what a paragraph's properties say of tables.
type paraProps struct {
	inTable, ttp bool
	depth        int
	ilfo, ilvl   int     // the paragraph's list (1-based; 0: none) and level
	centers      []int16 // a row's cell boundaries, in twips (rgdxaCenter)
	hMerge       []byte  // per cell: 0 none, 1 first of a merge, 2 or 3 merged into the previous
	vMerge       []byte  // per cell: 0 none, 3 first of a merge, 1 or 2 merged into the one above
}

// props returns the properties of the paragraph whose mark is at fc.
func (d *wordDoc) props(fc uint32) paraProps {
	i := sort.Search(len(d.papx), func(i int) bool { return d.papx[i].end > fc })
	var p paraProps
	if i == len(d.papx) || d.papx[i].start > fc {
		return p
	}
	d.apply(&p, d.papx[i].grpprl, true)
	if p.inTable && p.depth == 0 {
		p.depth = 1
	}
	return p
}

// apply reads a grpprl (a list of property modifiers, Sprm and operand).
func (d *wordDoc) apply(p *paraProps, g []byte, outer bool) {
	for len(g) >= 2 {
		op := binary.LittleEndian.Uint16(g)
		g = g[2:]
		var n, skip int // operand length, and bytes before the operand proper
		switch op >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch op {
			case 0xD608: // sprmTDefTable: a 2-byte size, one more than the operand's
				cb, ok := u16(g, 0)
				if !ok || cb == 0 {
					return
				}
				n, skip = int(cb)-1+2, 2
			case 0xC615: // sprmPChgTabs: 255 means a size to compute; not needed here
				if len(g) == 0 || g[0] == 255 {
					return
				}
				n, skip = int(g[0])+1, 1
			default:
				if len(g) == 0 {
					return
				}
				n, skip = int(g[0])+1, 1
			}
		}
		if n > len(g) {
			return
		}
		arg := g[skip:n]
		g = g[n:]
		switch op {
		case 0x2416: // sprmPFInTable
			p.inTable = len(arg) > 0 && arg[0] != 0
		case 0x2417: // sprmPFTtp
			p.ttp = len(arg) > 0 && arg[0] != 0
		case 0x460B: // sprmPIlfo
			if v, ok := u16(arg, 0); ok {
				p.ilfo = int(int16(v))
			}
		case 0x260A: // sprmPIlvl
			if len(arg) > 0 {
				p.ilvl = int(arg[0])
			}
		case 0x6649: // sprmPItap: the table depth
			if v, ok := u32(arg, 0); ok {
				p.depth = int(int32(v))
			}
		case 0xD608:
			p.defTable(arg)
		case 0xD62B: // sprmTVertMerge: itc, flag
			if len(arg) >= 2 && int(arg[0]) < len(p.vMerge) {
				p.vMerge[arg[0]] = arg[1]
			}
		case 0x6646: // sprmPHugePapx: the properties are in the Data stream
			if v, ok := u32(arg, 0); ok && outer {
				if cb, ok := u16(d.data, int(v)); ok && int(v)+2+int(cb) <= len(d.data) {
					d.apply(p, d.data[int(v)+2:int(v)+2+int(cb)], false) // PrcData: a size, a grpprl
				}
			}
		}
	}
}

// defTable reads a TDefTableOperand: the cell count, the boundaries, and a TC80 of
// 20 bytes per cell, whose first two bytes hold the merge flags.
func (p *paraProps) defTable(arg []byte) {
	if len(arg) < 1 {
		return
	}
	n := int(arg[0])
	if n == 0 || 1+2*(n+1) > len(arg) {
		return
	}
	p.centers = make([]int16, n+1)
	for i := range p.centers {
		p.centers[i] = int16(binary.LittleEndian.Uint16(arg[1+2*i:]))
	}
	p.hMerge = make([]byte, n)
	p.vMerge = make([]byte, n)
	tcs := arg[1+2*(n+1):]
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		f := binary.LittleEndian.Uint16(tcs[20*i:])
		p.hMerge[i] = byte(f & 0x3)
		p.vMerge[i] = byte(f >> 5 & 0x3)
	}
}

// wordRow is a row read from the text, its cells and the properties of its end mark.
type wordRow struct {
	cells []*cell
	props paraProps
}

// blocks turns the text into lines and tables.
func (d *wordDoc) blocks() []block {
	var (
		out    []block
		para   []line // the paragraph being read, split at its line breaks
		cur    line
		cellBs []block // the blocks of the cell being read
		cells  []*cell // the cells of the row being read
		rows   []wordRow
		fields []bool // open fields: whether each is still in its code part
	)
	flushTable := func() {
		if len(cells) > 0 || len(cellBs) > 0 { // a row left open: keep its text
			if len(cellBs) > 0 {
				cells = append(cells, &cell{blocks: cellBs, colspan: 1, rowspan: 1, at: -1})
			}
			rows = append(rows, wordRow{cells: cells})
			cells, cellBs = nil, nil
		}
		if len(rows) > 0 {
			out = append(out, block{table: wordTable(rows)})
			rows = nil
		}
	}
	endLine := func() {
		para = append(para, cur)
		cur = nil
	}
	for i, c := range d.text {
		inCode := len(fields) > 0 && fields[len(fields)-1]
		switch c {
		case 0x13: // a field begins: its code, then (after 0x14) its result
			fields = append(fields, true)
			continue
		case 0x14:
			if len(fields) > 0 {
				fields[len(fields)-1] = false
			}
			continue
		case 0x15:
			if len(fields) > 0 {
				fields = fields[:len(fields)-1]
			}
			continue
		}
		if inCode {
			continue
		}
		switch c {
		case 0x0D, 0x07, 0x0C: // a paragraph ends: a cell's, a row's, a page's
			endLine()
			p := d.props(d.fcs[i])
			para = d.numbered(para, p)
			switch {
			case c == 0x07 && p.ttp:
				cells = append(cells, leftover(cellBs, para)...)
				rows = append(rows, wordRow{cells: cells, props: p})
				cells, cellBs = nil, nil
			case p.inTable && c == 0x07:
				cellBs = appendLines(cellBs, para)
				cells = append(cells, &cell{blocks: cellBs, colspan: 1, rowspan: 1, at: -1})
				cellBs = nil
			case p.inTable:
				cellBs = appendLines(cellBs, para)
			default:
				flushTable()
				out = appendLines(out, para)
			}
			para = nil
		case 0x0B: // a line break within the paragraph
			endLine()
		case 0x09:
			cur.plain("\t")
		case 0x1E: // a non-breaking hyphen
			cur.plain("-")
		default:
			if c < 0x20 || c == 0x1F {
				continue // pictures, footnote marks, optional hyphens
			}
			if utf16.IsSurrogate(rune(c)) {
				if c < 0xDC00 && i+1 < len(d.text) {
					if r := utf16.DecodeRune(rune(c), rune(d.text[i+1])); r != '\uFFFD' {
						cur.plain(string(r))
					}
				}
				continue
			}
			cur.plain(string(rune(c)))
		}
	}
	endLine()
	flushTable()
	return appendLines(out, para)
}

// numbered puts the paragraph's list number ("一、", "（二）") before its text: Word
// keeps it apart, and the report's section headings are often numbered that way.
func (d *wordDoc) numbered(para []line, p paraProps) []line {
	if p.ilfo <= 0 || p.ttp || len(para) == 0 {
		return para
	}
	label := d.num.next(strconv.Itoa(p.ilfo), p.ilvl)
	if label == "" {
		return para
	}
	if last, _ := utf8.DecodeLastRuneInString(label); !strings.ContainsRune("、.．)）:：,，", last) {
		label += " "
	}
	var l line
	l.plain(label)
	para[0] = append(l, para[0]...)
	return para
}

// wordLists reads the list definitions: the PlfLst (at lstAt, n bytes; each LSTF
// followed, after the whole array, by its levels) and the PlfLfo, whose entries (the
// ilfo of a paragraph, 1-based) name a list and may restart its levels.
func wordLists(table []byte, lstAt, n int, lfo []byte) *numbering {
	num := &numbering{abstract: map[string]*[9]level{}, nums: map[string]numInst{}}
	c, ok := u16(table, lstAt)
	count := int(int16(c))
	if !ok || count <= 0 || 2+28*count > n {
		return num
	}
	at := lstAt + 2 + 28*count // the levels follow the array
	for i := 0; i < count; i++ {
		lstf := table[lstAt+2+28*i:]
		lsid, _ := u32(lstf, 0)
		levels := 9
		if lstf[26]&1 != 0 { // fSimpleList
			levels = 1
		}
		var lv [9]level
		for k := range lv {
			lv[k] = level{start: 1, format: "decimal"}
		}
		for k := 0; k < levels; k++ {
			l, size := wordLevel(table, at)
			if size == 0 {
				return num
			}
			lv[k] = l
			at += size
		}
		num.abstract[strconv.Itoa(int(lsid))] = &lv
	}
	lfoMac, ok := u32(lfo, 0)
	if !ok || uint64(lfoMac)*16+4 > uint64(len(lfo)) {
		return num
	}
	data := 4 + 16*int(lfoMac) // each LFO's LfoData: a cp, then its level overrides
	for i := 0; i < int(lfoMac); i++ {
		e := lfo[4+16*i:]
		lsid, _ := u32(e, 0)
		inst := numInst{abstract: strconv.Itoa(int(lsid)), override: map[int]int{}}
		overrides := int(e[12])
		data += 4
		for k := 0; k < overrides && data+8 <= len(lfo); k++ {
			start, _ := u32(lfo, data)
			flags, _ := u32(lfo, data+4)
			data += 8
			if flags&0x10 != 0 { // fStartAt
				inst.override[int(flags&0xF)] = int(int32(start))
			}
			if flags&0x20 != 0 { // fFormatting: a whole level follows, not read
				lfoAt := data
				_, size := wordLevel(lfo, lfoAt)
				if size == 0 {
					break
				}
				data += size
			}
		}
		num.nums[strconv.Itoa(i+1)] = inst
	}
	return num
}

// wordLevel reads an LVL at b[at:]: its start, number format and text ("%1、"), and
// its size in bytes (0 when it does not fit).
func wordLevel(b []byte, at int) (level, int) {
	if at < 0 || at+28 > len(b) {
		return level{}, 0
	}
	f := b[at : at+28]
	start := int(int32(binary.LittleEndian.Uint32(f)))
	papx, chpx := int(f[25]), int(f[24])
	x := at + 28 + papx + chpx
	cch, ok := u16(b, x)
	if !ok || x+2+2*int(cch) > len(b) {
		return level{}, 0
	}
	var text strings.Builder
	for k := 0; k < int(cch); k++ {
		c := binary.LittleEndian.Uint16(b[x+2+2*k:])
		if c < 9 {
			text.WriteString("%" + strconv.Itoa(int(c)+1)) // a level's number
			continue
		}
		text.WriteRune(rune(c))
	}
	return level{start: start, format: wordNumberFormat(f[4]), text: text.String()}, 28 + papx + chpx + 2 + 2*int(cch)
}

// wordNumberFormat names a number format (nfc, [MS-DOC] 2.9.172) as .docx does.
func wordNumberFormat(nfc byte) string {
	switch nfc {
	case 1:
		return "upperRoman"
	case 2:
		return "lowerRoman"
	case 3:
		return "upperLetter"
	case 4:
		return "lowerLetter"
	case 10:
		return "ideographDigital"
	case 11:
		return "japaneseCounting"
	case 14, 19:
		return "decimalFullWidth"
	case 18, 28:
		return "decimalEnclosedCircle"
	case 22:
		return "decimalZero"
	case 23:
		return "bullet"
	case 30:
		return "ideographTraditional"
	case 31:
		return "ideographZodiac"
	case 33:
		return "taiwaneseCounting"
	case 37:
		return "chineseCounting"
	case 38:
		return "chineseLegalSimplified"
	case 39:
		return "chineseCountingThousand"
	case 255:
		return "none"
	}
	return "decimal"
}

// leftover is the text of a row's end read before its mark, as a cell (none normally).
func leftover(cellBs []block, para []line) []*cell {
	cellBs = appendLines(cellBs, para)
	if len(cellBs) == 0 {
		return nil
	}
	return []*cell{{blocks: cellBs, colspan: 1, rowspan: 1, at: -1}}
}

func appendLines(bs []block, ls []line) []block {
	for _, l := range ls {
		if len(l) > 0 {
			bs = append(bs, block{line: l})
		}
	}
	return bs
}

// wordTable lays rows out on the table's grid: the columns are the distinct cell
// boundaries of all its rows (a boundary within a few twips of another is the same),
// a cell spans the columns between its boundaries, a row starting right of the
// table's left edge starts with a placeholder, and merged cells become spans.
func wordTable(rows []wordRow) *table {
	var edges []int
	for _, r := range rows {
		if len(r.props.centers) == len(r.cells)+1 {
			for _, x := range r.props.centers {
				edges = append(edges, int(x))
			}
		}
	}
	slices.Sort(edges)
	const near = 20 // twips: a ruler's rounding
	var grid []int
	for _, x := range edges {
		if len(grid) == 0 || x-grid[len(grid)-1] > near {
			grid = append(grid, x)
		}
	}
	column := func(x int16) int {
		i := sort.SearchInts(grid, int(x)-near)
		return min(i, max(len(grid)-1, 0))
	}
	t := &table{}
	active := map[int]*cell{} // grid column -> the cell a vertical merge continues
	for _, r := range rows {
		out := &row{at: -1}
		known := len(r.props.centers) == len(r.cells)+1
		var prev *cell
		col := 0
		for k, c := range r.cells {
			var h, v byte
			if known {
				from, to := column(r.props.centers[k]), column(r.props.centers[k+1])
				if k == 0 && from > 0 {
					out.cells = append(out.cells, &cell{colspan: from, rowspan: 1, at: -1, pad: true})
				}
				col = from
				c.colspan = max(to-from, 1)
				h, v = r.props.hMerge[k], r.props.vMerge[k]
			}
			switch {
			case h >= 2 && prev != nil:
				prev.colspan += c.colspan
				col += c.colspan
				continue
			case (v == 1 || v == 2) && active[col] != nil && active[col].colspan == c.colspan:
				active[col].rowspan++
				col += c.colspan
				continue
			case v == 3:
				active[col] = c
			default:
				delete(active, col)
			}
			out.cells = append(out.cells, c)
			prev = c
			col += c.colspan
		}
		t.rows = append(t.rows, out)
	}
	return t
}
