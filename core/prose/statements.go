package prose

import (
	"nianbao/core/internal/cjk"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/core/internal/lazy"
)

// Statement is a number the prose states about something the tables count: "共收到政府
// 信息公开申请8件" (Topic "received", Value 8), or a count said in words: "未收到…申请"
// (Kind "none", Value 0), "行政复议…均获维持" (Kind "all").
type Statement struct {
	Topic string
	// Others lists further topics the words before the number could name as well;
	// a statement with others is ambiguous.
	Others []string
	Kind   string // "" a number, "none" a negation (the value is 0), "all" all cases upheld
	Value  float64
	Unit   string
	// Start, End: the number (or the negation) in Doc.S; From and To: the phrase to
	// quote, from the words before the number to its unit.
	Start, End, From, To int
	Sentence             int
	Approx               bool   // 约, 余, 多, 近, 以上: not an exact count
	Weak                 bool   // the wording names the topic loosely, or only an earlier clause does
	Scope                string // a wider scope the sentence names: "全区", "各部门"
	Cond                 bool   // a relative negation ("均未产生")
	// Means says in words what a statement without a number claims of the table,
	// where "0" would not: "即没有结转下年度继续办理的申请".
	Means string
}

// Quote returns the phrase of s to quote in a message: from its topic's words to the
// number and unit.
func (d *Doc) Quote(s Statement) string {
	from := s.From
	if from < 0 || from > s.Start {
		from = s.Start
	}
	// no more than 24 characters before the number
	for utf8.RuneCountInString(d.S[from:s.Start]) > 24 {
		_, w := utf8.DecodeRuneInString(d.S[from:])
		from += w
	}
	to := max(s.To, s.End)
	return strings.TrimLeft(d.S[from:to], "、,;:")
}

// Percent is a share the prose gives: "占33.9%".
type Percent struct {
	Value      float64
	Decimals   int
	Start, End int // in Doc.S, the number and the sign
	Sentence   int
	// Of is the index in the statements of the count it is a share of, or -1.
	Of int
}

// A topic is something the tables count, with the words that name it. The words
// nearest before a number decide its topic.
type topic struct {
	id    string
	keys  []string // the naming words: the one ending nearest the number wins
	all   []string // each must occur before the number in the clause
	any   []string // one of them must
	not   []string // none may
	units string   // the units it is counted in, "|"-separated; "" for any count unit
	weak  bool     // a loose naming
	total bool     // a total, not a part: a clause that starts with 其中 does not state it
	// outcome: a result of 行政复议 or 行政诉讼; the nearest of the two before it
	// decides which ("review.upheld" or "suit.upheld").
	outcome bool
}

const countUnits = "件|条|次|个|起|宗|例|份|项|篇|家|场|期|人|人次"

// topics lists the topics, the more specific wording first among equals.
var topics = []topic{
	// applications
	{id: "received", keys: []string{"收到", "受理", "新收", "接收", "接到", "收悉", "共收", "新增"}, all: []string{"申请"}, total: true, units: "件|个|条|宗|份|次"},
	{id: "received", keys: []string{"政府信息公开申请", "信息公开申请", "依申请公开申请", "公开申请"}, weak: true, total: true, units: "件|个|条|宗|份"},
	{id: "received.natural", keys: []string{"自然人"}, units: "件|个|条|宗|份"},
	{id: "received.legal", keys: []string{"法人或其他组织", "法人和其他组织", "法人"}, units: "件|个|条|宗|份"},
	{id: "received.inperson", keys: []string{"当面", "现场申请"}, units: "件|个|条|宗|份"},
	{id: "received.online", keys: []string{"网上", "网络申请", "网络提出", "在线申请", "在线提出"}, units: "件|个|条|宗|份"},
	{id: "received.letter", keys: []string{"信函", "邮寄"}, units: "件|个|条|宗|份"},
	{id: "received.fax", keys: []string{"传真"}, units: "件|个|条|宗|份"},
	{id: "carried", keys: []string{"上年结转", "上年度结转", "上一年度结转", "上一年结转", "上年度未办结", "上年未办结", "上年遗留", "结转上年"}, units: "件|个|条|宗|份"},
	{id: "carryover", keys: []string{"结转下年", "结转至下", "结转到下", "结转下一年", "转入下", "结转至20", "结转到20", "结转20", "下年度继续办理", "继续办理", "尚未办结", "正在办理", "仍在办理"}, units: "件|个|条|宗|份"},
	{id: "answered", keys: []string{"办结", "答复", "办理完毕", "处理完毕", "完成办理", "已办理", "作出处理"}, not: []string{"按时", "按期", "延期", "如期"}, total: true, units: "件|个|条|宗|份"},
	{id: "answered.ontime", keys: []string{"按时办结", "按期办结", "按时答复", "如期答复", "按期答复"}, units: "件|个|条|宗|份"},
	{id: "answered.late", keys: []string{"延期办结", "延期答复"}, units: "件|个|条|宗|份"},
	{id: "granted", keys: []string{"予以公开", "同意公开", "全部公开", "准予公开"}, units: "件|个|宗|份"},
	{id: "partial", keys: []string{"部分公开", "部分予以公开"}, units: "件|个|宗|份"},
	{id: "granted+partial", keys: []string{"予以公开和部分公开", "予以公开及部分公开", "予以公开、部分公开", "予以公开与部分公开", "予以公开或部分公开",
		"同意公开和部分公开", "同意公开及部分公开", "同意公开、部分公开", "公开和部分公开", "公开及部分公开", "全部或部分公开", "全部公开和部分公开"}, units: "件|个|宗|份"},
	{id: "denied", keys: []string{"不予公开", "不同意公开", "不公开"}, units: "件|个|宗|份"},
	{id: "unable", keys: []string{"无法提供"}, units: "件|个|宗|份"},
	{id: "unable.nothold", keys: []string{"本机关不掌握", "不掌握相关", "信息不存在"}, units: "件|个|宗|份"},
	{id: "reject", keys: []string{"不予处理"}, units: "件|个|宗|份"},
	{id: "otherhandle", keys: []string{"其他处理"}, units: "件|个|宗|份"},
	// reviews and suits
	{id: "review", keys: []string{"行政复议", "复议"}, total: true, units: "件|起|次|宗|个|例"},
	{id: "suit", keys: []string{"行政诉讼", "诉讼", "起诉"}, total: true, units: "件|起|次|宗|个|例"},
	{id: "review+suit", keys: []string{"行政复议和行政诉讼", "行政复议、行政诉讼", "行政复议及行政诉讼", "行政复议与行政诉讼", "行政复议或行政诉讼",
		"复议和诉讼", "复议、诉讼", "复议及诉讼", "行政复议和诉讼", "行政复议及诉讼", "复议诉讼"}, total: true, units: "件|起|次|宗|个|例"},
	{id: "upheld", keys: []string{"维持", "驳回"}, outcome: true, units: "件|起|次|宗|个|例"},
	{id: "corrected", keys: []string{"纠正", "纠错", "撤销", "确认违法"}, outcome: true, units: "件|起|次|宗|个|例"},
	{id: "other", keys: []string{"其他结果", "其他情形"}, outcome: true, units: "件|起|次|宗|个|例"},
	{id: "pending", keys: []string{"尚未审结", "未审结", "审理中", "正在审理", "尚在审理"}, outcome: true, units: "件|起|次|宗|个|例"},
	// items published and documents issued
	{id: "published", keys: []string{"主动公开"}, all: []string{"信息"}, total: true, units: "条|件|篇|个"},
	{id: "published", keys: []string{"主动公开"}, weak: true, total: true, units: "条|件|篇|个"},
	{id: "published", keys: []string{"公开政府信息", "公开信息", "发布信息", "发布政府信息"}, weak: true, total: true, units: "条|件|篇"},
	{id: "channel.website", keys: []string{"政府网站", "门户网站"}, weak: true, units: "条|件|篇"},
	{id: "channel.gazette", keys: []string{"政府公报"}, weak: true, units: "条|件|篇|期"},
	{id: "channel.weibo", keys: []string{"政务微博", "微博"}, weak: true, units: "条|件|篇"},
	{id: "channel.weixin", keys: []string{"政务微信", "微信"}, weak: true, units: "条|件|篇"},
	{id: "normative.issued", keys: []string{"规范性文件"}, any: []string{"制发", "印发", "出台", "制定", "新发", "发布", "新制作"}, not: []string{"废止", "现行有效", "公开规范性文件"}, units: "件|个|份|篇"},
	{id: "normative.repealed", keys: []string{"规范性文件"}, all: []string{"废止"}, units: "件|个|份|篇"},
	{id: "normative.valid", keys: []string{"规范性文件"}, all: []string{"现行有效"}, units: "件|个|份|篇"},
	{id: "published.normative", keys: []string{"公开规范性文件", "公开行政规范性文件"}, units: "件|个|份|篇|条"},
	{id: "rules.issued", keys: []string{"规章"}, any: []string{"制发", "印发", "出台", "制定", "新发", "发布"}, not: []string{"废止", "现行有效", "规章制度"}, units: "件|个|部|份|篇"},
	// decisions and fees of 表二
	{id: "license", keys: []string{"行政许可"}, not: []string{"事项"}, weak: true, units: "件|个|次|条|宗|起"},
	{id: "penalty", keys: []string{"行政处罚"}, not: []string{"事项"}, weak: true, units: "件|个|次|条|宗|起"},
	{id: "coercion", keys: []string{"行政强制"}, not: []string{"事项"}, weak: true, units: "件|个|次|条|宗|起"},
	{id: "fees.amount", keys: []string{"行政事业性收费"}, units: "万元|元"},
	{id: "infofee", keys: []string{"信息处理费", "收取费用", "收取的费用", "收费"}, units: "万元|元"},
	// the other indicators of the 2008-2018 statistics table
	{id: "complaint", keys: []string{"举报投诉", "举报", "投诉", "申诉"}, not: []string{"信访"}, weak: true, units: "件|起|次|宗|个"},
	{id: "response.hot", keys: []string{"热点", "舆情"}, weak: true, units: "次|个|件|条"},
	{id: "press", keys: []string{"新闻发布会"}, units: "次|场|期"},
	{id: "interview", keys: []string{"在线访谈"}, units: "次|场|期"},
	{id: "explain", keys: []string{"解读稿件", "政策解读", "解读文件", "解读材料"}, weak: true, units: "篇|件|条|份|次"},
	{id: "meetings", keys: []string{"工作会议", "专题会议", "会议"}, weak: true, units: "次|场"},
	{id: "training", keys: []string{"培训班", "培训"}, weak: true, units: "次|期|场|个"},
	{id: "trainees", keys: []string{"培训人员", "参训", "培训"}, weak: true, units: "人次|人"},
	{id: "staff", keys: []string{"工作人员", "人员"}, weak: true, units: "人|名"},
	{id: "staff.full", keys: []string{"专职"}, units: "人|名"},
	{id: "staff.part", keys: []string{"兼职"}, units: "人|名"},
	{id: "points", keys: []string{"查阅点", "查阅场所"}, units: "个|处"},
}

var (
	reYearIn = lazy.Regexp(`((?:19|20)\d\d)年`)
	// words that put a number in another period or make it a change, not a count
	otherPeriod = []string{"累计", "截至", "截止", "以来", "历年", "同比", "环比", "较上年", "比上年", "较去年", "比去年",
		"上半年", "下半年", "季度", "月份", "增长", "下降", "减少", "增加", "提高", "上升", "平均", "日均", "月均"}
	// words that give the count another scope than the table's: wider ("全区") or
	// narrower ("代表区政府", "本级")
	wideScope = []string{"全区", "全市", "全县", "全省", "全镇", "全乡", "全旗", "全州", "全盟", "各部门", "各单位", "各乡镇", "各街道", "全系统", "系统内", "各级", "各县", "各区",
		"代表", "本级", "本部", "所属", "下属", "直属"}
	verbs        = []string{"受理", "收到", "共", "办结", "答复", "主动", "公开", "发布", "制发", "印发", "全年", "累计", "在", "通过", ",", "。"}
	approxBefore = []string{"约", "近", "超过", "逾", "大约", "将近", "达到", "超"}
	approxAfter  = []string{"余", "多", "以上", "左右", "上下"}
)

// invertedTopics: wording that follows a count and names what it counts, for counts
// written before their topic. The more specific wording first.
var invertedTopics = []struct {
	id   string
	keys []string
}{
	{"carryover", []string{"顺延到下", "顺延至下", "结转下年", "结转至下", "结转到下", "结转下一年", "转入下", "延至下年", "下年度继续办理"}},
	{"partial", []string{"部分公开", "部分予以公开"}},
	{"denied", []string{"不予公开", "不同意公开"}},
	{"granted", []string{"予以公开", "同意公开", "全部公开"}},
	{"reject", []string{"不予处理"}},
	{"unable", []string{"无法提供"}},
}

// inverted finds the topic named right after a count (a word or two such as 已, 均,
// 被 may come between) and returns it with the length of the words read.
func inverted(after, unit string) (*topic, int) {
	skip := 0
	for k := 0; k < 2; k++ {
		r, w := utf8.DecodeRuneInString(after[skip:])
		if !strings.ContainsRune("已均被将需作并则", r) {
			break
		}
		skip += w
	}
	rest := after[skip:]
	for _, it := range invertedTopics {
		for _, key := range it.keys {
			if !strings.HasPrefix(rest, key) {
				continue
			}
			for i := range topics {
				if t := &topics[i]; t.id == it.id && !t.weak && unitOK(t, unit) {
					return t, skip + len(key)
				}
			}
			return nil, 0
		}
	}
	return nil, 0
}

// clauseEnd reports the characters that end a clause.
func clauseBreak(r rune) bool {
	return r == ',' || r == ';' || r == ':' || r == '，' || r == '；' || r == '：'
}

// Statements finds every statement of a number in the prose. year is the reporting
// year (0 when unknown): a clause naming another year is about that year.
func (d *Doc) Statements(year int) ([]Statement, []Percent) {
	if d.stmtsDone && d.stmtsYear == year {
		return d.stmts, d.pcts
	}
	d.stmts, d.pcts = d.statements(year)
	d.stmtsDone, d.stmtsYear = true, year
	return d.stmts, d.pcts
}

func (d *Doc) statements(year int) ([]Statement, []Percent) {
	var out []Statement
	var pcts []Percent
	for si, sen := range d.Sentences {
		text := d.S[sen.Start:sen.End]
		if !mayCount(text) {
			continue
		}
		first := len(out)
		out = d.negations(out, si, sen, year)
		out, pcts = d.numbers(out, pcts, si, sen, year, first)
		out = d.allUpheld(out, si, sen)
		out = d.allDone(out, si, sen, year)
		out = d.noneCorrected(out, si, sen, year)
	}
	return out, pcts
}

// mayCount reports text that holds a digit, a Chinese numeral or a negation: the
// sentences worth reading for statements.
func mayCount(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if c >= '0' && c <= '9' {
				return true
			}
			i++
			continue
		}
		if c < 0xe4 || c > 0xe9 || c == 0xe8 {
			i += cjk.Step(text, i) // none of the characters looked for starts so
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if cnDigit(r) || r == '未' || r == '没' || r == '无' || r == '均' || r == '全' {
			return true
		}
		i += w
	}
	return false
}

// clauses returns the start offsets (in S) of the clauses of a sentence.
func (d *Doc) clauseStart(sen Sentence, i int) int {
	for j := i; j > sen.Start; {
		r, w := utf8.DecodeLastRuneInString(d.S[sen.Start:j])
		if clauseBreak(r) {
			return j
		}
		j -= w
	}
	return sen.Start
}

// numbers finds the counted numbers of a sentence and their topics.
func (d *Doc) numbers(out []Statement, pcts []Percent, si int, sen Sentence, year, first int) ([]Statement, []Percent) {
	text := d.S[sen.Start:sen.End]
	prevEnd := sen.Start // end of the previous counted number
	for _, m := range scanNumbers(text) {
		start, end := sen.Start+m.start, sen.Start+m.end
		numText := text[m.start:m.numEnd]
		unit := m.unit
		if unit == "%" {
			pcts = d.percent(pcts, out, si, sen, start, end, numText, first)
			continue
		}
		v, ok := parseCount(numText)
		if !ok {
			continue
		}
		if m.wan {
			v *= 10000
		}
		// a number inside a bigger one, an ordinal, or a word ("一件事", "一次性")
		if m.start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:m.start])
			if r == '第' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				continue
			}
		}
		// a unit that measures something else: "15个工作日", "3个月", "5个部门"
		if notCounted(unit, text[m.end:]) {
			continue
		}
		if !isDigits(numText) {
			// "无一起被纠错", "没有一件": a negation, not a count of one
			if v == 1 && (strings.HasSuffix(text[:m.start], "无") || strings.HasSuffix(text[:m.start], "没有") || strings.HasSuffix(text[:m.start], "未有")) {
				continue
			}
			after := text[m.end:]
			if strings.HasPrefix(after, "事") || strings.HasPrefix(after, "实事") || strings.HasPrefix(after, "性") ||
				strings.HasPrefix(after, "批") || v > 99 {
				continue
			}
		}
		cs := d.clauseStart(sen, start)
		segFrom := max(cs, prevEnd)
		seg := d.S[segFrom:start]
		clause := d.S[cs:end]
		st := Statement{Value: v, Unit: unit, Start: start, End: sen.Start + m.numEnd, From: start, To: end, Sentence: si}
		if m.approx || hasSuffixAny(seg, approxBefore) || hasPrefixAny(text[m.end:], approxAfter) {
			st.Approx = true
		}
		tp, others, weak := match(seg, unit)
		quoteFrom := segFrom
		if tp == nil && cs > sen.Start && utf8.RuneCountInString(seg) <= 6 && !cjk.Contains(seg, "其中") {
			// "本年度收到政府信息公开申请，共计8件": the clause before, without a number
			// of its own, names the topic
			_, w := utf8.DecodeLastRuneInString(d.S[:cs]) // the separator
			pcs := d.clauseStart(sen, cs-w)
			prev := d.S[pcs : cs-w]
			if pcs >= prevEnd && len(scanNumbers(prev)) == 0 {
				if tp, others, _ = match(prev, unit); tp != nil {
					weak, quoteFrom = true, pcs
				}
			}
		}
		if tp == nil {
			// "另有103件顺延到下年度答复", "18件予以公开": the words after the count
			if t, n := inverted(text[m.end:], unit); t != nil {
				tp, weak, quoteFrom = t, false, start
				st.To = end + n
				// quote the words to the end of the clause, a few at most
				for k := 0; k < 8 && st.To < sen.End; k++ {
					r, w := utf8.DecodeRuneInString(d.S[st.To:])
					if clauseBreak(r) || r == ')' || r == '）' {
						break
					}
					st.To += w
				}
			}
		}
		if tp == nil {
			prevEnd = end
			continue
		}
		// a part: "其中……", or one item of a list ("发布部门动态24条、财政信息2条")
		if tp.total && (cjk.Contains(d.S[cs:start], "其中") || listItem(text[m.end:], unit)) {
			prevEnd = end
			continue
		}
		if containsAny(clause, otherPeriod) || otherYear(d.S[cs:start], year) {
			prevEnd = end
			continue
		}
		id := tp.id
		if tp.outcome {
			id = outcomeOf(d.S[sen.Start:start]) + "." + id
			if strings.HasPrefix(id, ".") {
				prevEnd = end
				continue
			}
		}
		st.Topic, st.Others = id, others
		st.Weak = weak || AboutCases(id) && !disclosure(text)
		st.From = quoteFrom
		st.Scope = scope(d.S[sen.Start:start])
		out = append(out, st)
		prevEnd = end
	}
	return out, pcts
}

// disclosureSection reports a sentence under a heading that speaks of disclosure
// cases: "（五）行政复议和诉讼情况" in a disclosure report.
func disclosureSection(d *Doc, sen Sentence) bool {
	for k := len(d.Headings) - 1; k >= 0; k-- {
		if h := d.Headings[k]; h.At <= sen.Start {
			return cjk.Contains(h.Title, "复议") || cjk.Contains(h.Title, "诉讼")
		}
	}
	return false
}

// AboutCases reports the topics of 行政复议 and 行政诉讼.
func AboutCases(id string) bool {
	return strings.HasPrefix(id, "review") || strings.HasPrefix(id, "suit")
}

// disclosure reports a sentence that speaks of information disclosure: a count of
// 行政复议 elsewhere may be the cases an agency decides, not those against its
// disclosure decisions.
func disclosure(text string) bool {
	return cjk.Contains(text, "信息公开") || cjk.Contains(text, "依申请") || cjk.Contains(text, "公开申请")
}

// notCounted reports a number whose unit begins a longer measure: "15个工作日",
// "3个月", "2件事", or "5个部门" (个 before a noun).
func notCounted(unit, after string) bool {
	for _, w := range []string{"工作日", "个月", "月", "小时", "天", "日", "年", "周", "百分点", "倍", "事", "实事", "类", "种"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	if unit == "个" && after != "" {
		r, _ := utf8.DecodeRuneInString(after)
		return r >= 0x4E00 && r <= 0x9FFF
	}
	return false
}

// listItem reports a number followed by "、" and further items that name no topic of
// their own: the number counts one item of a list, not the topic's total.
func listItem(after, unit string) bool {
	if !strings.HasPrefix(after, "、") {
		return false
	}
	rest := after[len("、"):]
	ms := scanNumbers(rest)
	if len(ms) == 0 {
		return true
	}
	tp, _, _ := match(rest[:ms[0].start], ms[0].unit)
	return tp == nil
}

// match finds the topic whose words end nearest the end of seg; others are the other
// topics named there; weak is set when only loose wording names it.
func match(seg, unit string) (best *topic, others []string, weak bool) {
	// where each topic's words end last in seg, and how long the word is
	var ends [64]struct{ end, ln int }
	var hit []int
	for i := 0; i < len(seg); {
		r, w := utf8.DecodeRuneInString(seg[i:])
		for _, ref := range keyIndex[r] {
			if !strings.HasPrefix(seg[i:], ref.key) {
				continue
			}
			e := &ends[ref.topic]
			if e.end == 0 {
				hit = append(hit, ref.topic)
			}
			if end := i + len(ref.key); end > e.end || end == e.end && len(ref.key) > e.ln {
				e.end, e.ln = end, len(ref.key)
			}
		}
		i += w
	}
	bestEnd, bestLen, bestCons := -1, 0, 0
	var strong [64]bool // topics matched by their exact words
	sort.Ints(hit)      // the order of the list decides among equals
	for _, ti := range hit {
		t := &topics[ti]
		if !unitOK(t, unit) {
			continue
		}
		end, ln := ends[ti].end, ends[ti].ln
		if !containsAll(seg, t.all) || (t.any != nil && !containsAny(seg, t.any)) || containsAny(seg, t.not) {
			continue
		}
		strong[ti] = !t.weak
		cons := len(t.all) + len(t.any) + len(t.not)
		better := end > bestEnd || end == bestEnd && (ln > bestLen || ln == bestLen && cons > bestCons)
		if best != nil && best.id != t.id {
			if better {
				others = appendNew(others, best.id)
			} else {
				others = appendNew(others, t.id)
			}
		}
		if better {
			best, bestEnd, bestLen, bestCons = t, end, ln, cons
		}
	}
	if best != nil {
		others = remove(others, best.id)
		// the general words behind a specific one are no rival: "主动公开" before "政府网站"
		others = removeNested(others, best.id)
		weak = true
		for _, ti := range hit {
			if strong[ti] && topics[ti].id == best.id {
				weak = false
			}
		}
	}
	return best, others, weak
}

type keyRef struct {
	topic int
	key   string
}

// keyIndex lists the topics' words by their first character.
var keyIndex = func() map[rune][]keyRef {
	if len(topics) > 64 {
		panic("prose: more than 64 topics")
	}
	m := map[rune][]keyRef{}
	for i, t := range topics {
		for _, k := range t.keys {
			r, _ := utf8.DecodeRuneInString(k)
			m[r] = append(m[r], keyRef{i, k})
		}
	}
	return m
}()

// removeNested drops rivals that only name the whole the best topic is a part of.
func removeNested(others []string, best string) []string {
	var keep []string
	for _, o := range others {
		switch {
		case o == "received" && (strings.HasPrefix(best, "received.") || best == "carried" || best == "carryover" || strings.HasPrefix(best, "answered") ||
			best == "granted" || best == "partial" || best == "granted+partial" || best == "denied" || strings.HasPrefix(best, "unable") || best == "reject" || best == "otherhandle" || best == "review" || best == "suit" || best == "review+suit"):
		case o == "published" && (strings.HasPrefix(best, "channel.") || best == "published.normative" || best == "normative.issued"):
		case (o == "review" || o == "suit") && best == "review+suit":
		case (o == "granted" || o == "partial") && best == "granted+partial":
		case o == "answered" && (best == "granted" || best == "partial" || best == "granted+partial" || best == "denied" || strings.HasPrefix(best, "unable") || best == "reject"):
		case o == "normative.issued" && (best == "published.normative"):
		default:
			keep = append(keep, o)
		}
	}
	return keep
}

func unitOK(t *topic, unit string) bool {
	units := t.units
	if units == "" {
		units = countUnits
	}
	// units is "件|条|…": look for the unit between separators
	for i := 0; i < len(units); {
		j := strings.IndexByte(units[i:], '|')
		if j < 0 {
			j = len(units) - i
		}
		if units[i:i+j] == unit {
			return true
		}
		i += j + 1
	}
	return false
}

// outcomeOf returns "review" or "suit", whichever of 复议 and 诉讼 the text names last.
func outcomeOf(before string) string {
	r := strings.LastIndex(before, "复议")
	s := max(strings.LastIndex(before, "诉讼"), strings.LastIndex(before, "起诉"))
	switch {
	case r < 0 && s < 0:
		return ""
	case r > s:
		// "复议后起诉" names a suit
		return "review"
	}
	return "suit"
}

// otherYear reports a clause that names a year other than the reporting year.
func otherYear(s string, year int) bool {
	if year == 0 {
		return false
	}
	// reYearIn's matches, "2023年", found without the regexp engine: four digits
	// starting 19 or 20 right before each 年 (two matches cannot overlap)
	for off := 0; ; {
		i := cjk.Index(s[off:], "年")
		if i < 0 {
			return false
		}
		i += off
		off = i + len("年")
		if i < 4 {
			continue
		}
		d := s[i-4 : i]
		if !(d[0] == '1' && d[1] == '9' || d[0] == '2' && d[1] == '0') || d[2] < '0' || d[2] > '9' || d[3] < '0' || d[3] > '9' {
			continue
		}
		if y, _ := strconv.Atoi(d); y != year {
			return true
		}
	}
}

// percent records a share given right after a count: "予以公开258件，占33.9%".
func (d *Doc) percent(pcts []Percent, out []Statement, si int, sen Sentence, start, end int, num string, first int) []Percent {
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return pcts
	}
	before := d.S[d.clauseStart(sen, start):start]
	if !cjk.Contains(before, "占") && !cjk.Contains(before, "比例") && !cjk.Contains(before, "比重") {
		// "258件(占33.9%)" and "258件,占比33.9%" are the usual forms; a bare rate is not a share
		return pcts
	}
	if containsAny(before, []string{"增长", "下降", "同比", "提高", "减少", "率"}) {
		return pcts
	}
	p := Percent{Value: v, Start: start, End: end, Sentence: si, Of: -1}
	if i := strings.IndexByte(num, '.'); i >= 0 {
		p.Decimals = len(num) - i - 1
	}
	// the count it is a share of: the last statement of the sentence before it, in
	// this clause or the one before
	for k := len(out) - 1; k >= first; k-- {
		if out[k].Sentence == si && out[k].End <= start && out[k].Kind == "" {
			gap := d.S[out[k].End:start]
			if strings.Count(gap, ",")+strings.Count(gap, ";") <= 1 && utf8.RuneCountInString(gap) <= 12 {
				p.Of = k
			}
			break
		}
	}
	return append(pcts, p)
}

var (
	reNoReview = lazy.Regexp(`(未|没有)(发生|产生|出现|收到|接到|涉及|被|有|因|提起|引起|引发)[^,;:。]{0,14}?(行政复议|复议)|无(因[^,;:。]{0,12}?|一例|一起|一件|任何|相关|涉及)?(行政复议|复议)`)
	reNoSuit   = lazy.Regexp(`(未|没有)(发生|产生|出现|收到|接到|涉及|被|有|因|提起|引起|引发)[^,;:。]{0,20}?(行政诉讼|诉讼|起诉)|无(因[^,;:。]{0,12}?|一例|一起|一件|任何|相关|涉及)?(行政复议[和及、与]|复议[和及、与])?(行政诉讼|诉讼)`)
	reNoApply  = lazy.Regexp(`(未|没有)(收到|受理|接到|接收|收悉|发生|产生)[^,;:。]{0,25}?申请|无[^,;:。]{0,8}?(政府信息公开申请|信息公开申请|依申请公开)`)
	reNoFee    = lazy.Regexp(`(未|没有|不)(收取)[^,;:。]{0,12}?(费用|处理费|费)`)
	reNoNorm   = lazy.Regexp(`(未|没有)(制发|出台|制定|印发|发布)[^,;:。]{0,6}?规范性文件`)
	reAllUp    = lazy.Regexp(`(均|全部|都|皆)(获|被|予以|得到|已)?(维持|驳回|胜诉)`)
	// "所有申请均已按期办结", "已全部答复", "全部办结": every application answered
	reAllDone = lazy.Regexp(`(均已|都已|皆已|已全部|均全部|全部)(经)?(按期|按时|如期|依法|及时|在法定期限内|在规定期限内|在规定时限内|在法定时限内)?(予以|作出|进行)?(办结|答复|办理完毕|办理完结|处理完毕|答复完毕)`)
	// "未被纠错", "无被纠错案件", "没有发生被撤销的情况", "零纠错"
	reNoneCorrected = lazy.Regexp(`(未|没有|无)(发生|出现|产生)?(一起|一件|一例|任何)?(行政复议|行政诉讼|复议|诉讼)?(案件)?(被)?(复议机关|法院|人民法院)?(依法)?(纠错|纠正|撤销|确认违法|败诉)|零纠错|纠错率为(0|零)`)
)

// allDone finds "所有申请均已按期办结": every application of the year was answered,
// so none is carried over to the next (Topic "carryover", Kind "none"). A sentence
// that itself speaks of applications carried over, or of proposals, petitions and
// the like, says no such thing of the applications; nor does "均在法定期限内答复"
// without 已, 全部 or 所有, which may speak only of those answered.
func (d *Doc) allDone(out []Statement, si int, sen Sentence, year int) []Statement {
	text := d.S[sen.Start:sen.End]
	if !cjk.Contains(text, "申请") || !cjk.Contains(text, "均") && !cjk.Contains(text, "全部") && !cjk.Contains(text, "都") && !cjk.Contains(text, "皆") ||
		containsAny(text, []string{"结转", "顺延", "下年度", "下一年度", "继续办理", "尚未办结", "正在办理", "仍在办理", "未办结"}) {
		return out
	}
	for _, loc := range findAll(reAllDone(), text, cjk.Contains(text, "办结") || cjk.Contains(text, "答复") || cjk.Contains(text, "完毕")) {
		start, end := sen.Start+loc[0], sen.Start+loc[1]
		cs := d.clauseStart(sen, start)
		before := d.S[cs:start]
		if !cjk.Contains(before, "申请") && !cjk.Contains(d.S[sen.Start:start], "所有申请") && !cjk.Contains(d.S[sen.Start:start], "申请均") {
			continue // the clause names no application: "人大建议和政协提案均已办结"
		}
		if containsAny(d.S[sen.Start:start], []string{"建议", "提案", "信访", "来信", "来访", "热线", "投诉", "举报", "诉求", "留言", "咨询"}) ||
			containsAny(d.S[cs:end], otherPeriod) || otherYear(d.S[sen.Start:start], year) {
			continue
		}
		out = append(out, Statement{Topic: "carryover", Kind: "none", Start: start, End: end, From: cs, To: end, Sentence: si,
			Means: "即没有结转下年度继续办理的申请", Scope: scope(d.S[sen.Start:start])})
	}
	return out
}

// noneCorrected finds "未被纠错": no case of 行政复议 or 行政诉讼 ended corrected.
// The sentence names which ("行政复议" or "行政诉讼", or both); one that names
// neither speaks of both, loosely.
func (d *Doc) noneCorrected(out []Statement, si int, sen Sentence, year int) []Statement {
	text := d.S[sen.Start:sen.End]
	if !cjk.Contains(text, "纠") && !cjk.Contains(text, "撤销") && !cjk.Contains(text, "违法") && !cjk.Contains(text, "败诉") {
		return out
	}
	for _, loc := range reNoneCorrected().FindAllStringIndex(text, -1) {
		start, end := sen.Start+loc[0], sen.Start+loc[1]
		before := text[:loc[0]]
		review := cjk.Contains(before, "复议")
		suit := cjk.Contains(before, "诉讼") || cjk.Contains(before, "起诉") || cjk.Contains(text[loc[0]:loc[1]], "败诉")
		if !review && !suit && !cjk.Contains(text, "案件") && !cjk.Contains(text, "复议") && !cjk.Contains(text, "诉讼") {
			continue // "未发现…撤销" of something else
		}
		cs := d.clauseStart(sen, start)
		if containsAny(d.S[cs:end], otherPeriod) || otherYear(d.S[sen.Start:start], year) || cjk.Contains(d.S[cs:start], "如") {
			continue
		}
		topic := "review+suit.corrected"
		switch {
		case review && !suit && !cjk.Contains(text[loc[0]:loc[1]], "败诉"):
			topic = "review.corrected"
		case suit && !review:
			topic = "suit.corrected"
		}
		out = append(out, Statement{Topic: topic, Kind: "none", Start: start, End: end, From: cs, To: end, Sentence: si,
			Weak: !review && !suit || !disclosure(text) && !disclosureSection(d, sen), Means: "即结果纠正为 0", Scope: scope(d.S[sen.Start:start])})
	}
	return out
}

// negations finds counts said in words: "未收到…申请", "无行政复议和行政诉讼".
func (d *Doc) negations(out []Statement, si int, sen Sentence, year int) []Statement {
	text := d.S[sen.Start:sen.End]
	if !cjk.Contains(text, "未") && !cjk.Contains(text, "没有") && !cjk.Contains(text, "无") && !cjk.Contains(text, "不收取") ||
		!cjk.Contains(text, "复议") && !cjk.Contains(text, "诉讼") &&
			!cjk.Contains(text, "申请") && !cjk.Contains(text, "费") && !cjk.Contains(text, "规范性文件") {
		return out
	}
	add := func(id string, loc []int, cond bool) bool {
		start, end := sen.Start+loc[0], sen.Start+loc[1]
		cs := d.clauseStart(sen, start)
		clause := d.S[cs:d.clauseEndOf(sen, end)]
		if containsAny(clause, otherPeriod) || otherYear(d.S[cs:end], year) || cjk.Contains(d.S[cs:start], "如") {
			return false
		}
		st := Statement{Topic: id, Kind: "none", Start: start, End: end, From: start, To: end, Sentence: si, Cond: cond,
			Weak: AboutCases(id) && !disclosure(text) && !disclosureSection(d, sen)}
		st.Scope = scope(d.S[sen.Start:start])
		out = append(out, st)
		return true
	}
	cond := func(loc []int) bool {
		before := text[:loc[0]]
		return strings.HasSuffix(before, "均") || strings.HasSuffix(before, "都") || strings.HasSuffix(before, "皆")
	}
	neg := cjk.Contains(text, "未") || cjk.Contains(text, "没有") || cjk.Contains(text, "无")
	review := neg && cjk.Contains(text, "复议")
	suit := neg && (cjk.Contains(text, "诉讼") || cjk.Contains(text, "起诉"))
	for _, loc := range findAll(reNoReview(), text, review) {
		if notNegation(text, loc) {
			continue
		}
		add("review", loc, cond(loc))
	}
	for _, loc := range findAll(reNoSuit(), text, suit) {
		if notNegation(text, loc) || cjk.Contains(text[loc[0]:loc[1]], "复议后") {
			continue
		}
		add("suit", loc, cond(loc))
	}
	for _, loc := range findAll(reNoApply(), text, neg && cjk.Contains(text, "申请")) {
		if notNegation(text, loc) || cjk.Contains(text[loc[0]:loc[1]], "复议") || cjk.Contains(text[loc[0]:loc[1]], "诉讼") {
			continue
		}
		add("received", loc, cond(loc))
	}
	for _, loc := range findAll(reNoFee(), text, cjk.Contains(text, "收取") && cjk.Contains(text, "费")) {
		if m := text[loc[0]:loc[1]]; containsAny(m, []string{"信息", "处理费", "检索", "复制", "邮寄", "公开", "申请"}) {
			add("infofee", loc, false)
			continue
		}
		// "未收取任何费用": any fee, the 行政事业性收费 of 表二 too, though the
		// report most likely means the disclosure fees
		if add("fees.any", loc, false) {
			out[len(out)-1].Weak = true
		}
	}
	for _, loc := range findAll(reNoNorm(), text, neg && cjk.Contains(text, "规范性文件")) {
		add("normative.issued", loc, false)
	}
	return out
}

// findAll runs re over text when the literal check passed.
func findAll(re *regexp.Regexp, text string, ok bool) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringIndex(text, -1)
}

// notNegation rules out words that only look like a negation: 无正当理由, 无论, 不予.
func notNegation(text string, loc []int) bool {
	s := text[loc[0]:loc[1]]
	return strings.HasPrefix(s, "无正当") || strings.HasPrefix(s, "无论") || strings.HasPrefix(s, "无需") ||
		strings.HasPrefix(s, "无法") || cjk.Contains(s, "申请人") || strings.HasPrefix(s, "未按") || strings.HasPrefix(s, "未经")
}

// allUpheld finds "均获维持": every case of 行政复议 (or 行政诉讼) ended upheld.
func (d *Doc) allUpheld(out []Statement, si int, sen Sentence) []Statement {
	text := d.S[sen.Start:sen.End]
	if !cjk.Contains(text, "复议") && !cjk.Contains(text, "诉讼") {
		return out
	}
	for _, loc := range findAll(reAllUp(), text, cjk.Contains(text, "维持") || cjk.Contains(text, "驳回") || cjk.Contains(text, "胜诉")) {
		before := text[:loc[0]]
		start, end := sen.Start+loc[0], sen.Start+loc[1]
		// a clause that names both ("行政复议和行政诉讼均获维持") speaks of both
		cs := d.clauseStart(sen, start) - sen.Start
		clause := text[cs:loc[0]]
		var ids []string
		if cjk.Contains(clause, "复议") && (cjk.Contains(clause, "诉讼") || cjk.Contains(clause, "起诉")) {
			ids = []string{"review", "suit"}
		} else if o := outcomeOf(before); o != "" {
			ids = []string{o}
		}
		for _, id := range ids {
			out = append(out, Statement{Topic: id, Kind: "all", Start: start, End: end, From: sen.Start + cs, To: end, Sentence: si,
				Weak: !disclosure(text) && !disclosureSection(d, sen)})
		}
	}
	return out
}

func (d *Doc) clauseEndOf(sen Sentence, i int) int {
	for j := i; j < sen.End; {
		r, w := utf8.DecodeRuneInString(d.S[j:])
		if clauseBreak(r) {
			return j
		}
		j += w
	}
	return sen.End
}

func parseCount(s string) (float64, bool) {
	if isDigits(s) || strings.ContainsAny(s, ".,") {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v, err == nil
	}
	if s == "零" {
		return 0, true
	}
	if s == "两" {
		return 2, true
	}
	if n := ChineseNumber(s); n > 0 {
		return float64(n), true
	}
	return 0, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if cjk.Contains(s, k) {
			return true
		}
	}
	return false
}

func containsAll(s string, keys []string) bool {
	for _, k := range keys {
		if !cjk.Contains(s, k) {
			return false
		}
	}
	return true
}

// scope returns the words of a sentence that give its counts another scope: the
// scope word, or the clause's subject up to it ("区政府办代表区政府").
func scope(before string) string {
	if len(before) > 150 { // the words stand near the count
		i := len(before) - 150
		for i < len(before) && !utf8.RuneStart(before[i]) {
			i++
		}
		before = before[i:]
	}
	for _, k := range wideScope {
		i := cjk.Index(before, k)
		if i < 0 {
			continue
		}
		if k == "代表" {
			// the subject and whom it stands for: "区政府办代表区政府"
			from := strings.LastIndexAny(before[:i], ",;:，。") + 1
			to := i + len(k)
			for to < len(before) && utf8.RuneCountInString(before[i:to]) < 8 && !hasPrefixAny(before[to:], verbs) {
				_, w := utf8.DecodeRuneInString(before[to:])
				to += w
			}
			if y := reYearIn().FindStringIndex(before[from:i]); y != nil {
				from += y[1]
			}
			return strings.TrimLeft(before[from:to], ",")
		}
		return k
	}
	return ""
}

func hasSuffixAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.HasSuffix(s, k) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.HasPrefix(s, k) {
			return true
		}
	}
	return false
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func remove(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

// numMatch is a number with its unit in a text.
type numMatch struct {
	start, numEnd, end int // the number, its end, the end of its unit
	wan, approx        bool
	unit               string
}

// units a counted number may take, the longer first
var numUnits = []string{"人次", "万元", "件", "条", "次", "个", "起", "宗", "例", "份", "项", "篇", "家", "场", "期", "人", "名", "部", "处", "元", "%"}

func cnDigit(r rune) bool {
	switch r {
	case '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百':
		return true
	}
	return false
}

// scanNumbers finds the numbers followed by a unit: "8件", "2.8万余件", "1,136条",
// "三件", "33.9%".
func scanNumbers(text string) []numMatch {
	var out []numMatch
	for i := 0; i < len(text); {
		c := text[i]
		j := i
		switch {
		case c >= '0' && c <= '9':
			if i > 0 && (text[i-1] >= '0' && text[i-1] <= '9') {
				i++
				continue
			}
			j = scanDigits(text, i)
		case c >= 0x80:
			if c != 0xe4 && c != 0xe5 && c != 0xe7 && c != 0xe9 {
				i += cjk.Step(text, i) // no Chinese numeral starts so: step over the character
				continue
			}
			r, w := utf8.DecodeRuneInString(text[i:])
			if !cnDigit(r) {
				i += w
				continue
			}
			for j < len(text) {
				r, w := utf8.DecodeRuneInString(text[j:])
				if !cnDigit(r) {
					break
				}
				j += w
			}
		default:
			i++
			continue
		}
		m := numMatch{start: i, numEnd: j}
		k := j
		if strings.HasPrefix(text[k:], "万") && !strings.HasPrefix(text[k:], "万元") {
			m.wan = true
			k += len("万")
		}
		if strings.HasPrefix(text[k:], "余") || strings.HasPrefix(text[k:], "多") {
			m.approx = true
			k += len("余")
		}
		for _, u := range numUnits {
			if strings.HasPrefix(text[k:], u) {
				m.unit, m.end = u, k+len(u)
				break
			}
		}
		if m.unit != "" {
			out = append(out, m)
			i = m.end
			continue
		}
		i = j
	}
	return out
}

// scanDigits returns the end of the number at text[i:]: digits, thousands groups and
// a decimal part.
func scanDigits(text string, i int) int {
	j := i
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	for j+3 < len(text) && text[j] == ',' && isDigits(text[j+1:j+4]) && (j+4 == len(text) || text[j+4] < '0' || text[j+4] > '9') {
		j += 4
	}
	if j+1 < len(text) && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9' {
		j++
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
	}
	return j
}
