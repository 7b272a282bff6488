package core

// Year against year: two reports of the same body for consecutive years, compared on
// their Facts (facts.go). The checks are soft (FORMAT.md, "Cross-year"): what is carried
// over from one year must arrive in the next, running totals must grow by the year's
// figures, a value that jumps or collapses is worth a look, and a report that repeats
// last year's prose or numbers is suspect. Every finding is on the newer report and
// names both years.

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"nianbao/core/rules"
	"nianbao/core/template"
)

// Thresholds of the copy and jump checks.
const (
	// copyShare: the share of last year's prose (characters, in whole sentences, digits
	// folded) that this year's repeats above which it is reported, as a note; from
	// copyProse on as a warning. Calibrated on real reports: 洪泽区 rewrote its 2024
	// report and repeats 13% of its 2023 sentences (the headings and the 统计期限
	// sentence); the same report extracted from a PDF in two layouts shares 77%; two
	// bodies' reports of one year, 4%.
	copyShare = 0.5
	copyProse = 0.8
	// minProse: less prose than this (characters) is too little to judge.
	minProse = 200
	// copyNumbers: identical tables count as copied only with at least this many
	// non-zero values in common (a small office with nothing to report has zeros
	// in both years, legitimately).
	copyNumbers = 8
	// jumpRatio: a value more than this many times last year's, or less than its
	// share, is a jump.
	jumpRatio = 5
	// jumpFloor: the larger of the two values must be at least this for a jump: a
	// small office goes from 0 to 3 applications, or from 8 to 1, in an ordinary year.
	jumpFloor = 20
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
	return CompareLast(FactsOf(older), newer, FactsOf(newer))
}

// CompareLast is CompareYears of last year's report, of which only the facts are kept,
// and this year's result with its facts: the findings are placed on its cells.
func CompareLast(older *Facts, newer *Result, facts *Facts) []Finding {
	return compare(yearPair{old: older, new: facts, res: newer})
}

// CompareFacts is CompareYears on the two reports' facts alone: the findings have no
// place in the text.
func CompareFacts(older, newer *Facts) []Finding {
	if older.Year != 0 && newer.Year != 0 && older.Year > newer.Year {
		older, newer = newer, older
	}
	return compare(yearPair{old: older, new: newer})
}

func compare(p yearPair) []Finding {
	if why := p.mismatch(); why != "" {
		return []Finding{p.finding("crossyear.pair", "info", why, nil)}
	}
	var out []Finding
	out = append(out, p.carryover()...)
	out = append(out, p.valid()...)
	out = append(out, p.cumulative()...)
	out = append(out, p.jumps()...)
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
	c.Findings = append([]Finding(nil), r.Findings...)
	return &c
}

// yearPair is the two reports being compared, and the newer's result when there is
// one, to place the findings on.
type yearPair struct {
	old, new *Facts
	res      *Result
}

// mismatch says why the two cannot be compared, or "".
func (p yearPair) mismatch() string {
	switch {
	case p.old.Unusable || p.new.Unusable:
		return "有一份报告无法读取，未做跨年度比对"
	case p.old.Year == 0 || p.new.Year == 0:
		return "未识别出报告年度，无法确认是否为连续两年的报告，未做跨年度比对"
	case p.new.Year != p.old.Year+1:
		return fmt.Sprintf("两份报告分别为%d年和%d年，不是连续两年，未做跨年度比对", p.old.Year, p.new.Year)
	case p.old.Agency != "" && p.new.Agency != "" && !SameBody(p.old.Agency, p.new.Agency):
		return fmt.Sprintf("两份报告的机关不同（%s、%s），未做跨年度比对", p.old.Agency, p.new.Agency)
	}
	return ""
}

func (p yearPair) newYear() string { return strconv.Itoa(p.new.Year) + "年" }

// oldYear names the older report: its year, and its file's name when it has one.
func (p yearPair) oldYear() string {
	s := strconv.Itoa(p.old.Year) + "年"
	if name := filepath.Base(p.old.File); p.old.File != "" && name != "-" {
		s += "（" + name + "）"
	}
	return s
}

// finding is a cross-year finding on the newer report, placed on the first of its
// cells in the newer result when there is one.
func (p yearPair) finding(rule, severity, msg string, cells []string) Finding {
	f := Finding{Rule: rule, Severity: severity, Origin: "report", Message: msg,
		Cells: cells, Group: rules.GroupOf(rule), Title: rules.TitleOf(rule)}
	if p.res != nil && len(cells) > 0 {
		c := p.res.Cells[cells[0]]
		f.At, f.View = c.At, c.View
	}
	return f
}

// carryover: 表三 上年结转 of this year = 结转下年度继续办理 of last year, per column.
func (p yearPair) carryover() []Finding {
	var out []Finding
	for _, col := range template.T3.Cols {
		id := template.CellID("t3", "carried", col.ID)
		now, ok := p.new.Value(id)
		before, ok2 := p.old.Value(template.CellID("t3", "carryover", col.ID))
		if !ok || !ok2 || now == before {
			continue
		}
		msg := fmt.Sprintf("%s表三「%s」上年结转(%s) ≠ %s结转下年度继续办理(%s)，差 %s",
			p.newYear(), colName(col), num(now), p.oldYear(), num(before), num(math.Abs(now-before)))
		out = append(out, p.finding("crossyear.carryover", "warning", msg, []string{id}))
	}
	return out
}

// valid: 表二 现行有效件数 of this year = last year's + 本年制发 - 本年废止, for 规章
// and 行政规范性文件 (2021 format, in both years).
func (p yearPair) valid() []Finding {
	var out []Finding
	for _, row := range []string{"rules", "normative"} {
		id := func(col string) string { return template.CellID("t2", row, col) }
		valid, ok1 := p.new.Value(id("valid"))
		issued, ok2 := p.new.Value(id("issued"))
		repealed, ok3 := p.new.Value(id("repealed"))
		before, ok4 := p.old.Value(id("valid"))
		if !ok1 || !ok2 || !ok3 || !ok4 {
			continue
		}
		want := before + issued - repealed
		if valid == want {
			continue
		}
		msg := fmt.Sprintf("%s表二「%s」现行有效件数(%s) ≠ %s现行有效件数(%s) + 本年制发件数(%s) − 本年废止件数(%s) = %s，差 %s",
			p.newYear(), template.T2v2021.Row(row).Label, num(valid), p.oldYear(), num(before),
			num(issued), num(repealed), num(want), num(math.Abs(valid-want)))
		out = append(out, p.finding("crossyear.valid", "warning", msg,
			[]string{id("valid"), id("issued"), id("repealed")}))
	}
	return out
}

// cumulative: in a statistics table with 本年 and 历年累计 columns, this year's total
// = last year's total + this year's figure, entries matched by their label.
func (p yearPair) cumulative() []Finding {
	var out []Finding
	for _, now := range p.new.Stats {
		old, ok := p.old.stat(now.Key)
		year, total, prev := now.Year, now.Total, old.Total
		if !ok || math.IsNaN(year) || math.IsNaN(total) || math.IsNaN(prev) || total == prev+year {
			continue
		}
		want := prev + year
		msg := fmt.Sprintf("%s统计表「%s」历年累计(%s) ≠ %s历年累计(%s) + %s本年(%s) = %s，差 %s",
			p.newYear(), now.Label, num(total), p.oldYear(), num(prev), p.newYear(), num(year),
			num(want), num(math.Abs(total-want)))
		f := p.finding("crossyear.cumulative", "warning", msg, nil)
		if p.res != nil {
			for i, key := range statKeys(p.res.Stats) {
				if key == now.Key {
					f.At, f.View = p.res.Stats[i].At, p.res.Stats[i].View
				}
			}
		}
		out = append(out, f)
	}
	return out
}

// jumps: a watched indicator more than five times last year's, or less than a fifth of
// it, when the larger of the two is at least jumpFloor.
func (p yearPair) jumps() []Finding {
	var out []Finding
	for _, j := range jumpCells {
		b, ok1 := p.new.Value(j.id)
		a, ok2 := p.old.Value(j.id)
		if !ok1 || !ok2 || max(a, b) < jumpFloor || (b <= a*jumpRatio && a <= b*jumpRatio) {
			continue
		}
		var how string
		switch {
		case a == 0:
			how = "由 0 增至 " + num(b)
		case b > a:
			how = "增至上年的 " + ratio(b/a) + " 倍"
		default:
			how = "不足上年的五分之一"
		}
		msg := fmt.Sprintf("%s：%s为 %s，%s为 %s，%s；请核对数字是否填错行、错列或单位",
			j.name, p.oldYear(), num(a), p.newYear(), num(b), how)
		out = append(out, p.finding("crossyear.jump", "info", msg, []string{j.id}))
	}
	return out
}

// ratio prints a ratio to one decimal, without a needless ".0".
func ratio(r float64) string { return strconv.FormatFloat(math.Round(r*10)/10, 'f', -1, 64) }

// copiedProse: the newer report repeats more than half of last year's prose, sentence
// for sentence.
func (p yearPair) copiedProse() []Finding {
	if p.old.ProseLen < minProse || p.new.ProseLen < minProse {
		return nil
	}
	share := repeated(p.old.Prose, p.new.Prose)
	if share <= copyShare {
		return nil
	}
	sizes := fmt.Sprintf("按整句比较，数字不计；两年正文分别约 %d 字、%d 字", p.old.ProseLen, p.new.ProseLen)
	if share >= copyProse {
		msg := fmt.Sprintf("%s报告正文与%s报告高度雷同：上年正文约 %d%% 的文字在本年原样出现（%s），疑似沿用上年报告，请核对是否如实反映本年情况",
			p.newYear(), p.oldYear(), int(share*100), sizes)
		return []Finding{p.finding("crossyear.copy", "warning", msg, nil)}
	}
	msg := fmt.Sprintf("%s报告正文重复了%s报告约 %d%% 的文字（%s），请核对是否如实反映本年情况",
		p.newYear(), p.oldYear(), int(share*100), sizes)
	return []Finding{p.finding("crossyear.copy", "info", msg, nil)}
}

// copiedNumbers: every table value is the same as last year's, and enough of them are
// non-zero that coincidence is unlikely.
func (p yearPair) copiedNumbers() []Finding {
	a, b := p.old.Numbers, p.new.Numbers
	if a.Hash != b.Hash || a.Known != b.Known || b.Nonzero < copyNumbers {
		return nil
	}
	msg := fmt.Sprintf("%s报告表格中的数字与%s报告完全相同（两年的 %d 个数值全部相同，其中非零 %d 个），疑似照搬上年数据",
		p.newYear(), p.oldYear(), b.Known, b.Nonzero)
	if b.Example != "" {
		name := b.Example
		if b.ExampleLabel != "" {
			name = "「" + b.ExampleLabel + "」"
		}
		msg += fmt.Sprintf("，如%s两年均为 %s", name, num(b.ExampleValue))
	}
	return []Finding{p.finding("crossyear.copy", "warning", msg, nil)}
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

// colName is a 表三 column as messages name it.
func colName(c template.Col) string {
	if c.Label == "其他" {
		return c.Group + "·其他"
	}
	return c.Label
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
