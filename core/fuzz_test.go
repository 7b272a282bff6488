package core

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzCheck feeds arbitrary bytes through the whole pipeline: it must never panic
// (Check recovers, so a recovered panic is reported as a failure here), and every
// offset it returns must lie within the input.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
			f.Add([]byte(crawled(string(b), false))) // as crawlers store it
		}
	}
	f.Add([]byte(htmlPage()))
	f.Add([]byte(converterMarkdown()))
	f.Add([]byte("一、本年新收政府信息公开申请数量640020470\n"))
	f.Add([]byte("\xff\xfe1\x002\x00"))
	f.Add([]byte("一、总体情况\n第二十条 规章 1 0 1\n一、本年新收政府信息公开申请数量 1\n行政复议 结果维持 0\n" +
		"二〇二四年政府信息公开工作年度报告\n第二十条 规章 0\n一、本年新收政府信息公开申请数量 2\n")) // two reports
	f.Fuzz(func(t *testing.T, in []byte) {
		done := make(chan []*Result, 1)
		go func() { done <- append([]*Result{Check(in, Options{})}, CheckEach(in, Options{})...) }()
		var all []*Result
		select {
		case all = <-done:
		case <-time.After(20 * time.Second): // a report of any size is checked in well under a second
			t.Fatalf("Check and CheckEach took over 20 s on %d bytes", len(in))
		}
		for _, res := range all {
			checkOffsets(t, res, in)
		}
	})
}

// checkOffsets fails on a recovered panic or an offset outside the input.
func checkOffsets(t *testing.T, res *Result, in []byte) {
	for _, f := range res.Findings {
		if f.Rule == "internal" {
			t.Fatalf("panic: %s", f.Message)
		}
		if len(f.At) == 2 && (f.At[0] < 0 || f.At[1] > len(in) || f.At[0] > f.At[1]) {
			t.Fatalf("finding offsets %v outside input of %d bytes", f.At, len(in))
		}
	}
	for id, c := range res.Cells {
		if c.At[0] < 0 || c.At[1] > len(in) || c.At[0] > c.At[1] {
			t.Fatalf("cell %s offsets %v outside input of %d bytes", id, c.At, len(in))
		}
	}
}
