package main

import (
	"slices"

	"nianbao/core"
)

// comparison is one pair of reports of a body for consecutive years, compared.
type comparison struct {
	older, newer int // indices into the results
	findings     []core.Finding
}

// compareYears compares the reports of each body for consecutive years and attaches
// the findings to the newer report, counted in its summary.
func compareYears(results []*core.Result) []comparison {
	var out []comparison
	for _, p := range core.PairUp(results) {
		c := comparison{older: p[0], newer: p[1], findings: core.CompareYears(results[p[0]], results[p[1]])}
		attach(results[p[1]], c.findings)
		out = append(out, c)
	}
	return out
}

// attach adds findings to a result, keeping its order (the report's errors, warnings,
// notes, then the reader's problems) and its counts.
func attach(res *core.Result, fs []core.Finding) {
	for _, f := range fs {
		// after the last finding of the same rank
		at, _ := slices.BinarySearchFunc(res.Findings, rank(f)+1, func(g core.Finding, r int) int {
			return rank(g) - r
		})
		res.Findings = slices.Insert(res.Findings, at, f)
		switch {
		case f.Origin == "reader":
			res.Summary.Reader++
		case f.Severity == "error":
			res.Summary.Errors++
		case f.Severity == "warning":
			res.Summary.Warnings++
		default:
			res.Summary.Infos++
		}
	}
}

// rank is core's order of findings.
func rank(f core.Finding) int {
	r := map[string]int{"error": 0, "warning": 1, "info": 2}[f.Severity]
	if f.Origin == "reader" {
		r += 3
	}
	return r
}
