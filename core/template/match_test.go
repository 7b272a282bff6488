package template

import (
	"regexp"
	"testing"
)

// TestMatch checks the plain-string matching of label patterns against the regexp
// engine, on every pattern of the templates and on hand-written ones.
func TestMatch(t *testing.T) {
	var res []*Pattern
	for _, tb := range []*Table{T3, T4, Generations[0].T2, Generations[1].T2} {
		for _, r := range tb.Rows {
			res = append(res, r.Key)
		}
		for _, c := range tb.Cols {
			res = append(res, c.Key)
		}
	}
	for _, g := range Generations {
		res = append(res, g.Markers)
	}
	// every pattern of the templates is a valid expression (compiled, when at all, on
	// first use)
	for _, p := range res {
		if p != nil {
			if _, err := regexp.Compile(p.String()); err != nil {
				t.Errorf("%q: %v", p, err)
			}
		}
	}
	for _, e := range []string{`^总计$`, `其他`, `a|b`, `^a|b$`, `^(a)$`, `^$`, `a||b`, `^a.b$`, `本年.{0,2}发`,
		`^\(?三\)?[、.]?不予公开$`, `x$`, `^x`, `(?i)a`, `[a-c]x?`, `^(a|b)?c$`, `不补正|理由[逾预]期`, `a*`, `^[^a]$`,
		`行政复议[、,和及与]*行政诉讼情况|政府信息公开行政复议`, `^(五[、.]|\(五\))|存在的主要问题|主要问题及改进|改进情况|其他需要报告|^六[、.]`,
		`本年.{0,2}[制新]?发件数`, `(ab){2,}c*`, `a+b`, `x|y*`, `a.*b|c`} {
		res = append(res, re(e))
	}
	inputs := []string{"", "总计", "总计 ", "(七)总计", "其他", "a", "b", "c", "A", "ab", "ba", "bc", "axb", "x", "xa", "ax", "cx",
		"(三)不予公开", "三不予公开", "(三、不予公开", "三)不予公开", "(三).不予公开", "不予公开", "四、不予公开",
		"法律行政法规禁止公开", "本年新收政府信息公开申请数量", "本年增/减", "本年增减", "上年结转", "其他处理",
		"集中采购", "理由逾期", "理由预期", "理由期", "不补正",
		"行政复议、行政诉讼情况", "行政复议行政诉讼情况", "政府信息公开行政复议", "行政复议", "五、存在的主要问题", "(五)", "其五、", "六.",
		"改进情况", "本年发件数", "本年制发件数", "本年度新发件数", "本年度度新发件数", "ababc", "abc", "aab", "b", "zzz", "acb", "y"}
	for _, p := range res {
		if p == nil {
			continue
		}
		engine := regexp.MustCompile(p.String())
		for _, s := range inputs {
			if got, want := Match(p, s), engine.MatchString(s); got != want {
				t.Errorf("Match(%q, %q) = %v, want %v", p, s, got, want)
			}
		}
	}
	for _, e := range []string{`行政复议[、,和及与]*行政诉讼情况|政府信息公开行政复议`, `本年.{0,2}[制新]?发件数`,
		`^(五[、.]|\(五\))|存在的主要问题|主要问题及改进|改进情况|其他需要报告|^六[、.]`} {
		if MatcherOf(re(e)).need == nil {
			t.Errorf("%q: no words to look for first", e)
		}
	}
	// the label patterns this is for take the fast way
	for _, e := range []string{`^\(?三\)?[、.]?不予公开$`, `不补正|理由[逾预]期`, `法律行政|法规禁止`, `^总计$`} {
		if MatcherOf(re(e)).words == nil {
			t.Errorf("%q: not matched as plain words", e)
		}
	}
}
