//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestScreenshots writes what users see at 1366x768 to $NIANBAO_SHOTS (docs/ from
// the repository root): the sample (seed 004), and a report whose arithmetic is wrong
// with its first error selected.
func TestScreenshots(t *testing.T) {
	dir := shotsDir(t)
	tb := newTab(t)
	tb.open(base)
	tb.wait(`nianbaoPage.timing.checks > 0`)
	tb.screenshot(filepath.Join(dir, "seed-004.png"))

	// year against year: 2024 compared with a 2023 report that carried 3 over, and the
	// same two in a batch
	years := yearsDir(t)
	tb.upload("#compare-input", filepath.Join(years, "a-2023.txt"))
	tb.wait(`nianbaoPage.lastResult.findings.some(f => f.rule.startsWith('crossyear.'))`)
	tb.eval(`[...document.querySelectorAll('#findings .f-go')].find(b => b.closest('.finding') && nianbaoPage.lastResult.findings[+b.closest('.finding').id.slice(2)].rule === 'crossyear.carryover').click(); true`, nil)
	tb.eval(`new Promise(done => setTimeout(() => done(true), 2000))`, nil)
	tb.screenshot(filepath.Join(dir, "year-against-year.png"))
	tb.eval(`document.getElementById('compare-off').click(); true`, nil)
	tb.eval(`document.querySelector('#compare-menu summary').click(), document.getElementById('compare-paste').click(), true`, nil)
	tb.screenshot(filepath.Join(dir, "paste-other-year.png"))
	tb.eval(`document.getElementById('compare-cancel').click(); true`, nil)
	tb.upload("#folder-input", years)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	tb.screenshot(filepath.Join(dir, "batch.png"))
	tb.eval(`document.getElementById('batch-close').click(); true`, nil)

	// 洪泽区 2023 (pdftotext -layout): 表四 总计 left 0 beside non-zero results
	text, err := os.ReadFile(filepath.Join(root, "..", "shared", "corpus", "reports", "018_hongze-2023-pdftotext-layout.txt"))
	if err != nil {
		t.Skipf("the corpus report with arithmetic errors is not here: %v", err)
	}
	tb.paste(string(text), "")
	tb.eval(`document.querySelector('#findings .fgroup:not(.reader) .f-go').click(); true`, nil)
	tb.eval(`new Promise(done => setTimeout(() => done(true), 2000))`, nil) // let the flash end
	tb.screenshot(filepath.Join(dir, "arithmetic-errors.png"))
	tb.eval(`document.getElementById('show-review').click(); true`, nil)
	tb.wait(`document.querySelector('#review-body h1')`) // export.js, from the lite module's review()
	tb.screenshot(filepath.Join(dir, "review.png"))
}

// shotsDir is where the screenshots go ($NIANBAO_SHOTS, from the repository's root); the
// test is skipped when it is not set.
func shotsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NIANBAO_SHOTS")
	if dir == "" {
		t.Skip("set NIANBAO_SHOTS=docs to write the screenshots")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
