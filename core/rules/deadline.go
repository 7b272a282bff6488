package rules

import (
	"fmt"
	"nianbao/core/internal/cjk"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Deadline is a jurisdiction's deadlines for publishing last year's report: one date
// for each kind of body, as a month and day of the year after the report's.
type Deadline struct {
	ID   string // "national", or "custom" for one given as a spec
	Name string // in Chinese, for messages and menus
	// Basis names the rule the dates come from.
	Basis string
	// Department, Government, Township: the deadlines of 政府部门, 人民政府 and 乡镇（街道）.
	Department, Government, Township MonthDay
	// TownshipAssumed: the profile does not fix the townships' deadline (the law
	// leaves it to local rules) and Township is only an assumption.
	TownshipAssumed bool
}

// MonthDay is a date without its year.
type MonthDay struct{ Month, Day int }

// In returns the date in year y.
func (m MonthDay) In(y int) time.Time {
	return time.Date(y, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
}

func (m MonthDay) String() string { return fmt.Sprintf("%d月%d日", m.Month, m.Day) }

// deadlineTable lists the deadline profiles, one a line:
// id | name | department | government | township (~ for an assumption) | basis.
// A local profile is one more line, once the local rule is known; a user can give
// any other as a spec (ParseDeadline).
const deadlineTable = `
national | 全国统一期限 | 1-31 | 3-31 | ~3-31 | 《条例》第四十九条
`

var deadlines = sync.OnceValue(func() []Deadline {
	var out []Deadline
	for _, line := range strings.Split(strings.TrimSpace(deadlineTable), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 6 {
			panic("rules: bad deadline profile " + line)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		d := Deadline{ID: f[0], Name: f[1], Basis: f[5], TownshipAssumed: strings.HasPrefix(f[4], "~")}
		var err error
		for i, at := range []*MonthDay{&d.Department, &d.Government, &d.Township} {
			if *at, err = parseMonthDay(strings.TrimPrefix(f[2+i], "~")); err != nil {
				panic("rules: bad deadline profile " + line)
			}
		}
		out = append(out, d)
	}
	return out
})

// Deadlines lists the deadline profiles; the first is the default.
func Deadlines() []Deadline { return deadlines() }

// DeadlineUsage describes the --deadline choices, for help texts.
func DeadlineUsage() string {
	var names []string
	for _, d := range Deadlines() {
		names = append(names, fmt.Sprintf("%s（%s：部门%s、政府%s）", d.ID, d.Name, d.Department, d.Government))
	}
	return strings.Join(names, "；") + "；或自定义，如“部门=1-15,政府=3-31,乡镇=1-31”"
}

// ParseDeadline returns the profile a spec names: a profile's id ("" for the
// default), or custom dates "部门=1-15,政府=3-31,乡镇=1-31" (also department=,
// government=, township=), the dates not given taken from the default.
func ParseDeadline(spec string) (Deadline, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Deadlines()[0], nil
	}
	for _, d := range Deadlines() {
		if d.ID == spec || d.Name == spec {
			return d, nil
		}
	}
	if !cjk.Contains(spec, "=") {
		var ids []string
		for _, d := range Deadlines() {
			ids = append(ids, d.ID)
		}
		return Deadline{}, fmt.Errorf("未知的期限方案“%s”：可选 %s，或自定义如“部门=1-15,政府=3-31,乡镇=1-31”", spec, strings.Join(ids, "、"))
	}
	d := Deadlines()[0]
	d.ID, d.Basis = "custom", "自定义期限"
	var parts []string
	for _, item := range strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		k, v, _ := strings.Cut(item, "=")
		md, err := parseMonthDay(strings.TrimSpace(v))
		if err != nil {
			return Deadline{}, fmt.Errorf("期限“%s”无法识别：日期应写作“月-日”，如 1-31", item)
		}
		switch strings.TrimSpace(k) {
		case "部门", "department":
			d.Department = md
			parts = append(parts, "部门"+md.String())
		case "政府", "government":
			d.Government = md
			parts = append(parts, "政府"+md.String())
		case "乡镇", "街道", "township":
			d.Township, d.TownshipAssumed = md, false
			parts = append(parts, "乡镇"+md.String())
		default:
			return Deadline{}, fmt.Errorf("期限“%s”无法识别：应为 部门、政府 或 乡镇", item)
		}
	}
	d.Name = "自定义期限（" + strings.Join(parts, "、") + "）"
	return d, nil
}

// parseMonthDay reads "1-31", "01-31", "1/31" or "1月31日".
func parseMonthDay(s string) (MonthDay, error) {
	s = strings.TrimSuffix(strings.NewReplacer("月", "-", "/", "-", ".", "-").Replace(s), "日")
	m, d, ok := strings.Cut(s, "-")
	mm, err1 := strconv.Atoi(m)
	dd, err2 := strconv.Atoi(d)
	if !ok || err1 != nil || err2 != nil || mm < 1 || mm > 12 || dd < 1 || dd > time.Date(2001, time.Month(mm)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return MonthDay{}, fmt.Errorf("bad date %q", s)
	}
	return MonthDay{mm, dd}, nil
}
