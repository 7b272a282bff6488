package source

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/caiguanhao/opencc/configs/t2s"
)

// TestSimplifiedLikeOpenCC checks the generated tables convert exactly as the OpenCC
// port they were generated from, on the Traditional seed and on every dictionary entry.
func TestSimplifiedLikeOpenCC(t *testing.T) {
	var texts []string
	seeds, _ := filepath.Glob("../../testdata/seeds/000_*.txt")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, p := range t2sPhrases {
		texts = append(texts, "國"+p.t+"報")
	}
	var all []rune
	for _, c := range t2sChars {
		all = append(all, c.t)
	}
	texts = append(texts, string(all))
	for _, text := range texts {
		// convert run by run, as Normalize does
		var runs []string
		cur := []rune{}
		for _, r := range text {
			if unicode.Is(unicode.Han, r) {
				cur = append(cur, r)
				continue
			}
			if len(cur) > 0 {
				runs = append(runs, string(cur))
				cur = cur[:0]
			}
		}
		runs = append(runs, string(cur))
		for _, run := range runs {
			if got, want := toSimplified(run), t2s.Dicts.Convert(run); got != want {
				t.Errorf("%q: got %q, OpenCC %q", run, got, want)
			}
		}
	}
}
