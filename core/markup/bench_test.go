package markup_test

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/core/markup"
)

// BenchmarkReadText reads the seeds as a batch gets them: plain text whose format is
// told by its content.
func BenchmarkReadText(b *testing.B) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var inputs [][]byte
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	for i := 0; b.Loop(); i++ {
		if _, err := markup.Read(inputs[i%len(inputs)], "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
