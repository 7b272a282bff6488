package core

import (
	"fmt"
	"slices"
	"testing"
)

// TestPeerZero: six 街道办事处 of one district for 2024; one reports no application
// where the others received 18 to 60. A batch where two others also report 0, or
// whose median is under 20, says nothing.
func TestPeerZero(t *testing.T) {
	batch := func(values ...float64) []*Facts {
		var out []*Facts
		for i, v := range values {
			r := byHand(fmt.Sprintf("%d.txt", i), 2024, fmt.Sprintf("东胜区第%d街道办事处", i+1), map[string]float64{"t3.new.total": v})
			out = append(out, FactsOf(r))
		}
		return out
	}
	got := ComparePeers(batch(0, 18, 25, 31, 44, 60))
	want := "表三本年新收申请数（总计）为 0，而同批 5 个机关2024年报告中该数的中位数为 31（报 0 的 0 个）；请核对是否漏填或填错位置"
	if len(got) != 1 || got[0].Index != 0 || got[0].Finding.Message != want || got[0].Finding.Severity != "info" {
		t.Errorf("got %+v", got)
	}
	for _, values := range [][]float64{
		{0, 0, 0, 31, 44, 60, 25}, // three of six others report 0 too
		{0, 3, 12, 15, 19, 40},    // median 15
		{0, 25, 31, 44, 60},       // four others only
	} {
		if got := ComparePeers(batch(values...)); len(got) != 0 {
			t.Errorf("%v: %+v", values, got)
		}
	}
	// the same body's second report of the year (another layout) is no peer
	b := batch(0, 18, 25, 31, 44, 60)
	b = append(b, FactsOf(byHand("x.txt", 2024, "东胜区第6街道办事处", map[string]float64{"t3.new.total": 60})))
	if got := ComparePeers(b); len(got) != 1 || !slices.Equal(got[0].Finding.Cells, []string{"t3.new.total"}) {
		t.Errorf("duplicate: %+v", got)
	}
}
