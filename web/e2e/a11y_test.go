//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axe is axe-core 4.14.1 (npm axe-core@4.14.1, MPL-2.0: testdata/axe/LICENSE), injected
// through the DevTools protocol, which the page's policy does not govern.
func (tb *tab) axe(what string) {
	tb.t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "web", "e2e", "testdata", "axe", "axe.min.js"))
	if err != nil {
		tb.t.Fatal(err)
	}
	tb.eval(string(src)+"\n;true", nil)
	var bad []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	tb.eval(`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))`, &bad)
	for _, v := range bad {
		tb.t.Errorf("%s: %s (%s): %s at %s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
	}
}

// TestAccessibility: no serious or critical axe-core violation on the main view, the
// review, the batch view and the embedding examples; the review and the cell pop-up are
// usable from the keyboard alone.
func TestAccessibility(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	tb.axe("main view")

	// the review from the keyboard: the export menu, arrow keys, Enter; focus in the
	// review, nothing behind it reachable, Escape back to the menu's button
	tb.do(chromedp.Focus(chromedp.CSS("#export-menu summary")), chromedp.KeyEvent(kb.Enter))
	tb.wait(`document.getElementById('export-menu').open && document.activeElement.id === 'show-review'`)
	tb.do(chromedp.KeyEvent(kb.Enter))
	tb.wait(`!document.getElementById('review').hidden`)
	if a := tb.str(`document.activeElement.id`); a != "review-close" {
		t.Errorf("review opened: focus on %q, want review-close", a)
	}
	if !tb.bool(`document.querySelector('main.panes').inert && document.querySelector('header').inert`) {
		t.Errorf("the view behind the review is not inert")
	}
	tb.axe("review")
	tb.do(chromedp.KeyEvent(kb.Escape))
	tb.wait(`document.getElementById('review').hidden`)
	if a := tb.str(`document.activeElement.textContent`); a != "导出" {
		t.Errorf("after Escape focus is on %q, want the 导出 button", a)
	}
	if tb.bool(`document.querySelector('main.panes').inert`) {
		t.Errorf("the view stays inert after the review closed")
	}

	// the cell pop-up takes focus, beside its cell; Escape returns to the cell
	tb.eval(`document.querySelector('#tables td[data-cell] .cellbtn').click(); true`, nil)
	tb.wait(`!document.getElementById('popover').hidden && document.activeElement.id === 'popover'`)
	var pos struct{ PopLeft, PopRight, CellLeft, CellRight float64 }
	tb.eval(`(() => { const p = document.getElementById('popover').getBoundingClientRect();
		const c = document.querySelector('#tables td.cell:has(.cellbtn)').getBoundingClientRect();
		return {popLeft: p.left, popRight: p.right, cellLeft: c.left, cellRight: c.right}; })()`, &pos)
	if !(pos.PopLeft >= pos.CellRight || pos.PopRight <= pos.CellLeft) {
		t.Errorf("the pop-up is not beside its cell: %+v", pos)
	}
	tb.do(chromedp.KeyEvent(kb.Escape))
	tb.wait(`document.getElementById('popover').hidden`)
	if !tb.bool(`document.activeElement.classList.contains('cellbtn')`) {
		t.Errorf("after Escape focus is not on the cell")
	}

	// the batch view
	_, paths := twoSeeds(t)
	tb.dropMany(paths)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	if n := tb.num(`document.getElementById('batch-dashboard').hidden ? -1 : document.querySelectorAll('#batch-dashboard tbody tr').length`); n != 2 {
		t.Errorf("batch dashboard: %v rows, want 2", n)
	}
	tb.axe("batch view")

	// the embedding examples
	for _, ex := range []struct{ name, cond string }{
		{"api.html", `window.portalDemo && nianbaoEngine.api('lite')`},
		{"element.html", `(e => e && e.view && e.view.ready && e.view.timing.checks >= 1)(document.querySelector('nianbao-checker'))`},
		{"iframe.html", `window.portalDemo && !document.getElementById('send').disabled`},
	} {
		openExample(t, ex.name, ex.cond).axe(ex.name)
	}
}
