package rules

import (
	"fmt"
	"strings"

	"nianbao/core/internal/cjk"
	"nianbao/core/internal/lazy"
	"nianbao/core/report"
)

var ruleTextPlaceholder = &Rule{
	ID: "text.placeholder", Title: "模板占位符未替换", Group: GroupText, Severity: "warning", Run: runPlaceholder,
	Doc: `报告中留有模板的占位符，如“XX”“某某”“×××”“[单位名称]”“（此处填写……）”。
占位符说明报告照模板填写时漏改；网址、英文单词中的字母 x 不算。`,
}

var _ = register(ruleTextPlaceholder)

var rePlaceholderAt = lazy.Regexp(`^(?:[XxＸｘ×✕╳]{2,}|某某|〇〇|[\[【(（]\s*(?:此处|请)?(?:填写|填入|单位名称|机关名称|部门名称|填报单位)[^\]】)）\n]{0,12}[\]】)）])`)

func runPlaceholder(p *Pass) {
	s := p.Report.Norm.S
	n := 0
	for _, m := range placeholders(s) {
		text := s[m[0]:m[1]]
		// letters x inside a word or a web address: "xxgk", "wxxx"
		if strings.ContainsAny(text[:1], "Xx") && (m[0] > 0 && isLatin(s[m[0]-1]) || m[1] < len(s) && isLatin(s[m[1]])) {
			continue
		}
		p.Reportf(report.Finding{Start: m[0], End: m[1],
			Message: fmt.Sprintf("留有模板占位符“%s”：%s", text, context(s, m[0], m[1]))})
		if n++; n >= 20 {
			return
		}
	}
}

// placeholderByte marks the bytes a placeholder may begin with.
var placeholderByte = func() (t [256]bool) {
	for _, c := range []byte{'X', 'x', '[', '(', 0xC3, 0xE6, 0xE3} {
		t[c] = true
	}
	return t
}()

// placeholders runs rePlaceholder around the places where a placeholder may begin:
// two letters X, 某某, 〇〇, or an opening bracket before 填写 or 名称.
func placeholders(s string) [][]int {
	var out [][]int
	next := 0 // no match may start before this
	for i := 0; i+1 < len(s); i++ {
		c := s[i]
		if !placeholderByte[c] {
			i += cjk.Step(s, i) - 1 // the rest of a character no placeholder starts with
			continue
		}
		hint := false
		switch c {
		case 'X', 'x':
			hint = s[i+1] == 'X' || s[i+1] == 'x'
		case 0xC3: // ×
			hint = strings.HasPrefix(s[i:], "××")
		case 0xE6: // 某 is E6 9F 90
			hint = i+2 < len(s) && s[i+1] == 0x9F && s[i+2] == 0x90 && strings.HasPrefix(s[i:], "某某")
		case 0xE3: // 〇 is E3 80 87
			hint = i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x87 && strings.HasPrefix(s[i:], "〇〇")
		case '[', '(':
			rest := strings.TrimLeft(s[i+1:min(len(s), i+16)], " ")
			for _, w := range []string{"此处", "请", "填", "单位名称", "机关名称", "部门名称"} {
				hint = hint || strings.HasPrefix(rest, w)
			}
		}
		if !hint || i < next {
			continue
		}
		to := min(len(s), i+48)
		for to < len(s) && s[to]&0xC0 == 0x80 {
			to++
		}
		if m := rePlaceholderAt().FindStringIndex(s[i:to]); m != nil {
			out = append(out, []int{i, i + m[1]})
			next = i + m[1]
		}
	}
	return out
}

func isLatin(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '.' || c == '_' || c == '-'
}

// context returns the text around s[start:end] on its line, at most 12 characters each side.
func context(s string, start, end int) string {
	from := start
	for k := 0; k < 12 && from > 0; k++ {
		from--
		for from > 0 && s[from]&0xC0 == 0x80 {
			from--
		}
		if s[from] == '\n' {
			from++
			break
		}
	}
	to := end
	for k := 0; k < 12 && to < len(s) && s[to] != '\n'; k++ {
		to++
		for to < len(s) && s[to]&0xC0 == 0x80 {
			to++
		}
	}
	return "“" + strings.TrimSpace(s[from:to]) + "”"
}
