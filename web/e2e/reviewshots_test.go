//go:build e2e

package e2e

import (
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestReviewScreenshots writes the sample's 审核意见 as a reviewer sends it to
// $NIANBAO_SHOTS (docs/): review-text.png, the plain text the page copies, shown at
// 1366x768; review-word.png, the first page of the .docx the page saves, as LibreOffice
// prints it (soffice to PDF, pdftoppm at 80 dpi).
func TestReviewScreenshots(t *testing.T) {
	dir := shotsDir(t)
	for _, tool := range []string{"soffice", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	tb := newTab(t)
	tb.open(base)
	var out struct{ Text, Docx string }
	tb.eval(`(async () => {
		const x = await import('/ui/export.js');
		const text = nianbao.review(nianbaoPage.lastResult, {format: 'text'}).text;
		const blob = await x.saveDocx(nianbao.review(nianbaoPage.lastResult, {format: 'markdown'}).model, '审核意见.docx');
		const b = new Uint8Array(await blob.arrayBuffer());
		let s = ''; for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
		return {text, docx: btoa(s)};
	})()`, &out)
	if len(out.Text) < 100 || len(out.Docx) < 100 {
		t.Fatalf("review: %d characters of text, %d of docx", len(out.Text), len(out.Docx))
	}

	// the plain text, as it lands in an office system's text box
	tb.eval(`(text => { document.head.replaceChildren(); const pre = document.createElement('pre'); pre.textContent = text;
		pre.style.cssText = 'margin: 0; padding: 16px 24px; font: 15px/1.7 "Noto Sans CJK SC", sans-serif; white-space: pre-wrap; background: #fff; color: #1f2328';
		document.body.replaceChildren(pre); document.body.style.margin = '0'; return true; })(`+jsString(out.Text)+`)`, nil)
	tb.screenshot(filepath.Join(dir, "review-text.png"))

	// the Word file, printed by LibreOffice
	tmp := t.TempDir()
	raw, err := base64.StdEncoding.DecodeString(out.Docx)
	if err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(tmp, "review.docx")
	if err := os.WriteFile(docx, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) {
		t.Helper()
		if b, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, b)
		}
	}
	run("soffice", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"), "--headless", "--convert-to", "pdf", "--outdir", tmp, docx)
	run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", filepath.Join(tmp, "review.pdf"), filepath.Join(dir, "review-word"))
}
