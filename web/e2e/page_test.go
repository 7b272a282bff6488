//go:build e2e

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func seeds(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no seeds in testdata/seeds")
	}
	return files
}

// TestSeeds pastes each seed and checks that the page shows its tables and findings.
func TestSeeds(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	for _, path := range seeds(t) {
		name := filepath.Base(path)
		text := readFile(t, "testdata/seeds/"+name)
		tb.paste(text, "")
		if got := tb.str(`document.getElementById('input').value`); got != text {
			t.Errorf("%s: the editor does not hold the pasted text (%d of %d characters)", name, len(got), len(text))
		}
		r := tb.result()
		if r.Error != "" || r.Template == "unknown" || len(r.Tables) == 0 && r.Template != "stats" {
			t.Errorf("%s: no tables read: template %q, error %q", name, r.Template, r.Error)
		}
		tb.expectShownMatchesResult(name)
		var tm struct{ Check, Render float64 }
		tb.eval(`nianbaoPage.timing`, &tm)
		t.Logf("%s: template %s, %d findings, check %.1f ms, render %.1f ms", name, r.Template, len(r.Findings), tm.Check, tm.Render)
	}
	tb.noRequestsSinceLoad()
}

// TestSampleOnFirstVisit: a newcomer sees a real result at once.
func TestSampleOnFirstVisit(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	want := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	if got := tb.str(`document.getElementById('input').value`); got != want {
		t.Errorf("the sample (seed 004) is not loaded on a first visit")
	}
	r := tb.result()
	altered := false
	for _, f := range r.Findings {
		altered = altered || f.Rule == "label.altered"
	}
	if !altered {
		t.Errorf("sample: no label.altered finding shown: %+v", r.Findings)
	}
	tb.expectShownMatchesResult("sample")
	tb.noRequestsSinceLoad()
}

// TestDropFiles drops a Word document and a web page, and chooses a GB18030 text file.
func TestDropFiles(t *testing.T) {
	dir := t.TempDir()
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	docx := filepath.Join(dir, "东胜区2024年报.docx")
	writeDocx(t, docx, seed)
	page := filepath.Join(dir, `年报<img src=x onerror="window.__pwned=1">.html`)
	writeHTML(t, page, seed)
	gb := filepath.Join(dir, "gb18030.txt")
	other := readFile(t, "testdata/seeds/002_d85570ef8ddfd07a.txt")
	enc, err := simplifiedchinese.GB18030.NewEncoder().String(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gb, []byte(enc), 0o644); err != nil {
		t.Fatal(err)
	}

	tb := newTab(t)
	tb.open(base)
	// Word 97-2003, as LibreOffice saves seed 004 (testdata/markup)
	doc := filepath.Join(dir, "东胜区2024年报.doc")
	if err := os.WriteFile(doc, []byte(readFile(t, "testdata/markup/seed004.doc")), 0o644); err != nil {
		t.Fatal(err)
	}
	// OFD, the fixed-layout format of government documents (made from seed 004's PDF)
	ofd := filepath.Join(dir, "东胜区2024年报.ofd")
	if err := os.WriteFile(ofd, []byte(readFile(t, "testdata/markup/seed004.ofd")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ path, format string }{{docx, "docx"}, {page, "html"}, {doc, "doc"}, {ofd, "ofd"}} {
		tb.drop(f.path)
		r := tb.result()
		t.Logf("%s: format %q, template %q, %d findings, error %q", filepath.Base(f.path), r.Input.Format, r.Template, len(r.Findings), r.Input.Error)
		if r.Error != "" {
			t.Fatalf("%s: %s", f.path, r.Error)
		}
		if r.Input.Format != f.format {
			t.Errorf("%s: read as %q, want %q", filepath.Base(f.path), r.Input.Format, f.format)
		}
		if r.Input.Text != "" {
			// a structured input is shown as the text the checker read, read-only
			if got := tb.str(`document.getElementById('docview').textContent`); got != r.Input.Text {
				t.Errorf("%s: the source pane does not show the text read", filepath.Base(f.path))
			}
			if !strings.Contains(tb.str(`document.getElementById('docbar-text').textContent`), filepath.Base(f.path)) {
				t.Errorf("%s: the file's name is not shown", filepath.Base(f.path))
			}
		}
		if r.Template == "unknown" {
			t.Errorf("%s: no template recognised", filepath.Base(f.path))
		}
		tb.expectShownMatchesResult(filepath.Base(f.path))
		if got := tb.str(`(document.querySelector('#tables td[data-cell="t3.new.natural"]') || {}).textContent || ''`); got != "8" {
			t.Errorf("%s: t3.new.natural shows %q, want 8", filepath.Base(f.path), got)
		}
	}
	var pwned any
	tb.eval(`window.__pwned`, &pwned)
	if pwned != nil {
		t.Errorf("a file name ran as markup: __pwned = %v", pwned)
	}

	// choose a file: a GB18030 text becomes editable text
	before := tb.checks()
	tb.do(chromedp.SetUploadFiles(chromedp.ID("file-input"), []string{gb}))
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if got := tb.str(`document.getElementById('input').value`); got != other {
		t.Errorf("GB18030 file: the editor does not hold the decoded text")
	}
	tb.expectShownMatchesResult("gb18030.txt")
	tb.noRequestsSinceLoad()
}

// TestDistFromFile opens the single file from file:// and checks a report with it.
func TestDistFromFile(t *testing.T) {
	tb := newTab(t)
	tb.open("file://" + filepath.Join(root, "dist", "nianbao.html"))
	r := tb.result()
	if r.Template == "unknown" {
		t.Errorf("dist: the sample was not checked: %+v", r)
	}
	tb.paste(readFile(t, "testdata/seeds/002_d85570ef8ddfd07a.txt"), "")
	tb.expectShownMatchesResult("dist seed 002")
	var scripts int
	tb.eval(`document.querySelectorAll('script[src], link[rel=stylesheet]').length`, &scripts)
	if scripts != 0 {
		t.Errorf("dist/nianbao.html loads %d external files", scripts)
	}
	tb.noRequestsSinceLoad()
}

// TestPasteHTML pastes from a web page: the clipboard's HTML flavour carries the table.
func TestPasteHTML(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	tb.paste("", reportHTML(seed))
	r := tb.result()
	t.Logf("pasted HTML: format %q, template %q, %d findings", r.Input.Format, r.Template, len(r.Findings))
	if r.Template == "unknown" {
		t.Errorf("pasted HTML: no template recognised")
	}
	tb.expectShownMatchesResult("pasted HTML")
	tb.noRequestsSinceLoad()
}

// TestNothingRuns pastes markup and script as text and as HTML: nothing may run or load.
func TestNothingRuns(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	evil := `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>` +
		`<svg onload="window.__pwned=3"></svg><a href="javascript:window.__pwned=4">链接</a>`
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	tb.paste(evil+"\n"+seed+"\n"+evil, "")
	if got := tb.str(`document.getElementById('input').value`); !strings.HasPrefix(got, evil) {
		t.Errorf("the pasted markup is not kept as text: %.80q", got)
	}
	tb.paste("", `<p>`+evil+`</p><table><tr><td>`+evil+`</td><td>1</td></tr></table>`+reportHTML(seed))
	tb.eval(`document.getElementById('show-review').click(); true`, nil)
	tb.wait(`!document.getElementById('review').hidden`)
	var state struct {
		Pwned   any `json:"pwned"`
		Imgs    int `json:"imgs"`
		Svgs    int `json:"svgs"`
		Scripts int `json:"scripts"`
		Links   int `json:"links"`
	}
	tb.eval(`({pwned: window.__pwned, imgs: document.querySelectorAll('img').length, svgs: document.querySelectorAll('svg').length,
		scripts: document.querySelectorAll('script:not([src])').length, links: document.querySelectorAll('a[href^="javascript"]').length})`, &state)
	if state.Pwned != nil || state.Imgs+state.Svgs+state.Links > 0 || state.Scripts > 0 {
		t.Errorf("pasted markup became part of the page: %+v", state)
	}
	tb.noRequestsSinceLoad()
}

// TestPanicKeepsPage forces a Go panic inside the bridge: the page says so, keeps the
// text, and checks again once the panic is gone.
func TestPanicKeepsPage(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	text := tb.str(`document.getElementById('input').value`)
	tb.eval(`nianbaoPage.setTestOptions({__panic: true}); nianbaoPage.recheck(); true`, nil)
	var r result
	tb.eval(`nianbaoPage.lastResult`, &r)
	if r.Error == "" {
		t.Fatalf("the forced panic did not come back as an error: %+v", r)
	}
	if tb.str(`document.getElementById('banner').hidden ? '' : document.getElementById('banner').textContent`) == "" {
		t.Errorf("no message about the failure")
	}
	if got := tb.str(`document.getElementById('input').value`); got != text {
		t.Errorf("the text was lost after a panic")
	}
	tb.eval(`nianbaoPage.setTestOptions(null); true`, nil)
	tb.paste(readFile(t, "testdata/seeds/001_4d220e2fb02edc16.txt"), "")
	if r := tb.result(); r.Error != "" || r.Template == "unknown" {
		t.Errorf("the checker does not work after a panic: %+v", r)
	}
	if tb.str(`document.getElementById('banner').hidden ? '' : 'shown'`) != "" {
		t.Errorf("the failure message stays after a good check")
	}
	tb.expectShownMatchesResult("after panic")
	tb.noRequestsSinceLoad()
}

// TestKeepAcrossReload: the last input comes back after a reload, until cleared.
func TestKeepAcrossReload(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	text := readFile(t, "testdata/seeds/001_4d220e2fb02edc16.txt")
	tb.paste(text, "")
	tb.open(base)
	if got := tb.str(`document.getElementById('input').value`); got != text {
		t.Fatalf("the input was not kept across a reload")
	}
	tb.expectShownMatchesResult("reloaded")
	tb.eval(`document.getElementById('clear-all').click(); document.getElementById('clear-all').click(); true`, nil)
	if got := tb.str(`document.getElementById('input').value + Object.keys(localStorage).filter(k => k.includes('dismissed')).join()`); got != "" {
		t.Errorf("clear all left %q", got)
	}
	tb.open(base)
	if got := tb.str(`document.getElementById('input').value`); got != "" {
		t.Errorf("cleared input came back after a reload: %.40q", got)
	}
}

// TestPageBehaviour renders a made-up Result over seed 004 to check the page's own
// logic: totals, blanks, grouping, selection, cell lists, dismissal, review, CSV.
func TestPageBehaviour(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	text := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	show := `nianbaoPage.show(` + fixture(t, text) + `, ` + jsString(text) + `); true`
	tb.eval(show, nil)
	cls := func(id string) string {
		return tb.str(`(document.querySelector('#tables td[data-cell="` + id + `"]') || {className: 'absent'}).className`)
	}
	txt := func(id string) string {
		return tb.str(`(document.querySelector('#tables td[data-cell="` + id + `"]') || {textContent: 'absent'}).textContent`)
	}
	if c := cls("t3.total.natural"); !strings.Contains(c, "sev-error") || !strings.Contains(c, "is-total") {
		t.Errorf("the disagreeing total is not styled as such: %q", c)
	}
	if c := cls("t3.new.natural"); !strings.Contains(c, "sev-error") || strings.Contains(c, "is-total") {
		t.Errorf("a part is not styled as a part: %q", c)
	}
	if c, s := cls("t3.carryover.natural"), txt("t3.carryover.natural"); !strings.Contains(c, "blank") || s != "空" {
		t.Errorf("a blank cell shows %q (%q)", s, c)
	}
	if s := txt("t3.new.total"); s != "未读到" {
		t.Errorf("a cell not read shows %q", s)
	}
	var groups []string
	tb.eval(`[...document.querySelectorAll('#findings .fgroup')].map(g => g.dataset.group || 'dismissed')`, &groups)
	if want := "表三收支平衡,表四,结构,单元格,未能读取"; strings.Join(groups, ",") != want {
		t.Errorf("groups %v, want %s (errors first, reader problems apart and last)", groups, want)
	}
	if !strings.Contains(tb.str(`document.querySelector('.fgroup.reader').textContent`), "不代表报告有错") {
		t.Errorf("reader problems are not worded as the reader's")
	}

	// a finding selected: cell and source line marked, source scrolled, explained beside the cell
	tb.eval(`document.querySelector('#f-0 .f-go').click(); true`, nil)
	if c := cls("t3.total.natural"); !strings.Contains(c, "selected") || !strings.Contains(c, "flash") {
		t.Errorf("selecting a finding does not mark its cell: %q", c)
	}
	if tb.num(`document.querySelectorAll('#backdrop mark.line').length`) == 0 {
		t.Errorf("selecting a finding does not mark its source line")
	}
	if tb.num(`document.getElementById('input').scrollTop`) == 0 {
		t.Errorf("selecting a finding does not scroll the source to it")
	}
	if !strings.Contains(tb.str(`document.getElementById('popover').hidden ? '' : document.getElementById('popover').textContent`), "差 1") {
		t.Errorf("the selected finding is not explained beside its cell")
	}
	// a marked cell lists its findings
	tb.eval(`document.querySelector('#tables td[data-cell="t4.review.total"] button').click(); true`, nil)
	if !strings.Contains(tb.str(`document.getElementById('popover').textContent`), "表四「行政复议」组") {
		t.Errorf("clicking a marked cell does not list its findings")
	}
	// F8 steps through the findings
	tb.eval(`document.dispatchEvent(new KeyboardEvent('keydown', {key: 'F8'})); true`, nil)
	if tb.num(`document.querySelectorAll('#findings .finding.current').length`) != 1 {
		t.Errorf("F8 does not select a finding")
	}

	// dismiss with a note; it stays dismissed after a reload
	tb.eval(`document.querySelector('[data-dismiss="2"]').click(); true`, nil)
	tb.do(chromedp.SendKeys(chromedp.CSS(".dismiss-form input"), "已电话核实\r"))
	if tb.num(`document.querySelectorAll('.fgroup.dismissed .finding').length`) != 1 {
		t.Fatalf("the finding was not dismissed")
	}
	tb.open(base)
	tb.eval(show, nil)
	if got := tb.str(`document.querySelector('.fgroup.dismissed') ? document.querySelector('.fgroup.dismissed').textContent : ''`); !strings.Contains(got, "已电话核实") {
		t.Errorf("the dismissal and its note were not kept: %q", got)
	}

	// the review, core/review's through the bridge, with the report's text never read as markup
	md := tb.str(`nianbaoPage.review()`)
	for _, want := range []string{"审核意见", "差 1", "已电话核实", "未能自动读取"} {
		if !strings.Contains(md, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
	tb.eval(`document.getElementById('show-review').click(); true`, nil)
	tb.wait(`document.querySelector('#review-body h1')`) // export.js's document, from the lite module's review()
	if tb.num(`document.querySelectorAll('#review-body h1, #review-body li').length`) < 3 {
		t.Errorf("the review preview was not rendered: %q", tb.str(`document.getElementById('review-body').innerHTML.slice(0, 200)`))
	}
	csv := tb.str(`nianbaoPage.csv()`)
	if !strings.HasPrefix(csv, "\ufeff") || !strings.Contains(csv, "四、结转下年度继续办理,") {
		t.Errorf("CSV: %.200q", csv)
	}
	for _, line := range strings.Split(csv, "\r\n") {
		if strings.HasPrefix(line, ",四、结转下年度继续办理") && line != ",四、结转下年度继续办理,," {
			t.Errorf("CSV: a blank cell written as %q", line)
		}
	}
	var pwned any
	tb.eval(`window.__pwned`, &pwned)
	if pwned != nil || tb.num(`document.querySelectorAll('img, script:not([src])').length`) != 0 {
		t.Errorf("the agency's markup ran or was inserted")
	}
	tb.noRequestsSinceLoad()
}

// fixture is a made-up Result over the text of seed 004, with real byte offsets.
func fixture(t *testing.T, text string) string {
	t.Helper()
	at := func(anchor string, n int) []int {
		i := strings.Index(text, anchor)
		if i < 0 {
			t.Fatalf("fixture: %q not in the text", anchor)
		}
		i += len(anchor)
		return []int{i, i + n}
	}
	cell := func(v any, raw string, span []int, label string) map[string]any {
		return map[string]any{"value": v, "raw": raw, "at": span, "label": label}
	}
	newAt := at("一、本年新收政府信息公开申请数量 |\n", 1)
	totalAt := at("(七)总计 |\n", 1)
	cells := map[string]any{
		"t3.new.natural":       cell(8, "8", newAt, "表三 一、本年新收 · 自然人"),
		"t3.carried.natural":   cell(0, "0", at("二、上年结转政府信息公开申请数量 |\n", 1), "表三 二、上年结转 · 自然人"),
		"t3.total.natural":     cell(9, "9", totalAt, "表三 （七）总计 · 自然人"),
		"t3.carryover.natural": cell(nil, "", at("四、结转下年度继续办理 |\n", 0), "表三 四、结转下年度 · 自然人"),
		"t4.review.upheld":     cell(1, "1", at("四、政府信息公开行政复议", 0), "表四 行政复议 · 结果维持"),
		"t4.review.total":      cell(0, "0", at("四、政府信息公开行政复议", 0), "表四 行政复议 · 总计"),
	}
	hdr := func(id, label, group string) map[string]any {
		return map[string]any{"id": id, "label": label, "group": group}
	}
	labelAt := at("", 0)
	if i := strings.Index(text, "预期不补正"); i >= 0 {
		labelAt = []int{i, i + len("预期")}
	}
	res := map[string]any{
		"template": "2021", "year": 2024, "agency": `东胜区<img src=x onerror="window.__pwned=1">局`,
		"cells": cells,
		"tables": []any{
			map[string]any{"id": "t3", "title": "表三 收到和处理政府信息公开申请情况",
				"columns": []any{hdr("natural", "自然人", ""), hdr("total", "总计", "")},
				"rows": []any{hdr("new", "一、本年新收政府信息公开申请数量", ""), hdr("carried", "二、上年结转政府信息公开申请数量", ""),
					hdr("total", "（七）总计", "三、本年度办理结果"), hdr("carryover", "四、结转下年度继续办理", "")},
				"cells": [][]string{{"t3.new.natural", "t3.new.total"}, {"t3.carried.natural", ""}, {"t3.total.natural", ""}, {"t3.carryover.natural", ""}}},
			map[string]any{"id": "t4", "title": "表四 政府信息公开行政复议、行政诉讼情况",
				"columns": []any{hdr("upheld", "结果维持", ""), hdr("total", "总计", "")},
				"rows":    []any{hdr("review", "行政复议", "")},
				"cells":   [][]string{{"t4.review.upheld", "t4.review.total"}}},
		},
		"findings": []any{
			map[string]any{"rule": "t3.balance", "severity": "error", "origin": "report", "group": "表三收支平衡", "title": "表三收支平衡",
				"message": "自然人列：一+二 = 8+0 = 8，三(七)+四 = 9+空 = 9，8 ≠ 9，差 1 <script>window.__pwned=2</script>",
				"cells":   []string{"t3.new.natural", "t3.carried.natural", "t3.total.natural", "t3.carryover.natural"},
				"total":   "t3.total.natural", "at": []int{newAt[0], totalAt[1]}},
			map[string]any{"rule": "t4.total", "severity": "error", "origin": "report", "group": "表四", "title": "表四合计",
				"message": "表四「行政复议」组：总计(0)，结果维持(1)=1，0 ≠ 1，差 1",
				"cells":   []string{"t4.review.upheld", "t4.review.total"}, "total": "t4.review.total"},
			map[string]any{"rule": "label.altered", "severity": "warning", "origin": "report", "group": "结构", "title": "模板文字被改动",
				"message": "“预”应为“逾”", "at": labelAt},
			map[string]any{"rule": "read.cell", "severity": "warning", "origin": "reader", "group": "读取问题", "title": "未能读取",
				"message": "未能读取“四、结转下年度继续办理”自然人一格", "cells": []string{"t3.carryover.natural"}},
			map[string]any{"rule": "cell.blank", "severity": "info", "origin": "report", "group": "单元格", "title": "空白单元格",
				"message": "“四、结转下年度继续办理 · 自然人”为空白", "cells": []string{"t3.carryover.natural"}},
		},
		"input":   map[string]any{"format": "text", "encoding": "utf-8", "bytes": len(text)},
		"summary": map[string]any{"errors": 2, "warnings": 1, "infos": 1, "reader": 1},
	}
	b, _ := json.Marshal(res)
	return string(b)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// reportHTML renders a seed as a web page shows it: in the seeds a table row is a run of
// "cell |" lines closed by a line of bars; every other line is a paragraph.
func reportHTML(seed string) string {
	var b strings.Builder
	var row []string
	inTable := false
	flush := func() {
		if len(row) > 0 {
			b.WriteString("<tr>")
			for _, c := range row {
				b.WriteString("<td>" + html.EscapeString(c) + "</td>")
			}
			b.WriteString("</tr>")
			row = nil
		}
	}
	for _, line := range strings.Split(seed, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed != "" && strings.Trim(trimmed, "|") == "":
			flush()
		case strings.HasSuffix(trimmed, "|"):
			if !inTable {
				b.WriteString("<table border=\"1\">")
				inTable = true
			}
			row = append(row, strings.TrimSpace(strings.TrimSuffix(trimmed, "|")))
		default:
			flush()
			if inTable {
				b.WriteString("</table>")
				inTable = false
			}
			b.WriteString("<p>" + html.EscapeString(line) + "</p>")
		}
	}
	flush()
	if inTable {
		b.WriteString("</table>")
	}
	return b.String()
}

func writeHTML(t *testing.T, path, seed string) {
	t.Helper()
	page := `<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body>` + reportHTML(seed) + `</body></html>`
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeDocx writes a minimal Word document with one paragraph per line of text.
func writeDocx(t *testing.T, path, text string) {
	t.Helper()
	var body strings.Builder
	for _, line := range strings.Split(text, "\n") {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(line) + `</w:t></w:r></w:p>`)
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPrint: printing prints the review (审核意见) and nothing else.
func TestPrint(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	// printing renders the review first (export.js, from the lite module's review())
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("no PDF")
	}
	if tb.num(`document.querySelectorAll('#review-body h1').length`) != 1 {
		t.Errorf("printing did not render the review first")
	}
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	var shown struct{ Panes, Review, Bar string }
	tb.eval(`({panes: getComputedStyle(document.querySelector('main.panes')).display, review: getComputedStyle(document.getElementById('review')).display,
		bar: getComputedStyle(document.querySelector('header.bar')).display})`, &shown)
	if shown.Panes != "none" || shown.Bar != "none" || shown.Review == "none" {
		t.Errorf("print layout: %+v", shown)
	}
	tb.noRequestsSinceLoad()
}
