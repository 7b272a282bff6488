package markup_test

import (
	"flag"
	"os"
	"testing"

	"nianbao/core/markup"
)

var dump = flag.String("dump", "", "print the rendering of a file")

func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip("run with -dump FILE")
	}
	b, err := os.ReadFile(*dump)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := markup.Read(b, *dump, "")
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString(txt.S)
}
