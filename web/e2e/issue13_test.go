//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRegistryLabels: the groups' order, the templates' names and the deadline profiles
// the page shows are the Go registry's, given by the bridge; 设置 picks the profile the
// checks use, kept for the next visit.
func TestRegistryLabels(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	var got struct {
		Groups    []string
		Template  string
		Want      string
		Deadlines []struct{ ID, Name string }
	}
	tb.eval(`({groups: nianbao.groups, template: document.getElementById('sum-template').textContent,
		want: nianbao.templates.find(t => t.id === '2021').name, deadlines: nianbao.deadlines})`, &got)
	if got.Template != got.Want || got.Want != "2021 年格式（国办公开办函〔2021〕30号）" {
		t.Errorf("template shown %q, the registry's %q", got.Template, got.Want)
	}
	at := func(g string) int {
		for i, x := range got.Groups {
			if x == g {
				return i
			}
		}
		return -1
	}
	if at("文字") < 0 || at("正文") < 0 || at("未能读取") != len(got.Groups)-1 || at("表三收支平衡") != 0 {
		t.Errorf("groups from the bridge: %v", got.Groups)
	}
	if len(got.Deadlines) < 1 || got.Deadlines[0].ID != "national" {
		t.Fatalf("deadline profiles: %v", got.Deadlines)
	}

	// 设置: the national profile checked; custom dates, kept across a reload
	before := tb.checks()
	tb.eval(`document.querySelector('#settings-menu summary').click(); true`, nil)
	tb.wait(`document.querySelectorAll('#settings-items [role=menuitemradio]').length > 1`)
	var radios []string
	tb.eval(`[...document.querySelectorAll('#settings-items [role=menuitemradio]')].map(b => b.getAttribute('aria-checked') + ' ' + b.textContent)`, &radios)
	if len(radios) != len(got.Deadlines)+1 || radios[0] != "true "+got.Deadlines[0].Name || radios[len(radios)-1] != "false 自定义日期…" {
		t.Errorf("settings menu: %q", radios)
	}
	tb.eval(`document.getElementById('settings-custom').click(); true`, nil)
	tb.do(chromedp.SendKeys(chromedp.CSS("#settings-spec"), "部门=1-15,政府=3-31\r"))
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if e := tb.str(`String(nianbaoPage.lastResult.error || '')`); e != "" {
		t.Errorf("check with custom dates: %s", e)
	}
	tb.do(chromedp.Reload())
	tb.wait(`window.nianbaoPage && nianbaoPage.ready && nianbaoPage.timing.checks >= 1`)
	tb.eval(`document.querySelector('#settings-menu summary').click(); true`, nil)
	tb.wait(`document.querySelectorAll('#settings-items [role=menuitemradio]').length > 1`)
	if c := tb.str(`document.querySelector('#settings-items [aria-checked=true]').textContent + ' ' + document.getElementById('settings-spec').value`); c != "自定义日期… 部门=1-15,政府=3-31" {
		t.Errorf("after a reload: %q", c)
	}
	// a spec the checker cannot read is refused, the dates kept
	tb.do(chromedp.SendKeys(chromedp.CSS("#settings-spec"), "x\r"))
	if b := tb.str(`document.getElementById('banner').textContent`); !strings.Contains(b, "无法使用这个公布期限") {
		t.Errorf("bad spec: banner %q", b)
	}
}

// TestIncompleteCheck: a result with unread cells says 检查不完整 first, and an unread cell
// shows 未读出 with the report's text, never 空; text that is no report says so.
func TestIncompleteCheck(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	// the sample's result with one cell the reader could not read, as the reader reports it
	tb.eval(`(() => {
		const r = structuredClone(nianbaoPage.lastResult);
		const id = Object.keys(r.cells).find(k => r.cells[k].value === 8);
		Object.assign(r.cells[id], {value: null, raw: '', state: 'unread'});
		r.summary.unread = 1;
		window.__unread = id;
		nianbaoPage.show(r, document.getElementById('input').value);
		return true;
	})()`, nil)
	if v := tb.str(`document.getElementById('sum-verdict').textContent`); v != "检查不完整：1 个单元格未读出" {
		t.Errorf("verdict %q", v)
	}
	if c := tb.str(`document.querySelector('#tables td[data-cell="' + __unread + '"]').textContent`); c != "未读出" {
		t.Errorf("unread cell shows %q, want 未读出", c)
	}
	if n := tb.num(`[...document.querySelectorAll('#tables td.unread')].length`); n != 1 {
		t.Errorf("%v cells shown as unread, want 1", n)
	}
	tb.eval(`(() => {
		const r = structuredClone(nianbaoPage.lastResult);
		r.summary.notReport = true; r.summary.unread = 0;
		nianbaoPage.show(r, 'not a report');
		return true;
	})()`, nil)
	if v := tb.str(`document.getElementById('sum-verdict').textContent`); v != "不是年度报告" {
		t.Errorf("verdict %q", v)
	}
}

// TestCleanCellChecks: a cell with no finding lists the checks it took part in, each
// with the report's numbers: the sample's 表三「自然人」列 一、本年新收 (8) balances.
func TestCleanCellChecks(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	tb.eval(`document.querySelector('#tables td[data-cell="t3.new.natural"]').click(); true`, nil)
	tb.wait(`!document.getElementById('popover').hidden`)
	text := tb.str(`document.getElementById('popover').textContent`)
	for _, want := range []string{"参与的", "✓ 表三收支平衡", "表三「自然人」列：一(8)+二(0)=8，三(七)(7)+四(1)=8，成立", "✓ 表三横向合计"} {
		if !strings.Contains(text, want) {
			t.Errorf("pop-up %q lacks %q", text, want)
		}
	}
	// from the keyboard: the arrow keys move between cells, Enter opens the cell's pop-up
	tb.do(chromedp.KeyEvent(kb.Escape))
	tb.eval(`document.querySelector('#tables td[data-cell="t3.new.natural"] .cellbtn').focus(); true`, nil)
	tb.do(chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowDown))
	if id := tb.str(`document.activeElement.dataset.cell || ''`); id != "t3.carried.commercial" {
		t.Errorf("after → ↓ from t3.new.natural focus is on %q, want t3.carried.commercial", id)
	}
	tb.do(chromedp.KeyEvent(kb.Enter))
	tb.wait(`!document.getElementById('popover').hidden`)
	if h := tb.str(`document.querySelector('#popover .pop-head b').textContent`); !strings.Contains(h, "上年结转") || !strings.Contains(h, "商业企业") {
		t.Errorf("Enter opened the pop-up of %q", h)
	}
}

// TestSeveralReports: two reports pasted together are checked as the first alone, and
// the page says the rest was not checked, in its verdict and among the reader's findings;
// 逐份检查 checks each on its own and steps through them.
func TestSeveralReports(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	tb.paste(readFile(t, "testdata/seeds/000_e0bf6f214cd92753.txt")+"\n"+readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt"), "")
	if v := tb.str(`document.getElementById('sum-verdict').textContent`); v != "检查不完整：文本中还有其他报告，只检查了第一份" {
		t.Errorf("verdict %q", v)
	}
	if !tb.bool(`nianbaoPage.lastResult.summary.others && nianbaoPage.lastResult.findings.some(f => f.rule === 'read.multiple' && f.origin === 'reader')`) {
		t.Errorf("no read.multiple finding from the reader")
	}
	// 逐份检查: each report checked on its own, shown one at a time over the one text
	tb.eval(`document.getElementById('parts-each').click(); true`, nil)
	tb.wait(`!!document.getElementById('parts-bar')`)
	bar := func() string { return tb.str(`document.getElementById('parts-bar').firstChild.textContent`) }
	if b := bar(); b != "第 1/2 份：东港市机关事务服务中心 2024年" || !tb.bool(`document.getElementById('parts-prev').disabled`) {
		t.Errorf("parts bar %q", b)
	}
	if v := tb.str(`(document.getElementById('sum-verdict') || {}).textContent || ''`); v != "" {
		t.Errorf("the first report checked on its own still says %q", v)
	}
	tb.eval(`document.getElementById('parts-next').click(); true`, nil)
	tb.wait(`nianbaoPage.lastResult.part === 2`)
	if b := bar(); b != "第 2/2 份：东胜区行政审批政务服务与数据管理局 2024年" || tb.str(`document.getElementById('sum-agency').textContent`) != "东胜区行政审批政务服务与数据管理局" {
		t.Errorf("parts bar %q", b)
	}
	if v := tb.str(`document.querySelector('#tables td[data-cell="t2.license.decisions"]').textContent`); !strings.Contains(v, "52425") {
		t.Errorf("the second report's 行政许可 shows %q, want 52425", v)
	}
	// its cells point into the one text, after the first report's
	if !tb.bool(`nianbaoPage.lastResult.cells['t2.license.decisions'].at[0] > document.getElementById('input').value.indexOf('一、总体情况', 10)`) {
		t.Errorf("the second report's cell does not point into its own part of the text")
	}
	// editing the text checks it again as a whole: 逐份检查 is offered again
	tb.paste(readFile(t, "testdata/seeds/000_e0bf6f214cd92753.txt")+"\n"+readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")+"\n", "")
	tb.wait(`!!document.getElementById('parts-each') && !document.getElementById('parts-bar')`)
}

// TestDismissalPerReport: a finding dismissed in one body's report stays shown in another
// body's report with the same finding.
func TestDismissalPerReport(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	sample := tb.str(`document.getElementById('input').value`)
	agency := tb.str(`nianbaoPage.lastResult.agency`)
	n := tb.num(`nianbaoPage.lastResult.findings.length`)
	if n < 1 || agency == "" {
		t.Fatalf("the sample: %v findings, agency %q", n, agency)
	}
	tb.eval(`document.querySelector('[data-dismiss="0"]').click(); true`, nil)
	tb.do(chromedp.SendKeys(chromedp.CSS(".dismiss-form input"), "已核实\r"))
	if d := tb.num(`document.querySelectorAll('.fgroup.dismissed .finding').length`); d != 1 {
		t.Fatalf("%v findings dismissed, want 1", d)
	}
	other := strings.ReplaceAll(sample, agency, "另一个区人民政府")
	tb.eval(`nianbaoPage.load(`+jsString(other)+`).then(() => true)`, nil)
	if a := tb.str(`nianbaoPage.lastResult.agency`); a == agency {
		t.Fatalf("the other report's agency is still %q", a)
	}
	if d := tb.num(`document.querySelectorAll('.fgroup.dismissed .finding').length`); d != 0 {
		t.Errorf("another body's report: %v findings dismissed, want 0", d)
	}
	tb.eval(`nianbaoPage.load(`+jsString(sample)+`).then(() => true)`, nil)
	if d := tb.num(`document.querySelectorAll('.fgroup.dismissed .finding').length`); d != 1 {
		t.Errorf("back to the first report: %v findings dismissed, want 1", d)
	}
}

// TestSampleNote: the first screen says the report is a sample and how to start;
// 载入示例 asks before replacing a report and can be undone.
func TestSampleNote(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	if note := tb.str(`document.getElementById('sample-note').hidden ? '' : document.getElementById('sample-note').textContent`); !strings.Contains(note, "示例报告") || !strings.Contains(note, "粘贴") {
		t.Errorf("first screen note: %q", note)
	}
	mine := "我的报告：" + readFile(t, "testdata/seeds/001_4d220e2fb02edc16.txt")
	tb.eval(`nianbaoPage.load(`+jsString(mine)+`).then(() => true)`, nil)
	if !tb.bool(`document.getElementById('sample-note').hidden`) {
		t.Errorf("the sample note stays over the user's report")
	}
	before := tb.checks()
	tb.eval(`document.getElementById('load-sample').click(); true`, nil)
	if tb.str(`document.getElementById('input').value`) != mine || tb.checks() != before {
		t.Errorf("one click on 载入示例 replaced the user's report")
	}
	tb.eval(`document.getElementById('load-sample').click(); true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if tb.str(`document.getElementById('input').value`) == mine {
		t.Fatalf("the second click did not load the sample")
	}
	before = tb.checks()
	tb.eval(`document.getElementById('sample-undo').click(); true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if tb.str(`document.getElementById('input').value`) != mine {
		t.Errorf("撤销 did not bring the user's report back")
	}
}

// TestInputLimits: a file over the command line's limit is refused before it is read, and
// random bytes are never decoded into the editor or the source pane.
func TestInputLimits(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	sample := tb.str(`document.getElementById('input').value`)
	tb.eval(`nianbaoPage.open('巨大.txt', new Uint8Array((64 << 20) + 1)); true`, nil)
	tb.wait(`!document.getElementById('banner').hidden`)
	if b := tb.str(`document.getElementById('banner').textContent`); !strings.Contains(b, "文件过大") || !strings.Contains(b, "上限为 64 MB") {
		t.Errorf("banner %q", b)
	}
	if tb.str(`document.getElementById('input').value`) != sample {
		t.Errorf("the refused file changed the editor")
	}
	before := tb.checks()
	tb.eval(`(() => {
		const b = new Uint8Array(5 << 20);
		for (let i = 0; i < b.length; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536));
		nianbaoPage.open('random.txt', b);
		return true;
	})()`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	var v struct {
		Editor bool
		View   string
		Note   string
	}
	tb.eval(`({editor: !document.getElementById('editor').hidden, view: document.getElementById('docview').textContent,
		note: document.getElementById('docbar-text').textContent})`, &v)
	if v.Editor || len(v.View) > 1 || !strings.Contains(v.Note, "不是文本") {
		t.Errorf("random bytes: editor shown %v, %d characters shown, note %q", v.Editor, len(v.View), v.Note)
	}
	// a paste of more text than the checker reads (10 MB, 8 MB is the limit) is refused at
	// once, with the command line's words, and never enters the editor
	// (the paste event is made in the page: megabytes through the real clipboard take long)
	tb.open(base)
	tb.eval(`(() => { const e = document.getElementById('input'); let s = e.value; while (s.length * 3 < (10 << 20)) s += s;
		const dt = new DataTransfer(); dt.setData('text/plain', s);
		e.focus(); e.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); return true; })()`, nil)
	tb.wait(`!document.getElementById('banner').hidden`)
	if b := tb.str(`document.getElementById('banner').textContent`); !strings.Contains(b, "文字内容过长") || !strings.Contains(b, "上限为 8 MB") {
		t.Errorf("banner %q", b)
	}
	if tb.str(`document.getElementById('input').value`) != sample {
		t.Errorf("the refused paste changed the editor")
	}
	// a long text (over a million characters) is edited plain: nothing is laid out again
	// behind it at every keystroke
	before = tb.checks()
	tb.eval(`(() => { const e = document.getElementById('input'); let s = e.value; while (s.length < (1 << 20) + 1) s += e.value;
		e.value = s; e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if n := tb.num(`document.getElementById('backdrop').textContent.length`); n != 0 {
		t.Errorf("the backdrop holds %v characters behind a long text", n)
	}
	if note := tb.str(`document.getElementById('source-note').textContent`); !strings.Contains(note, "文本较长") {
		t.Errorf("source note %q", note)
	}
}
