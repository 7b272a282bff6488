//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// yearsDir writes a synthetic pair made from seed 004 (东胜区, 2024): its 2023 report
// carried 3 applications over, where the 2024 report says none were carried, and its
// prose is the same; and a report whose agency cannot be found. The command line's
// batch test uses the same pair.
func yearsDir(t *testing.T) string {
	t.Helper()
	now := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	before := lastYear(t, now)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a-2023.txt":     before,
		"b-2024.txt":     now,
		"c-noagency.txt": strings.ReplaceAll(now, "东胜区行政审批政务服务与数据管理局", "我局"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lastYear makes seed 004's report for 2023: the same, except that it carried 3
// applications over where the 2024 report says none were carried.
func lastYear(t *testing.T, seed004 string) string {
	t.Helper()
	row := "四、结转下年度继续办理 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1 |"
	before := strings.Replace(strings.ReplaceAll(seed004, "2024", "2023"), row, strings.ReplaceAll(row, "\n1 |", "\n3 |"), 1)
	if before == strings.ReplaceAll(seed004, "2024", "2023") {
		t.Fatal("seed 004 changed: its carry-over row is not found")
	}
	return before
}

// wantCross is what comparing a-2023.txt with b-2024.txt must find.
var wantCross = []string{
	"crossyear.carryover 2024年表三「自然人」上年结转(0) ≠ 2023年（a-2023.txt）结转下年度继续办理(3)，差 3",
	"crossyear.carryover 2024年表三「总计」上年结转(0) ≠ 2023年（a-2023.txt）结转下年度继续办理(3)，差 3",
	"crossyear.copy 2024年报告正文与2023年（a-2023.txt）报告高度雷同：上年正文约 100% 的文字在本年原样出现（按整句比较，数字不计；两年正文分别约 1244 字、1244 字），疑似沿用上年报告，请核对是否如实反映本年情况",
}

// crossShown lists the cross-year findings the page shows: rule and message.
const crossShown = `[...document.querySelectorAll('#findings .finding')].filter(li => {
	const r = nianbaoPage.lastResult.findings[+li.id.slice(2)];
	return r && r.rule.startsWith('crossyear.');
}).map(li => nianbaoPage.lastResult.findings[+li.id.slice(2)].rule + ' ' + li.querySelector('.f-msg').textContent)`

// upload chooses files in one of the page's file inputs, as the file dialog does.
func (tb *tab) upload(sel string, paths ...string) {
	tb.t.Helper()
	tb.do(chromedp.SetUploadFiles(sel, paths))
}

// TestYearAgainstYear: a second input compares this year's report with last year's;
// the warnings name both reports and mark the cells; given the other way round the
// page says where the warnings go and swaps on request; cancelling restores the
// report's own result.
func TestYearAgainstYear(t *testing.T) {
	dir := yearsDir(t)
	tb := newTab(t)
	tb.open(base)
	tb.eval(`nianbaoPage.load(`+jsString(readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt"))+`, 'b-2024.txt').then(() => true)`, nil)
	alone := tb.num(`nianbaoPage.lastResult.summary.warnings`)

	before := tb.checks()
	tb.upload("#compare-input", filepath.Join(dir, "a-2023.txt"))
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.findings.some(f => f.rule.startsWith('crossyear.'))`, before))
	var got []string
	tb.eval(crossShown, &got)
	if !slices.Equal(got, wantCross) {
		t.Errorf("cross-year findings shown:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantCross, "\n"))
	}
	if w := tb.num(`nianbaoPage.lastResult.summary.warnings`); w != alone+3 {
		t.Errorf("warnings %v, want %v + 3", w, alone)
	}
	bar := tb.str(`document.getElementById('compare-bar').textContent`)
	for _, s := range []string{"a-2023.txt（2023年 · 东胜区行政审批政务服务与数据管理局）", "发现 3 处跨年度问题"} {
		if !strings.Contains(bar, s) {
			t.Errorf("the comparison bar lacks %q: %q", s, bar)
		}
	}
	if cls := tb.str(`document.querySelector('#tables td[data-cell="t3.carried.natural"]').className`); !strings.Contains(cls, "sev-warning") {
		t.Errorf("t3.carried.natural is not marked: class %q", cls)
	}
	if group := tb.str(`[...document.querySelectorAll('#findings .fgroup h3, #findings .fgroup summary')].map(e => e.textContent).join('|')`); !strings.Contains(group, "跨年度") {
		t.Errorf("no 跨年度 group: %q", group)
	}
	tb.expectShownMatchesResult("compared with 2023")
	// the other report can be looked at, and back
	before = tb.checks()
	tb.eval(`document.getElementById('compare-view').click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.year === 2023`, before))
	before = tb.checks()
	tb.eval(`document.getElementById('compare-swap').click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.year === 2024`, before))
	if md := tb.str(`nianbaoPage.review()`); !strings.Contains(md, "跨年度比对：a-2023.txt（2023 年）") || !strings.Contains(md, "上年结转(0) ≠ 2023年") {
		t.Errorf("the review does not mention the comparison:\n%s", md)
	}

	// the other way round: the 2023 report shown, compared with 2024's
	before = tb.checks()
	tb.eval(`nianbaoPage.load(`+jsString(readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt"))+`, 'b-2024.txt').then(() => true)`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	before = tb.checks()
	tb.eval(`nianbaoPage.load(`+jsString(string(must(os.ReadFile(filepath.Join(dir, "a-2023.txt")))))+`, 'a-2023.txt').then(() => true)`, nil)
	tb.upload("#compare-input", filepath.Join(dir, "b-2024.txt"))
	tb.wait(`(document.getElementById('compare-bar').textContent || '').includes('b-2024.txt')`)
	if bar := tb.str(`document.getElementById('compare-bar').textContent`); !strings.Contains(bar, "比对报告（2024年）晚于当前报告（2023年）") {
		t.Errorf("reversed: bar %q", bar)
	}
	tb.eval(crossShown, &got)
	if len(got) != 0 {
		t.Errorf("the older report shows cross-year findings: %q", got)
	}
	before = tb.checks()
	tb.eval(`document.getElementById('compare-swap').click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.year === 2024`, before))
	tb.eval(crossShown, &got)
	if !slices.Equal(got, wantCross) {
		t.Errorf("after swapping:\n%s", strings.Join(got, "\n"))
	}

	// not the same body: a note, nothing compared
	tb.upload("#compare-input", filepath.Join(dir, "c-noagency.txt"))
	tb.wait(`(document.getElementById('compare-bar').textContent || '').includes('c-noagency.txt')`)
	tb.eval(crossShown, &got)
	if len(got) != 1 || !strings.HasPrefix(got[0], "crossyear.pair ") {
		t.Errorf("compared with a 2024 report of unknown agency: %q", got)
	}

	// cancelled: the report's own result again
	before = tb.checks()
	tb.eval(`document.getElementById('compare-off').click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	tb.eval(crossShown, &got)
	if len(got) != 0 || !tb.bool(`document.getElementById('compare-bar').hidden`) || tb.num(`nianbaoPage.lastResult.summary.warnings`) != alone {
		t.Errorf("after cancelling: %q, bar hidden %v", got, tb.bool(`document.getElementById('compare-bar').hidden`))
	}
	// last year's report pasted instead of chosen as a file
	tb.eval(`nianbaoPage.load(`+jsString(readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt"))+`, 'b-2024.txt').then(() => true)`, nil)
	tb.eval(`document.querySelector('#compare-menu summary').click(), document.getElementById('compare-paste').click(), true`, nil)
	if tb.bool(`document.getElementById('compare-dialog').hidden`) {
		t.Fatalf("the paste dialog did not open")
	}
	before = tb.checks()
	tb.eval(`document.getElementById('compare-text').value = `+jsString(lastYear(t, readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")))+`; document.getElementById('compare-go').click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.findings.some(f => f.rule.startsWith('crossyear.'))`, before))
	tb.eval(crossShown, &got)
	pasted := []string{strings.ReplaceAll(wantCross[0], "（a-2023.txt）", "（粘贴的报告）"), strings.ReplaceAll(wantCross[1], "（a-2023.txt）", "（粘贴的报告）"), strings.ReplaceAll(wantCross[2], "（a-2023.txt）", "（粘贴的报告）")}
	if !slices.Equal(got, pasted) || !tb.bool(`document.getElementById('compare-dialog').hidden`) {
		t.Errorf("compared with pasted text:\n%s", strings.Join(got, "\n"))
	}

	// a real pair that matches (洪泽区 2023 and 2024, PDF text): only the note that
	// 行政许可 rose seventeenfold
	corpus := filepath.Join(root, "..", "shared", "corpus", "reports")
	if _, err := os.Stat(corpus); err == nil {
		before = tb.checks()
		tb.eval(`nianbaoPage.load(`+jsString(string(must(os.ReadFile(filepath.Join(corpus, "019_hongze-2024-pdftotext-raw.txt")))))+`, '019.txt').then(() => true)`, nil)
		tb.upload("#compare-input", filepath.Join(corpus, "017_hongze-2023-pdftotext-raw.txt"))
		tb.wait(`(document.getElementById('compare-bar').textContent || '').includes('017_hongze')`)
		tb.eval(crossShown, &got)
		jump := "crossyear.jump 表二行政许可处理决定数：2023年（017_hongze-2023-pdftotext-raw.txt）为 550，2024年为 9487，增至上年的 17.2 倍；请核对数字是否填错行、错列或单位"
		if bar := tb.str(`document.getElementById('compare-bar').textContent`); len(got) != 1 || got[0] != jump || !strings.Contains(bar, "发现 1 处跨年度问题") {
			t.Errorf("洪泽区 2023 → 2024: %q, bar %q", got, bar)
		}
	}

	tb.noRequestsSinceLoad()
}

// TestBatchYears drops a folder holding one body's reports for 2023 and 2024 and a
// report of unknown agency: the 2024 row counts the comparison, opening it shows the
// cross-year findings beside the report, and back in the summary nothing is compared.
func TestBatchYears(t *testing.T) {
	dir := yearsDir(t)
	tb := newTab(t)
	tb.open(base)
	alone := func() float64 {
		tb.eval(`nianbaoPage.load(`+jsString(string(must(os.ReadFile(filepath.Join(dir, "b-2024.txt")))))+`, 'b-2024.txt').then(() => true)`, nil)
		return tb.num(`nianbaoPage.lastResult.summary.warnings`)
	}()

	tb.upload("#folder-input", dir)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	var rows []batchRow
	tb.eval(batchRowsJS, &rows)
	byFile := map[string]batchRow{}
	for _, r := range rows {
		byFile[filepath.Base(r.File)] = r
		t.Logf("row %+v", r)
	}
	if len(byFile) != 3 {
		t.Fatalf("rows: %+v", rows)
	}
	var cross []string
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].map(tr => tr.querySelector('.c-cross').textContent)`, &cross)
	b, a := byFile["b-2024.txt"], byFile["a-2023.txt"]
	if b.Warnings != fmt.Sprint(alone+3) {
		t.Errorf("b-2024.txt: warnings %s, want %v", b.Warnings, alone+3)
	}
	if !slices.Contains(cross, "上年 "+filepath.Base(dir)+"/a-2023.txt：3 处问题") || !slices.Contains(cross, "下年 "+filepath.Base(dir)+"/b-2024.txt") {
		t.Errorf("跨年度比对 column: %q", cross)
	}
	if c := byFile["c-noagency.txt"]; a.Year != "2023" || c.Agency != "" || c.Note != "未识别出机关名称，未做跨年度比对" {
		t.Errorf("rows: %+v", rows)
	}
	if csv := tb.str(`nianbaoPage.batchCSV()`); !strings.Contains(csv, ",跨年度比对,") || !strings.Contains(csv, "a-2023.txt：3 处问题") {
		t.Errorf("CSV: %.300q", csv)
	}

	before := tb.checks()
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].find(tr => tr.querySelector('.c-file').textContent.endsWith('b-2024.txt')).click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.year === 2024`, before))
	var got []string
	tb.eval(crossShown, &got)
	if !slices.Equal(got, wantCross) {
		t.Errorf("the 2024 report opened from the batch:\n%s", strings.Join(got, "\n"))
	}
	if bar := tb.str(`document.getElementById('compare-bar').textContent`); !strings.Contains(bar, "a-2023.txt") {
		t.Errorf("comparison bar: %q", bar)
	}
	tb.expectShownMatchesResult("batch b-2024")

	// the 2023 report opened from the batch is not compared with anything
	tb.eval(`document.getElementById('batch-back').click(), true`, nil)
	before = tb.checks()
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].find(tr => tr.querySelector('.c-file').textContent.endsWith('a-2023.txt')).click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d && nianbaoPage.lastResult.year === 2023`, before))
	tb.eval(crossShown, &got)
	if len(got) != 0 || !tb.bool(`document.getElementById('compare-bar').hidden`) {
		t.Errorf("2023 opened from the batch: %q", got)
	}
	tb.noRequestsSinceLoad()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestDropFolder drops a folder: its reports are checked as a batch, the pair compared.
func TestDropFolder(t *testing.T) {
	dir := yearsDir(t)
	tb := newTab(t)
	tb.open(base)
	tb.wait(`nianbaoPage.ready`)
	tb.dropMany([]string{dir})
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	var files, cross []string
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].map(tr => tr.querySelector('.c-file').textContent)`, &files)
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].map(tr => tr.querySelector('.c-cross').textContent)`, &cross)
	slices.Sort(files)
	name := filepath.Base(dir)
	if want := []string{name + "/a-2023.txt", name + "/b-2024.txt", name + "/c-noagency.txt"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if !slices.Contains(cross, "上年 "+name+"/a-2023.txt：3 处问题") {
		t.Errorf("跨年度比对 column: %q", cross)
	}
}

// TestComparisonAcrossReload: the report compared with is kept with the report, and
// 清除全部 forgets both.
func TestComparisonAcrossReload(t *testing.T) {
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	tb := newTab(t)
	tb.open(base)
	tb.eval(`nianbaoPage.load(`+jsString(seed)+`, 'b-2024.txt').then(() => true)`, nil)
	before := tb.checks()
	tb.eval(`nianbaoPage.compareWith(`+jsString(lastYear(t, seed))+`, 'a-2023.txt'), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	tb.open(base)
	var got []string
	tb.eval(crossShown, &got)
	if !slices.Equal(got, wantCross) || !strings.Contains(tb.str(`document.getElementById('compare-bar').textContent`), "a-2023.txt") {
		t.Errorf("after a reload:\n%s", strings.Join(got, "\n"))
	}
	tb.eval(`document.getElementById('clear-all').click(); document.getElementById('clear-all').click(); true`, nil)
	if left := tb.str(`Object.keys(localStorage).filter(k => k.endsWith('.previous')).join()`); left != "" {
		t.Errorf("clear all left %q", left)
	}
}
