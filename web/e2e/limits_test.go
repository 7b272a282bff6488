//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestLimitsFromBridge: the page's limits are the bridge's (core's numbers, words and
// binary test), and the copy the page uses before the checker is up agrees with them.
func TestLimitsFromBridge(t *testing.T) {
	tb := newTab(t)
	tb.open(base)
	var diffs []string
	tb.eval(`(async () => {
		const { FALLBACK, limits } = await import('/ui/limits.js');
		const b = nianbao.limits, d = [];
		if (limits() !== b) d.push('the page does not use the bridge\'s limits');
		for (const k of ['maxInput', 'maxText', 'binaryScan', 'binary']) if (FALLBACK[k] !== b[k]) d.push(k + ': ' + FALLBACK[k] + ' vs ' + b[k]);
		for (const n of [(64 << 20) + 1, 67371008, 67476480, 8650752, 10 << 20, 10485759, 18.6 * (1 << 20), 5 * (1 << 20) + 52429]) {
			if (FALLBACK.tooLarge(n) !== b.tooLarge(n)) d.push('tooLarge(' + n + '): ' + FALLBACK.tooLarge(n) + ' vs ' + b.tooLarge(n));
			if (FALLBACK.tooLong(n) !== b.tooLong(n)) d.push('tooLong(' + n + '): ' + FALLBACK.tooLong(n) + ' vs ' + b.tooLong(n));
		}
		const random = new Uint8Array(100000); crypto.getRandomValues(random.subarray(0, 65536)); crypto.getRandomValues(random.subarray(65536));
		const ctl = new TextEncoder().encode('表三\x01\x02\x03'.repeat(30)), few = new TextEncoder().encode('表三\x01'.repeat(3) + '正文'.repeat(200));
		const nulAfter = new Uint8Array(70000).fill(65);
		const cases = {random, ctl, few, nulAfter, text: new TextEncoder().encode(nianbao.sample), empty: new Uint8Array(0), utf16: new Uint8Array([0xff, 0xfe, 0x68, 0x88])};
		for (const [name, bytes] of Object.entries(cases)) if (FALLBACK.looksBinary(bytes) !== b.looksBinary(bytes)) d.push('looksBinary(' + name + ') differs');
		return d;
	})()`, &diffs)
	for _, d := range diffs {
		t.Error(d)
	}

	// a font-like file of 18.6 MB: refused as no text, at once and without a freeze
	before := tb.checks()
	tb.eval(`(() => {
		const b = new Uint8Array(Math.round(18.6 * (1 << 20)));
		b.set([0, 1, 0, 0, 0, 0x12, 1, 0]);
		for (let i = 8; i < b.length; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(b.length, i + 65536)));
		`+countFrames+`
		nianbaoPage.open('SourceHanSans.ttf', b);
		return true;
	})()`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	var v struct {
		Editor bool
		View   string
		Note   string
		Error  string
		Frames int
	}
	tb.eval(`__done = true, ({editor: !document.getElementById('editor').hidden, view: document.getElementById('docview').textContent,
		note: document.getElementById('docbar-text').textContent, error: nianbaoPage.lastResult.input.error, frames: __frames})`, &v)
	if v.Editor || len(v.View) > 1 || !strings.Contains(v.Note, "不是文本") || !strings.Contains(v.Error, "不是文本文件") {
		t.Errorf("font file: editor shown %v, %d characters shown, note %q, error %q", v.Editor, len(v.View), v.Note, v.Error)
	}
	if v.Frames < 1 {
		t.Errorf("no frame painted while the font file was read")
	}
}
