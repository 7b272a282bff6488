//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBench prints the page's speed: how soon it is ready to check after opening, and
// how long a check with its rendering takes. `make bench` runs it (NIANBAO_BENCH=1).
func TestBench(t *testing.T) {
	if os.Getenv("NIANBAO_BENCH") == "" {
		t.Skip("set NIANBAO_BENCH=1 (make bench) to measure")
	}
	for _, target := range []struct{ name, url string }{
		{"served page, first visit (a browser profile that has not seen it)", base},
		{"dist/nianbao.html from file://, first visit", "file://" + filepath.Join(root, "dist", "nianbao.html")},
	} {
		var ready, first, scripts, decoded, inflated, compiled, started, full []float64
		for i := 0; i < 7; i++ {
			tb := newTab(t)
			tb.open(target.url)
			var tm struct{ Arrived, Decoded, Inflated, Compiled, Instantiated, Ready, Check, Render float64 }
			tb.eval(`Object.assign({}, nianbaoEngine.timing.lite, {check: nianbaoPage.timing.check, render: nianbaoPage.timing.render})`, &tm)
			ready = append(ready, tm.Ready)
			first = append(first, tm.Check+tm.Render)
			scripts = append(scripts, tm.Arrived)
			decoded = append(decoded, tm.Decoded-tm.Arrived)
			inflated = append(inflated, tm.Inflated-tm.Decoded)
			compiled = append(compiled, tm.Compiled-tm.Inflated)
			started = append(started, tm.Ready-tm.Instantiated)
			// the full module, started as the review preview starts it
			var ms float64
			tb.eval(`(async () => { const t0 = performance.now(); await nianbaoEngine.ready('full'); return performance.now() - t0 })()`, &ms)
			full = append(full, ms)
		}
		fmt.Printf("bench: %s: ready to check %.0f ms after opening (lite module; median of %d; min %.0f, max %.0f; target 500 ms)\n",
			target.name, median(ready), len(ready), minOf(ready), maxOf(ready))
		fmt.Printf("bench:   of which: page, scripts and module data in %.0f ms, base64 decoded %.0f ms, inflated %.0f ms, wasm compiled %.0f ms, Go start-up (package init) %.0f ms; then the first check+render %.0f ms\n",
			median(scripts), median(decoded), median(inflated), median(compiled), median(started), median(first))
		fmt.Printf("bench:   the full module, loaded on demand afterwards: ready in %.0f ms (median; min %.0f, max %.0f)\n",
			median(full), minOf(full), maxOf(full))
	}

	// opened again in a browser that has shown the page before: a new tab shares the
	// browser's caches (V8 keeps the module's script compiled); the same tab navigated
	// away and back also keeps the compiled WebAssembly in its renderer
	tb := newTab(t)
	tb.open(base)
	var tabs, again []float64
	for i := 0; i < 7; i++ {
		ctx, cancel := chromedp.NewContext(tb.ctx) // a new tab in the same browser context
		other := &tab{t: t, ctx: ctx}
		// the first action on the tab's own context opens it (as in newTab)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH)); err != nil {
			t.Fatal(err)
		}
		other.do(chromedp.Navigate(base), bringToFront)
		other.wait(`window.nianbaoEngine && nianbaoEngine.timing.lite.ready`)
		tabs = append(tabs, other.num(`nianbaoEngine.timing.lite.ready`))
		cancel()
	}
	tb.do(bringToFront)
	for i := 0; i < 7; i++ {
		tb.do(chromedp.Navigate("about:blank"))
		tb.open(base)
		again = append(again, tb.num(`nianbaoEngine.timing.lite.ready`))
	}
	fmt.Printf("bench: served page opened again in a new tab: ready to check %.0f ms after opening (median of %d; min %.0f, max %.0f; target 500 ms)\n",
		median(tabs), len(tabs), minOf(tabs), maxOf(tabs))
	fmt.Printf("bench: served page opened again in the same tab: ready to check %.0f ms after opening (median of %d; min %.0f, max %.0f; target 500 ms)\n",
		median(again), len(again), minOf(again), maxOf(again))

	var all []float64
	for _, path := range seeds(t) {
		tb.paste(readFile(t, "testdata/seeds/"+filepath.Base(path)), "")
		var runs, checks, renders []float64
		for i := 0; i < 7; i++ {
			var tm struct{ Check, Render float64 }
			tb.eval(`nianbaoPage.recheck(), nianbaoPage.timing`, &tm)
			runs = append(runs, tm.Check+tm.Render)
			checks = append(checks, tm.Check)
			renders = append(renders, tm.Render)
		}
		all = append(all, median(runs))
		fmt.Printf("bench: %s: check+render %.1f ms (check %.1f, render %.1f; median of %d)\n",
			filepath.Base(path), median(runs), median(checks), median(renders), len(runs))
	}
	fmt.Printf("bench: check+render of a seed: median %.1f ms, worst %.1f ms (target 50 ms)\n", median(all), maxOf(all))
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func minOf(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs {
		if x < m {
			m = x
		}
	}
	return m
}

func maxOf(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}
