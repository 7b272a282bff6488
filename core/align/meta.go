package align

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/core/token"
)

var (
	rePeriod = regexp.MustCompile(`(?:统计期限|统计时限|时间范围|统计时间)[^0-9]{0,6}(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|-|~)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日`)
	reTitle  = regexp.MustCompile(`(\d{4})\s*年度?\s*(?:政府信息公开|政务公开|信息公开)[^。\n]{0,16}?(?:年度报告|年报|工作报告)`)
	reParen  = regexp.MustCompile(`\(\s*(\d{4})\s*年度?\s*\)`)
	orgTail  = `(?:人民政府办公室|人民政府|办公厅|办公室|委员会|管理局|局|厅|中心|办事处|街道|镇|乡|院|所|站|委|会|署|处)`
	reOrg    = regexp.MustCompile(`^[\p{Han}()]{2,40}` + orgTail + `$`)
	reFilled = regexp.MustCompile(`(?:填报单位|发布机构|发文机关|制发机关)\s*[:：]\s*([\p{Han}()]{2,40}` + orgTail + `)`)
	// an agency's name right before what it did ("…管理局认真贯彻"), after a boundary
	reProse   = regexp.MustCompile(`(?:^|[,，。;；:：\n]|\d{4}\s*年度?)\s*([\p{Han}]{2,30}` + orgTail + `)\s*$`)
	proseVerb = []string{"认真", "坚持", "深入", "严格", "持续", "全面", "扎实", "未收取", "未发生", "全年", "主动", "依法", "高度重视", "始终"}
)

// meta finds the reporting year and the agency.
func meta(s string) (year int, agency string) {
	return findYear(s), findAgency(s)
}

func findYear(s string) int {
	for _, kw := range []string{"统计期限", "统计时限", "时间范围", "统计时间"} {
		if i := strings.Index(s, kw); i >= 0 {
			if m := rePeriod.FindStringSubmatch(window(s, i, 120)); m != nil {
				return atoiYear(m[2])
			}
		}
	}
	if m := findTitle(s); m != nil {
		return atoiYear(m[1])
	}
	if m := reParen.FindStringSubmatch(s); m != nil {
		return atoiYear(m[1])
	}
	// the year most often named: four digits before 年
	count := map[int]int{}
	best := 0
	for off := 0; ; {
		i := strings.Index(s[off:], "年")
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
		if y == 0 {
			continue
		}
		count[y]++
		if count[y] > count[best] || (count[y] == count[best] && y < best) {
			best = y
		}
	}
	return best
}

// window returns up to n bytes of s from i, cut at a character boundary.
func window(s string, i, n int) string {
	e := min(len(s), i+n)
	for e < len(s) && !utf8.RuneStart(s[e]) {
		e++
	}
	return s[i:e]
}

// findTitle finds "2024年政府信息公开工作年度报告" near each mention of a report.
func findTitle(s string) []string {
	for off := 0; off < len(s); {
		i := indexAny(s[off:], "年度报告", "年报", "工作报告")
		if i < 0 {
			return nil
		}
		i += off
		start := max(0, i-90)
		for start > 0 && !utf8.RuneStart(s[start]) {
			start++
		}
		if m := reTitle.FindStringSubmatch(window(s, start, i-start+15)); m != nil {
			return m
		}
		off = i + 3
	}
	return nil
}

func indexAny(s string, words ...string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func atoiYear(s string) int {
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return 0
	}
	return y
}

func findAgency(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "报") {
			continue
		}
		l = strings.TrimSpace(strings.Trim(l, "| \t"))
		loc := reTitle.FindStringIndex(l)
		if loc == nil {
			continue
		}
		if before := token.Squeeze(l[:loc[0]]); before != "" {
			if reOrg.MatchString(before) {
				return before
			}
			continue
		}
		// the title's first line names the agency, the next the report
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			p := token.Squeeze(strings.Trim(lines[j], "| \t"))
			if p == "" {
				continue
			}
			if reOrg.MatchString(p) {
				return p
			}
			break
		}
	}
	for _, kw := range []string{"填报单位", "发布机构", "发文机关", "制发机关"} {
		if i := strings.Index(s, kw); i >= 0 {
			if m := reFilled.FindStringSubmatch(window(s, i, 160)); m != nil {
				return m[1]
			}
		}
	}
	// the first agency-like name before a verb of reporting, in text order
	best, bestAt := "", len(s)
	for _, v := range proseVerb {
		for off, n := 0, 0; off < bestAt && n < 20; n++ {
			i := strings.Index(s[off:bestAt], v)
			if i < 0 {
				break
			}
			i += off
			start := max(0, i-120)
			for start > 0 && !utf8.RuneStart(s[start]) {
				start++
			}
			if m := reProse.FindStringSubmatch(s[start:i]); m != nil && !reNotOrg.MatchString(m[1]) {
				best, bestAt = m[1], i
				break
			}
			off = i + len(v)
		}
	}
	return best
}

// reNotOrg rejects a phrase that merely ends like an agency's name ("通过东港市政府门户网站").
var reNotOrg = regexp.MustCompile(`^(通过|按照|根据|依据|在|经|由|对|向|将|为|把|以|从|本|我|全|各|该|其|网站|门户)|网站|平台`)
