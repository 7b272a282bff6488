// Package markup reads the input formats: plain text in any encoding, and structured
// documents (Markdown, HTML, Word .docx and .doc, PDF, OFD) rendered as text whose table rows are
// lines of tab-separated cells. Every byte of the rendering maps back to the input.
//
// A structured reader parses its format into lines and tables of cells (doc.go), and
// one renderer writes them out: a paragraph is a line; a table row is a line whose
// cells are separated by a single tab, an empty cell being an empty string between
// tabs. Spanned cells are expanded on a true grid, then written so that the tokenizer
// sees each value once: see grid.lines for the rule.
package markup

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/core/source"
)

// ErrFull is returned by the lite build (built with tag lite: the page's first, small
// module) for the input it leaves to the full build — Markdown, Word, OFD, PDF, and
// text in GBK or Big5 — so that the page can load the full module and check again.
var ErrFull = source.ErrFull

// MaxInput is the largest input read, in bytes.
const MaxInput = 64 << 20

// Formats read.
const (
	Text     = "text"
	Markdown = "markdown"
	HTML     = "html"
	Docx     = "docx"
	Doc      = "doc" // Word 97-2003, and WPS
	OFD      = "ofd" // GB/T 33190 fixed-layout documents
	PDF      = "pdf"
	// wordXML is a Word document's XML arriving as text; its result's format is Docx
	wordXML = "wordxml"
)

// Read returns the text of input. name (a file name, may be empty) and format ("" to
// sniff) choose the reader: the format if given, else the file's signature (a zip, a
// PDF, an old Word file — files are often misnamed, Word's "web page" saved as .doc),
// else its extension, else its content.
func Read(input []byte, name, format string) (*source.Text, error) {
	if len(input) > MaxInput {
		return nil, errorf("文件过大（%.1f MB），上限为 %d MB；请只提交报告正文", float64(len(input))/(1<<20), MaxInput>>20)
	}
	f, err := choose(input, name, format)
	if err != nil {
		return nil, err
	}
	switch f {
	case Markdown:
		return readMarkdown(input)
	case HTML:
		return readHTML(input)
	case Docx:
		return readDocx(input)
	case wordXML:
		return readWordXML(input)
	case Doc:
		return readWord97(input)
	case OFD:
		return readOFD(input)
	case PDF:
		return readPDF(input)
	}
	return source.Decode(input)
}

// choose names the reader for input.
func choose(input []byte, name, format string) (string, error) {
	if format != "" {
		switch f := strings.ToLower(strings.TrimPrefix(format, ".")); f {
		case "text", "txt", "plain":
			return Text, nil
		case "markdown", "md":
			return Markdown, nil
		case "html", "htm":
			return HTML, nil
		case "docx":
			return Docx, nil
		case "pdf":
			return PDF, nil
		case "doc", "wps":
			return Doc, nil
		case "ofd":
			return OFD, nil
		default:
			return "", errorf("未知的格式“%s”；可用的格式：text、markdown、html、docx、doc、pdf、ofd", format)
		}
	}
	switch {
	case bytes.HasPrefix(input, []byte("PK\x03\x04")):
		if isDocx(input) {
			return Docx, nil
		}
		if isOFD(input) {
			return OFD, nil
		}
		return "", errorf("这是一个压缩文件（zip），但不是 Word 文档（.docx）；Excel、WPS 表格等格式暂不支持，请另存为 .docx，或复制报告文字后粘贴")
	case isPDF(input):
		return PDF, nil
	case bytes.HasPrefix(input, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return Doc, nil // a compound file: Word 97-2003 or WPS, else readWord97 says what it is
	case bytes.HasPrefix(input, []byte(`{\rtf`)):
		return "", errorf("这是 RTF 格式的文档，暂不支持；请在 Word 或 WPS 中另存为 .docx，或复制报告文字后粘贴")
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown, nil
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML, nil
	case ".docx", ".pdf", ".ofd":
		// the signature did not match: say what the file should have been
		return "", errorf("文件扩展名为 %s，但内容不是有效的 %s 文件；文件可能已损坏或被改名", filepath.Ext(name), strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), "."))
	case ".doc", ".wps", ".dot", ".wpt":
		if !looksHTML(input) {
			return "", errOldWord
		}
		return HTML, nil
	}
	// plain text, or a name that says nothing: the content decides, for a page's
	// source saved as .txt or pasted is still a page, and a converter's Markdown a table
	switch {
	case looksWordXML(input):
		return wordXML, nil
	case markdownHeadings(input):
		return Markdown, nil // a converter's Markdown, its tables perhaps HTML
	case looksHTML(input) || looksJSHTML(input):
		return HTML, nil
	case looksMarkdown(input):
		return Markdown, nil
	}
	return Text, nil
}

var errOldWord = errorf("文件扩展名是 Word 97-2003（.doc）或 WPS（.wps），但内容不是可以读取的 Word 文档（可能已损坏、加密或被改名）；请在 Word 或 WPS 中“另存为” .docx 格式（未加密），或打开文件复制报告文字后粘贴")

func isPDF(input []byte) bool {
	// the header may follow a little junk (PDF 1.7, 7.5.2 allows it within 1 KiB)
	head := input[:min(len(input), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// sniffPrefix is the start of input as ASCII-compatible bytes: UTF-16 loses its zero
// bytes, so that tags and pipes can be looked for in any encoding.
func sniffPrefix(input []byte) []byte {
	p := input[:min(len(input), 64<<10)]
	if bytes.HasPrefix(p, []byte{0xFF, 0xFE}) || bytes.HasPrefix(p, []byte{0xFE, 0xFF}) ||
		bytes.Count(p, []byte{0}) > len(p)/4 {
		p = bytes.ReplaceAll(p, []byte{0}, nil)
	}
	return p
}

// looksHTML recognises a page, a fragment or the clipboard's HTML flavour.
func looksHTML(input []byte) bool {
	if bytes.IndexByte(sniffPrefix(input), '<') < 0 {
		// most reports are plain text: no need to lower-case them; but a JSON value
		// may hold the page with every "<" written \u003c (Go's and others' encoders)
		p := sniffPrefix(input)
		if !bytes.Contains(p, []byte(`\u003`)) && !bytes.Contains(p, []byte(`\U003`)) {
			return false // lower-casing cannot make one: spare the copy of the whole text
		}
		p = bytes.ToLower(p)
		return bytes.Contains(p, []byte(`\u003ctable`)) && (bytes.Contains(p, []byte(`\u003ctd`)) || bytes.Contains(p, []byte(`\u003cth`)))
	}
	p := bytes.ToLower(sniffPrefix(input))
	if bytes.HasPrefix(p, []byte("version:")) && bytes.Contains(p, []byte("starthtml:")) {
		return true // the Windows clipboard's CF_HTML header
	}
	t := bytes.TrimLeft(p, " \t\r\n\xef\xbb\xbf\xff\xfe")
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<span", "<h1", "<h2", "<style", "<!--"} {
		if bytes.HasPrefix(t, []byte(tag)) {
			return true
		}
	}
	if bytes.Contains(p, []byte("<html")) || bytes.Contains(p, []byte("<body")) {
		return true
	}
	return bytes.Contains(p, []byte("<table")) && (bytes.Contains(p, []byte("<td")) || bytes.Contains(p, []byte("<th")))
}

// looksWordXML recognises WordprocessingML: a Word document's body as XML.
func looksWordXML(input []byte) bool {
	p := sniffPrefix(input)
	return bytes.Contains(p, []byte("<w:body")) && bytes.Contains(p, []byte("schemas.openxmlformats.org/wordprocessingml")) ||
		bytes.Contains(p, []byte("<w:wordDocument"))
}

// markdownHeadings recognises Markdown by its headings ("# …", "## …" at the start of
// two lines or more) in text that does not begin as a page does.
func markdownHeadings(input []byte) bool {
	p := sniffPrefix(input)
	if bytes.IndexByte(p, '#') < 0 {
		return false // most reports: no need to cut them into lines
	}
	if t := bytes.TrimLeft(p, " \t\r\n\xef\xbb\xbf"); len(t) > 0 && t[0] == '<' {
		return false
	}
	n := 0
	for _, l := range bytes.Split(p, []byte("\n")) {
		l = bytes.TrimLeft(l, " ")
		h := 0
		for h < len(l) && h < 6 && l[h] == '#' {
			h++
		}
		if h > 0 && h < len(l) && l[h] == ' ' {
			n++
		}
	}
	return n >= 2
}

// looksMarkdown recognises a Markdown pipe table: a row of cells followed by a
// delimiter row of as many cells (|---|:---:|). Pipes alone are plain text, which the
// tokenizer reads well.
func looksMarkdown(input []byte) bool {
	p := sniffPrefix(input)
	if bytes.IndexByte(p, '|') < 0 {
		return false // most reports: one quick look rather than six
	}
	if !bytes.Contains(p, []byte("-|")) && !bytes.Contains(p, []byte("|-")) && !bytes.Contains(p, []byte("- |")) && !bytes.Contains(p, []byte("| -")) && !bytes.Contains(p, []byte(":|")) && !bytes.Contains(p, []byte("|:")) {
		return false // no delimiter row can be there
	}
	lines := bytes.Split(p, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		n := delimiterCells(lines[i])
		if n > 0 && bytes.IndexByte(lines[i-1], '|') >= 0 && pipeCells(lines[i-1]) == n {
			return true
		}
	}
	return false
}

// pipeCells counts the cells of a pipe-separated row.
func pipeCells(l []byte) int {
	s := strings.TrimSpace(string(l))
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	return len(strings.Split(s, "|"))
}

// delimiterCells returns the cell count of a GFM delimiter row, or 0.
func delimiterCells(l []byte) int {
	if bytes.IndexByte(l, '|') < 0 || bytes.IndexByte(l, '-') < 0 {
		return 0 // most lines, told without making a string of them
	}
	s := strings.TrimSpace(string(l))
	if !strings.Contains(s, "|") || !strings.Contains(s, "-") {
		return 0
	}
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	cells := strings.Split(s, "|")
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cells)
}

func errorf(format string, a ...any) error { return fmt.Errorf(format, a...) }
