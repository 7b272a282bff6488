package core

import (
	"fmt"
	"maps"
	"slices"

	"nianbao/core/rules"
)

// Peers: in a batch of one region's reports, a body that reports 0 where the other
// bodies of the same year report many (peer.zero, a note). Run on the reports' Facts
// once a batch is done.

// peerCells are the indicators compared across a batch.
var peerCells = []string{"t3.new.total", "t2.license.decisions", "t2.penalty.decisions"}

// Thresholds of peer.zero: at least peerMin other bodies with the value, their median
// at least jumpFloor, and at most a fifth of them reporting 0.
const peerMin = 5

// PeerFinding is a finding on the report at Index of the facts given.
type PeerFinding struct {
	Index   int
	Finding Finding
}

// ComparePeers returns the peer.zero notes of a batch: for each year, each indicator a
// body reports as 0 while its peers (one report per other body) mostly do not.
func ComparePeers(facts []*Facts) []PeerFinding {
	byYear := map[int][]int{}
	for i, f := range facts {
		if pairable(f) {
			byYear[f.Year] = append(byYear[f.Year], i)
		}
	}
	var out []PeerFinding
	for _, year := range slices.Sorted(maps.Keys(byYear)) {
		reports := byYear[year]
		for _, id := range peerCells {
			// one value per body: its first report's
			value := map[string]float64{}
			var bodies []string
			for _, i := range reports {
				v, ok := facts[i].Value(id)
				name := bodyName(facts[i].Agency)
				if _, seen := value[name]; ok && !seen {
					value[name] = v
					bodies = append(bodies, name)
				}
			}
			for _, i := range reports {
				if v, ok := facts[i].Value(id); !ok || v != 0 {
					continue
				}
				self := bodyName(facts[i].Agency)
				var others []float64
				zeros := 0
				for _, b := range bodies {
					if b != self {
						others = append(others, value[b])
						if value[b] == 0 {
							zeros++
						}
					}
				}
				if len(others) < peerMin || zeros*5 > len(others) {
					continue
				}
				slices.Sort(others)
				median := others[len(others)/2]
				if len(others)%2 == 0 {
					median = (others[len(others)/2-1] + median) / 2
				}
				if median < jumpFloor {
					continue
				}
				msg := fmt.Sprintf("%s为 0，而同批 %d 个机关%d年报告中该数的中位数为 %s（报 0 的 %d 个）；请核对是否漏填或填错位置",
					peerName(id), len(others), year, num(median), zeros)
				out = append(out, PeerFinding{Index: i, Finding: Finding{Rule: "peer.zero", Severity: "info", Origin: "report",
					Message: msg, Cells: []string{id},
					Group: rules.GroupOf("peer.zero"), Title: rules.TitleOf("peer.zero")}})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b PeerFinding) int { return a.Index - b.Index })
	return out
}

// peerName names an indicator in a message.
func peerName(id string) string {
	for _, j := range jumpCells {
		if j.id == id {
			return j.name
		}
	}
	return id
}
