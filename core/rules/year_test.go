package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/core/prose"
)

// mayHoldTitle is only a quick look before the regexp: it must hold wherever the
// regexp matches, in the titles it was written for and in every line of the seeds.
func TestMayHoldTitle(t *testing.T) {
	lines := []string{"2024年政府信息公开工作年度报告", "2022年政务公开工作年报", "信息公开情况统计(2017年度)",
		"某某市人民政府办公室 2023 年度政府信息公开工作报告"}
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		if reTitleYear().MatchString(l) {
			matched++
			if !mayHoldTitle(l) {
				t.Errorf("mayHoldTitle(%q) = false, but the title pattern matches it", l)
			}
		}
	}
	if matched < 4 {
		t.Errorf("only %d lines hold a title", matched)
	}
	if mayHoldTitle("2023年，我局共收到申请12件") {
		t.Error("a line of prose taken for a possible title")
	}
}

// sentencesHolding finds what a look through every sentence finds.
func TestSentencesHolding(t *testing.T) {
	for _, rep := range seedReports(&testing.B{}) {
		d := prose.Of(rep)
		for _, w := range []string{"费", "申请", "。", "2", "依申请公开"} {
			var want, got []int
			for k, sen := range d.Sentences {
				if strings.Contains(d.S[sen.Start:sen.End], w) {
					want = append(want, k)
				}
			}
			for k := range sentencesHolding(d, w) {
				got = append(got, k)
			}
			if !slices.Equal(got, want) {
				t.Errorf("sentencesHolding(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
