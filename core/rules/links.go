package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strings"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
)

var ruleTextLink = &Rule{
	ID: "text.link", Title: "非政府网站链接", Group: GroupText, Severity: "warning", Run: runLinks,
	Doc: `正式报告中出现指向非政府网站的链接。
政府网站使用 .gov.cn（或 .gov）域名；报告中的其他域名常是过期后被抢注的旧网址、误植的地址，
甚至是垃圾网站。电子邮箱地址不算链接；人民网、新华网、政务微博微信等常见的官方平台不报。`,
}

var _ = register(ruleTextLink)

var (
	reLink = lazy.Regexp(`(?i)(?:https?:)?(?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|cn|net|org|gov|edu|info|top|xyz|cc|tv|me|io|biz|vip|site|club|online|shop|wang|ltd|work|ink|pub|live|tech|co|icu|asia|mobi|pro|link|fun|store|cloud|space|website|xin|love|today|life)(?:\.[a-z]{2})?)(?::\d+)?(?:/[!-~]*)?`)
	// official platforms that are no government domain
	officialHosts = []string{"people.com.cn", "xinhuanet.com", "news.cn", "cctv.com", "cctv.cn", "chinadaily.com.cn", "gmw.cn",
		"weibo.com", "weibo.cn", "weixin.qq.com", "mp.weixin.qq.com", "12345.gov.cn", "12377.cn", "cac.gov.cn", "miit.gov.cn", "beian.gov.cn",
		"org.cn", "edu.cn", "gov.cn", "gov.hk", "gov.mo", "gov", "mil.cn", "court.gov.cn", "chinacourt.org", "12371.cn", "cpc.people.com.cn", "qstheory.cn"}
)

// governmentHost reports a host of a government or an official platform.
func governmentHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	for _, o := range officialHosts {
		if h == o || strings.HasSuffix(h, "."+o) {
			return true
		}
	}
	return false
}

func runLinks(p *Pass) {
	s := p.Report.Norm.S
	if !cjk.Contains(s, ".") {
		return
	}
	n := 0
	for _, m := range links(s) {
		host := s[m[2]:m[3]]
		if !cjk.Contains(host, ".") || governmentHost(host) || looksLikeFile(host) {
			continue
		}
		msg := fmt.Sprintf("链接“%s”的域名 %s 不是政府网站域名（.gov.cn）", strings.TrimRight(s[m[0]:m[1]], ".,;:)"), host)
		if claim := claimedGovernment(s, m[0]); claim != "" {
			msg += fmt.Sprintf("，文中却称其为“%s”；疑为失效后被抢注或误植的网址", claim)
		} else {
			msg += "，请核实是否为本机关的官方平台"
		}
		p.Reportf(report.Finding{Message: msg, Start: m[0], End: m[1]})
		if n++; n >= 20 {
			return
		}
	}
}

// links finds the web addresses in s: around each dot between two letters or digits,
// the run of address characters is matched against reLink. E-mail addresses are left
// out. Each match is [start, end, hostStart, hostEnd].
func links(s string) [][]int {
	var out [][]int
	last := -1
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '.' || !isAlnum(s[i-1]) || !isLetter(s[i+1]) || i < last {
			continue
		}
		a := i
		for a > 0 && isURLByte(s[a-1]) {
			a--
		}
		b := i
		for b < len(s) && isURLByte(s[b]) {
			b++
		}
		last = b
		run := s[a:b]
		if strings.IndexByte(run, '@') >= 0 || a > 0 && s[a-1] == '@' {
			continue
		}
		if m := reLink().FindStringSubmatchIndex(run); m != nil {
			out = append(out, []int{a + m[0], a + m[1], a + m[2], a + m[3]})
		}
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isURLByte(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune(`"'<>|()[]{},;`, rune(c))
}

// looksLikeFile rules out file names ("报告.doc") that the pattern takes for hosts.
func looksLikeFile(host string) bool {
	h := strings.ToLower(host)
	for _, ext := range []string{".doc", ".pdf", ".xls", ".txt", ".jpg", ".png"} {
		if cjk.Contains(h, ext) {
			return true
		}
	}
	return false
}

var reClaim = lazy.Regexp(`([\p{Han}]{0,12}(?:政府信息公开网站|政府网站|门户网站|信息公开网|政务网|政府网|官方网站|官网|公开平台|信息公开平台)站?)`)

// claimedGovernment returns the words before a link that call it a government site.
func claimedGovernment(s string, at int) string {
	from := max(0, at-90)
	for from < at && s[from]&0xC0 == 0x80 {
		from++
	}
	before := s[from:at]
	if i := strings.LastIndexAny(before, "。\n"); i >= 0 {
		before = before[i+1:]
	}
	ms := reClaim().FindAllString(before, -1)
	if len(ms) == 0 {
		return ""
	}
	c := ms[len(ms)-1]
	for _, pre := range []string{"通过", "在", "于", "经"} {
		c = strings.TrimPrefix(c, pre)
	}
	return c
}
