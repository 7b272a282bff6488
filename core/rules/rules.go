// Package rules holds the checks. Each rule is a small named unit with a doc string,
// in the manner of golang.org/x/tools/go/analysis: it reads the rebuilt report through
// a Pass and reports findings with positions. The registry lists them all; the command
// line prints it (`nianbao rules`) and the page links a finding to its doc.
package rules

import (
	"sort"
	"sync"

	"nianbao/core/report"
)

// Rule is one check.
type Rule struct {
	ID       string // stable, dotted: "t3.balance"
	Title    string // short name in Chinese
	Group    string // the page's grouping of findings
	Severity string // default severity of its findings
	Doc      string // what it checks and why, in Chinese; the first line is a summary
	// Run checks a report. Nil for the reader's own findings (read.*), which the
	// reader raises while reading; they are listed here for their docs.
	Run func(*Pass)
}

// Groups, in the order the page shows them.
const (
	GroupBalance   = "表三收支平衡"
	GroupOutcomes  = "明细合计"
	GroupRowSum    = "横向合计"
	GroupT4        = "表四"
	GroupT2        = "表二"
	GroupCells     = "单元格"
	GroupText      = "正文"
	GroupStructure = "结构"
	GroupReader    = "未能读取"
)

// Pass hands a rule the report and takes its findings.
type Pass struct {
	Report *report.Report
	Rule   *Rule
	Config Config
}

// Config is what the user chose for a check; the zero Config is the default.
type Config struct {
	// Deadline is the deadline profile date.late uses: a profile's id, or custom
	// dates (ParseDeadline); "" for the national deadlines.
	Deadline string
	// Held: record each identity that held, with its cells and its arithmetic
	// (report.Report.Held), for the page to say which checks a clean cell passed.
	Held bool
}

// Reportf records a finding of the pass's rule; empty Severity and Origin take the
// rule's default severity and "report".
func (p *Pass) Reportf(f report.Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Severity == "" {
		f.Severity = p.Rule.Severity
	}
	if f.Origin == "" {
		f.Origin = "report"
	}
	p.Report.Add(f)
}

// The rules are static data; registering one only lists it. The index by id and the
// sorted list are made on first use, not at start-up: the page's checker is ready
// only once every package is initialised.
var (
	registered []*Rule
	registry   = sync.OnceValue(func() map[string]*Rule {
		m := make(map[string]*Rule, len(registered))
		for _, r := range registered {
			if _, dup := m[r.ID]; dup {
				panic("rules: duplicate rule " + r.ID)
			}
			m[r.ID] = r
		}
		return m
	})
	sorted = sync.OnceValue(func() []*Rule {
		out := make([]*Rule, 0, len(registry()))
		for _, r := range registry() {
			out = append(out, r)
		}
		sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
		return out
	})
)

// register lists a rule. Not inlined: each package-level call would otherwise grow the
// package's initialisation code, which the browser compiles before the checker starts.
//
//go:noinline
func register(r *Rule) *Rule {
	registered = append(registered, r)
	return r
}

// All returns every rule, ordered by id.
func All() []*Rule { return sorted() }

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *Rule { return registry()[id] }

// GroupOf returns the page group of a rule id; unknown read.* ids are reader problems.
func GroupOf(id string) string {
	if r := registry()[id]; r != nil {
		return r.Group
	}
	if len(id) > 5 && id[:5] == "read." {
		return GroupReader
	}
	return GroupStructure
}

// TitleOf returns the short name of a rule id.
func TitleOf(id string) string {
	if r := registry()[id]; r != nil {
		return r.Title
	}
	return id
}

// Run runs every rule over the report with the default Config.
func Run(rep *report.Report) { RunWith(rep, Config{}) }

// RunWith runs every rule over the report.
func RunWith(rep *report.Report, cfg Config) {
	for _, r := range All() {
		if r.Run != nil {
			r.Run(&Pass{Report: rep, Rule: r, Config: cfg})
		}
	}
}

// Template is one of the report formats the checker knows, with its names as people
// say them: Name in a review or a table of reports, Short where space is tight.
type Template struct {
	ID    string `json:"id" js:"id"` // Result.Template: "2021", "2019", "stats", "unknown"
	Name  string `json:"name" js:"name"`
	Short string `json:"short" js:"short"`
}

// Templates lists the formats; the page gets them through the bridge.
var Templates = []Template{
	{"2021", "2021 年格式（国办公开办函〔2021〕30号）", "2021年格式"},
	{"2019", "2019 年试行格式（国办公开办函〔2019〕60号）", "2019年试行格式"},
	{"stats", "2008—2018 年统计表", "2008-2018年统计表"},
	{"unknown", "未能识别模板", "未识别"},
}

// TemplateOf returns the template with the id, or the unknown one.
func TemplateOf(id string) Template {
	for _, t := range Templates {
		if t.ID == id {
			return t
		}
	}
	return Templates[len(Templates)-1]
}
