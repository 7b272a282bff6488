package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strconv"
	"strings"
	"time"

	"nianbao/core/internal/lazy"
	"nianbao/core/report"
)

var ruleDateLate = &Rule{
	ID: "date.late", Title: "发布晚于法定期限", Group: GroupStructure, Severity: "error", Run: runDateLate,
	Doc: `文中的发布日期晚于公布期限；期限按所选的期限方案（默认为全国统一期限），消息中写明所用的方案。
2019年修订的《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本部门上一年度的年度报告，
县级以上人民政府应于每年3月31日前公布本级政府上一年度的年度报告；乡镇、街道的期限由各地规定（全国方案按3月31日计，为警告）。
有的地方规定了更早的期限：命令行用 --deadline 选择方案或写明各类机关的日期（如“部门=1-15,政府=3-31,乡镇=1-31”），页面在检查选项中选择。
2008—2018年度的报告依2007年《条例》，一律为次年3月31日。机关类型按机构名称判断（“人民政府”为政府，
“乡”“镇”“街道”为乡镇街道，其余为政府部门），消息中说明所作的判断。晚于政府的期限为错误；
只晚于部门的期限时，因机关类型是推断的，为警告。
发布日期取“发布日期”“公开日期”“成文日期”“发文日期”等标注，没有标注时取文末落款日期。`,
}

var _ = register(ruleDateLate)

var (
	reLabeledDate = lazy.Regexp(`(发布日期|公开日期|发布时间|生成日期|成文日期|发文日期|印发日期)\s*[:：]?\s*((?:19|20)\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})(?:\s*日)?`)
	reSignDate    = lazy.Regexp(`(?m)^[\s|]*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?[\s|]*$`)
	reTownship    = lazy.Regexp(`(乡|镇|街道|街道办事处|苏木)(人民政府)?$`)
	reGovernment  = lazy.Regexp(`人民政府$|[省市县区旗州盟]政府$`)
)

// publicationDate finds the date the report was published, with its offsets.
func publicationDate(s string) (t time.Time, what string, start, end int) {
	rank := map[string]int{"发布日期": 0, "公开日期": 0, "发布时间": 0, "生成日期": 1, "成文日期": 2, "发文日期": 2, "印发日期": 2}
	best := 9
	// the labels stand in the page's header or at the end
	windows := [][2]int{{0, min(len(s), 3000)}}
	if len(s) > 6000 {
		windows = append(windows, [2]int{len(s) - 3000, len(s)})
	} else {
		windows[0][1] = len(s)
	}
	for _, w := range windows {
		for _, key := range []string{"日期", "发布时间"} {
			for pos := w[0]; pos < w[1]; {
				i := cjk.Index(s[pos:w[1]], key)
				if i < 0 {
					break
				}
				i += pos
				pos = i + len(key)
				from := max(0, i-len("发布"))
				win := s[from:min(len(s), i+48)]
				m := reLabeledDate().FindStringSubmatchIndex(win)
				if m == nil || m[0] != 0 {
					continue
				}
				label := win[m[2]:m[3]]
				if r := rank[label]; r < best {
					if d, ok := mkDate(win[m[4]:m[5]], win[m[6]:m[7]], win[m[8]:m[9]]); ok {
						t, what, start, end, best = d, label, from+m[4], from+m[1], r
					}
				}
			}
		}
	}
	if best < 9 {
		return t, what, start, end
	}
	// the signature's date: the last date standing alone on a line in the last lines
	tail := len(s) - 600
	for tail > 0 && tail < len(s) && s[tail]&0xC0 == 0x80 {
		tail++
	}
	tail = max(tail, 0)
	ms := reSignDate().FindAllStringSubmatchIndex(s[tail:], -1)
	if len(ms) == 0 {
		return time.Time{}, "", -1, -1
	}
	m := ms[len(ms)-1]
	if d, ok := mkDate(s[tail+m[2]:tail+m[3]], s[tail+m[4]:tail+m[5]], s[tail+m[6]:tail+m[7]]); ok {
		end := tail + m[7]
		if strings.HasPrefix(s[end:], "日") {
			end += len("日")
		}
		return d, "落款日期", tail + m[2], end
	}
	return time.Time{}, "", -1, -1
}

func mkDate(y, m, d string) (time.Time, bool) {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return time.Time{}, false
	}
	return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC), true
}

// bodyType classifies the agency from its name: "government", "township",
// "department", or "" when there is no name.
func bodyType(agency string) string {
	a := strings.TrimSpace(agency)
	switch {
	case a == "":
		return ""
	case reTownship().MatchString(a):
		return "township"
	case reGovernment().MatchString(a):
		return "government"
	}
	return "department"
}

func runDateLate(p *Pass) {
	rep := p.Report
	year := rep.Year
	if y, _, _ := titleYear(rep.Norm.S); y > 0 {
		year = y
	}
	if year == 0 {
		return
	}
	pub, what, start, end := publicationDate(rep.Norm.S)
	if pub.IsZero() {
		return
	}
	prof, err := ParseDeadline(p.Config.Deadline)
	if err != nil {
		prof = Deadlines()[0] // the command line and the page refuse a bad spec before this
	}
	gov := prof.Government.In(year + 1)
	deadline, basis, sev := gov, "", "error"
	rule := fmt.Sprintf("依%s", prof.Name)
	if prof.ID == Deadlines()[0].ID {
		rule = fmt.Sprintf("依%s（%s）", prof.Name, prof.Basis)
	}
	kind := bodyType(rep.Agency)
	switch {
	case year <= 2018:
		deadline = time.Date(year+1, 3, 31, 0, 0, 0, 0, time.UTC)
		basis = "2018年度及以前的报告依2007年《条例》，应于次年3月31日前公布"
	case kind == "department":
		deadline, sev = prof.Department.In(year+1), "warning"
		basis = fmt.Sprintf("按机构名称“%s”判断为政府部门，%s应于%s前公布", rep.Agency, rule, prof.Department)
		if pub.After(gov) {
			sev = "error" // late even for a government
		}
	case kind == "government":
		basis = fmt.Sprintf("按机构名称“%s”判断为人民政府，%s应于%s前公布", rep.Agency, rule, prof.Government)
	case kind == "township" && prof.TownshipAssumed:
		deadline, sev = prof.Township.In(year+1), "warning"
		basis = fmt.Sprintf("按机构名称“%s”判断为乡镇（街道），其期限由各地规定，%s未作规定，此处按%s计", rep.Agency, prof.Name, prof.Township)
	case kind == "township":
		deadline = prof.Township.In(year + 1)
		basis = fmt.Sprintf("按机构名称“%s”判断为乡镇（街道），%s应于%s前公布", rep.Agency, rule, prof.Township)
	default:
		sev = "warning"
		basis = fmt.Sprintf("未找到机构名称，按%s中人民政府的%s期限计", prof.Name, prof.Government)
	}
	if !pub.After(deadline) {
		return
	}
	days := int(pub.Sub(deadline).Hours() / 24)
	p.Reportf(report.Finding{Severity: sev, Start: start, End: end,
		Message: fmt.Sprintf("%s为 %s，晚于公布期限 %s %d 天（%s）", what, cnDate(pub), cnDate(deadline), days, basis)})
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
