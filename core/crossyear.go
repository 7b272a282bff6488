package core

// Year against year: two reports of the same body for consecutive years. The checks
// are soft (FORMAT.md, "Cross-year"): what is carried over from one year must arrive in
// the next, running totals must grow by the year's figures, and a report that repeats
// last year's prose or numbers is suspect. Every finding is a warning on the newer
// report and names both years.

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/core/rules"
	"nianbao/core/template"
)

// Thresholds of the copy checks.
const (
	// copyProse: the share of prose shingles two years have in common above which the
	// newer report's prose counts as copied. Reports of one body rewritten each year
	// share their template's wording (0.4-0.5 for 洪泽区 2023/2024); the same text
	// extracted from a PDF in two layouts shares about 0.87, table labels leaking
	// into the prose differently.
	copyProse = 0.8
	// minSample: fewer sampled shingles than this is too little prose to judge.
	minSample = 40
	// copyNumbers: identical tables count as copied only with at least this many
	// non-zero values in common (a small office with nothing to report has zeros
	// in both years, legitimately).
	copyNumbers = 8
)

// CompareYears checks two reports of the same body for consecutive years against
// each other and returns warnings for the newer one (the two are swapped when given
// the other way round). When they are not consecutive years of one body it returns a
// single note saying why nothing was compared; an agency that was not found does not
// prevent the comparison.
func CompareYears(older, newer *Result) []Finding {
	if older == nil || newer == nil {
		return nil
	}
	if older.Year != nil && newer.Year != nil && *older.Year > *newer.Year {
		older, newer = newer, older
	}
	p := yearPair{old: older, new: newer}
	if why := p.mismatch(); why != "" {
		return []Finding{p.finding("crossyear.pair", "info", why, nil, nil, nil)}
	}
	var out []Finding
	out = append(out, p.carryover()...)
	out = append(out, p.valid()...)
	out = append(out, p.cumulative()...)
	out = append(out, p.copiedProse()...)
	out = append(out, p.copiedNumbers()...)
	return out
}

// CompareAndAttach compares two reports put side by side (the page's second input)
// and attaches the findings: the cross-year warnings to the newer report, and a note
// that the two could not be compared to both.
func CompareAndAttach(a, b *Result) {
	fs := CompareYears(a, b)
	if len(fs) == 1 && fs[0].Rule == "crossyear.pair" {
		a.Attach(fs...)
		b.Attach(fs...)
		return
	}
	if a.Year != nil && b.Year != nil && *a.Year > *b.Year {
		a, b = b, a
	}
	b.Attach(fs...)
}

// Copy returns a copy of r that findings may be attached to (CompareAndAttach) while r
// stays as it is: the page keeps a checked report to compare it again.
func (r *Result) Copy() *Result {
	c := *r
	c.Findings = slices.Clone(r.Findings)
	return &c
}

// yearPair is the two reports being compared.
type yearPair struct{ old, new *Result }

// mismatch says why the two cannot be compared, or "".
func (p yearPair) mismatch() string {
	switch {
	case p.old.Input.Error != "" || p.new.Input.Error != "":
		return "有一份报告无法读取，未做跨年度比对"
	case p.old.Year == nil || p.new.Year == nil:
		return "未识别出报告年度，无法确认是否为连续两年的报告，未做跨年度比对"
	case *p.new.Year != *p.old.Year+1:
		return fmt.Sprintf("两份报告分别为%d年和%d年，不是连续两年，未做跨年度比对", *p.old.Year, *p.new.Year)
	case p.old.Agency != nil && p.new.Agency != nil && !SameBody(*p.old.Agency, *p.new.Agency):
		return fmt.Sprintf("两份报告的机关不同（%s、%s），未做跨年度比对", *p.old.Agency, *p.new.Agency)
	}
	return ""
}

func (p yearPair) newYear() string { return strconv.Itoa(*p.new.Year) + "年" }

// oldYear names the older report: its year, and its file's name when it has one.
func (p yearPair) oldYear() string {
	s := strconv.Itoa(*p.old.Year) + "年"
	if name := filepath.Base(p.old.File); p.old.File != "" && name != "-" {
		s += "（" + name + "）"
	}
	return s
}

// finding is a cross-year finding on the newer report, placed where at and view say
// (a cell's or an indicator's offsets in the input and in the text read from it).
func (p yearPair) finding(rule, severity, msg string, cells []string, at, view []int) Finding {
	return Finding{Rule: rule, Severity: severity, Origin: "report", Message: msg,
		Cells: cells, At: at, View: view, Group: rules.GroupOf(rule), Title: rules.TitleOf(rule)}
}

// carryover: 表三 上年结转 of this year = 结转下年度继续办理 of last year, per column.
func (p yearPair) carryover() []Finding {
	var out []Finding
	for _, col := range template.T3.Cols {
		now, nowCell := p.new.value(template.CellID("t3", "carried", col.ID))
		before, _ := p.old.value(template.CellID("t3", "carryover", col.ID))
		if nowCell == nil || before == nil || *now == *before {
			continue
		}
		msg := fmt.Sprintf("%s表三「%s」上年结转(%s) ≠ %s结转下年度继续办理(%s)，差 %s",
			p.newYear(), colName(col), num(*now), p.oldYear(), num(*before), num(math.Abs(*now-*before)))
		id := template.CellID("t3", "carried", col.ID)
		out = append(out, p.finding("crossyear.carryover", "warning", msg, []string{id}, nowCell.At, nowCell.View))
	}
	return out
}

// valid: 表二 现行有效件数 of this year = last year's + 本年制发 - 本年废止, for 规章
// and 行政规范性文件 (2021 format, in both years).
func (p yearPair) valid() []Finding {
	var out []Finding
	for _, row := range []string{"rules", "normative"} {
		id := func(col string) string { return template.CellID("t2", row, col) }
		valid, validCell := p.new.value(id("valid"))
		issued, _ := p.new.value(id("issued"))
		repealed, _ := p.new.value(id("repealed"))
		before, _ := p.old.value(id("valid"))
		if validCell == nil || issued == nil || repealed == nil || before == nil {
			continue
		}
		want := *before + *issued - *repealed
		if *valid == want {
			continue
		}
		msg := fmt.Sprintf("%s表二「%s」现行有效件数(%s) ≠ %s现行有效件数(%s) + 本年制发件数(%s) − 本年废止件数(%s) = %s，差 %s",
			p.newYear(), template.T2v2021.Row(row).Label, num(*valid), p.oldYear(), num(*before),
			num(*issued), num(*repealed), num(want), num(math.Abs(*valid-want)))
		out = append(out, p.finding("crossyear.valid", "warning", msg,
			[]string{id("valid"), id("issued"), id("repealed")}, validCell.At, validCell.View))
	}
	return out
}

// cumulative: in a statistics table with 本年 and 历年累计 columns, this year's total
// = last year's total + this year's figure, entries matched by their label.
func (p yearPair) cumulative() []Finding {
	before := statsByKey(p.old.Stats)
	var out []Finding
	for i, key := range statKeys(p.new.Stats) {
		now, old := p.new.Stats[i], before[key]
		if key == "" || len(now.Values) < 2 || len(old.Values) < 2 {
			continue
		}
		year, total, prev := now.Values[0], now.Values[1], old.Values[1]
		if year == nil || total == nil || prev == nil || *total == *prev+*year {
			continue
		}
		want := *prev + *year
		msg := fmt.Sprintf("%s统计表「%s」历年累计(%s) ≠ %s历年累计(%s) + %s本年(%s) = %s，差 %s",
			p.newYear(), now.Label, num(*total), p.oldYear(), num(*prev), p.newYear(), num(*year),
			num(want), num(math.Abs(*total-want)))
		out = append(out, p.finding("crossyear.cumulative", "warning", msg, nil, now.At, now.View))
	}
	return out
}

// copiedProse: the newer report's prose is nearly the same as last year's.
func (p yearPair) copiedProse() []Finding {
	p.old.sketch()
	p.new.sketch()
	a, b := p.old.prose, p.new.prose
	if len(a) < minSample || len(b) < minSample {
		return nil
	}
	share := jaccard(a, b)
	if share < copyProse {
		return nil
	}
	msg := fmt.Sprintf("%s报告正文与%s报告高度雷同：约 %d%% 的文字片段相同（数字不计；两年正文分别约 %d 字、%d 字），疑似沿用上年报告，请核对是否如实反映本年情况",
		p.newYear(), p.oldYear(), int(share*100), p.old.proseLen, p.new.proseLen)
	return []Finding{p.finding("crossyear.copy", "warning", msg, nil, nil, nil)}
}

// copiedNumbers: every table value the two years both have is the same, and enough of
// them are non-zero that coincidence is unlikely.
func (p yearPair) copiedNumbers() []Finding {
	same, nonzero, example := 0, 0, ""
	for id, c := range p.new.Cells {
		o, ok := p.old.Cells[id]
		if !ok || c.Value == nil || o.Value == nil {
			continue
		}
		if *c.Value != *o.Value {
			return nil
		}
		same++
		if *c.Value != 0 {
			nonzero++
			if example == "" || id < example {
				example = id
			}
		}
	}
	same, nonzero = p.sameStats(same, nonzero)
	if same < 0 || nonzero < copyNumbers {
		return nil
	}
	msg := fmt.Sprintf("%s报告表格中的数字与%s报告完全相同（两年共有的 %d 个数值全部相同，其中非零 %d 个），疑似照搬上年数据",
		p.newYear(), p.oldYear(), same, nonzero)
	if example != "" {
		c := p.new.Cells[example]
		msg += fmt.Sprintf("，如%s两年均为 %s", cellName(c, example), num(*c.Value))
	}
	return []Finding{p.finding("crossyear.copy", "warning", msg, nil, nil, nil)}
}

// sameStats extends the counts of copiedNumbers to the statistics table's 本年
// column; same < 0 means a value differs.
func (p yearPair) sameStats(same, nonzero int) (int, int) {
	before := statsByKey(p.old.Stats)
	for key, now := range statsByKey(p.new.Stats) {
		old, ok := before[key]
		if !ok || len(now.Values) == 0 || len(old.Values) == 0 || now.Values[0] == nil || old.Values[0] == nil {
			continue
		}
		if *now.Values[0] != *old.Values[0] {
			return -1, 0
		}
		same++
		if *now.Values[0] != 0 {
			nonzero++
		}
	}
	return same, nonzero
}

// value returns a cell's value and the cell, or nils when it is absent or unknown.
func (r *Result) value(id string) (*float64, *Cell) {
	c, ok := r.Cells[id]
	if !ok || c.Value == nil {
		return nil, nil
	}
	return c.Value, &c
}

// statKeys names each entry of a statistics table by its label and its parent's
// (the same label recurs under different headings): "" for a heading, which holds no
// value, and for a name that occurs twice, which is ambiguous.
func statKeys(stats []Stat) []string {
	keys := make([]string, len(stats))
	count := map[string]int{}
	var path []string // path[l]: the label of the latest entry at level l
	for i, s := range stats {
		label := squeeze(s.Label)
		path = append(path[:min(s.Level, len(path))], label)
		if s.Header {
			continue
		}
		parent := ""
		if n := len(path); n >= 2 {
			parent = path[n-2]
		}
		keys[i] = parent + "/" + label
		count[keys[i]]++
	}
	for i, k := range keys {
		if count[k] > 1 {
			keys[i] = ""
		}
	}
	return keys
}

// statsByKey indexes a statistics table's entries by their statKeys.
func statsByKey(stats []Stat) map[string]Stat {
	out := make(map[string]Stat, len(stats))
	for i, key := range statKeys(stats) {
		if key != "" {
			out[key] = stats[i]
		}
	}
	return out
}

// colName is a 表三 column as messages name it.
func colName(c template.Col) string {
	if c.Label == "其他" {
		return c.Group + "·其他"
	}
	return c.Label
}

// cellName names a cell for a message: its label, or its id.
func cellName(c Cell, id string) string {
	if c.Label != "" {
		return "「" + c.Label + "」"
	}
	return id
}

// num prints a number without a needless decimal point.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// squeeze drops white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Pairing.

// PairUp finds, among checked reports, those of the same body for consecutive years:
// each pair is (older, newer), indices into results, ordered by the newer. A report
// whose agency or year was not found is never paired. Where a body has several
// reports for one year (a file given twice in two layouts), the k-th of year Y is
// paired with the k-th of year Y-1, in input order.
func PairUp(results []*Result) [][2]int {
	byYear := map[int][]int{}
	for i, r := range results {
		if pairable(r) {
			byYear[*r.Year] = append(byYear[*r.Year], i)
		}
	}
	used := map[int]int{} // older index -> times paired
	var out [][2]int
	for i, r := range results {
		if !pairable(r) {
			continue
		}
		var candidates []int
		for _, j := range byYear[*r.Year-1] {
			if SameBody(*results[j].Agency, *r.Agency) {
				candidates = append(candidates, j)
			}
		}
		if j, ok := leastUsed(candidates, used); ok {
			used[j]++
			out = append(out, [2]int{j, i})
		}
	}
	return out
}

// pairable: a usable report whose year and agency are known.
func pairable(r *Result) bool {
	return r != nil && r.Input.Error == "" && r.Year != nil && r.Agency != nil && bodyName(*r.Agency) != ""
}

// leastUsed picks the first candidate paired the fewest times so far.
func leastUsed(candidates []int, used map[int]int) (int, bool) {
	best, ok := 0, false
	for _, j := range candidates {
		if !ok || used[j] < used[best] {
			best, ok = j, true
		}
	}
	return best, ok
}

// SameBody reports whether two agency names name the same body: equal once white
// space is dropped, or one is the other with the higher levels of its place prefixed
// (淮安市洪泽区人民政府 and 洪泽区人民政府). A 人民政府办公室 is not its 人民政府.
func SameBody(a, b string) bool {
	a, b = bodyName(a), bodyName(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	prefix, ok := strings.CutSuffix(a, b)
	return ok && placeName(prefix) && startsWithPlace(b)
}

// bodyName normalises an agency name for comparison.
func bodyName(s string) string { return squeeze(s) }

// placeSuffixes end the name of an administrative area.
const placeSuffixes = "省市州盟区县旗镇乡"

// placeName: the text ends with an area's suffix (淮安市, 江苏省淮安市).
func placeName(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return utf8.RuneCountInString(s) >= 2 && strings.ContainsRune(placeSuffixes, r)
}

// startsWithPlace: the name begins with an area of two to five characters
// (洪泽区人民政府), not with a bare office name (人民政府办公室).
func startsWithPlace(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if n > 5 {
			return false
		}
		if n >= 2 && strings.ContainsRune(placeSuffixes, r) {
			return true
		}
	}
	return false
}

// Prose sketches.

// shingleRunes: a shingle is this many characters of prose, digits folded.
const shingleRunes = 6

// sampleEvery: one shingle hash in this many is kept. The sample is fixed by the
// hash value, so two reports keep the same shingles and their overlap estimates the
// overlap of the whole prose, in a few hundred numbers per report.
const sampleEvery = 4

// proseSketch returns the sorted, distinct, sampled hashes of the prose's shingles,
// and the prose's length in characters. Runs of digits count as one "0", so a copy
// with this year's numbers put in is still a copy.
func proseSketch(prose string) ([]uint64, int) {
	var window [shingleRunes]rune // the last characters read, a ring
	out := make([]uint64, 0, len(prose)/(3*sampleEvery)+1)
	n, prev := 0, rune(-1)
	for _, r := range prose {
		if r >= '0' && r <= '9' {
			if prev == '0' {
				continue
			}
			r = '0'
		}
		prev = r
		window[n%shingleRunes] = r
		n++
		if n < shingleRunes {
			continue
		}
		if h := shingleHash(&window, n); h%sampleEvery == 0 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), n
}

// shingleHash is FNV-1a over the ring's characters, oldest first; n is the count of
// characters read so far.
func shingleHash(window *[shingleRunes]rune, n int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := range shingleRunes {
		h ^= uint64(window[(n+i)%shingleRunes])
		h *= prime
	}
	// mix the high bits down: the sample keeps the hashes whose low bits are zero
	return h ^ h>>29
}

// jaccard is |a∩b| / |a∪b| of two sorted, distinct lists.
func jaccard(a, b []uint64) float64 {
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}
