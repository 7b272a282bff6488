package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nianbao/core/source"
)

// The findings of this package's prose, statistics-table and structure rules on the
// seeds and the corpus, end to end from the text: every one listed, no more. The
// corpus lies in ../shared beside the repository and is skipped when absent.
var goldenFindings = map[string][]string{
	"testdata/seeds/000_e0bf6f214cd92753.txt": nil,
	// section 六 says only 无: nothing of the 信息处理费
	"testdata/seeds/001_4d220e2fb02edc16.txt": {"content.fee warning", "section.missing error", "section.numbering warning"},
	// 总体情况 has 收费, 行政复议 and 监督保障 parts, none on 政府信息管理
	"testdata/seeds/002_d85570ef8ddfd07a.txt": {"content.parts warning"},
	"testdata/seeds/003_b5b9a5615959bd1c.txt": {"stats.header error", "stats.subset error", "text.link warning", "text.table error"},
	"testdata/seeds/004_fe52555f254f9b80.txt": nil,
	// 表四 counts one review corrected; the prose never speaks of it
	"../shared/corpus/reports/017_hongze-2023-pdftotext-raw.txt":    {"text.correction warning"},
	"../shared/corpus/reports/018_hongze-2023-pdftotext-layout.txt": {"text.correction warning"},
	// the prose counts the applications the government's office answered for it (17),
	// the table the whole district's (95): a warning, not an error
	"../shared/corpus/reports/019_hongze-2024-pdftotext-raw.txt":    {"text.table warning"},
	"../shared/corpus/reports/020_hongze-2024-pdftotext-layout.txt": {"text.table warning"},
	// the prose counts 64 reviews corrected, without a word of why or what was done
	"../shared/corpus/reports/021_huaian-2024-pdftotext-raw.txt":    {"text.correction warning"},
	"../shared/corpus/reports/022_huaian-2024-pdftotext-layout.txt": {"text.correction warning"},
}

func TestSeedsAndCorpus(t *testing.T) {
	mine := map[string]bool{}
	for _, id := range myRules {
		mine[id] = true
	}
	for file, want := range goldenFindings {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../..", file))
			if err != nil {
				t.Skip(err)
			}
			text, err := source.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			rep := readReport(t, text.S)
			Run(rep)
			var got []string
			for _, f := range rep.Findings {
				if mine[f.Rule] {
					got = append(got, f.Rule+" "+f.Severity)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Errorf("got  %v\nwant %v\n%s", got, want, describeFindings(rep, rep.Findings))
			}
		})
	}
}

// Seed 003: the 300 on the heading row is said, and the prose's 300 is checked.
func TestSeed003Messages(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seeds/003_b5b9a5615959bd1c.txt")
	if err != nil {
		t.Skip(err)
	}
	text, _ := source.Decode(data)
	rep := readReport(t, text.S)
	Run(rep)
	for _, f := range rep.Findings {
		at := rep.Norm.S[max(f.Start, 0):max(f.End, 0)]
		switch f.Rule {
		case "text.table":
			if at != "300" || !strings.Contains(f.Message, "正文称“主动公开信息300条”，统计表“主动公开政府信息数”为 0，差 300") {
				t.Errorf("text.table at %q: %s", at, f.Message)
			}
		case "stats.header", "stats.subset":
			if at != "300" || !strings.Contains(f.Message, "错上了一行") {
				t.Errorf("%s at %q: %s", f.Rule, at, f.Message)
			}
		}
	}
}
