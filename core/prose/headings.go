package prose

import (
	"nianbao/core/internal/cjk"
	"slices"
	"strings"

	"nianbao/core/report"
	"unicode/utf8"
)

var ()

// tableRow reports the row labels of 表三, which a PDF's text may leave outside the
// lines of the cells.
func tableRow(title string) bool {
	if utf8.RuneCountInString(title) > 40 {
		return false // a sentence, not a row's label
	}
	for _, k := range []string{"本年新收", "上年结转", "办理结果", "结转下年度", "下年度继续办理"} {
		if cjk.Contains(title, k) {
			return true
		}
	}
	for _, k := range []string{"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计"} {
		if strings.HasPrefix(title, k) {
			return true
		}
	}
	return false
}

// ParseMark reads a numbering marker at the start of s: its level (1 一、, 2 （一）,
// 3 1. or （1）, 4 ①), number and length in bytes; level 0 when there is none.
func ParseMark(s string) (level, num, n int) {
	if s == "" {
		return 0, 0, 0
	}
	switch c := s[0]; {
	case c == '(':
		if k := cnRun(s[1:]); k > 0 && strings.HasPrefix(s[1+k:], ")") {
			n = 1 + k + 1
			if n < len(s) && strings.ContainsRune("、.,", rune(s[n])) {
				n++
			} else if strings.HasPrefix(s[n:], "、") {
				n += len("、")
			}
			return 2, ChineseNumber(s[1 : 1+k]), n
		}
		if k := digitRun(s[1:]); k > 0 && k <= 2 && strings.HasPrefix(s[1+k:], ")") {
			n = 1 + k + 1
			if n < len(s) && (s[n] == '.') {
				n++
			} else if strings.HasPrefix(s[n:], "、") {
				n += len("、")
			}
			return 3, atoi(s[1 : 1+k]), n
		}
	case c >= '0' && c <= '9':
		k := digitRun(s)
		if k > 2 || k == len(s) {
			return 0, 0, 0
		}
		if strings.HasPrefix(s[k:], "、") {
			return 3, atoi(s[:k]), k + len("、")
		}
		if s[k] == '.' || s[k] == ',' {
			if k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9' { // "1.5"
				return 0, 0, 0
			}
			return 3, atoi(s[:k]), k + 1
		}
	case c >= 0x80:
		if k := cnRun(s); k > 0 && k <= 9 {
			if strings.HasPrefix(s[k:], "、") {
				return 1, ChineseNumber(s[:k]), k + len("、")
			}
			if k < len(s) && (s[k] == '.' || s[k] == ',') {
				return 1, ChineseNumber(s[:k]), k + 1
			}
			return 0, 0, 0
		}
		r, w := utf8.DecodeRuneInString(s)
		if r >= '①' && r <= '⑳' {
			return 4, int(r-'①') + 1, w
		}
	}
	return 0, 0, 0
}

// cnRun returns the length in bytes of the Chinese numerals 一 … 十 at the start of s.
func cnRun(s string) int {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		n += w
	}
	return n
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// ChineseNumber reads 一 … 九十九; 0 when s is not such a number.
func ChineseNumber(s string) int {
	digit := func(r rune) int {
		return strings.IndexRune("零一二三四五六七八九", r) / 3
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d := digit(rs[0]); d > 0 {
			return d
		}
	case len(rs) == 2 && rs[0] == '十':
		return 10 + max(digit(rs[1]), 0)
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return 0
}

// sentenceStarts adds to the lines' starts, within lines too long to be a layout's,
// the places where a sentence ends and a numbering marker follows at once
// ("…成效。1.主动公开。", "…质量。二、主动公开"): the headings of text that lost its
// line breaks, as crawlers store it. In text with its lines, an item run on after a
// sentence is part of a paragraph, not a heading.
func sentenceStarts(s string, lines []lineStart) []lineStart {
	long := false
	for _, l := range lines {
		long = long || l.long
	}
	if !long {
		return lines // every line as a layout wrote it
	}
	var out []lineStart
	k := 0 // lines[:k] start at or before i
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if !strings.ContainsRune("。；！？：;:!?", r) || i >= len(s) {
			continue
		}
		for k < len(lines) && lines[k].at <= i {
			out = append(out, lines[k])
			k++
		}
		if k == 0 || !lines[k-1].long || lines[k-1].at == i {
			continue
		}
		if lvl, num, _ := ParseMark(s[i:]); lvl == 0 || lvl == 4 || num == 0 {
			continue // circled numbers (①) after a sentence enumerate within it
		}
		out = append(out, lineStart{at: i, line: lines[k-1].line, long: true})
	}
	if out == nil {
		return lines
	}
	return append(out, lines[k:]...)
}

// headings finds the numbered headings: a line that starts with a marker and starts a
// paragraph, follows a finished sentence, or follows another heading.
func (d *Doc) headings(lines []lineStart) {
	prevHeading := false
	for k := 0; k < len(lines); k++ {
		ls := lines[k]
		end := len(d.S)
		if k+1 < len(lines) {
			end = lines[k+1].at
		}
		if pi := d.ParaOf(ls.at); pi >= 0 && pi < len(d.Paras) && d.Paras[pi].End < end {
			end = d.Paras[pi].End
		}
		line := d.S[ls.at:end]
		lvl, num, n := ParseMark(line)
		wasHeading := prevHeading
		prevHeading = false
		if lvl == 0 || num == 0 {
			continue
		}
		prevTitle := wasHeading || k > 0 && titleLike(d.S[lines[k-1].at:ls.at])
		// a heading starts a paragraph, or follows a finished sentence or a title; a
		// line a PDF wrapped may begin with a number too
		if !ls.para && !prevTitle && !(ls.at > 0 && endsSentence(d.S[:ls.at])) && !(lvl == 1 && CanonOf(line[n:]) > 0) {
			continue
		}
		title := line[n:]
		titleEnd := ls.at + len(line)
		alone := true
		if i := indexStop(title); i >= 0 {
			title = title[:i]
			titleEnd = ls.at + n + i
			alone = false
		}
		if i := runOnTitle(title, lvl, ls.long); i > 0 {
			// a heading run together with the paragraph after it ("总体情况按照…"),
			// or with the next heading ("总体情况(一)主动公开…")
			title = title[:i]
			titleEnd = ls.at + n + i
			alone = false
			if l, num, _ := ParseMark(d.S[titleEnd:]); l > lvl && num > 0 {
				lines = slices.Insert(slices.Clone(lines), k+1, lineStart{at: titleEnd, line: ls.line, long: true})
				alone = true
			}
		}
		if tableRow(title) {
			continue
		}
		if lvl == 3 && alone && isCanonTitle(num, title) {
			// a section's heading under a list's number ("3.  收到和处理政府信息公开申请情况"):
			// Word's numbered headings, which converters write with digits
			lvl = 1
		}
		h := Heading{Level: lvl, Num: num, Mark: line[:n], Title: title, At: ls.at}
		h.Start, h.End = d.Span(ls.at, titleEnd)
		if alone {
			h.TitleEnd = titleEnd
			prevHeading = true
		}
		d.Headings = append(d.Headings, h)
	}
}

// runOnTitle returns where a heading's title ends when text that lost its line breaks
// ran the paragraph after it on ("总体情况按照区委…", "存在的主要问题及改进情况2024年…")
// or the next heading ("主动公开情况1.公开的…"): after the first 情况 or 事项, when that
// ends a section's name in a title longer than a heading's, or when a heading's mark
// follows it on a line too long for a layout's; 0 otherwise.
func runOnTitle(title string, lvl int, long bool) int {
	if utf8.RuneCountInString(title) <= 40 && !long {
		return 0
	}
	head := title
	for n, i := 0, 0; i < len(head); n++ {
		if n == 40 {
			head = head[:i]
			break
		}
		_, w := utf8.DecodeRuneInString(head[i:])
		i += w
	}
	end := -1
	for _, w := range []string{"情况", "事项"} {
		if i := cjk.Index(head, w); i >= 0 && (end < 0 || i+len(w) < end) {
			end = i + len(w)
		}
	}
	if long {
		// the next heading's mark, a level below, run on after this one's words
		for i := 6; i < len(head) && (end < 0 || i < end); i++ {
			if c := head[i]; c == '(' || c >= '1' && c <= '9' {
				if l, num, _ := ParseMark(head[i:]); num > 0 && l > lvl {
					return i
				}
			}
		}
	}
	if end < 0 {
		return 0
	}
	_, num, _ := ParseMark(title[end:])
	if num == 0 && (CanonOf(title[:end]) == 0 || utf8.RuneCountInString(title) <= 40 && !long) {
		return 0 // neither a section's name nor followed by the next heading
	}
	return end
}

// indexStop is strings.IndexAny(s, "。！？!?") without looking each character up in
// the set.
func indexStop(s string) int {
	for i, r := range s {
		switch r {
		case '。', '！', '？', '!', '?':
			return i
		}
	}
	return -1
}

// titleLike reports a line that stands alone without finishing a sentence: a title,
// short and without punctuation.
func titleLike(line string) bool {
	// 40 characters are at most 160 bytes: a long line is not counted
	return len(line) <= 160 && utf8.RuneCountInString(line) <= 40 && !strings.ContainsAny(line, ",;:!?") && !cjk.Contains(line, "。") && !cjk.Contains(line, "、")
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？!?；;：:", r)
}

// The six sections of the 2019 and 2021 formats, with the words that name each in its
// heading and the common variants; the first whose words a title holds names it.
var Canon = []struct {
	Num   int
	Title string
	Keys  []string
}{
	{1, "总体情况", []string{"总体情况", "基本情况", "概述", "概况", "总体"}},
	{4, "政府信息公开行政复议、行政诉讼情况", []string{"复议", "诉讼"}},
	{3, "收到和处理政府信息公开申请情况", []string{"收到和处理", "依申请", "申请情况", "处理政府信息公开申请"}},
	{5, "存在的主要问题及改进情况", []string{"问题", "改进", "不足", "整改"}},
	{6, "其他需要报告的事项", []string{"其他", "其它"}},
	{2, "主动公开政府信息情况", []string{"主动公开"}},
}

// isCanonTitle reports the template's own title of section n.
func isCanonTitle(n int, title string) bool {
	for _, c := range Canon {
		if c.Num == n {
			return strings.TrimSpace(title) == c.Title
		}
	}
	return false
}

// CanonOf names the section a heading's title stands for (1-6), 0 for none.
func CanonOf(title string) int {
	if utf8.RuneCountInString(title) > 40 {
		return 0
	}
	for _, c := range Canon {
		for _, k := range c.Keys {
			if cjk.Contains(title, k) {
				return c.Num
			}
		}
	}
	return 0
}

// NumberedAnywhere reports the heading of section n anywhere in the report's text,
// inside a line or a table's region too: its number and one of its words close
// together ("……。三、收到和处理政府信息公开申请情况……").
func NumberedAnywhere(rep *report.Report, n int) bool {
	s := rep.Norm.S
	mark := cnumerals[n] + "、"
	for _, c := range Canon {
		if c.Num != n {
			continue
		}
		for _, k := range c.Keys {
			for pos := 0; ; {
				i := cjk.Index(s[pos:], k)
				if i < 0 {
					break
				}
				i += pos
				pos = i + len(k)
				from := max(0, i-36)
				if j := strings.LastIndex(s[from:i], mark); j >= 0 && !strings.ContainsAny(s[from+j:i], ",;\n") && !cjk.Contains(s[from+j:i], "。") {
					return true
				}
			}
		}
	}
	return false
}

// HeadingsElsewhere finds section headings outside the prose's headings, each alone on
// its line: n for a heading without its number, -n for a numbered one on a table line.
func HeadingsElsewhere(rep *report.Report) map[int]bool {
	s := rep.Norm.S
	out := map[int]bool{}
	for pos := 0; pos < len(s); {
		nl := strings.IndexByte(s[pos:], '\n')
		if nl < 0 {
			nl = len(s) - pos
		}
		line := strings.Trim(s[pos:pos+nl], " \t|\r")
		pos += nl + 1
		if line == "" || len(line) > 100 {
			continue
		}
		lvl, n, k := ParseMark(line)
		title := strings.TrimSpace(line[k:])
		if strings.ContainsAny(title, ",;|") || cjk.Contains(title, "。") || !strings.HasSuffix(title, "情况") && !strings.HasSuffix(title, "事项") && !strings.HasSuffix(title, "措施") {
			continue
		}
		c := CanonOf(title)
		switch {
		case c == 0:
		case lvl == 0:
			out[c] = true
		case lvl == 1 && n == c:
			out[-c] = true
		}
	}
	return out
}

var cnumerals = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// CanonTitle returns the template's wording of section n (1-6).
func CanonTitle(n int) string {
	for _, c := range Canon {
		if c.Num == n {
			return c.Title
		}
	}
	return ""
}

// sections cuts the prose at the level-1 headings.
func (d *Doc) sections() {
	for i, h := range d.Headings {
		if h.Level != 1 {
			continue
		}
		if n := len(d.Sections); n > 0 {
			d.Sections[n-1].End = h.At
		}
		d.Sections = append(d.Sections, Section{Heading: i, Canon: CanonOf(h.Title), Start: h.At, End: len(d.S)})
	}
}
