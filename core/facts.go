package core

// Facts: what the cross-year rules read of one report, kept instead of the whole result
// (as go/analysis keeps a package's facts for the packages that import it). A batch of
// thousands of reports holds one small record per report — about a kilobyte: the
// agency, the year, the cells the rules compare, a fingerprint of every table value,
// and a fingerprint of the prose's sentences — and pairs consecutive years on those.

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/core/template"
)

// Facts is one report as the cross-year rules see it: a few hundred bytes.
type Facts struct {
	File     string
	Agency   string // "" when not found
	Year     int    // 0 when not found
	Unusable bool   // the input could not be read
	// values are the cells the rules read (factIDs), NaN where unknown.
	values []float64
	// Stats are the statistics-table entries with 本年 and 历年累计, sorted by key.
	Stats []StatFact
	// Numbers fingerprints every known table value.
	Numbers Numbers
	// Prose is the prose's sentences, digits folded, sorted by hash; ProseLen its
	// length in characters.
	Prose    []Sentence
	ProseLen int
}

// Size is about how many bytes the facts take in memory.
func (f *Facts) Size() int {
	n := 256 + len(f.File) + len(f.Agency) + 8*len(f.values) + 16*len(f.Prose) +
		len(f.Numbers.Example) + len(f.Numbers.ExampleLabel)
	for _, s := range f.Stats {
		n += 48 + len(s.Key) + len(s.Label)
	}
	return n
}

// StatFact is a statistics-table entry's 本年 and 历年累计 (NaN where unknown), by its
// statKeys key ("parent/label").
type StatFact struct {
	Key, Label  string // Label as printed
	Year, Total float64
}

// Numbers fingerprints a report's table values: Hash is the same for two reports
// whose known values are the same, cell for cell.
type Numbers struct {
	Hash           uint64
	Known, Nonzero int
	// Example is the first non-zero cell (by id), for a message.
	Example      string
	ExampleLabel string
	ExampleValue float64
}

// Sentence is one sentence of the prose: a hash of its text, digits folded, and its
// length in characters.
type Sentence struct {
	Hash  uint64
	Runes int
}

// jumpCells are the year-on-year indicators crossyear.jump watches, with their names.
var jumpCells = []struct{ id, name string }{
	{"t3.new.total", "表三本年新收申请数（总计）"},
	{"t3.total.total", "表三办理结果总计"},
	{"t4.review.total", "表四行政复议总计"},
	{"t4.suit.total", "表四未经复议直接起诉总计"},
	{"t4.suitafter.total", "表四复议后起诉总计"},
	{"t2.license.decisions", "表二行政许可处理决定数"},
	{"t2.penalty.decisions", "表二行政处罚处理决定数"},
	{"t2.coercion.decisions", "表二行政强制处理决定数"},
	{"t2.fees.amount", "表二行政事业性收费金额（万元）"},
}

// factIndex numbers the cells the rules read: 表三 上年结转 and 结转下年度 (carryover),
// 表二 规章 and 行政规范性文件 (valid), and the jump indicators.
var factIndex = func() map[string]int {
	var ids []string
	for _, c := range template.T3.Cols {
		ids = append(ids, template.CellID("t3", "carried", c.ID), template.CellID("t3", "carryover", c.ID))
	}
	for _, row := range []string{"rules", "normative"} {
		for _, col := range []string{"issued", "repealed", "valid"} {
			ids = append(ids, template.CellID("t2", row, col))
		}
	}
	for _, j := range jumpCells {
		ids = append(ids, j.id)
	}
	m := map[string]int{}
	for _, id := range ids {
		if _, ok := m[id]; !ok {
			m[id] = len(m)
		}
	}
	return m
}()

// Value returns a cell's value, or false when the report has none there (or the rules
// do not read that cell).
func (f *Facts) Value(id string) (float64, bool) {
	i, ok := factIndex[id]
	if !ok || i >= len(f.values) || math.IsNaN(f.values[i]) {
		return 0, false
	}
	return f.values[i], true
}

// FactsOf records the facts of a checked report. Nothing of the result is kept: the
// strings are copied, so the result may be dropped.
func FactsOf(r *Result) *Facts {
	f := &Facts{File: r.File, Unusable: r.Input.Error != "", values: make([]float64, len(factIndex))}
	for i := range f.values {
		f.values[i] = math.NaN()
	}
	if r.Agency != nil {
		f.Agency = strings.Clone(*r.Agency)
	}
	if r.Year != nil {
		f.Year = *r.Year
	}
	var sum uint64
	for id, c := range r.Cells {
		if c.Value == nil {
			continue
		}
		v := *c.Value
		if i, ok := factIndex[id]; ok {
			f.values[i] = v
		}
		sum += valueHash(id, v)
		f.Numbers.Known++
		if v != 0 {
			f.Numbers.Nonzero++
			if f.Numbers.Example == "" || id < f.Numbers.Example {
				f.Numbers.Example, f.Numbers.ExampleValue = id, v
				f.Numbers.ExampleLabel = c.Label
			}
		}
	}
	f.Numbers.ExampleLabel = strings.Clone(f.Numbers.ExampleLabel)
	keys := statKeys(r.Stats)
	for i, s := range r.Stats {
		if keys[i] == "" || len(s.Values) == 0 || s.Values[0] == nil {
			continue
		}
		sum += valueHash(keys[i], *s.Values[0])
		f.Numbers.Known++
		if *s.Values[0] != 0 {
			f.Numbers.Nonzero++
		}
		if len(s.Values) >= 2 {
			f.Stats = append(f.Stats, StatFact{Key: strings.Clone(keys[i]), Label: strings.Clone(s.Label), Year: orNaN(s.Values[0]), Total: orNaN(s.Values[1])})
		}
	}
	slices.SortFunc(f.Stats, func(a, b StatFact) int { return strings.Compare(a.Key, b.Key) })
	f.Numbers.Hash = sum
	f.Prose, f.ProseLen = sentences(r.proseText)
	return f
}

// stat returns the entry of key, or false.
func (f *Facts) stat(key string) (StatFact, bool) {
	i, ok := slices.BinarySearchFunc(f.Stats, key, func(s StatFact, k string) int { return strings.Compare(s.Key, k) })
	if !ok {
		return StatFact{}, false
	}
	return f.Stats[i], true
}

func orNaN(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

// valueHash hashes one cell and its value; the fingerprint is the sum over the cells,
// which does not depend on their order.
func valueHash(id string, v float64) uint64 {
	h := fnvString(fnvOffset, id)
	bits := math.Float64bits(v)
	for i := range 8 {
		h = fnvByte(h, byte(bits>>(8*i)))
	}
	return h
}

// FNV-1a (hash/fnv's New64a) written out: through the hash.Hash interface every
// character of the prose cost a call and an escape.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// minSentence: shorter pieces (a heading's number, "无") say nothing about copying.
const minSentence = 6

// sentences cuts the prose at full stops, semicolons and question and exclamation
// marks, folds each run of digits into one "0" (a copy with this year's numbers put in
// is still a copy), and returns the sentences' hashes, sorted, with their lengths, and
// the prose's length in characters.
func sentences(prose string) ([]Sentence, int) {
	var out []Sentence
	total := 0
	h := uint64(fnvOffset)
	n, digit := 0, false
	end := func() {
		if n >= minSentence {
			out = append(out, Sentence{Hash: h, Runes: n})
		}
		h = fnvOffset
		n, digit = 0, false
	}
	for i, r := range prose {
		total++
		switch {
		case r == '。' || r == '；' || r == '？' || r == '！' || r == ';' || r == '?' || r == '!':
			end()
			continue
		case r >= '0' && r <= '9':
			if digit {
				continue
			}
			digit, r = true, '0'
		default:
			digit = false
		}
		switch r {
		case '0':
			h = fnvByte(h, '0')
		case utf8.RuneError: // an invalid byte too, hashed as the character it reads as
			h = fnvString(h, "\uFFFD")
		default:
			h = fnvString(h, prose[i:i+utf8.RuneLen(r)])
		}
		n++
	}
	end()
	slices.SortFunc(out, func(a, b Sentence) int {
		switch {
		case a.Hash < b.Hash:
			return -1
		case a.Hash > b.Hash:
			return 1
		}
		return 0
	})
	return out, total
}

// repeated is the share of the older prose's characters in sentences the newer prose
// has too.
func repeated(older, newer []Sentence) float64 {
	same, all, j := 0, 0, 0
	for _, s := range older {
		all += s.Runes
		for j < len(newer) && newer[j].Hash < s.Hash {
			j++
		}
		if j < len(newer) && newer[j].Hash == s.Hash {
			same += s.Runes
		}
	}
	if all == 0 {
		return 0
	}
	return float64(same) / float64(all)
}

// Pairing.

// PairUp finds, among checked reports, those of the same body for consecutive years:
// each pair is (older, newer), indices into results, ordered by the newer. A report
// whose agency or year was not found is never paired. Where a body has several
// reports for one year (a file given twice in two layouts), the k-th of year Y is
// paired with the k-th of year Y-1, in input order.
func PairUp(results []*Result) [][2]int {
	facts := make([]*Facts, len(results))
	for i, r := range results {
		if r != nil {
			facts[i] = &Facts{Agency: orEmpty(r.Agency), Year: orZero(r.Year), Unusable: r.Input.Error != ""}
		}
	}
	return PairFacts(facts)
}

// PairFacts is PairUp on facts.
func PairFacts(facts []*Facts) [][2]int {
	var p Pairer
	for _, f := range facts {
		p.record(f)
	}
	var out [][2]int
	for i := range facts {
		if j, ok := p.olderOf(i, false); ok {
			out = append(out, [2]int{j, i})
		}
	}
	return out
}

// Pairer pairs reports as they come, for a batch that streams its results: Add records
// a report's facts and returns the earlier report that is last year's of the same
// body, if any. Late finds the pairs whose older report came after the newer.
type Pairer struct {
	facts  []*Facts
	byBody map[bodyYear][]int // indices of the pairable reports, by body and year
	used   map[int]int        // older index -> times paired
	newer  map[int]bool       // reports already paired as the newer
}

// Add records the next report's facts (nil for none) and returns the index of its
// older pair among the reports added before it.
func (p *Pairer) Add(f *Facts) (older int, ok bool) {
	return p.olderOf(p.record(f), true)
}

// record adds a report's facts and returns its index.
func (p *Pairer) record(f *Facts) int {
	if p.byBody == nil {
		p.byBody, p.used, p.newer = map[bodyYear][]int{}, map[int]int{}, map[int]bool{}
	}
	i := len(p.facts)
	p.facts = append(p.facts, f)
	if pairable(f) {
		k := bodyYear{bodyKey(f.Agency), f.Year}
		p.byBody[k] = append(p.byBody[k], i)
	}
	return i
}

// Facts returns the facts added at index i.
func (p *Pairer) Facts(i int) *Facts { return p.facts[i] }

// Len is the number of reports added.
func (p *Pairer) Len() int { return len(p.facts) }

// Late returns the pairs (older, newer) not found by Add: the older report came after
// the newer in input order.
func (p *Pairer) Late() [][2]int {
	var out [][2]int
	for i := range p.facts {
		if j, ok := p.olderOf(i, false); ok && j > i {
			out = append(out, [2]int{j, i})
		}
	}
	return out
}

// olderOf pairs report i with the least paired report of the year before of the same
// body: among those before it only, or among all. It marks the pair made.
func (p *Pairer) olderOf(i int, before bool) (int, bool) {
	f := p.facts[i]
	if !pairable(f) || p.newer[i] {
		return 0, false
	}
	best, ok := 0, false
	for _, j := range p.byBody[bodyYear{bodyKey(f.Agency), f.Year - 1}] {
		if before && j > i {
			break
		}
		if SameBody(p.facts[j].Agency, f.Agency) && (!ok || p.used[j] < p.used[best]) {
			best, ok = j, true
		}
	}
	if ok {
		p.used[best]++
		p.newer[i] = true
	}
	return best, ok
}

// bodyYear indexes reports by body and year.
type bodyYear struct {
	body string
	year int
}

// bodyKey is the part of an agency's name two names of the same body (SameBody) have
// in common: the name without the higher levels of its place (洪泽区人民政府 for
// 江苏省淮安市洪泽区人民政府), so that candidates are found by lookup, not by trying
// every report of the year.
func bodyKey(name string) string {
	s := bodyName(name)
	for {
		cut := 0
		for k := range s {
			if k > 0 && placeName(s[:k]) && startsWithPlace(s[k:]) {
				cut = k
				break
			}
		}
		if cut == 0 {
			return s
		}
		s = s[cut:]
	}
}

// pairable: a usable report whose year and agency are known.
func pairable(f *Facts) bool {
	return f != nil && !f.Unusable && f.Year != 0 && bodyName(f.Agency) != ""
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orZero(n *int) int {
	if n == nil {
		return 0
	}
	return *n
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
