package cjk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	cases := []struct {
		s, w string
		want int
	}{
		{"本年新收政府信息公开申请数量", "申请", 30},
		{"本年新收政府信息公开申请数量", "数量", 36},
		{"本年新收政府信息公开申请数量", "本年", 0},
		{"本年新收", "本年新收", 0},
		{"本年新", "本年新收", -1},
		{"本年新收", "驳回", -1},
		{"予以公开，部分公开，不予公开", "公开", 6},
		{"a公开", "公开", 1},
		{"", "公开", -1},
		{"公开", "", 0},
		{"table td", "td", 6},
		{"\xe5\x85\xac", "\x85", 1}, // a lone continuation byte
	}
	for _, c := range cases {
		if got := Index(c.s, c.w); got != c.want {
			t.Errorf("Index(%q, %q) = %d, want %d", c.s, c.w, got, c.want)
		}
	}
}

// FuzzIndex holds Index to strings.Index on any text and word.
func FuzzIndex(f *testing.F) {
	f.Add("政府信息公开工作年度报告", "公开")
	f.Add("予以公开予以公开", "以公")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := Index(s, w), strings.Index(s, w); got != want {
			t.Fatalf("Index(%q, %q) = %d, want %d", s, w, got, want)
		}
	})
}

// TestIndexOnSeeds compares Index with strings.Index for every word of the seeds'
// first lines, searched in the whole seed.
func TestIndexOnSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("../../../testdata/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("no seeds")
	}
	for _, f := range seeds {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		lines := strings.Split(s, "\n")
		for _, l := range lines[:min(len(lines), 40)] {
			r := []rune(strings.TrimSpace(l))
			for i := 0; i+2 <= len(r); i += 3 {
				w := string(r[i : i+2])
				if got, want := Index(s, w), strings.Index(s, w); got != want {
					t.Fatalf("%s: Index(%q) = %d, want %d", f, w, got, want)
				}
			}
		}
	}
}

func benchWords(b *testing.B, index func(s, w string) int) {
	seeds, _ := filepath.Glob("../../../testdata/seeds/*.txt")
	var texts []string
	for _, f := range seeds {
		data, _ := os.ReadFile(f)
		texts = append(texts, string(data))
	}
	ws := []string{"不予公开", "驳回", "行政复议", "收费", "未收取", "纠错", "没有", "无"}
	for i := 0; b.Loop(); i++ {
		s := texts[i%len(texts)]
		for _, w := range ws {
			index(s, w)
		}
	}
}

func BenchmarkIndex(b *testing.B)        { benchWords(b, Index) }
func BenchmarkStringsIndex(b *testing.B) { benchWords(b, strings.Index) }

// FuzzWords holds Words.In to ContainsAny on any text and words.
func FuzzWords(f *testing.F) {
	f.Add("政府信息公开工作年度报告", "公开|年度", "")
	f.Add("予以公开予以公开", "以公|予", "x")
	f.Add("abc", "", "c")
	f.Fuzz(func(t *testing.T, s, a, b string) {
		ws := append(strings.Split(a, "|"), b)
		if got, want := NewWords(ws).In(s), ContainsAny(s, ws); got != want {
			t.Fatalf("In(%q, %q) = %v, want %v", s, ws, got, want)
		}
	})
}

func TestWords(t *testing.T) {
	ws := []string{"不予公开", "驳回", "td"}
	for s, want := range map[string]bool{"本年不予公开3件": true, "驳回": true, "予公开": false, "": false, "table td": true, "t d": false} {
		if got := NewWords(ws).In(s); got != want {
			t.Errorf("In(%q) = %v, want %v", s, got, want)
		}
	}
	many := make([]string, 65)
	for i := range many {
		many[i] = strings.Repeat("字", i+1)
	}
	if !NewWords(many).In("字") || NewWords(many[1:]).In("字") {
		t.Error("more than 64 words: not as ContainsAny")
	}
	if !NewWords([]string{"x", ""}).In("") {
		t.Error("the empty word is in every text")
	}
}

// benchLines checks each line of the seeds for the words, as the label matchers do.
func benchLines(b *testing.B, in func(s string) bool) {
	seeds, _ := filepath.Glob("../../../testdata/seeds/*.txt")
	var lines []string
	for _, f := range seeds {
		data, _ := os.ReadFile(f)
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for i := 0; b.Loop(); i++ {
		in(lines[i%len(lines)])
	}
}

var labelWords = []string{"本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"}

func BenchmarkWordsIn(b *testing.B) { benchLines(b, NewWords(labelWords).In) }
func BenchmarkContainsAny(b *testing.B) {
	benchLines(b, func(s string) bool { return ContainsAny(s, labelWords) })
}
