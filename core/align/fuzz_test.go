package align

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/core/source"
	"nianbao/core/token"
)

// FuzzRead reads arbitrary text, and the seeds as crawlers store them: it must not
// panic, and every cell, label and table span it locates must lie within the text,
// in order.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	flat := regexp.MustCompile(`[ \t]*[|\n\t][ \t]*`)
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
			f.Add(flat.ReplaceAllString(string(b), ""))
			f.Add(flat.ReplaceAllString(string(b), " "))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm := source.Normalize(&source.Text{S: s, Format: "text", InputLen: len(s)})
		rep := Read(norm, token.Tokenize(norm.S))
		n := len(norm.S)
		for id, c := range rep.Cells {
			if !c.Unread && (c.Start < 0 || c.End > n || c.Start > c.End) {
				t.Fatalf("cell %s at [%d,%d) in %d bytes", id, c.Start, c.End, n)
			}
			if c.Unread && c.Value != nil {
				t.Fatalf("cell %s unread with a value", id)
			}
		}
		for _, l := range rep.Labels {
			if l.Start < 0 || l.End > n || l.Start > l.End {
				t.Fatalf("label %s.%s at [%d,%d) in %d bytes", l.Table, l.Row, l.Start, l.End, n)
			}
			if strings.TrimSpace(l.Text) == "" {
				t.Fatalf("label %s.%s empty", l.Table, l.Row)
			}
		}
		for _, sp := range rep.Spans {
			if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
				t.Fatalf("span %s at [%d,%d) in %d bytes", sp.Table, sp.Start, sp.End, n)
			}
		}
	})
}
