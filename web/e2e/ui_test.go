//go:build e2e

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"nianbao/core"
	"nianbao/core/review"
	"nianbao/core/rules"
)

// uiFixture is one report of the batch the modules are given: checked here by core, as
// the page's engine would check it.
type uiFixture struct {
	Name      string           `json:"name"`
	Result    *core.Result     `json:"result"`
	Dismissed []map[string]any `json:"dismissed,omitempty"`
	model     *review.Review
}

// uiFixtures: a report with warnings, one with errors, one read only in part, a notice
// that is no report, random bytes, an empty file, and the first report with both its warnings set aside.
func uiFixtures(t *testing.T) []uiFixture {
	seed := readFile(t, "testdata/seeds/004_fe52555f254f9b80.txt")
	withErrors := strings.Replace(seed, "(七)总计 |\n7 |", "(七)总计 |\n9 |", 1)
	cut := strings.LastIndex(seed[:strings.Index(seed, "五、存在的主要问题")], "0 |")
	partial := seed[:cut] + seed[cut+len("0 |\n"):]
	notice := "关于召开2024年度工作会议的通知\n\n各科室：定于3月1日召开会议。\n"
	noise := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(13, 8))
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	out := []uiFixture{
		{Name: "东胜区-2024.txt", Result: core.Check([]byte(seed), core.Options{Name: "东胜区-2024.txt"})},
		{Name: "有错误.txt", Result: core.Check([]byte(withErrors), core.Options{Name: "有错误.txt"})},
		{Name: "部分读取.txt", Result: core.Check([]byte(partial), core.Options{Name: "部分读取.txt"})},
		{Name: "通知.txt", Result: core.Check([]byte(notice), core.Options{Name: "通知.txt"})},
		{Name: "random.bin", Result: core.Check(noise, core.Options{Name: "random.bin"})},
		{Name: "空.txt", Result: core.Check(nil, core.Options{Name: "空.txt"})},
	}
	clean := uiFixture{Name: "已核实.txt", Result: core.Check([]byte(seed), core.Options{Name: "已核实.txt"})}
	for _, f := range clean.Result.Findings {
		clean.Dismissed = append(clean.Dismissed, map[string]any{"key": review.Key(clean.Result, f), "note": "笔误"})
	}
	out = append(out, clean)
	for i := range out {
		out[i].model = review.Build(out[i].Result, review.Options{Date: "2025年3月1日", File: out[i].Name})
	}
	return out
}

func jsJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUIModules: web/ui/export.js renders a review (screen, print, plain text the same as
// Go's, a .docx with the Chinese text and fonts) and web/ui/dashboard.js sums a batch up
// (tiles, the rules chart, the table, click-through), on a test page importing them.
func TestUIModules(t *testing.T) {
	fx := uiFixtures(t)
	tb := newTab(t)
	tb.do(chromedp.Navigate(base + "e2e/testdata/ui.html"))
	tb.wait(`window.uiReady === true`)
	tb.eval(`window.__csp = []; document.addEventListener('securitypolicyviolation', e => __csp.push(e.violatedDirective + ' ' + e.blockedURI)); true`, nil)
	tb.mu.Lock()
	tb.mark = len(tb.reqs)
	tb.mu.Unlock()
	tb.eval(`window.fx = `+jsJSON(t, fx)+`; window.models = `+jsJSON(t, []*review.Review{fx[0].model, fx[1].model, fx[2].model, fx[3].model})+`; true`, nil)

	t.Run("text", func(t *testing.T) {
		for i, name := range []string{"warnings", "errors", "partial", "not a report"} {
			var got string
			tb.eval(`ui.reviewText(models[`+string(rune('0'+i))+`])`, &got)
			if want := fx[i].model.Text(); got != want {
				t.Errorf("%s: reviewText differs from Go's Text()\n%s\nwant\n%s", name, got, want)
			}
		}
	})

	t.Run("render", func(t *testing.T) {
		var got struct {
			Title  string
			Facts  []string
			Heads  []string
			Items  []string
			Markup int
		}
		tb.eval(`(() => {
			const a = ui.renderReview(models[1]);
			document.getElementById('review').replaceChildren(a);
			return {title: a.querySelector('h1').textContent,
				facts: [...a.querySelectorAll('.nb-review-facts tr')].map(tr => tr.textContent),
				heads: [...a.querySelectorAll('h2, h3')].map(h => h.textContent),
				items: [...a.querySelectorAll('li')].map(li => li.textContent),
				markup: a.querySelectorAll('script, iframe, img, a').length};
		})()`, &got)
		if got.Title != "政府信息公开工作年度报告审核意见" {
			t.Errorf("title %q", got.Title)
		}
		if want := "报告单位东胜区行政审批政务服务与数据管理局 报告年度2024 年 文件有错误.txt"; strings.Join(got.Facts[:3], " ") != want {
			t.Errorf("facts %q", got.Facts)
		}
		if want := "一、需要更正的问题 （一）表三收支平衡 （二）明细合计 （三）横向合计 二、需要核实的问题 （一）结构"; strings.Join(got.Heads, " ") != want {
			t.Errorf("headings %q, want %q", strings.Join(got.Heads, " "), want)
		}
		if len(got.Items) != 5 || got.Items[0] != "表三收支平衡：表三「自然人」列：一(8)+二(0)=8，三(七)(9)+四(1)=10，8 ≠ 10，差 2" {
			t.Errorf("items %q", got.Items)
		}
		if got.Markup != 0 {
			t.Errorf("%d elements from data", got.Markup)
		}
	})

	t.Run("print", func(t *testing.T) {
		display := func() (other, article string) {
			var d struct{ Other, Article string }
			tb.eval(`({other: getComputedStyle(document.getElementById('other')).display,
				article: getComputedStyle(document.querySelector('.nb-review')).display})`, &d)
			return d.Other, d.Article
		}
		media := func(m string) chromedp.Action[chromedp.Void] {
			return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
				return err
			})
		}
		tb.do(media("print"))
		defer tb.do(media(""))
		if other, _ := display(); other == "none" {
			t.Errorf("review hidden: the page's own content still prints, got display %q", other)
		}
		tb.eval(`document.getElementById('overlay').hidden = false; true`, nil)
		if other, article := display(); other != "none" || article != "block" {
			t.Errorf("review shown: other content %q, review %q; want none, block", other, article)
		}
		tb.eval(`document.getElementById('overlay').hidden = true; true`, nil)
	})

	t.Run("docx", func(t *testing.T) {
		var b64 string
		tb.eval(`(async () => {
			const blob = await ui.saveDocx(models[1], '审核意见.docx');
			const bytes = new Uint8Array(await blob.arrayBuffer());
			let s = ''; for (const b of bytes) s += String.fromCharCode(b);
			return btoa(s);
		})()`, &b64)
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		xml := unzipFile(t, raw, "word/document.xml")
		for _, s := range []string{"政府信息公开工作年度报告审核意见", "东胜区行政审批政务服务与数据管理局", "一、需要更正的问题",
			"表三收支平衡", "表三「自然人」列：一(8)+二(0)=8", "8 ≠ 10，差 2", `w:eastAsia="仿宋"`, `w:eastAsia="宋体"`, "<w:tbl>"} {
			if !strings.Contains(xml, s) {
				t.Errorf("word/document.xml lacks %q", s)
			}
		}
		var loaded bool
		tb.eval(`!!(window.docx && document.querySelector('script[src$="vendor/docx/docx.iife.js"]'))`, &loaded)
		if !loaded {
			t.Error("the docx library was not loaded from web/vendor")
		}
	})

	t.Run("copy", func(t *testing.T) {
		var got struct {
			OK      bool
			Focused string
		}
		tb.eval(`(async () => {
			document.getElementById('other').tabIndex = -1;
			document.getElementById('other').focus();
			const ok = await ui.copyText('审核意见');
			return {ok, focused: document.activeElement.id};
		})()`, &got)
		if !got.OK || got.Focused != "other" {
			t.Errorf("copyText: %v, focus on %q afterwards, want true and other", got.OK, got.Focused)
		}
	})

	t.Run("files", func(t *testing.T) {
		var got struct{ Text, MD []byte }
		tb.eval(`(async () => ({text: btoa(String.fromCharCode(...new Uint8Array(await ui.saveText('一\n二', 'a.txt').arrayBuffer()))),
			md: btoa(String.fromCharCode(...new Uint8Array(await ui.saveMarkdown('# 标题', 'a.md').arrayBuffer())))}))()`, &got)
		if string(got.Text) != "\ufeff一\r\n二" || string(got.MD) != "# 标题" {
			t.Errorf("files %q", got)
		}
	})

	t.Run("dashboard", func(t *testing.T) {
		names := map[string]string{}
		for _, tpl := range rules.Templates {
			names[tpl.ID] = tpl.Name
		}
		var got struct {
			Counts map[string]int
			Tiles  []string
			Bars   []string
			Rows   []string
			Some   []string
			Opened []int
		}
		tb.eval(`(() => {
			const names = `+jsJSON(t, names)+`;
			const out = ui.renderDashboard(document.getElementById('dash'), fx,
				{templateName: c => names[c] || c, onOpen: (i, e) => ui.opened.push(i)});
			document.querySelectorAll('#dash tbody button')[1].click();
			const d = document.getElementById('dash');
			return {counts: out.counts,
				tiles: [...d.querySelectorAll('.nb-dash-tile')].map(t => t.dataset.status + ' ' + t.textContent),
				bars: [...d.querySelectorAll('svg .nb-dash-bar')].map(g => g.dataset.rule + ' ' + g.dataset.reports + ' ' + g.querySelector('rect').getAttribute('width')),
				rows: [...d.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(c => c.textContent).join('|')),
				some: [...d.querySelectorAll('td.nb-n[data-some]')].map(td => td.dataset.kind),
				opened: ui.opened};
		})()`, &got)
		if want := "errors 1有错误（份） warnings 1有警告（份） partial 1只核对了部分（份） clean 1未发现问题（份） notReport 2不是年度报告（份） unusable 1无法检查（份）"; strings.Join(got.Tiles, " ") != want {
			t.Errorf("tiles %q\nwant %q", strings.Join(got.Tiles, " "), want)
		}
		if want := "label.altered 3 360,t3.balance 1 120,t3.outcomes 1 120,t3.rowsum 1 120"; strings.Join(got.Bars, ",") != want {
			t.Errorf("bars %q, want %q", strings.Join(got.Bars, ","), want)
		}
		wantRows := []string{
			"东胜区-2024.txt|东胜区行政审批政务服务与数据管理局|2024|2021 年格式（国办公开办函〔2021〕30号）|0|2|0|有警告",
			"有错误.txt|东胜区行政审批政务服务与数据管理局|2024|2021 年格式（国办公开办函〔2021〕30号）|3|2|0|有错误",
			"部分读取.txt|东胜区行政审批政务服务与数据管理局|2024|2021 年格式（国办公开办函〔2021〕30号）|0|2|3|只核对了部分",
			"通知.txt|—|—|—|0|0|1|不是年度报告",
			"random.bin|—|—|—|0|0|1|不是年度报告",
			"空.txt|—|—|—|0|0|1|无法检查",
			"已核实.txt|东胜区行政审批政务服务与数据管理局|2024|2021 年格式（国办公开办函〔2021〕30号）|0|0|0|未发现问题",
		}
		if strings.Join(got.Rows, "\n") != strings.Join(wantRows, "\n") {
			t.Errorf("rows\n%s\nwant\n%s", strings.Join(got.Rows, "\n"), strings.Join(wantRows, "\n"))
		}
		if len(got.Opened) != 1 || got.Opened[0] != 1 {
			t.Errorf("opened %v, want [1]", got.Opened)
		}
		if strings.Join(got.Some, " ") != "warnings errors warnings warnings unread unread unread unread" {
			t.Errorf("coloured counts %q", got.Some)
		}
	})

	t.Run("bundle", func(t *testing.T) {
		var got string
		tb.eval(`ui.reviewsBundle(fx.slice(0, 2), e => e.name === '有错误.txt' ? ui.reviewText(models[1]) : ui.reviewText(models[0]))`, &got)
		for _, s := range []string{"审核意见汇编（共 2 份）", "1. 东胜区-2024.txt\n", "2. 有错误.txt\n", "表三收支平衡：表三「自然人」列"} {
			if !strings.Contains(got, s) {
				t.Errorf("bundle lacks %q", s)
			}
		}
	})
	// after load, only the Word library, from the page's own files, when a .docx is made
	tb.mu.Lock()
	late := append([]string(nil), tb.reqs[tb.mark:]...)
	tb.mu.Unlock()
	for _, u := range late {
		if u != base+"vendor/docx/docx.iife.js" && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request after load: %s", u)
		}
	}
	var csp []string
	tb.eval(`window.__csp`, &csp)
	if len(csp) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", csp)
	}
}

// unzipFile reads one file of a zip archive.
func unzipFile(t *testing.T, raw []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUIReviewBridge: on the page, the lite module's review() gives a model that
// export.js turns into the same plain text as the bridge's own, and the page's sample
// report (an altered label) is cited by its row; no full module is loaded for it.
func TestUIReviewBridge(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	var got struct {
		Lite, Same bool
		Text       string
		Items      int
		Template   string
		Rule       string
	}
	tb.eval(`(async () => {
		const ui = await import('/ui/export.js');
		const r = nianbao.review(nianbaoPage.lastResult, {format: 'text', date: '2025年3月1日'});
		const el = ui.renderReview(r.model);
		const d = await import('/ui/dashboard.js');
		const box = document.createElement('div');
		d.renderDashboard(box, [{name: 'sample.txt', result: nianbaoPage.lastResult}]);
		return {lite: nianbao.full === false, same: ui.reviewText(r.model) === r.text, text: r.text,
			items: el.querySelectorAll('li').length, template: box.querySelector('tbody td:nth-child(4)').textContent,
			rule: nianbao.rules.find(x => x.id === 'label.altered').title};
	})()`, &got)
	if !got.Lite || !got.Same || got.Items != 2 {
		t.Errorf("lite %v, same text %v, items %d", got.Lite, got.Same, got.Items)
	}
	// the dashboard names the template by the bridge's list; the rules' titles come from it too
	if got.Template != "2021 年格式（国办公开办函〔2021〕30号）" || got.Rule != "模板文字被改动" {
		t.Errorf("template %q, rule title %q", got.Template, got.Rule)
	}
	if !strings.Contains(got.Text, "\n1. 模板文字被改动（表三「1.申请人无正当理由逾期不补正、行政…」行）：表三标签“1.申请人无正当理由预期不补正") {
		t.Errorf("text\n%s", got.Text)
	}
	// after load: the modules themselves, and no full module
	tb.mu.Lock()
	late := append([]string(nil), tb.reqs[tb.mark:]...)
	tb.mu.Unlock()
	for _, u := range late {
		if u != base+"ui/export.js" && u != base+"ui/dom.js" && u != base+"ui/dashboard.js" {
			t.Errorf("request after load: %s", u)
		}
	}

	// the batch's cells dataset, by the full module's cells(), with the byte order mark
	// Excel needs; an input that could not be used is left out
	var csv string
	tb.eval(`(async () => {
		const full = await nianbaoEngine.ready('full');
		const d = await import('/ui/dashboard.js');
		const empty = await nianbaoEngine.check('', {name: '空.txt'});
		return d.cellsCSV([{name: 'sample.txt', result: nianbaoPage.lastResult}, {name: '空.txt', result: empty}], full.cells);
	})()`, &csv)
	lines := strings.Split(csv, "\r\n")
	if !strings.HasPrefix(lines[0], "\ufefffile,agency,year,template,table,cell,row,column,value,raw,state,unit") || len(lines) != 202 ||
		!strings.Contains(csv, ",东胜区行政审批政务服务与数据管理局,2024,2021,t3,t3.new.natural,") {
		t.Errorf("cells CSV: %d lines, header %q", len(lines), lines[0])
	}
}
