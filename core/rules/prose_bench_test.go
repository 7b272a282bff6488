package rules

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/core/align"
	"nianbao/core/prose"
	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/token"
)

// myRules are the rules of the prose, statistics-table and structure checks.
var myRules = []string{"stats.sum", "stats.subset", "stats.header", "text.table", "text.percent",
	"section.missing", "section.order", "section.numbering", "section.empty", "year.mismatch",
	"date.late", "text.link", "text.placeholder", "text.fee", "text.repeat", "content.parts", "content.fee", "text.correction",
	"wording.doubled", "wording.cut", "wording.punct", "wording.name"}

func readReport(tb testing.TB, s string) *report.Report {
	tb.Helper()
	norm := source.Normalize(&source.Text{S: s, Format: "text", Encoding: "utf-8", InputLen: len(s)})
	return align.Read(norm, token.Tokenize(norm.S))
}

func BenchmarkProseRules(b *testing.B) {
	reps := seedReports(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep := reps[i%len(reps)]
		rep.Findings = rep.Findings[:0]
		// a fresh report each time, so the prose cache does not hide the reading
		r := *rep
		for _, id := range myRules {
			Lookup(id).Run(&Pass{Report: &r, Rule: Lookup(id)})
		}
	}
}

// BenchmarkRule times each rule alone over the seeds, the prose read beforehand (as
// the first rule that needs it reads it for the others).
func BenchmarkRule(b *testing.B) {
	reps := seedReports(b)
	for _, rep := range reps {
		prose.Of(rep)
	}
	for _, r := range All() {
		if r.Run == nil {
			continue
		}
		b.Run(r.ID, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				rep := reps[i%len(reps)]
				rep.Findings = rep.Findings[:0]
				r.Run(&Pass{Report: rep, Rule: r})
			}
		})
	}
}

// seedReports reads the seeds, skipping the benchmark when there are none.
func seedReports(b *testing.B) []*report.Report {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			t, _ := source.Decode(data)
			texts = append(texts, t.S)
		}
	}
	if len(texts) == 0 {
		b.Skip("no seeds")
	}
	reps := make([]*report.Report, len(texts))
	for i, s := range texts {
		reps[i] = readReport(b, s)
	}
	return reps
}
