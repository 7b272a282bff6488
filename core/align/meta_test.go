package align

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFindPlaces holds the word-by-word search of a few words to the one-pass search
// of many: the same places for each word.
func TestFindPlaces(t *testing.T) {
	s := "全年认真坚持，坚持依法；坚持坚持全年"
	few := findPlaces(s, []string{"坚持", "全年"}, 2)
	many := findPlaces(s, append([]string{"坚持", "全年"}, proseVerb...), 2)
	want := [][]int{{12, 21}, {0, 48}} // 坚持's third place is past n
	for w := range want {
		if len(few[w]) != len(want[w]) || len(many[w]) != len(want[w]) {
			t.Fatalf("word %d: few %v, many %v, want %v", w, few[w], many[w], want[w])
		}
		for i := range want[w] {
			if few[w][i] != want[w][i] || many[w][i] != want[w][i] {
				t.Fatalf("word %d: few %v, many %v, want %v", w, few[w], many[w], want[w])
			}
		}
	}
}

// BenchmarkMeta finds the year and the agency of each seed.
func BenchmarkMeta(b *testing.B) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var texts []string
	for _, f := range seeds {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for i := 0; b.Loop(); i++ {
		meta(texts[i%len(texts)])
	}
}
