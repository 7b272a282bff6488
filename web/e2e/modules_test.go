//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModules: the page starts with the lite module only; a Word document and a Markdown
// file dropped on it are checked by the full module, loaded then, with the text kept;
// the review preview renders through goldmark; nothing leaves the page, on the served
// page and in the single file.
func TestModules(t *testing.T) {
	dir := t.TempDir()
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	docx := filepath.Join(dir, "东胜区2024年报.docx")
	writeDocx(t, docx, seed)
	md := filepath.Join(dir, "年报.md")
	// the seeds read as Markdown too: their pipe rows are table rows
	if err := os.WriteFile(md, []byte(seed), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, target := range targets() {
		t.Run(target.name, func(t *testing.T) {
			tb := newTab(t)
			tb.open(target.url)
			var at struct {
				Lite, FullGlobal, PageFull bool
				Policy                     string
			}
			tb.eval(`({lite: window.nianbao && nianbao.full === false, fullGlobal: 'nianbaoFull' in window, pageFull: nianbaoPage.full,
				policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content})`, &at)
			if !at.Lite || at.FullGlobal || at.PageFull {
				t.Fatalf("at load: want the lite module only, got %+v", at)
			}
			if !strings.Contains(at.Policy, "connect-src 'none'") || strings.Contains(at.Policy, " 'unsafe-eval'") {
				t.Errorf("policy: %s", at.Policy)
			}
			if target.name == "dist" && strings.Contains(at.Policy, "script-src 'self'") {
				t.Errorf("dist allows scripts by 'self': %s", at.Policy)
			}

			// a Word document: loaded by the full module, read as docx
			tb.drop(docx)
			r := tb.result()
			if r.Input.Format != "docx" || r.Template != "2021" || r.Input.Error != "" {
				t.Errorf("docx: format %q, template %q, error %q", r.Input.Format, r.Template, r.Input.Error)
			}
			altered := false
			for _, f := range r.Findings {
				altered = altered || f.Rule == "label.altered"
			}
			if !altered {
				t.Errorf("docx: the altered label of seed 004 was not found")
			}
			if tb.num(`nianbaoPage.lastResult.cells['t3.new.natural'].value`) != 8 {
				t.Errorf("docx: t3.new.natural is not 8")
			}
			tb.expectShownMatchesResult("docx")
			var mods struct{ Lite, Full bool }
			tb.eval(`({lite: nianbao.full === false, full: !!window.nianbaoFull && nianbaoFull.full === true})`, &mods)
			if !mods.Lite || !mods.Full {
				t.Errorf("after the docx: modules %+v, want the lite one as nianbao and the full one as nianbaoFull", mods)
			}

			// a Markdown file: its text goes into the editor and stays there
			tb.drop(md)
			r = tb.result()
			if r.Input.Format != "markdown" || r.Template != "2021" {
				t.Errorf("md: format %q, template %q, error %q", r.Input.Format, r.Template, r.Input.Error)
			}
			if got := tb.str(`document.getElementById('input').value`); got != seed {
				t.Errorf("md: the editor does not hold the file's text")
			}
			tb.expectShownMatchesResult("md")

			// the review preview, rendered by goldmark
			tb.eval(`document.getElementById('show-review').click(); true`, nil)
			tb.wait(`document.querySelectorAll('#review-body h1, #review-body h2').length >= 2`)
			if tb.num(`document.querySelectorAll('#review-body pre').length`) != 0 {
				t.Errorf("the review is shown as plain Markdown")
			}
			tb.noRequestsSinceLoad()
		})
	}

	// a fresh page: the review preview needs no full module (review() is in both)
	t.Run("review", func(t *testing.T) {
		tb := newTab(t)
		tb.open(base)
		tb.eval(`document.getElementById('show-review').click(); true`, nil)
		tb.wait(`document.querySelectorAll('#review-body h1').length === 1`)
		if tb.bool(`nianbaoPage.full`) {
			t.Errorf("the review preview loaded the full module")
		}
		if got := tb.str(`document.querySelector('#review-body h1').textContent`); got != "政府信息公开工作年度报告审核意见" {
			t.Errorf("review title %q", got)
		}
		tb.noRequestsSinceLoad()
	})
}
