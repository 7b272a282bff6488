//go:build e2e

package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDistWordReload (issue 13, point 5): dist/nianbao.html opened from file://, a Word
// file chosen, the page reloaded and the file chosen again, three times: every time the
// report is read as Word and checked, and no error banner stays.
func TestDistWordReload(t *testing.T) {
	docx := filepath.Join(t.TempDir(), "东胜区2024年报.docx")
	writeDocx(t, docx, readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt"))
	tb := newTab(t)
	url := "file://" + filepath.Join(root, "dist", "nianbao.html")
	tb.open(url)
	for i := 0; i < 3; i++ {
		if i > 0 {
			tb.do(chromedp.Reload())
			if !tb.waitFor(`window.nianbaoPage && nianbaoPage.ready && nianbaoPage.timing.checks >= 1`, 30*time.Second) {
				t.Fatalf("run %d: the page did not come back after the reload: %s", i+1, tb.str(`JSON.stringify({page: !!window.nianbaoPage,
					ready: window.nianbaoPage && nianbaoPage.ready, timing: window.nianbaoPage && nianbaoPage.timing, engine: window.nianbaoEngine && nianbaoEngine.timing,
					banner: (document.getElementById('banner') || {}).textContent, summary: ((document.getElementById('summary') || {}).textContent || '').slice(0, 60)})`))
			}
			tb.loaded()
		}
		before := tb.checks()
		tb.do(chromedp.SetUploadFiles(chromedp.ID("file-input"), []string{docx}))
		tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && !!nianbaoPage.lastResult`, before))
		r := tb.result()
		if r.Error != "" || r.Input.Format != "docx" || r.Input.Error != "" {
			t.Errorf("run %d: format %q, error %q %q", i+1, r.Input.Format, r.Error, r.Input.Error)
		}
		if b := tb.str(`document.getElementById('banner').hidden ? '' : document.getElementById('banner').textContent`); b != "" {
			t.Errorf("run %d: banner %q", i+1, b)
		}
		if got := tb.str(`(document.querySelector('#tables td[data-cell="t3.new.natural"]') || {}).textContent || ''`); got != "8" {
			t.Errorf("run %d: t3.new.natural shows %q, want 8", i+1, got)
		}
	}
	tb.noRequestsSinceLoad()
}
