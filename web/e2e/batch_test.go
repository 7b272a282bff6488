//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// dropMany drops several files at once, as the operating system's drag and drop does.
func (tb *tab) dropMany(paths []string) {
	tb.t.Helper()
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: paths, DragOperationsMask: 1}
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 500, Y: 400, Data: data}); err != nil {
				return err
			}
		}
		return nil
	}))
}

type batchRow struct {
	File, Agency, Year, Template, Errors, Warnings, Reader, Note string
}

const batchRowsJS = `[...document.querySelectorAll('#batch-rows tr')].map(tr => {
	const c = k => tr.querySelector('.c-' + k).textContent;
	return {File: c('file'), Agency: c('agency'), Year: c('year'), Template: c('template'),
		Errors: c('errors'), Warnings: c('warnings'), Reader: c('reader'), Note: c('note')};
})`

// twoSeeds writes seeds 000 and 004 into a temporary directory, for dropping together.
func twoSeeds(t *testing.T) (dir string, paths []string) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"000_e0bf6f214cd92753.txt", "004_fe52555f254f9b80.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(readFile(t, "testdata/seeds/"+name)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

// TestBatch drops two seeds and a corrupt Word file together: a summary row for each,
// sorted by errors, a row opens the report's full view, and back to the summary.
func TestBatch(t *testing.T) {
	dir, paths := twoSeeds(t)
	bad := filepath.Join(dir, "损坏.docx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, bad)

	tb := newTab(t)
	tb.open(base)
	tb.dropMany(paths)
	tb.wait(`nianbaoPage.batch && nianbaoPage.batch.finished`)
	if got := tb.str(`document.getElementById('batch-count').textContent`); got != "已检查 3/3" {
		t.Errorf("progress says %q, want 已检查 3/3", got)
	}
	if n := tb.num(`document.getElementById('batch-progress').value`); n != 3 {
		t.Errorf("progress bar at %v, want 3", n)
	}
	var rows []batchRow
	tb.eval(batchRowsJS, &rows)
	if len(rows) != 3 {
		t.Fatalf("summary rows: %d, want 3: %+v", len(rows), rows)
	}
	templates := map[string]bool{}
	for _, r := range rows {
		templates[r.Template] = true
	}
	if !templates["2021年格式"] || templates["2021"] {
		t.Errorf("template column: %v, want the registry's short names", templates)
	}
	var headers []string
	tb.eval(`[...document.querySelectorAll('#batch-head th')].map(th => th.querySelector('button').textContent)`, &headers)
	if strings.Join(headers, " ") != "文件 机关 年度 模板 错误 警告 未能读取 跨年度比对 备注" {
		t.Errorf("headers: %q", headers)
	}
	byFile := map[string]batchRow{}
	for _, r := range rows {
		byFile[r.File] = r
		t.Logf("row %+v", r)
	}
	r4 := byFile["004_fe52555f254f9b80.txt"]
	if r4.Agency != "东胜区行政审批政务服务与数据管理局" || r4.Year != "2024" {
		t.Errorf("004: agency %q, year %q", r4.Agency, r4.Year)
	}
	if r := byFile["损坏.docx"]; strings.TrimSpace(r.Note) == "" {
		t.Errorf("the corrupt file's note is empty: %+v", r)
	}
	if r := byFile["000_e0bf6f214cd92753.txt"]; r.Errors == "" {
		t.Errorf("000: no error count: %+v", r)
	}

	// sort by errors: most first, unreadable files last
	tb.eval(`document.querySelector('#batch-head button[data-col="errors"]').click(), true`, nil)
	tb.eval(batchRowsJS, &rows)
	prev, blank := 1<<30, false
	for _, r := range rows {
		if r.Errors == "" {
			blank = true
			continue
		}
		var n int
		fmt.Sscan(r.Errors, &n)
		if blank || n > prev {
			t.Errorf("not sorted by errors: %+v", rows)
			break
		}
		prev = n
	}
	if sort := tb.str(`document.querySelector('#batch-head th[aria-sort]').textContent`); !strings.HasPrefix(sort, "错误") {
		t.Errorf("sorted column: %q", sort)
	}
	csv := tb.str(`nianbaoPage.batchCSV()`)
	if !strings.HasPrefix(csv, "\ufeff文件,机关,年度,模板,错误,警告,未能读取,跨年度比对,备注\r\n") || !strings.Contains(csv, "东胜区行政审批政务服务与数据管理局") {
		t.Errorf("CSV: %.200q", csv)
	}

	// a row opens the report as a single file would
	before := tb.checks()
	tb.eval(`[...document.querySelectorAll('#batch-rows tr')].find(tr => tr.querySelector('.c-file').textContent.startsWith('004_')).click(), true`, nil)
	tb.wait(fmt.Sprintf(`nianbaoPage.timing.checks > %d`, before))
	if got := tb.str(`(document.querySelector('#tables td[data-cell="t3.new.natural"]') || {}).textContent || ''`); got != "8" {
		t.Errorf("004: t3.new.natural shows %q, want 8", got)
	}
	tb.expectShownMatchesResult("batch 004")
	if tb.str(`getComputedStyle(document.querySelector('main.panes')).display`) == "none" {
		t.Errorf("the report's view is hidden")
	}
	tb.eval(`document.getElementById('batch-back').click(), true`, nil)
	if tb.str(`getComputedStyle(document.querySelector('main.panes')).display`) != "none" || tb.num(`document.querySelectorAll('#batch-rows tr').length`) != 3 {
		t.Errorf("返回汇总 does not show the summary again")
	}
	tb.noRequestsSinceLoad()
}
