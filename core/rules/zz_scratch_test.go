package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nianbao/core/prose"
	"nianbao/core/source"
)

func TestZZScratch(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("SCR"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		text, _ := source.Decode(data)
		rep := readReport(t, text.S)
		d := prose.Of(rep)
		fmt.Printf("=== %s agency=%q tmpl=%s year=%d\n", filepath.Base(f), rep.Agency, rep.Template, rep.Year)
		for _, s := range d.Sections {
			h := d.Headings[s.Heading]
			fmt.Printf("  S%d %s%s [%d,%d)\n", s.Canon, h.Mark, h.Title, s.Start, s.End)
		}
		for _, h := range d.Headings {
			fmt.Printf("    H%d %s|%s\n", h.Level, h.Mark, h.Title)
		}
		if os.Getenv("STMT") != "" {
			sts, _ := d.Statements(rep.Year)
			for _, s := range sts {
				fmt.Printf("    ST %s %s %v weak=%v scope=%q %q\n", s.Topic, s.Kind, s.Value, s.Weak, s.Scope, d.Quote(s))
			}
		}
		if os.Getenv("PARA") != "" {
			for _, p := range d.Paras {
				fmt.Printf("    P %q\n", d.S[p.Start:p.End])
			}
		}
	}
}

func TestZZSentences(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("SCR"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		text, _ := source.Decode(data)
		rep := readReport(t, text.S)
		d := prose.Of(rep)
		fmt.Printf("=== %s\n", filepath.Base(f))
		for _, sen := range d.Sentences {
			s := d.S[sen.Start:sen.End]
			if containsAny(s, []string{os.Getenv("W")}) {
				fmt.Printf("  %q\n", s)
			}
		}
	}
}
