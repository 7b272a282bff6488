package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"nianbao/core/prose"
	"nianbao/core/report"
)

// Wording: slips of the pen a reviewer marks in passing. Each rule says once per
// report what it found, with its count and the first places, and never more: these
// are notes, not the report's errors.

// GroupWording is the page's group of the wording notes.
const GroupWording = "文字"

var ruleWordingDoubled = &Rule{
	ID: "wording.doubled", Title: "词语重复", Group: GroupWording, Severity: "info", Run: runWordingDoubled,
	Doc: `正文中同一个词连写了两遍（“资金资金”“公开公开”），多是复制粘贴或修改时留下的。
只看两个字以上的词；“一件一件”“研究研究”这类叠用、表格标签残留在正文中的片段不算。全文合为一条提示。`,
}

var _ = register(ruleWordingDoubled)

var ruleWordingCut = &Rule{
	ID: "wording.cut", Title: "句子不完整", Group: GroupWording, Severity: "info", Run: runWordingCut,
	Doc: `一句话没有写完就断了：句中有逗号，却以逗号、顿号或半句话结束，下面紧接着是标题或正文结束。
后面接表格的（“具体情况如下”）不算。全文合为一条提示。`,
}

var _ = register(ruleWordingCut)

var ruleWordingPunct = &Rule{
	ID: "wording.punct", Title: "中文里的半角标点", Group: GroupWording, Severity: "info", Run: runWordingPunct,
	Doc: `中文句子里夹用了半角（英文）逗号“,”或括号“()”，而全文其余处用的是全角标点“，”“（）”。
全文都用半角标点的，多是转换或抓取造成的，不报。全文合为一条提示。`,
}

var _ = register(ruleWordingPunct)

var ruleWordingName = &Rule{
	ID: "wording.name", Title: "机关名称写法不一", Group: GroupWording, Severity: "info", Run: runWordingName,
	Doc: `报告中本机关的名称有两种写法：标题与落款不一致，或正文中出现只差一两个字的另一种写法
（“东港市机关事务服务中心”与“东港市机关事务管理中心”）。省去地名的简称（落款“南关街道办事处”）不算。`,
}

var _ = register(ruleWordingName)

// proseRead reports a prose whose sections were found: only then are its sentences
// the report's sentences and not table text run together (a crawled page on one line).
func proseRead(d *prose.Doc) bool {
	n := 0
	for _, s := range d.Sections {
		if s.Canon > 0 {
			n++
		}
	}
	return n >= 3
}

// proseSentence reports a sentence of running text: it has a clause mark, which the
// pieces of a table's labels left among the prose do not, and it stands outside the
// sections of the tables (二 to 四), whose labels a PDF's text may leave among the
// prose ("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请").
func proseSentence(d *prose.Doc, sen prose.Sentence) bool {
	if k := d.SectionOf(sen.Start); k >= 0 && d.Sections[k].Canon >= 2 && d.Sections[k].Canon <= 4 {
		return false
	}
	s := d.S[sen.Start:sen.End]
	// not strings.ContainsAny(s, ",;:、"): a set with a character beyond ASCII has it
	// look each character of s up in the set
	return strings.ContainsAny(s, ",;:") || cjk.Contains(s, "、")
}

func isHanRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// examples lists up to three quoted examples and the count: "“资金资金”等 4 处".
func examples(xs []string) string {
	shown := xs
	if len(shown) > 3 {
		shown = shown[:3]
	}
	s := "“" + strings.Join(shown, "”“") + "”"
	if len(xs) > 1 {
		s += fmt.Sprintf("等 %d 处", len(xs))
	}
	return s
}

// tableWords are the words of the tables' labels, which table pieces left in the
// prose repeat side by side ("结果结果其他").
var tableWords = []string{"结果", "总计", "审结", "维持", "纠正", "尚未", "其他", "数量", "件数"}

func runWordingDoubled(p *Pass) {
	d := prose.Of(p.Report)
	if !proseRead(d) {
		return
	}
	var found []string
	start, end := -1, -1
	var rs []rune // a sentence's characters, decoded once
	var at []int  // and where each starts in it
	for _, sen := range d.Sentences {
		s := d.S[sen.Start:sen.End]
		if !proseSentence(d, sen) {
			continue
		}
		rs, at = rs[:0], at[:0]
		for i, r := range s {
			rs, at = append(rs, r), append(at, i)
		}
		at = append(at, len(s))
		for q := 0; q < len(rs); {
			if !isHanRune(rs[q]) || rs[q] == '一' {
				q++
				continue
			}
			if n := doubledAt(rs[q:]); n > 0 {
				i, j := at[q], at[q+2*n]
				word := s[i:at[q+n]]
				if !containsAnyStr(word, tableWords) {
					if start < 0 {
						start, end = d.Span(sen.Start+i, sen.Start+j)
					}
					found = append(found, context1(s, i, j))
				}
				q += 2 * n
				continue
			}
			q++
		}
	}
	if len(found) == 0 {
		return
	}
	p.Reportf(report.Finding{Start: start, End: end, Message: fmt.Sprintf("词语重复：%s", examples(found))})
}

// doubledAt returns the length in characters of a word of two to four Chinese
// characters that rs begins with and repeats right after it, or 0.
func doubledAt(rs []rune) int {
	for n := 4; n >= 2; n-- {
		if 2*n <= len(rs) && rs[n] == rs[0] && slices.Equal(rs[:n], rs[n:2*n]) && allHan(rs[:n]) {
			return n
		}
	}
	return 0
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHanRune(r) {
			return false
		}
	}
	return true
}

// context1 quotes s[i:j] with a character or two around it.
func context1(s string, i, j int) string {
	for k := 0; k < 2 && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	for k := 0; k < 2 && j < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return s[i:j]
}

func runWordingCut(p *Pass) {
	rep := p.Report
	d := prose.Of(rep)
	if !proseRead(d) {
		return
	}
	heads := map[int]bool{}
	for _, h := range d.Headings {
		heads[h.At] = true
	}
	var tables []int // made when first needed: few sentences get that far
	var found []string
	start, end := -1, -1
	for k, sen := range d.Sentences {
		s := d.S[sen.Start:sen.End]
		// the quick tests first: most sentences end with a full stop
		if r, _ := utf8.DecodeRuneInString(d.S[sen.End:]); sen.End < len(d.S) && strings.ContainsRune("。！？!?", r) {
			continue // ended by a full stop: whole
		}
		last, _ := utf8.DecodeLastRuneInString(s)
		if !isHanRune(last) && !strings.ContainsRune(",、，", last) {
			continue // ";", ":", a closing bracket or quote, a number: not cut in the middle
		}
		next := len(d.S)
		if k+1 < len(d.Sentences) {
			next = d.Sentences[k+1].Start
			if !heads[next] {
				continue // the sentence runs on
			}
		}
		if heads[sen.Start] || !proseSentence(d, sen) || utf8.RuneCountInString(s) < 10 {
			continue
		}
		if tables == nil {
			tables = tableStarts(rep)
		}
		// a table right after it: "具体情况如下"
		from, to := d.Pos(sen.End-1)+1, len(rep.Norm.S)
		if next < len(d.S) {
			to = d.Pos(next)
		}
		if i := sort.SearchInts(tables, from); i < len(tables) && tables[i] < to {
			continue
		}
		if start < 0 {
			start, end = d.Span(sen.Start, sen.End)
		}
		r := []rune(s)
		found = append(found, "……"+string(r[max(0, len(r)-14):]))
	}
	if len(found) == 0 {
		return
	}
	p.Reportf(report.Finding{Start: start, End: end, Message: fmt.Sprintf("句子没有写完：%s后面直接是标题或正文结束", examples(found))})
}

// tableStarts returns the sorted offsets of the tables' cells and entries.
func tableStarts(rep *report.Report) []int {
	out := make([]int, 0, len(rep.Cells)+len(rep.Stats))
	for _, c := range rep.Order {
		if c.Start >= 0 {
			out = append(out, c.Start)
		}
	}
	for _, s := range rep.Stats {
		out = append(out, s.Start)
	}
	sort.Ints(out)
	return out
}

func runWordingPunct(p *Pass) {
	rep := p.Report
	d := prose.Of(rep)
	if !proseRead(d) || rep.Norm.Orig == nil {
		return
	}
	orig := rep.Norm.Orig.S
	// the character the report wrote at offset i of the prose, and where
	origAt := func(i int) [2]int {
		n := d.Pos(i)
		return rep.Norm.Text.Span(n, n+1)
	}
	written := func(i int) string {
		at := origAt(i)
		return orig[at[0]:at[1]]
	}
	// the report's own text around it, its punctuation as written
	quote := func(i int) string {
		at := origAt(i)
		return context1(orig, at[0], at[1])
	}
	var commas, brackets []string
	wide := 0 // full-width commas and brackets
	start, end := -1, -1
	for i := 0; i < len(d.S); i++ {
		c := d.S[i]
		if c != ',' && c != '(' && c != ')' {
			continue
		}
		w := written(i)
		if w != "," && w != "(" && w != ")" {
			wide++
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(d.S[:i])
		next, _ := utf8.DecodeRuneInString(d.S[i+1:])
		hanBefore, hanAfter := isHanRune(prev), isHanRune(next)
		switch {
		case c == ',' && hanBefore && hanAfter:
			commas = append(commas, quote(i))
		case c != ',' && (hanBefore || hanAfter):
			brackets = append(brackets, quote(i))
		default:
			continue
		}
		if start < 0 {
			start, end = d.Span(i, i+1)
		}
	}
	narrow := len(commas) + len(brackets)
	// a text written with half-width punctuation throughout was converted so
	if narrow == 0 || wide < 2*narrow {
		return
	}
	var parts []string
	if len(commas) > 0 {
		parts = append(parts, fmt.Sprintf("半角逗号“,” %d 处（如%s）", len(commas), "“"+commas[0]+"”"))
	}
	if len(brackets) > 0 {
		parts = append(parts, fmt.Sprintf("半角括号“()” %d 处（如%s）", len(brackets), "“"+brackets[0]+"”"))
	}
	p.Reportf(report.Finding{Start: start, End: end,
		Message: fmt.Sprintf("中文句子里用了%s，全文其余处用的是全角标点，宜统一为“，”“（）”", strings.Join(parts, "、"))})
}

func runWordingName(p *Pass) {
	rep := p.Report
	name := []rune(strings.TrimSpace(rep.Agency))
	if len(name) < 6 {
		return
	}
	d := prose.Of(rep)
	if !proseRead(d) {
		return
	}
	agency := string(name)
	variants := map[string]int{}
	var order []string
	firstAt := map[string]int{}
	prefix := string(name[:3])
	for off := 0; ; {
		i := cjk.Index(d.S[off:], prefix)
		if i < 0 {
			break
		}
		i += off
		off = i + len(prefix)
		for _, n := range []int{len(name) - 1, len(name), len(name) + 1} {
			cand, ok := runesAt(d.S[i:], n)
			if !ok || cand == agency || !nameVariant(name, []rune(cand)) {
				continue
			}
			if variants[cand] == 0 {
				order = append(order, cand)
				firstAt[cand] = i
			}
			variants[cand]++
			break
		}
	}
	if sig := signature(d); sig != "" && sig != agency && !strings.HasSuffix(agency, sig) && !strings.HasPrefix(agency, sig) && nameVariant(name, []rune(sig)) && variants[sig] == 0 {
		order = append(order, sig)
		variants[sig] = 1
		firstAt[sig] = strings.LastIndex(d.S, sig)
	}
	if len(order) == 0 {
		return
	}
	var ways []string
	for _, v := range order {
		ways = append(ways, fmt.Sprintf("“%s”（%d 处）", v, variants[v]))
	}
	start, end := d.Span(firstAt[order[0]], firstAt[order[0]]+len(order[0]))
	p.Reportf(report.Finding{Start: start, End: end,
		Message: fmt.Sprintf("机关名称写法不一：标题为“%s”，文中又写作%s", agency, strings.Join(ways, "、"))})
}

// runesAt returns the first n characters of s, all Chinese.
func runesAt(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isHanRune(r) {
			return "", false
		}
		i += w
	}
	return s[:i], true
}

// nameVariant reports another way of writing the name a: the same first three and
// last two characters, and one or two characters changed, or one left out or added
// (other than a place's 省市区县 or 人民, which short forms drop).
func nameVariant(a, b []rune) bool {
	if len(a) < 6 || len(b) < 6 || string(a[:3]) != string(b[:3]) || string(a[len(a)-2:]) != string(b[len(b)-2:]) {
		return false
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff >= 1 && diff <= 2 && len(a) >= 8
	case 1, -1:
		long, short := a, b
		if len(b) > len(a) {
			long, short = b, a
		}
		for i := range long {
			if string(long[:i])+string(long[i+1:]) == string(short) {
				return !strings.ContainsRune("省市区县人民", long[i])
			}
		}
	}
	return false
}

// signature returns the name signed at the end of the report: the last line of
// Chinese characters only, before the date, ending like a body's name.
func signature(d *prose.Doc) string {
	for k := len(d.Paras) - 1; k >= 0 && k >= len(d.Paras)-3; k-- {
		s := d.S[d.Paras[k].Start:d.Paras[k].End]
		if s == "" || strings.IndexFunc(s, func(r rune) bool { return !isHanRune(r) }) >= 0 {
			continue
		}
		for _, end := range []string{"局", "委", "办", "中心", "政府", "处", "院", "所", "站", "会", "室", "厅", "部", "署"} {
			if strings.HasSuffix(s, end) && utf8.RuneCountInString(s) <= 30 {
				return s
			}
		}
	}
	return ""
}
