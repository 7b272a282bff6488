package align

import (
	"math/bits"
	"nianbao/core/internal/cjk"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/core/internal/lazy"
	"nianbao/core/token"
)

var (
	rePeriod = lazy.Regexp(`(?:统计期限|统计时限|时间范围|统计时间)[^0-9]{0,6}(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|-|~)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日`)
	reTitle  = lazy.Regexp(`(\d{4})\s*年度?\s*(?:政府信息公开|政务公开|信息公开)[^。\n]{0,16}?(?:年度报告|年报|工作报告)`)
	reParen  = lazy.Regexp(`\(\s*(\d{4})\s*年度?\s*\)`)
	orgTail  = `(?:人民政府办公室|人民政府|办公厅|办公室|委员会|管理局|局|厅|中心|办事处|街道|镇|乡|院|所|站|委|会|署|处)`
	reOrg    = lazy.Regexp(`^[\p{Han}()]{2,40}` + orgTail + `$`)
	reFilled = lazy.Regexp(`(?:填报单位|发布机构|发文机关|制发机关)\s*[:：]\s*([\p{Han}()]{2,40}` + orgTail + `)`)
	// an agency's name right before what it did ("…管理局认真贯彻"), after a boundary
	reProse   = lazy.Regexp(`(?:^|[,，。;；:：\n]|\d{4}\s*年度?)\s*([\p{Han}]{2,30}` + orgTail + `)\s*$`)
	proseVerb = []string{"认真", "坚持", "深入", "严格", "持续", "全面", "扎实", "未收取", "未发生", "全年", "主动", "依法", "高度重视", "始终"}
)

// meta finds the reporting year and the agency. The report's title is looked for
// once, before the tables (TitleLimit): both its year and the agency before it count.
func meta(s string) (year int, agency string) {
	limit := TitleLimit(s)
	title, at := findTitle(s, limit)
	return findYear(s, title), findAgency(s, limit, at)
}

// A report's own title stands before its tables and not behind a site's link words:
// a crawled page also names other reports, in its navigation ("上一篇：华县水利局2022年
// 政府信息公开工作年度报告") and in the lists after the article ("相关文章"), and those
// titles must not give the report their year or agency.

// linkWords introduce another page's title in a site's navigation or lists.
var linkWords = []string{"上一篇", "下一篇", "上一条", "下一条", "上篇", "下篇", "相关", "推荐", "阅读", "往期", "热点", "排行"}

// TitleLimit returns where the report's tables start in s (the first "第二十条" or
// "收到和处理政府信息公开申请"): its own title stands before; len(s) without tables.
func TitleLimit(s string) int {
	limit := len(s)
	for _, w := range []string{"第二十条", "收到和处理政府信息公开申请"} {
		if i := cjk.Index(s, w); i >= 0 && i < limit {
			limit = i
		}
	}
	return limit
}

// Linked reports a title whose year stands at byte at of s behind a link word on
// its line, within 40 characters: another report's title, not this one's.
func Linked(s string, at int) bool {
	from := at
	for n := 0; from > 0 && n < 40; n++ {
		r, w := utf8.DecodeLastRuneInString(s[:from])
		if r == '\n' || r == '。' {
			break
		}
		from -= w
	}
	before := s[from:at]
	// a link word names the title right after it, not one after another title
	for _, end := range []string{"报告", "年报"} {
		if i := strings.LastIndex(before, end); i >= 0 {
			before = before[i+len(end):]
		}
	}
	for _, w := range linkWords {
		if cjk.Contains(before, w) {
			return true
		}
	}
	return false
}

// findYear finds the year: the statistics period's, else the title's (title: its
// text and year, nil when there is none), else one in parentheses, else the year most
// often named.
func findYear(s string, title []string) int {
	// the first place of each keyword, in one pass over s
	for _, at := range findPlaces(s, []string{"统计期限", "统计时限", "时间范围", "统计时间"}, 1) {
		if len(at) > 0 {
			if m := rePeriod().FindStringSubmatch(window(s, at[0], 120)); m != nil {
				return atoiYear(m[2])
			}
		}
	}
	if title != nil {
		return atoiYear(title[1])
	}
	if m := reParen().FindStringSubmatch(s); m != nil {
		return atoiYear(m[1])
	}
	// the year most often named: four digits before 年
	count := map[int]int{}
	best := 0
	for off := 0; ; {
		i := cjk.Index(s[off:], "年")
		if i < 0 {
			break
		}
		i += off
		off = i + len("年")
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j < 4 || !allDigits(s[j-4:j]) || (j > 4 && s[j-5] >= '0' && s[j-5] <= '9') {
			continue
		}
		y := atoiYear(s[j-4 : j])
		if y == 0 || isTitleAt(s, j-4) {
			continue // a title findTitle passed over: another report's, in a page's links
		}
		count[y]++
		if count[y] > count[best] || (count[y] == count[best] && y < best) {
			best = y
		}
	}
	return best
}

// isTitleAt reports a report's title (reTitle) starting at byte i of s.
func isTitleAt(s string, i int) bool {
	loc := reTitle().FindStringIndex(window(s, i, 90))
	return loc != nil && loc[0] == 0
}

// window returns up to n bytes of s from i, cut at a character boundary.
func window(s string, i, n int) string {
	e := min(len(s), i+n)
	for e < len(s) && !utf8.RuneStart(s[e]) {
		e++
	}
	return s[i:e]
}

// findTitle finds "2024年政府信息公开工作年度报告" near each mention of a report,
// before limit (the tables) and not behind a link word; it returns the title and its
// year, and where the title starts (-1 when there is none).
func findTitle(s string, limit int) ([]string, int) {
	// the next place of each word from off, searched again only once off passes it:
	// indexAny(s[off:], words...) without scanning the rest of s at every step
	words := [...]string{"年度报告", "年报", "工作报告"}
	next := [len(words)]int{-2, -2, -2} // -2: not searched yet, -1: none left
	for off := 0; off < len(s); {
		i := -1
		for k, w := range words {
			if next[k] == -2 || next[k] >= 0 && next[k] < off {
				next[k] = -1
				if j := cjk.Index(s[off:], w); j >= 0 {
					next[k] = off + j
				}
			}
			if next[k] >= 0 && (i < 0 || next[k] < i) {
				i = next[k]
			}
		}
		if i < 0 || i >= limit {
			return nil, -1
		}
		start := max(0, i-90)
		for start > 0 && !utf8.RuneStart(s[start]) {
			start++
		}
		w := window(s, start, i-start+15)
		if m := reTitle().FindStringSubmatchIndex(w); m != nil && !Linked(s, start+m[2]) {
			return []string{w[m[0]:m[1]], w[m[2]:m[3]]}, start + m[0]
		}
		off = i + 3
	}
	return nil, -1
}

func atoiYear(s string) int {
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return 0
	}
	return y
}

// findAgency finds the agency: named with the title, on its line or the line above,
// before limit (the tables); run on before the title at titleAt (-1: none) in text
// without lines; on a 填报单位 line; or before a verb of reporting in the prose.
func findAgency(s string, limit, titleAt int) string {
	var back [3]string // the three lines before line i: line j is back[j%3]
	for i, rest, at := 0, s, 0; at < limit; i++ {
		l, after, more := strings.Cut(rest, "\n")
		if name := titleAgency(l, i, &back); name != "" && !Linked(s, at+cjk.Index(l, name)+len(name)) {
			return name
		}
		back[i%3] = l
		if !more {
			break
		}
		rest, at = after, at+len(l)+1
	}
	if name := runOnAgency(s, titleAt); name != "" {
		return name
	}
	// a page's or a form's line naming the body, before the tables: after them it is
	// another report's (a compilation's next, its page's header)
	for _, at := range findPlaces(s, []string{"填报单位", "发布机构", "发文机关", "制发机关"}, 1) {
		if len(at) > 0 && at[0] < limit {
			if m := reFilled().FindStringSubmatch(window(s, at[0], 160)); m != nil {
				return m[1]
			}
		}
	}
	// the first agency-like name before a verb of reporting, in text order: each
	// verb's first 20 places (not overlapping) are tried, while they end before the
	// best found so far
	best, bestAt := "", len(s)
	places := findPlaces(s, proseVerb, 20)
	for k, v := range proseVerb {
		for _, i := range places[k] {
			if i+len(v) > bestAt {
				break
			}
			start := max(0, i-120)
			for start > 0 && !utf8.RuneStart(s[start]) {
				start++
			}
			if !endsLikeOrg(s[start:i]) {
				continue // reProse cannot match
			}
			if m := reProse().FindStringSubmatch(s[start:i]); m != nil && !reNotOrg().MatchString(m[1]) {
				best, bestAt = m[1], i
				break
			}
		}
	}
	return best
}

// findPlaces returns, for each of words, its first n places in s, each after the end
// of the one before: what repeated strings.Index calls find, in one pass over s rather
// than one per word. Every word must be two bytes long or more.
func findPlaces(s string, words []string, n int) [][]int {
	places := make([][]int, len(words))
	if len(words) <= fewWords {
		for w, word := range words {
			for from := 0; len(places[w]) < n; {
				i := cjk.Index(s[from:], word)
				if i < 0 {
					break
				}
				places[w] = append(places[w], from+i)
				from += i + len(word)
			}
		}
		return places
	}
	next := make([]int, len(words)) // where each word's next place may start
	// the words that can start at i, by its first two bytes (words in groups of 64)
	for g := 0; g < len(words); g += 64 {
		group := words[g:min(len(words), g+64)]
		var first, second [256]uint64
		for k, w := range group {
			first[w[0]] |= 1 << k
			second[w[1]] |= 1 << k
		}
		for i := 0; i+1 < len(s); i++ {
			m := first[s[i]] & second[s[i+1]]
			for m != 0 {
				k := bits.TrailingZeros64(m)
				m &^= 1 << k
				if w := g + k; i >= next[w] && len(places[w]) < n && strings.HasPrefix(s[i:], words[w]) {
					places[w] = append(places[w], i)
					next[w] = i + len(words[w])
				}
			}
		}
	}
	return places
}

// fewWords is the most words findPlaces looks for one by one: a search for a word
// skips along the text many bytes at a time, where one pass for all the words
// looks at every byte.
const fewWords = 4

// titleAgency returns the agency named by line i, l, when it holds the report's title:
// before the title on the same line, or on the line above (back holds the lines
// before it).
func titleAgency(l string, i int, back *[3]string) string {
	if !cjk.Contains(l, "报") {
		return ""
	}
	l = strings.TrimSpace(strings.Trim(l, "| \t"))
	if !cjk.Contains(l, "公开") || strings.IndexAny(l, "0123456789") < 0 {
		return "" // what every title reTitle matches holds: its year and 公开
	}
	loc := reTitle().FindStringIndex(l)
	if loc == nil {
		return ""
	}
	if before := token.Squeeze(l[:loc[0]]); before != "" {
		if reOrg().MatchString(before) {
			return before
		}
		return ""
	}
	// the title's first line names the agency, the next the report
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		p := token.Squeeze(strings.Trim(back[j%3], "| \t"))
		if p == "" {
			continue
		}
		if reOrg().MatchString(p) {
			return p
		}
		break
	}
	return ""
}

// runOnAgency returns the agency named right before the report's title where the
// text lost its line breaks ("…浏览次数：1532淮安市人民政府2024年政府信息公开工作
// 年度报告"): the run of Chinese characters before the title's year, from after the
// last word that ends another name in it ("来源：市政府办公室淮安市人民政府"); loc is where the
// title starts, -1 when there is none.
func runOnAgency(s string, loc int) string {
	if loc < 0 {
		return ""
	}
	start := loc
	for n := 0; start > 0 && n < 40; n++ {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) && r != '(' && r != ')' {
			break
		}
		start -= w
	}
	run := s[start:loc]
	best := ""
	for i := 0; i < len(run); {
		if cand := run[i:]; reOrg().MatchString(cand) && !reNotOrg().MatchString(cand) {
			best = cand // the shortest name that follows another's end
		}
		// the next start: after a character that ends an agency's name
		r, w := utf8.DecodeRuneInString(run[i:])
		i += w
		for i < len(run) && !strings.ContainsRune("室府厅委会局心处道镇乡院所站署", r) {
			r, w = utf8.DecodeRuneInString(run[i:])
			i += w
		}
	}
	return best
}

// reNotOrg rejects a phrase that merely ends like an agency's name ("通过东港市政府门户网站").
var reNotOrg = lazy.Regexp(`^(通过|按照|根据|依据|在|经|由|对|向|将|为|把|以|从|本|我|全|各|该|其|网站|门户)|网站|平台`)

// endsLikeOrg reports whether s, white space trimmed at its end, ends in the last
// character of one of orgTail's words: what reProse needs, checked without the regexp
// engine, which would try every start in s.
func endsLikeOrg(s string) bool {
	s = strings.TrimRight(s, "\t\n\f\r ") // reProse's \s
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("室府厅委会局心处道镇乡院所站署", r)
}
