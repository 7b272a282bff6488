//go:build !lite

package markup

// OFD (GB/T 33190, 版式文档), the fixed-layout format of Chinese government documents:
// a zip whose OFD.xml names the document, whose Document.xml lists the pages, and
// whose pages' Content.xml place text objects in millimetres, y downwards. Like a PDF
// it has no tables, only text at positions: the glyphs are laid out by the PDF reader's
// layout, lines by position and columns kept apart by runs of spaces.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/core/source"
)

const (
	maxOFDPage  = 32 << 20  // bytes of one page's content, unpacked
	maxOFDPages = 128 << 20 // bytes of all pages' content, unpacked: a zip bomb spread over pages
)

// isOFD: a zip with OFD.xml at its root.
func isOFD(input []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(input), int64(len(input)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "OFD.xml") {
			return true
		}
	}
	return false
}

// readOFD reads the text of an OFD file's first document, page by page.
func readOFD(input []byte) (*source.Text, error) {
	files, err := zipParts(input, "OFD 文件", "请在 OFD 阅读器中复制报告文字后粘贴")
	if err != nil {
		return nil, err
	}
	part := func(name string, limit int64) ([]byte, error) {
		f := files[strings.ToLower(strings.TrimPrefix(path.Clean("/"+name), "/"))]
		if f == nil {
			return nil, errorf("OFD 文件不完整：缺少 %s；请在 OFD 阅读器中复制报告文字后粘贴", name)
		}
		b, err := readPart(f, limit)
		switch {
		case err == errBomb:
			return nil, errorf("OFD 文件的 %s 解压后过大，无法读取", name)
		case err != nil:
			return nil, errorf("OFD 文件已损坏（%s 无法解压：%v）；请在 OFD 阅读器中复制报告文字后粘贴", name, err)
		}
		return b, nil
	}
	root, err := part("OFD.xml", maxPartXML)
	if err != nil {
		return nil, err
	}
	var ofd struct {
		Bodies []struct {
			DocRoot string `xml:"DocRoot"`
		} `xml:"DocBody"`
	}
	if xml.Unmarshal(root, &ofd) != nil || len(ofd.Bodies) == 0 || strings.TrimSpace(ofd.Bodies[0].DocRoot) == "" {
		return nil, errorf("OFD 文件的入口（OFD.xml）无法解析；请在 OFD 阅读器中复制报告文字后粘贴")
	}
	docPath := strings.TrimSpace(ofd.Bodies[0].DocRoot)
	docXML, err := part(docPath, maxPartXML)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Pages []struct {
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"Pages>Page"`
		Templates []struct {
			ID      string `xml:"ID,attr"`
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"CommonData>TemplatePage"`
	}
	if xml.Unmarshal(docXML, &doc) != nil {
		return nil, errorf("OFD 文件的文档描述（%s）无法解析；请在 OFD 阅读器中复制报告文字后粘贴", docPath)
	}
	if len(doc.Pages) == 0 {
		return nil, errorf("OFD 文件中没有页面；请在 OFD 阅读器中复制报告文字后粘贴")
	}
	// a page's location is relative to the document's folder, or to the package root
	resolve := func(loc string) string {
		loc = strings.TrimSpace(loc)
		if strings.HasPrefix(loc, "/") {
			return loc
		}
		if rel := path.Join(path.Dir(docPath), loc); files[strings.ToLower(strings.TrimPrefix(path.Clean("/"+rel), "/"))] != nil {
			return rel
		}
		return loc
	}
	var b source.Builder
	total, unpacked := 0, 0
	for i, pg := range doc.Pages {
		content, err := part(resolve(pg.BaseLoc), maxOFDPage)
		if err != nil {
			return nil, err
		}
		if unpacked += len(content); unpacked > maxOFDPages {
			return nil, errorf("OFD 文件的页面内容解压后过大（超过 %d MB），无法读取", maxOFDPages>>20)
		}
		gs, err := ofdGlyphs(content)
		if err != nil {
			return nil, err
		}
		total += len(gs)
		if i > 0 {
			b.Copy("\f", b.Len())
		}
		s := layout(gs)
		if b.Len()+len(s) > maxOutput {
			return nil, errorf("OFD 的文字超过 %d MB，无法处理；请只提交报告部分", maxOutput>>20)
		}
		b.Copy(s, b.Len())
	}
	if total == 0 {
		return nil, errorf("这个 OFD 文件中没有可提取的文字（可能是扫描件）；请使用原始 Word 文件，或复制报告文字后粘贴")
	}
	return b.Text(OFD, "utf-8", 0), nil
}

// ofdGlyphs reads a page's text objects: each TextCode starts at (X, Y) within its
// object's Boundary and advances by DeltaX ("g n d" repeats d n times), after the
// object's CTM. y is turned upwards, as the layout expects.
func ofdGlyphs(content []byte) ([]glyph, error) {
	dec := xml.NewDecoder(bytes.NewReader(content))
	var (
		gs    []glyph
		obj   *ofdText // the text object being read
		code  *ofdCode
		depth int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errorf("OFD 页面内容无法解析（%v）；请在 OFD 阅读器中复制报告文字后粘贴", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, errorf("OFD 页面内容嵌套过深，无法读取")
			}
			switch t.Name.Local {
			case "TextObject":
				obj = newOFDText(t.Attr)
			case "TextCode":
				if obj != nil {
					code = newOFDCode(t.Attr)
				}
			}
		case xml.CharData:
			if code != nil {
				code.text.Write(t)
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "TextCode":
				if code != nil && obj != nil {
					gs = obj.place(gs, code)
				}
				code = nil
			case "TextObject":
				obj, code = nil, nil
			}
		}
		if len(gs) > maxGlyphs {
			break
		}
	}
	return gs, nil
}

// ofdText is a TextObject: where it is, how large its characters are, its transform.
type ofdText struct {
	x, y, size float64
	ctm        affine
}

type ofdCode struct {
	x, y   float64
	deltas []float64
	text   bytes.Buffer
}

func newOFDText(attrs []xml.Attr) *ofdText {
	o := &ofdText{size: 3.5, ctm: ident}
	for _, a := range attrs {
		switch a.Name.Local {
		case "Boundary":
			if v := numbers(a.Value); len(v) >= 2 {
				o.x, o.y = v[0], v[1]
			}
		case "Size":
			if v := numbers(a.Value); len(v) == 1 && v[0] > 0 {
				o.size = v[0]
			}
		case "CTM":
			if v := numbers(a.Value); len(v) == 6 {
				copy(o.ctm[:], v)
			}
		}
	}
	return o
}

func newOFDCode(attrs []xml.Attr) *ofdCode {
	c := &ofdCode{}
	for _, a := range attrs {
		switch a.Name.Local {
		case "X":
			c.x = firstNumber(a.Value)
		case "Y":
			c.y = firstNumber(a.Value)
		case "DeltaX":
			c.deltas = deltas(a.Value)
		}
	}
	return c
}

// place adds the glyphs of one TextCode.
func (o *ofdText) place(gs []glyph, c *ofdCode) []glyph {
	size := o.size * max(o.ctm[0], o.ctm[3])
	if size <= 0 {
		size = o.size
	}
	x := c.x
	s := c.text.String()
	k := 0
	for _, r := range s {
		w := size
		if r < utf8.RuneSelf {
			w = size / 2
		}
		adv := w
		if k < len(c.deltas) {
			adv = c.deltas[k]
		}
		k++
		if !unicode.IsSpace(r) && len(gs) <= maxGlyphs {
			px := o.ctm[0]*x + o.ctm[2]*c.y + o.ctm[4]
			py := o.ctm[1]*x + o.ctm[3]*c.y + o.ctm[5]
			end := o.ctm[0]*(x+w) + o.ctm[2]*c.y + o.ctm[4]
			gs = append(gs, glyph{x: o.x + px, y: -(o.y + py), end: o.x + end, size: size, s: string(r)})
		}
		x += adv
	}
	return gs
}

// deltas reads DeltaX: numbers, where "g n d" stands for n times d.
func deltas(s string) []float64 {
	f := strings.Fields(s)
	var out []float64
	for i := 0; i < len(f) && len(out) < maxGlyphs; i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err1 := strconv.Atoi(f[i+1])
			d, err2 := strconv.ParseFloat(f[i+2], 64)
			if err1 == nil && err2 == nil && n > 0 {
				for j := 0; j < n && len(out) < maxGlyphs; j++ {
					out = append(out, d)
				}
			}
			i += 2
			continue
		}
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

func firstNumber(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v
}
