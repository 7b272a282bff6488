package stats

import (
	"nianbao/core/internal/cjk"
	"strings"
	"unicode/utf8"
)

// Indicator is one line of the statistics table as data: the national 2014 version
// (国办发〔2014〕32号) and the wording of the local variants before and beside it.
type Indicator struct {
	ID    string
	Name  string   // the national wording, for messages
	Any   []string // the normalised label contains one of these
	Not   []string // ... and none of these
	Under string   // the label only means this indicator under a parent with this id prefix
	// Header: a heading row, which carries no value.
	Header bool
	// Sum: the indicator is by definition the sum of its direct children.
	Sum bool
	// Whole: the id of an indicator this one can never exceed ("" for none beyond its
	// parent; its 其中 parent is checked anyway).
	Whole string
	// NotPart: the indicator stands under a 其中 group without being part of the
	// parent (制发规范性文件总数 under 主动公开政府信息数).
	NotPart bool
}

// Indicators lists the known indicators, most specific first: the first whose keys
// match a label names it.
var Indicators = []Indicator{
	{ID: "public", Name: "主动公开情况", Any: []string{"主动公开情况"}, Header: true},
	{ID: "published.normative", Name: "主动公开规范性文件数", Any: []string{"公开规范性文件"}, Whole: "normative.issued"},
	{ID: "normative.issued", Name: "制发规范性文件总数", Any: []string{"制发规范性文件", "制定规范性文件", "印发规范性文件"}, NotPart: true},
	{ID: "channels", Name: "通过不同渠道和方式公开政府信息的情况", Any: []string{"渠道和方式公开", "渠道公开政府信息的情况"}, Header: true},
	{ID: "channel.gazette", Name: "政府公报公开政府信息数", Any: []string{"公报公开"}},
	{ID: "channel.website", Name: "政府网站公开政府信息数", Any: []string{"网站公开政府信息", "网站公开信息"}},
	{ID: "channel.weibo", Name: "政务微博公开政府信息数", Any: []string{"微博公开"}},
	{ID: "channel.weixin", Name: "政务微信公开政府信息数", Any: []string{"微信公开"}},
	{ID: "channel.other", Name: "其他方式公开政府信息数", Any: []string{"其他方式公开"}},
	{ID: "published", Name: "主动公开政府信息数", Any: []string{"主动公开政府信息", "主动公开信息数", "主动公开信息总数"}},
	{ID: "response", Name: "回应解读情况", Any: []string{"回应解读情况"}, Header: true},
	{ID: "response.channels", Name: "通过不同渠道和方式回应解读的情况", Any: []string{"方式回应解读"}, Header: true},
	{ID: "response.hot", Name: "回应公众关注热点或重大舆情数", Any: []string{"关注热点", "重大舆情"}},
	{ID: "press.head", Name: "主要负责同志参加新闻发布会次数", Any: []string{"参加新闻发布会"}, Not: []string{"举办"}},
	{ID: "press", Name: "参加或举办新闻发布会总次数", Any: []string{"新闻发布会"}},
	{ID: "interview.head", Name: "主要负责同志参加政府网站在线访谈次数", Any: []string{"负责同志参加政府网站在线访谈", "负责同志参加在线访谈"}},
	{ID: "interview", Name: "政府网站在线访谈次数", Any: []string{"在线访谈"}},
	{ID: "explain", Name: "政策解读稿件发布数", Any: []string{"解读稿件", "政策解读"}},
	{ID: "response.weibo", Name: "微博微信回应事件数", Any: []string{"微博微信回应"}},
	{ID: "response.other", Name: "其他方式回应事件数", Any: []string{"其他方式回应"}},
	{ID: "apply", Name: "依申请公开情况", Any: []string{"依申请公开情况"}, Header: true},
	{ID: "received.inperson", Name: "当面申请数", Any: []string{"当面申请"}},
	{ID: "received.fax", Name: "传真申请数", Any: []string{"传真申请"}},
	{ID: "received.online", Name: "网络申请数", Any: []string{"网络申请", "网上申请", "在线申请"}},
	{ID: "received.letter", Name: "信函申请数", Any: []string{"信函申请"}},
	{ID: "received.email", Name: "电子邮件申请数", Any: []string{"电子邮件申请", "邮件申请"}},
	{ID: "received.other", Name: "其他形式申请数", Any: []string{"其他形式申请", "其他方式申请"}},
	{ID: "received", Name: "收到申请数", Any: []string{"收到申请", "申请总数", "受理申请"}, Sum: true},
	{ID: "done.ontime", Name: "按时办结数", Any: []string{"按时办结"}},
	{ID: "done.late", Name: "延期办结数", Any: []string{"延期办结"}},
	{ID: "done", Name: "申请办结数", Any: []string{"办结数"}, Sum: true},
	{ID: "answer.published", Name: "属于已主动公开范围数", Any: []string{"已主动公开范围"}},
	{ID: "answer.partial", Name: "同意部分公开答复数", Any: []string{"部分公开"}},
	{ID: "answer.denied", Name: "不同意公开答复数", Any: []string{"不同意公开", "不予公开答复"}, Sum: true},
	{ID: "answer.granted", Name: "同意公开答复数", Any: []string{"同意公开"}},
	{ID: "answered", Name: "申请答复数", Any: []string{"申请答复数", "答复总数", "答复数"}, Sum: true},
	{ID: "denied.secret", Name: "涉及国家秘密", Any: []string{"国家秘密"}},
	{ID: "denied.commercial", Name: "涉及商业秘密", Any: []string{"商业秘密"}},
	{ID: "denied.privacy", Name: "涉及个人隐私", Any: []string{"个人隐私"}},
	{ID: "denied.safety", Name: "危及国家安全、公共安全、经济安全和社会稳定", Any: []string{"国家安全", "社会稳定"}},
	{ID: "denied.notinfo", Name: "不是《条例》所指政府信息", Any: []string{"所指政府信息"}},
	{ID: "denied.other", Name: "法律法规规定的其他情形", Any: []string{"规定的其他情形"}},
	{ID: "answer.notours", Name: "不属于本行政机关公开数", Any: []string{"不属于本"}},
	{ID: "answer.nothold", Name: "申请信息不存在数", Any: []string{"信息不存在"}},
	{ID: "answer.amend", Name: "告知作出更改补充数", Any: []string{"更改补充"}},
	{ID: "answer.otherway", Name: "告知通过其他途径办理数", Any: []string{"其他途径"}},
	{ID: "review", Name: "行政复议数量", Any: []string{"行政复议"}, Sum: true},
	{ID: "suit", Name: "行政诉讼数量", Any: []string{"行政诉讼"}, Sum: true},
	{ID: "upheld", Name: "维持具体行政行为数", Any: []string{"维持"}, Under: "review suit"},
	{ID: "corrected", Name: "被依法纠错数", Any: []string{"纠错", "纠正"}, Under: "review suit"},
	{ID: "other", Name: "其他情形数", Any: []string{"其他情形"}, Under: "review suit"},
	{ID: "complaint", Name: "举报投诉数量", Any: []string{"举报投诉", "申诉"}},
	{ID: "fees", Name: "依申请公开信息收取的费用", Any: []string{"收取的费用", "收取费用", "收费"}},
	{ID: "support", Name: "机构建设和保障经费情况", Any: []string{"机构建设"}, Header: true},
	{ID: "office", Name: "政府信息公开工作专门机构数", Any: []string{"专门机构"}},
	{ID: "points", Name: "设置政府信息公开查阅点数", Any: []string{"查阅点", "查阅场所"}},
	{ID: "staff.full", Name: "专职人员数", Any: []string{"专职"}},
	{ID: "staff.part", Name: "兼职人员数", Any: []string{"兼职"}},
	{ID: "staff", Name: "从事政府信息公开工作人员数", Any: []string{"工作人员数", "从事政府信息公开"}, Sum: true},
	{ID: "funds", Name: "政府信息公开专项经费", Any: []string{"专项经费"}},
	{ID: "meetings.header", Name: "政府信息公开会议和培训情况", Any: []string{"会议和培训"}, Header: true},
	{ID: "meetings", Name: "召开政府信息公开工作会议或专题会议数", Any: []string{"会议"}},
	{ID: "training", Name: "举办各类培训班数", Any: []string{"培训班"}},
	{ID: "trainees", Name: "接受培训人员数", Any: []string{"接受培训", "培训人员", "培训人次"}},
}

var byID = func() map[string]*Indicator {
	m := make(map[string]*Indicator, len(Indicators))
	for i := range Indicators {
		m[Indicators[i].ID] = &Indicators[i]
	}
	return m
}()

// Lookup returns the indicator with the given id; an id qualified by its parent
// ("review.upheld") finds its base ("upheld").
func Lookup(id string) *Indicator {
	if in := byID[id]; in != nil {
		return in
	}
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return byID[id[i+1:]]
	}
	return nil
}

// identify names the indicator a normalised label (Core) stands for, given the id of
// its parent entry; "" when none.
func identify(core, parent string) string {
	// the indicators one of whose words the label holds, by a single pass over it
	var hit [128]bool
	any := false
	for i := 0; i < len(core); {
		r, w := utf8.DecodeRuneInString(core[i:])
		for _, ref := range keyIndex[r] {
			if !hit[ref.ind] && strings.HasPrefix(core[i:], ref.key) {
				hit[ref.ind], any = true, true
			}
		}
		i += w
	}
	if !any {
		return ""
	}
	for i := range Indicators {
		in := &Indicators[i]
		if !hit[i] || containsAny(core, in.Not) {
			continue
		}
		if in.Under != "" {
			p := parent
			if j := strings.IndexByte(p, '.'); j >= 0 {
				p = p[:j]
			}
			if p == "" || !cjk.Contains(" "+in.Under+" ", " "+p+" ") {
				continue
			}
			return p + "." + in.ID
		}
		return in.ID
	}
	return ""
}

type keyRef struct {
	ind int
	key string
}

// keyIndex lists the indicators' words by their first character.
var keyIndex = func() map[rune][]keyRef {
	if len(Indicators) > 128 {
		panic("stats: more than 128 indicators")
	}
	m := map[rune][]keyRef{}
	for i, in := range Indicators {
		for _, k := range in.Any {
			r, _ := utf8.DecodeRuneInString(k)
			m[r] = append(m[r], keyRef{i, k})
		}
	}
	return m
}()

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if cjk.Contains(s, k) {
			return true
		}
	}
	return false
}
