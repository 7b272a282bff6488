package main

import (
	"fmt"
	"io"
	"path/filepath"

	"nianbao/core"
)

// comparison is one pair of reports of a body for consecutive years, compared.
type comparison struct {
	agency           string
	oldYear, newYear int
	oldFile, newFile string
	findings         []core.Finding
	late             bool // the older came after the newer: the findings are not in the newer's result
}

// years pairs the reports of each body for consecutive years as they stream (keeping
// only their facts), compares each pair and attaches the findings to the newer report;
// once all are checked, it compares the pairs given newer first, and the batch's peers.
type years struct {
	pairer core.Pairer
	pairs  []comparison
	peers  []core.PeerFinding
}

// compare records a report's facts and, when last year's report of its body came
// before it, compares the two and attaches the findings. It returns the name of last
// year's report, or "".
func (y *years) compare(i int, c report) string {
	j, ok := y.pairer.Add(c.facts)
	if !ok {
		return ""
	}
	older := y.pairer.Facts(j)
	fs := core.CompareLast(older, c.res, c.facts)
	c.res.Attach(fs...)
	y.pairs = append(y.pairs, y.comparison(older, c.facts, fs, false))
	return older.File
}

func (y *years) comparison(older, newer *core.Facts, fs []core.Finding, late bool) comparison {
	return comparison{agency: newer.Agency, oldYear: older.Year, newYear: newer.Year,
		oldFile: older.File, newFile: newer.File, findings: fs, late: late}
}

// finish compares the pairs whose older report came later, and the batch's peers.
func (y *years) finish() {
	for _, p := range y.pairer.Late() {
		older, newer := y.pairer.Facts(p[0]), y.pairer.Facts(p[1])
		y.pairs = append(y.pairs, y.comparison(older, newer, core.CompareFacts(older, newer), true))
	}
	all := make([]*core.Facts, y.pairer.Len())
	for i := range all {
		all[i] = y.pairer.Facts(i)
	}
	y.peers = core.ComparePeers(all)
}

// addendum adds findings to a result the streamed JSON already holds: an element of
// the array (a line with --jsonl) after the results, told apart by its "addendum".
type addendum struct {
	Addendum string         `json:"addendum"` // crossyear: a pair whose older report came later; peers: peer.zero
	File     string         `json:"file"`     // the result the findings belong to
	Previous string         `json:"previous,omitempty"`
	Findings []core.Finding `json:"findings"`
}

// addenda returns what the streamed results could not carry: the comparisons of the
// pairs given newer first, and the batch's peer notes, one addendum per report.
func (y *years) addenda() []addendum {
	var out []addendum
	for _, p := range y.pairs {
		if p.late {
			out = append(out, addendum{Addendum: "crossyear", File: p.newFile, Previous: p.oldFile, Findings: nonNil(p.findings)})
		}
	}
	at := map[int]int{} // report index -> its peers addendum in out
	for _, f := range y.peers {
		k, ok := at[f.Index]
		if !ok {
			k = len(out)
			at[f.Index] = k
			out = append(out, addendum{Addendum: "peers", File: y.pairer.Facts(f.Index).File, Findings: []core.Finding{}})
		}
		out[k].Findings = append(out[k].Findings, f.Finding)
	}
	return out
}

func nonNil(fs []core.Finding) []core.Finding {
	if fs == nil {
		return []core.Finding{}
	}
	return fs
}

// report writes on w, for outputs already streamed, the findings that came too late to
// be in a report's result: the pairs given newer first, and the batch's peers.
func (y *years) report(w io.Writer) {
	for _, p := range y.pairs {
		if p.late {
			fmt.Fprintf(w, "nianbao: %s 排在上年报告 %s 之前，跨年度比对的结果未写入其结果：\n", p.newFile, filepath.Base(p.oldFile))
			writeFindings(w, p.findings, "  ")
		}
	}
	for _, f := range y.peers {
		fmt.Fprintf(w, "nianbao: %s: [%s] %s %s\n", y.pairer.Facts(f.Index).File, mark(f.Finding), f.Finding.Rule, f.Finding.Message)
	}
}

func writeFindings(w io.Writer, fs []core.Finding, lead string) {
	for _, f := range fs {
		fmt.Fprintf(w, "%s[%s] %s %s\n", lead, mark(f), f.Rule, indent(f.Message))
	}
}
