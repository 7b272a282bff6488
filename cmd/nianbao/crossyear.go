package main

import "nianbao/core"

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
		results[p[1]].Attach(c.findings...)
		out = append(out, c)
	}
	return out
}
