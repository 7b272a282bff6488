package review

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numerals number the sections (一、二、…) and the groups within them (（一）…).
var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

func numeral(i int) string {
	if i < len(numerals) {
		return numerals[i]
	}
	return strconv.Itoa(i + 1)
}

// Markdown renders the review as CommonMark. The report's words are escaped only where
// Markdown would read them as markup, so the file reads as plain text too.
func (r *Review) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + r.Title + "\n\n")
	for _, f := range r.Facts {
		b.WriteString("- " + f.Name + "：" + mdInline(f.Value) + "\n")
	}
	b.WriteString("\n")
	for _, p := range r.Verdict {
		b.WriteString(mdLineStart(mdLines(p, "")) + "\n\n")
	}
	for k, s := range r.Sections {
		b.WriteString("## " + numeral(k) + "、" + s.Title + "\n\n")
		if s.Note != "" {
			b.WriteString(s.Note + "\n\n")
		}
		for gi, g := range s.Groups {
			if g.Name != "" {
				b.WriteString("### （" + numeral(gi) + "）" + mdInline(g.Name) + "\n\n")
			}
			for n, it := range g.Items {
				lead := strconv.Itoa(n+1) + ". "
				indent := strings.Repeat(" ", len(lead))
				b.WriteString(lead + "**" + mdInline(it.Title) + "**")
				if it.Place != "" {
					b.WriteString("（" + mdInline(it.Place) + "）")
				}
				b.WriteString("：" + mdLines(it.Message, indent))
				if it.Note != "" || s.Title == "经人工核实不作为问题的事项" {
					b.WriteString("\\\n" + indent + "说明：" + mdLines(orNone(it.Note), indent))
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("---\n\n" + r.Closing + "\n")
	return b.String()
}

// Text renders the review as plain text in the numbering of an official document
// (一、（一）1.), ready to paste into an office system.
func (r *Review) Text() string {
	var b strings.Builder
	b.WriteString(r.Title + "\n\n")
	for _, f := range r.Facts {
		b.WriteString(f.Name + "：" + f.Value + "\n")
	}
	b.WriteString("\n")
	for _, p := range r.Verdict {
		b.WriteString(p + "\n\n")
	}
	for k, s := range r.Sections {
		b.WriteString(numeral(k) + "、" + s.Title + "\n")
		if s.Note != "" {
			b.WriteString(s.Note + "\n")
		}
		for gi, g := range s.Groups {
			if g.Name != "" {
				b.WriteString("（" + numeral(gi) + "）" + g.Name + "\n")
			}
			for n, it := range g.Items {
				lead := strconv.Itoa(n+1) + ". "
				indent := strings.Repeat(" ", len(lead))
				b.WriteString(lead + it.Title)
				if it.Place != "" {
					b.WriteString("（" + it.Place + "）")
				}
				b.WriteString("：" + strings.ReplaceAll(it.Message, "\n", "\n"+indent) + "\n")
				if it.Note != "" || s.Title == "经人工核实不作为问题的事项" {
					b.WriteString(indent + "说明：" + strings.ReplaceAll(orNone(it.Note), "\n", "\n"+indent) + "\n")
				}
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(r.Closing + "\n")
	return b.String()
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（无）"
	}
	return s
}

// mdLines escapes text of several lines: each line break becomes a hard break, the
// next line indented to stay in its list item.
func mdLines(s, indent string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		l = mdInline(strings.TrimSpace(l))
		if i > 0 {
			l = mdLineStart(l)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\\\n"+indent)
}

// mdInline escapes the characters that would start markup in the middle of a line:
// emphasis, code, links, HTML and entities. An underscore between letters or digits
// (021_huaian) cannot start emphasis and is left alone, as are brackets, plus signs,
// hyphens and dots (总计(0)，结果维持(10)+…).
func mdInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_[<&~") {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		switch c {
		case '\\', '`', '*', '[', '<', '~':
			b.WriteByte('\\')
		case '_':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if !(alnum(prev) && alnum(next)) {
				b.WriteByte('\\')
			}
		case '&':
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); next == '#' || unicode.IsLetter(next) && next < utf8.RuneSelf {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdLineStart escapes what would make a line a heading, quote, list item, rule or
// fence when it starts a line.
func mdLineStart(l string) string {
	if l == "" {
		return l
	}
	switch l[0] {
	case '#', '>', '-', '+', '=', '|':
		return "\\" + l
	}
	digits := 0
	for digits < len(l) && digits < 9 && l[digits] >= '0' && l[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(l) && (l[digits] == '.' || l[digits] == ')') {
		return l[:digits] + "\\" + l[digits:]
	}
	return l
}
