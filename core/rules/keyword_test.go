package rules

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestKeywordClauses checks that the fee rule's pattern finds the same matches in the
// clauses keywordClauses keeps as in the whole text.
func TestKeywordClauses(t *testing.T) {
	parts := []string{"未", "向申请人", "发出", "收费通知", "缴费通知", "书", "0", "零", "件", "份", ",", ";", "。", "无", "按", "没有", "出具", "的", "本年", " ", "\n"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(30); k > 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s := b.String()
		want := reNoNotice().FindAllStringIndex(s, -1)
		var got [][]int
		if lo, hi, ok := keywordClauses(s, ",;。", "收费通知", "缴费通知"); ok {
			for _, m := range reNoNotice().FindAllStringIndex(s[lo:hi], -1) {
				got = append(got, []int{m[0] + lo, m[1] + lo})
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	}
}
