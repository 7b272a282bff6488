// Package stats reads the statistics table of the 2008-2018 reports (统计指标 | 单位 |
// 统计数): the national 2014 version and its local variants, in whatever layout the
// tokenizer handles — one cell per line, pipe or tab rows, space-aligned columns,
// labels, units and values run together ("主动公开政府信息数条300"), and tables with two
// value columns (本年 and 历年累计). It rebuilds the hierarchy from the numbering
// (一、 / （一） / 1. / 其中) and names each line after the list of known indicators.
package stats

import (
	"nianbao/core/internal/cjk"
	"strings"
	"unicode/utf8"

	"nianbao/core/align"
	"nianbao/core/report"
	"nianbao/core/token"
)

// Reader plugs the package into the aligner.
type Reader struct{}

// Detect implements align.StatsReader.
func (Reader) Detect(st *token.Stream) bool { return Detect(st) }

// Read implements align.StatsReader.
func (Reader) Read(rep *report.Report) { Read(rep) }

func init() { align.Stats = Reader{} }

// Units a value may be counted in.
var units = []string{"人次", "万元", "条", "件", "次", "篇", "个", "人", "元", "项", "场", "期", "家", "份", "起"}

func isUnit(s string) bool {
	for _, u := range units {
		if s == u {
			return true
		}
	}
	return false
}

// squeeze removes the spaces a layout put inside a label.
func squeeze(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	return token.Squeeze(s)
}

// isHeaderWord reports the heading of the label column.
func isHeaderWord(k string) bool {
	return cjk.Contains(k, "统计指标") || cjk.Contains(k, "指标名称") || k == "指标" || k == "项目"
}

// Detect reports whether the stream holds a statistics table: the column headings
// 统计指标 / 单位 / 统计数 together, or many indicator labels.
func Detect(st *token.Stream) bool {
	var seen [len(signatures)]bool
	n := 0
	for i := range st.Tokens {
		t := &st.Tokens[i]
		if t.Kind != token.Text || t.PageNum || len(t.Key) > 180 {
			continue
		}
		if cjk.Contains(t.Key, "统计指标") && headerNear(st, i) {
			return true
		}
		if !cjk.Contains(t.Key, "数") && !cjk.Contains(t.Key, "经费") {
			continue
		}
		for k, sig := range signatures {
			if !seen[k] && cjk.Contains(t.Key, sig) {
				seen[k] = true
				if n++; n >= 6 {
					return true
				}
			}
		}
	}
	return false
}

// signatures are wordings only the statistics table uses.
var signatures = [...]string{"主动公开政府信息数", "规范性文件数", "规范性文件总数", "收到申请数", "申请办结数", "申请答复数",
	"不同意公开答复数", "行政复议数量", "行政诉讼数量", "举报投诉数量", "工作人员数", "专项经费", "网络申请数", "当面申请数",
	"申请信息不存在数", "信函申请数", "按时办结数", "同意公开答复数"}

func headerNear(st *token.Stream, i int) bool {
	if cjk.Contains(st.Tokens[i].Key, "单位") {
		return true
	}
	for j := i + 1; j < len(st.Tokens) && j <= i+6; j++ {
		if t := &st.Tokens[j]; t.Kind == token.Text && cjk.Contains(t.Key, "单位") {
			return true
		}
	}
	return false
}

// countLike reports a label that names a count or amount, as the table's lines do.
func countLike(label string) bool {
	c := core(label)
	return strings.HasSuffix(c, "数") || strings.HasSuffix(c, "数量") || strings.HasSuffix(c, "费用") ||
		strings.HasSuffix(c, "经费") || strings.HasSuffix(c, "总数")
}

// core is a label without its numbering, 其中, notes in brackets and spaces.
func core(label string) string {
	s := squeeze(label)
	for k := 0; k < 2; k++ { // "1.其中:" or "其中:1."
		_, _, end := parseMarker(s)
		if end == 0 {
			break
		}
		s = s[end:]
	}
	s = dropNotes(s)
	return strings.Trim(s, ":：,、. ")
}

// Mark returns the level a label's numbering gives it: 0 for 一、, 1 for （一）, 2 for
// 1. or (1), -1 for 其中, -2 for none.
func Mark(label string) int {
	level, _ := marker(label)
	return level
}

// marker returns the level a label's numbering gives it: 0 for 一、, 1 for （一）, 2 for
// 1. or (1), -1 for 其中, -2 for none.
func marker(label string) (level int, num string) {
	level, num, _ = parseMarker(squeeze(label))
	return level, num
}

func parseMarker(s string) (level int, num string, end int) {
	if strings.HasPrefix(s, "其中") {
		end = len("其中")
		for end < len(s) && (s[end] == ':' || s[end] == ',' || s[end] == ' ') {
			end++
		}
		return -1, "", end
	}
	open := 0
	if strings.HasPrefix(s, "(") {
		open = 1
	}
	i := open
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	cn := false
	for j < len(s) {
		if s[j] >= '0' && s[j] <= '9' {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		cn = true
		j += w
	}
	if j == i || cn && j-i > 9 || !cn && j-i > 2 {
		return -2, "", 0
	}
	num = s[i:j]
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	switch {
	case open == 1 && strings.HasPrefix(s[k:], ")"):
		if cn {
			return 1, num, k + 1
		}
		return 2, num, k + 1
	case open == 1:
		return -2, "", 0
	case strings.HasPrefix(s[k:], "、"):
		k += len("、")
	case k < len(s) && (s[k] == '.' || s[k] == ',' && cn):
		k++
		if !cn && k < len(s) && s[k] >= '0' && s[k] <= '9' { // "1.5", a number
			return -2, "", 0
		}
	default:
		return -2, "", 0
	}
	if cn {
		return 0, num, k
	}
	return 2, num, k
}

// dropNotes removes the notes in brackets from a label.
func dropNotes(s string) string {
	if !cjk.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String() // a bracket left open drops the rest, a wrapped note
}

// splitRun splits a label run together with its unit and value: "主动公开政府信息数条300"
// -> label, "条", "300"; "收到申请数 件" -> label, "件", "".
func splitRun(s string) (label, unit, value string) {
	label = strings.TrimSpace(s)
	i := len(label)
	for i > 0 && (label[i-1] >= '0' && label[i-1] <= '9' || label[i-1] == '.') {
		i--
	}
	for i < len(label) && label[i] == '.' {
		i++
	}
	if i > 0 && i < len(label) {
		rest := strings.TrimRight(label[:i], " ")
		if unitSuffix(rest) != "" || countLike(rest) {
			label, value = rest, label[i:]
		}
	}
	if u := unitSuffix(label); u != "" {
		rest := label[:len(label)-len(u)]
		spaced := strings.HasSuffix(rest, " ")
		rest = strings.TrimRight(rest, " ")
		if spaced || value != "" || countLike(rest) || strings.HasSuffix(rest, u) {
			label, unit = rest, u
		}
	}
	return label, unit, value
}

// unitSuffix returns the unit a label ends with, leaving some label before it.
func unitSuffix(s string) string {
	for _, u := range units {
		if len(s) > len(u) && strings.HasSuffix(s, u) {
			return u
		}
	}
	return ""
}

// slot is one piece following a label: its unit, a value or an empty cell.
type slot struct {
	kind       byte   // 'u' unit, 'v' value, 'b' blank, 'g' text where a value stands (OCR's "O" for 0)
	unit       string // the unit; for 'g', the text
	value      *float64
	start, end int
}

type entry struct {
	label      string
	start, end int
	slots      []slot
}

// Read fills rep.Stats from rep.Stream.
func Read(rep *report.Report) {
	st := rep.Stream
	if st == nil {
		return
	}
	var entries []entry
	from, ncols, lead := headings(st)
	if from >= 0 {
		entries, _ = collect(st, from, lead)
	} else {
		// no headings: the first run of indicator lines that carries values
		for i := 0; i < len(st.Tokens); {
			c := candidate(st, i)
			if c < 0 {
				break
			}
			e, stop := collect(st, c, nil)
			if valued(e) >= 5 {
				entries = e
				break
			}
			i = max(stop, c+1)
		}
	}
	if ncols == 1 && twoColumns(entries) {
		ncols = 2
	}
	rep.Stats = build(entries, ncols)
}

// headings finds the table's column headings (统计指标 | 单位 | 统计数) and returns the
// first token after them and the number of value columns; -1 when there are none.
// In crawled text the first line's label runs on after the headings
// ("统计指标单位统计数一、主动公开情况"): that label is returned as lead.
func headings(st *token.Stream) (int, int, *entry) {
	toks := st.Tokens
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Text || !isHeaderWord(t.Key) || !headerNear(st, i) {
			continue
		}
		ncols := 1
		end := i + 1
		var lead *entry
		for j := i; j < len(toks) && j <= i+8; j++ {
			if toks[j].Kind != token.Text {
				if toks[j].Kind == token.Number {
					break
				}
				continue
			}
			k := toks[j].Key
			if j > i && !isHeadingWord(k) {
				break
			}
			if cjk.Contains(k, "累计") {
				ncols = 2
			}
			end = j + 1
			if l := afterHeadings(toks[j].Text); l < len(toks[j].Text) {
				label := strings.TrimSpace(toks[j].Text[l:])
				lead = &entry{label: label, start: toks[j].End - len(label), end: toks[j].End}
				break
			}
		}
		return end, ncols, lead
	}
	return -1, 1, nil
}

// afterHeadings returns where a label begins after the column headings that a run of
// text ends with, or len(s) when nothing but headings ends it.
func afterHeadings(s string) int {
	end := -1
	for _, w := range []string{"统计指标", "指标名称", "计量单位", "单位", "统计数", "历年累计", "本年数", "本年", "累计", "数量", "备注"} {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	if end < 0 {
		return len(s)
	}
	rest := strings.TrimSpace(s[end:])
	if rest == "" || Mark(rest) < -1 && identify(core(rest), "") == "" {
		return len(s)
	}
	return len(s) - len(rest)
}

// candidate returns the first token from i on that may start a table: a numbered or
// count-like label naming an indicator.
func candidate(st *token.Stream, i int) int {
	for ; i < len(st.Tokens); i++ {
		t := &st.Tokens[i]
		if t.Kind != token.Text || len(t.Key) > 240 || cjk.Contains(t.Key, "。") || cjk.Contains(t.Key, ";") {
			continue
		}
		label, _, _ := splitRun(t.Text)
		if lvl, _ := marker(label); lvl >= -1 || countLike(label) {
			if identify(core(label), "") != "" {
				return i
			}
		}
	}
	return -1
}

func valued(entries []entry) int {
	n := 0
	for _, e := range entries {
		for _, s := range e.slots {
			if s.kind == 'v' {
				n++
				break
			}
		}
	}
	return n
}

// isHeading reports a column heading standing alone.
func isHeading(k string) bool {
	switch k {
	case "统计指标", "指标名称", "指标", "项目", "单位", "计量单位", "统计数", "本年", "本年数", "累计", "历年累计", "数量", "备注":
		return true
	}
	return false
}

func isHeadingWord(k string) bool {
	return isHeaderWord(k) || cjk.Contains(k, "单位") || cjk.Contains(k, "累计") ||
		cjk.Contains(k, "统计数") || cjk.Contains(k, "本年") || cjk.Contains(k, "数量") && len(k) <= 9 ||
		cjk.Contains(k, "数值") || cjk.Contains(k, "备注")
}

// collect groups the tokens from the table's start into entries: a label and the
// unit, values and empty cells that follow it, until the text turns to prose.
func collect(st *token.Stream, from int, lead *entry) ([]entry, int) {
	var out []entry
	if lead != nil {
		out = append(out, *lead)
	}
	misses := 0
	item := "" // an item number that ran on to the value before its label
	i := from
	for ; i < len(st.Tokens); i++ {
		t := &st.Tokens[i]
		if t.PageNum || t.Filler {
			continue
		}
		switch t.Kind {
		case token.Number:
			v, end := t.Value, t.End
			if n := itemTail(st, i); n > 0 {
				// "条02.政府网站…": 0 is the value, 2 the next item's number
				item = t.Text[len(t.Text)-n:]
				v, _ = parseValue(t.Text[:len(t.Text)-n])
				end -= n
			}
			if len(out) > 0 && end > t.Start {
				out[len(out)-1].add(slot{kind: 'v', value: &v, start: t.Start, end: end})
			}
			continue
		case token.Blank:
			if len(out) > 0 && t.Cell {
				out[len(out)-1].add(slot{kind: 'b', start: t.Start, end: t.End})
			}
			continue
		}
		text := strings.TrimSpace(t.Text)
		if len(out) > 0 && len(out[len(out)-1].slots) > 0 && t.Misread() {
			// a value misread as letters: it holds the value's place, unknown
			out[len(out)-1].add(slot{kind: 'g', unit: text, start: t.Start, end: t.End})
			continue
		}
		if isUnit(text) {
			if len(out) > 0 {
				out[len(out)-1].add(slot{kind: 'u', unit: text, start: t.Start, end: t.End})
			}
			continue
		}
		if isHeading(t.Key) {
			continue // headings repeated on a new page
		}
		// the rest of a label a layout wrapped onto the next line
		if n := len(out); n > 0 && i > from {
			if frag, j := continuation(st, i, &out[n-1]); j > i {
				out[n-1].label += frag
				out[n-1].end = max(out[n-1].end, st.Tokens[j-1].End)
				i = j - 1
				continue
			}
		}
		start := t.Start
		if item != "" {
			text, start, item = item+text, start-len(item), ""
		}
		// crawled text runs a heading row on into the next line's label
		// ("二、回应解读情况(一)回应公众关注…"): the heading is an entry of its own
		for {
			cut := headingRunOn(text)
			if cut <= 0 {
				break
			}
			if head := text[:cut]; plausibleLabel(head) {
				out = append(out, entry{label: head, start: start, end: start + cut})
			}
			text, start = text[cut:], start+cut
		}
		if i+1 < len(st.Tokens) && st.Tokens[i+1].Kind == token.Number && st.Tokens[i+1].Gap == token.GapNone {
			// the unit run together with the label, the value right after it
			if u := unitSuffix(text); u != "" && !strings.HasSuffix(text, ")") {
				text = strings.TrimSuffix(text, u) + " " + u
			}
		}
		label, unit, value := splitRun(text)
		if !plausibleLabel(label) {
			misses++
			if len(out) >= 3 || misses >= 3 {
				break
			}
			continue
		}
		// a label wrapped over two lines: its bracket is still open
		if n := len(out); n > 0 && len(out[n-1].slots) == 0 && open(out[n-1].label) {
			out[n-1].label += label
			out[n-1].end = t.End
		} else {
			out = append(out, entry{label: label, start: start, end: start + len(label)})
		}
		e := &out[len(out)-1]
		if unit != "" {
			e.add(slot{kind: 'u', unit: unit, start: start + len(label), end: t.End})
		}
		if value != "" {
			v, ok := parseValue(value)
			s := slot{kind: 'b', start: t.End - len(value), end: t.End}
			if ok {
				s.kind, s.value = 'v', &v
			}
			e.add(s)
		}
	}
	return out, i
}

// headingRunOn returns where the label of a new line starts inside a run of text that
// begins with a heading ending in 情况: at a group's first item ("(一)", "1.") or an
// item numbered with 、; 0 when none.
func headingRunOn(text string) int {
	for i := 0; i < len(text); {
		j := cjk.Index(text[i:], "情况")
		if j < 0 {
			return 0
		}
		at := i + j + len("情况")
		if at < len(text) && Mark(text[at:]) >= 0 {
			return at
		}
		i = at
	}
	return 0
}

// itemTail returns how many digits at the end of number token i are the item number
// of the label run on after it ("条02.政府网站" -> 1): a number marked as followed by an
// item mark, with text right after it. 0 when none.
func itemTail(st *token.Stream, i int) int {
	t := &st.Tokens[i]
	if !t.DotAfter || i+1 >= len(st.Tokens) || st.Tokens[i+1].Gap != token.GapNone || st.Tokens[i+1].Kind != token.Text {
		return 0
	}
	last := t.Text[len(t.Text)-1]
	if last < '1' || last > '9' {
		return 0
	}
	return 1
}

// continuation returns the text of the line starting at token i and the index past
// it when the line continues the previous entry's label: "讼请求数" after
// "(一)维持具体行政行为或者驳回原告诉  件  0", or a note in brackets. j == i when not.
func continuation(st *token.Stream, i int, prev *entry) (string, int) {
	toks := st.Tokens
	t := &toks[i]
	if toks[i-1].Line == t.Line || toks[i-1].Para != t.Para && toks[i-1].Page == t.Page || t.Cell {
		return "", i
	}
	j := i
	var b strings.Builder
	hasNum := false
	for ; j < len(toks) && toks[j].Line == t.Line; j++ {
		switch toks[j].Kind {
		case token.Text:
			if isUnit(strings.TrimSpace(toks[j].Text)) {
				return "", i
			}
		case token.Number:
			hasNum = true
		default:
			return "", i
		}
		b.WriteString(toks[j].Text)
	}
	frag := squeeze(b.String())
	if lvl, _ := marker(frag); lvl != -2 || utf8.RuneCountInString(frag) > 24 || cjk.Contains(frag, "。") ||
		hasNum && !strings.HasSuffix(frag, ")") {
		return "", i
	}
	// the label above is cut short: a bracket left open, or no word that ends a label
	short := open(prev.label) || !countLike(prev.label) && !strings.HasSuffix(core(prev.label), "情况")
	switch {
	case len(prev.slots) == 0:
		if !short {
			return "", i
		}
	default:
		// or the line is a note in brackets that belongs to a finished label
		if !short && !(strings.HasPrefix(frag, "(") && identify(core(frag), "") == "") {
			return "", i
		}
		// a line followed by its own unit or values is a label of its own
		if j < len(toks) && (toks[j].Kind != token.Text || isUnit(strings.TrimSpace(toks[j].Text))) {
			return "", i
		}
	}
	return frag, j
}

func (e *entry) add(s slot) {
	e.slots = append(e.slots, s)
	if s.end > e.end {
		e.end = s.end
	}
}

func open(label string) bool {
	return strings.Count(label, "(") > strings.Count(label, ")")
}

// plausibleLabel tells a table line's label from prose, a signature or a note.
func plausibleLabel(label string) bool {
	k := squeeze(label)
	if k == "" || len(k) > 300 || cjk.Contains(k, "。") || cjk.Contains(k, ";") || strings.HasPrefix(k, "注") {
		return false
	}
	if lvl, _ := marker(k); lvl >= -1 {
		return true
	}
	if identify(core(k), "") != "" {
		return true
	}
	// an unnumbered line of a 其中 group ("涉及商业秘密")
	return len(k) <= 90 && !cjk.Contains(k, "年") && !cjk.Contains(k, "月") && !cjk.Contains(k, "日") && !cjk.Contains(k, ":")
}

func parseValue(s string) (float64, bool) {
	var v float64
	dot := false
	scale := 1.0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if dot {
				scale /= 10
				v += float64(c-'0') * scale
			} else {
				v = v*10 + float64(c-'0')
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	return v, len(s) > 0
}

// twoColumns reports a table whose lines mostly carry two values.
func twoColumns(entries []entry) bool {
	two, one := 0, 0
	for _, e := range entries {
		n := 0
		for _, s := range e.slots {
			if s.kind == 'v' {
				n++
			}
		}
		switch {
		case n >= 2:
			two++
		case n == 1:
			one++
		}
	}
	return two >= 3 && two > one
}

// build turns entries into Stats: the unit and ncols values of each, its place in the
// hierarchy, and the indicator it is.
func build(entries []entry, ncols int) []report.Stat {
	out := make([]report.Stat, 0, len(entries))
	group := -1 // index of the parent of the current 其中 group, or -1
	for _, e := range entries {
		if len(e.slots) == 0 {
			// an unnumbered line that names no indicator and carries nothing: a
			// signature or a stray line, not part of the table
			if lvl, _ := marker(e.label); lvl == -2 && identify(core(e.label), "") == "" {
				continue
			}
		}
		s := report.Stat{Label: squeeze(e.label), Start: e.start, End: e.end, Parent: -1}
		slots := e.slots
		// the unit: a unit word, or the first empty cell when there are more cells than values
		if len(slots) > 0 && slots[0].kind == 'u' {
			s.Unit = slots[0].unit
			slots = slots[1:]
		} else if len(slots) > ncols && slots[0].kind == 'b' {
			slots = slots[1:]
		}
		for k := 0; k < ncols; k++ {
			if k < len(slots) && slots[k].kind != 'u' {
				s.Values = append(s.Values, slots[k].value)
				s.ValueAt = append(s.ValueAt, [2]int{slots[k].start, slots[k].end})
				if slots[k].kind == 'g' {
					if s.Misread == nil {
						s.Misread = make([]string, ncols)
					}
					s.Misread[k] = slots[k].unit
				}
			} else {
				s.Values = append(s.Values, nil)
				s.ValueAt = append(s.ValueAt, [2]int{-1, -1})
			}
		}
		lvl, _ := marker(s.Label)
		n := len(out)
		switch {
		case lvl >= 0:
			s.Level = lvl
			group = -1
			s.Parent = parentOf(out, n, lvl)
		case lvl == -1: // 其中: a child of the line above, or of the group's parent
			p := n - 1
			if group >= 0 {
				p = group
			}
			if p >= 0 {
				s.Level = out[p].Level + 1
				s.Parent = p
				group = p
			}
		default: // unnumbered: a sibling of the line above
			if n > 0 {
				s.Level = out[n-1].Level
				s.Parent = out[n-1].Parent
			}
		}
		// a level its numbering skips ("1." straight under "一、") still nests
		if s.Parent >= 0 && out[s.Parent].Level >= s.Level {
			s.Level = out[s.Parent].Level + 1
		}
		parent := ""
		if s.Parent >= 0 {
			parent = out[s.Parent].ID
		}
		s.ID = identify(core(s.Label), parent)
		out = append(out, s)
	}
	// headings: no unit, lines under them, and a label that does not name a count
	for i := range out {
		s := &out[i]
		if s.Unit != "" {
			continue
		}
		if in := Lookup(s.ID); in != nil && in.Header {
			s.Header = true
			continue
		}
		hasChild := i+1 < len(out) && out[i+1].Parent == i
		if hasChild && !countLike(s.Label) {
			s.Header = true
		}
	}
	return out
}

// parentOf returns the nearest line above n with a level below lvl, or -1.
func parentOf(out []report.Stat, n, lvl int) int {
	for j := n - 1; j >= 0; j-- {
		if out[j].Level < lvl {
			if m, _ := marker(out[j].Label); m >= 0 || out[j].Parent < 0 {
				return j
			}
			// a 其中 line is no parent of a numbered one: go to its own parent
			if out[j].Parent >= 0 && out[out[j].Parent].Level < lvl {
				return out[j].Parent
			}
		}
	}
	return -1
}

// Children returns the indices of the direct children of stats[i].
func Children(stats []report.Stat, i int) []int {
	var out []int
	for j := i + 1; j < len(stats); j++ {
		if stats[j].Parent == i {
			out = append(out, j)
		}
		if stats[j].Level <= stats[i].Level {
			break
		}
	}
	return out
}

// Find returns the index of the first line that is indicator id, or -1.
func Find(stats []report.Stat, id string) int {
	for i := range stats {
		if stats[i].ID == id {
			return i
		}
	}
	return -1
}
