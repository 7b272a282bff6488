//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// bigReport is JavaScript for the sample report written out again and again, past n
// characters: a text the page checks in its worker (web/ui/limits.js WORKER_MIN).
func bigReport(n int) string {
	return fmt.Sprintf(`(s => s + ('\n' + s).repeat(Math.ceil(%d / s.length)))(nianbao.sample)`, n)
}

// sameResult is JavaScript comparing two Results whatever the order of their keys (the
// cells are a Go map, written in any order).
const sameResult = `((a, b) => {
	const canon = (v) => v && typeof v === 'object'
		? (Array.isArray(v) ? v.map(canon) : Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])))
		: v;
	return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
})`

// TestWorker: a large report is checked in the worker, the page painting frames all the
// while, with the same Result as the page's own module gives; 取消 stops a check, and the
// next one runs in a new worker. Served, and from dist/nianbao.html over file://.
func TestWorker(t *testing.T) {
	for _, target := range targets() {
		t.Run(target.name, func(t *testing.T) {
			tb := newTab(t)
			tb.open(target.url)
			// frames counted while the worker checks 300 K characters: the page does not freeze
			tb.eval(`(async () => {
				window.__big = `+bigReport(300<<10)+`;
				`+countFrames+`
				window.__busy = [];
				new MutationObserver(() => __busy.push(document.getElementById('busy-text').textContent))
					.observe(document.getElementById('busy-text'), {childList: true, characterData: true, subtree: true});
				window.__res = await nianbaoPage.load(__big);
				window.__done = true;
				return true;
			})()`, nil)
			var got struct {
				Frames int
				Busy   []string
				Same   bool
				Error  string
				Hidden bool
			}
			tb.eval(`({frames: __frames, busy: __busy, same: `+sameResult+`(nianbao.check(__big, {name: '', held: true}), __res),
				error: String(__res.error || ''), hidden: document.getElementById('busy').hidden})`, &got)
			if got.Error != "" || !got.Same {
				t.Errorf("the worker's Result differs from the page module's (error %q)", got.Error)
			}
			if got.Frames < 2 {
				t.Errorf("%d frames painted while the worker checked: the page froze", got.Frames)
			}
			if len(got.Busy) == 0 || !strings.HasPrefix(got.Busy[0], "正在检查") || !got.Hidden {
				t.Errorf("busy bar said %q, hidden after: %v", got.Busy, got.Hidden)
			}
			tb.expectShownMatchesResult("large report")

			// 取消: the check stops, the page says so, and the next check runs
			before := tb.checks()
			tb.eval(`nianbaoPage.setTestOptions({__spin: 60000}); nianbaoPage.load(__big + '\n附'); true`, nil)
			tb.wait(`!document.getElementById('busy').hidden && nianbaoEngine.busy()`)
			tb.eval(`document.getElementById('busy-cancel').click(); nianbaoPage.setTestOptions(null); true`, nil)
			if s := tb.str(`document.getElementById('summary').textContent`); !strings.Contains(s, "检查已取消") {
				t.Errorf("after 取消 the summary says %q", s)
			}
			if tb.checks() != before || tb.bool(`nianbaoEngine.busy() || !document.getElementById('busy').hidden`) {
				t.Errorf("the cancelled check went on")
			}
			var after struct {
				Natural float64
				Error   string
			}
			tb.eval(`nianbaoPage.load(__big + '\n').then(r => ({natural: r.cells['t3.new.natural'].value, error: String(r.error || '')}))`, &after)
			if after.Error != "" || after.Natural != 8 {
				t.Errorf("the check after 取消: %+v", after)
			}
			tb.noRequestsSinceLoad()
		})
	}
}

// TestBatchProgress: a batch says what it does, 正在读取 and 正在检查 N/M, in its bar and in
// the busy bar; 取消 stops it between reports and keeps the rows already done.
func TestBatchProgress(t *testing.T) {
	_, paths := twoSeeds(t)
	tb := newTab(t)
	tb.open(base)
	tb.eval(`window.__said = []; for (const id of ['busy-text', 'batch-count']) new MutationObserver(() => __said.push(document.getElementById(id).textContent))
		.observe(document.getElementById(id), {childList: true, characterData: true, subtree: true}); true`, nil)
	tb.dropMany(paths)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	var said []string
	tb.eval(`__said`, &said)
	all := strings.Join(said, "\n")
	for _, want := range []string{"正在读取 1/2：000_e0bf6f214cd92753.txt", "正在检查 1/2：000_e0bf6f214cd92753.txt", "正在检查 2/2：004_fe52555f254f9b80.txt", "已检查 2/2"} {
		if !strings.Contains(all, want) {
			t.Errorf("the batch never said %q: %q", want, said)
		}
	}
	if !tb.bool(`document.getElementById('busy').hidden`) {
		t.Errorf("the busy bar stays after the batch")
	}

	// a batch whose first check hangs: 取消 stops it at once, nothing left running
	tb.eval(`nianbaoPage.setTestOptions({__spin: 60000}); true`, nil)
	tb.dropMany(paths)
	tb.wait(`!document.getElementById('busy').hidden && nianbaoEngine.busy()`)
	tb.eval(`document.getElementById('busy-cancel').click(); nianbaoPage.setTestOptions(null); true`, nil)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	var b struct {
		Done      int
		Cancelled bool
		Busy      bool
	}
	tb.eval(`({done: nianbaoPage.batch.done, cancelled: nianbaoPage.batch.cancelled, busy: nianbaoEngine.busy() || !document.getElementById('busy').hidden})`, &b)
	if !b.Cancelled || b.Done != 0 || b.Busy {
		t.Errorf("after 取消: %+v, want cancelled with no rows and nothing running", b)
	}
}
