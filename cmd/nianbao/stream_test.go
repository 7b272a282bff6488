package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"nianbao/core"
)

// corpusCopies copies the seeds, and the corpus and its flattened texts when ../shared
// is present, over and over into a temporary directory until it holds n reports, named
// so that a directory walk takes them in the order copied.
func corpusCopies(t testing.TB, n int) (string, []string) {
	t.Helper()
	files, _ := filepath.Glob(seedDir + "/*.txt")
	more, _ := filepath.Glob(corpusDir + "/*.txt")
	flat, _ := filepath.Glob("../../../shared/flat/reports/*.txt")
	files = append(append(files, more...), flat...)
	texts := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = b
	}
	dir := t.TempDir()
	var names []string
	for k := range n {
		name := filepath.Join(dir, fmt.Sprintf("%05d-%s", k, filepath.Base(files[k%len(files)])))
		if err := os.WriteFile(name, texts[k%len(files)], 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return dir, names
}

// TestStreamOrder: results are handed on in input order, each as soon as those before
// it are done, with never more than the reorder window checked ahead of the writer.
func TestStreamOrder(t *testing.T) {
	_, names := corpusCopies(t, 100)
	var inputs []input
	for _, n := range names {
		inputs = append(inputs, input{name: n})
	}
	const workers = 3
	var checkedSoFar atomic.Int64
	b := batch{workers: workers, tick: func() { checkedSoFar.Add(1) }}
	var order []string
	ahead := 0
	err := b.run(inputs, func(i int, input checked) error {
		if len(input) != 1 {
			t.Fatalf("%d: %d reports, want 1", i, len(input))
		}
		c := input[0]
		order = append(order, c.res.File)
		ahead = max(ahead, int(checkedSoFar.Load())-i)
		if c.facts == nil || c.facts.File != c.res.File {
			t.Errorf("%d: facts %+v", i, c.facts)
		}
		return nil
	})
	if err != nil || !slices.Equal(order, names) {
		t.Fatalf("order %q (%v)", order, err)
	}
	if window := 2*workers + 2; ahead > window+workers {
		t.Errorf("%d reports checked ahead of the writer, window %d", ahead, window)
	}

	// the command line: --jsonl, one result a line, in input order, whatever -j
	dir := filepath.Dir(names[0])
	_, one, _ := runCLI(t, "", "check", "--jsonl", "-j", "1", dir)
	_, many, _ := runCLI(t, "", "check", "--jsonl", "-j", "4", dir)
	if one != many {
		t.Error("output depends on the number of workers")
	}
	sc := bufio.NewScanner(strings.NewReader(many))
	sc.Buffer(nil, 16<<20)
	var files []string
	for sc.Scan() {
		var r core.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(files)+1, err)
		}
		files = append(files, r.File)
	}
	if !slices.Equal(files, names) {
		t.Errorf("--jsonl: %d lines, order %q", len(files), files)
	}
	// --json: a valid array of the same
	_, arr, _ := runCLI(t, "", "check", "--json", dir)
	var results []core.Result
	if err := json.Unmarshal([]byte(arr), &results); err != nil || len(results) != len(names) {
		t.Errorf("--json: %d results (%v)", len(results), err)
	}
}

// TestStopOnError: once the writer fails, the inputs not yet started are not checked.
func TestStopOnError(t *testing.T) {
	_, names := corpusCopies(t, 100)
	var inputs []input
	for _, n := range names {
		inputs = append(inputs, input{name: n})
	}
	var n atomic.Int64
	b := batch{workers: 2, tick: func() { n.Add(1) }}
	err := b.run(inputs, func(i int, c checked) error { return fmt.Errorf("disk full") })
	if err == nil || err.Error() != "disk full" || int(n.Load()) > 2*2+2+2 {
		t.Errorf("%v, %d checked of %d", err, n.Load(), len(inputs))
	}
}

// TestCells: the tidy dataset of the seeds, with a blank cell and a statistics table.
func TestCells(t *testing.T) {
	dir := t.TempDir()
	seed4 := string(mustRead(t, filepath.Join(seedDir, "004_fe52555f254f9b80.txt")))
	// 表三 一、本年新收 · 科研机构 left blank (a dash)
	blank := strings.Replace(seed4, "一、本年新收政府信息公开申请数量 |\n8 |\n0 |\n0 |", "一、本年新收政府信息公开申请数量 |\n8 |\n0 |\n- |", 1)
	if blank == seed4 {
		t.Fatal("seed 004 changed: its 本年新收 row is not found")
	}
	blankFile := filepath.Join(dir, "blank.txt")
	os.WriteFile(blankFile, []byte(blank), 0o644)
	out := filepath.Join(dir, "cells.csv")
	seed3 := filepath.Join(seedDir, "003_b5b9a5615959bd1c.txt")
	seed4File := filepath.Join(seedDir, "004_fe52555f254f9b80.txt")
	code, _, errs := runCLI(t, "", "check", "--csv", "--cells", out, seed3, seed4File, blankFile)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d %s", code, errs)
	}
	data := string(mustRead(t, out))
	if !strings.HasPrefix(data, "\uFEFFfile,agency,year,template,table,cell,row,column,value,raw,state,unit\r\n") {
		t.Fatalf("header %q", data[:min(len(data), 120)])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string][]string{}
	count := map[string]int{}
	for _, r := range recs[1:] {
		byKey[filepath.Base(r[0])+" "+r[5]] = r
		count[filepath.Base(r[0])]++
	}
	const agency4 = "东胜区行政审批政务服务与数据管理局"
	want := map[string][]string{
		"004_fe52555f254f9b80.txt t3.new.natural":         {seed4File, agency4, "2024", "2021", "t3", "t3.new.natural", "一、本年新收政府信息公开申请数量", "自然人", "8", "8", "read", "件"},
		"004_fe52555f254f9b80.txt t3.denied.secret.legal": {seed4File, agency4, "2024", "2021", "t3", "t3.denied.secret.legal", "（三）不予公开·1.属于国家秘密", "法人或其他组织·法律服务机构", "0", "0", "read", "件"},
		"004_fe52555f254f9b80.txt t4.suitafter.total":     {seed4File, agency4, "2024", "2021", "t4", "t4.suitafter.total", "行政诉讼·复议后起诉", "总计", "0", "0", "read", "件"},
		"004_fe52555f254f9b80.txt t2.license.decisions":   {seed4File, agency4, "2024", "2021", "t2", "t2.license.decisions", "行政许可", "本年处理决定数量", "52425", "52425", "read", "件"},
		"004_fe52555f254f9b80.txt t2.fees.amount":         {seed4File, agency4, "2024", "2021", "t2", "t2.fees.amount", "行政事业性收费", "本年收费金额（单位：万元）", "0", "0", "read", "万元"},
		"blank.txt t3.new.research":                       {blankFile, agency4, "2024", "2021", "t3", "t3.new.research", "一、本年新收政府信息公开申请数量", "法人或其他组织·科研机构", "", "", "blank", "件"}, // the reader keeps no raw text for a dash
		"003_b5b9a5615959bd1c.txt stats.1.year":           {seed3, "秀英区政府服务中心", "2017", "stats", "stats", "stats.1.year", "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "本年", "0", "0", "read", "条"},
		"003_b5b9a5615959bd1c.txt stats.4.year":           {seed3, "秀英区政府服务中心", "2017", "stats", "stats", "stats.4.year", "(二)通过不同渠道和方式公开政府信息的情况", "本年", "", "", "blank", ""},
	}
	for k, w := range want {
		if !slices.Equal(byKey[k], w) {
			t.Errorf("%s:\n got %q\nwant %q", k, byKey[k], w)
		}
	}
	values := 0
	for _, s := range checkFile(t, seed3).Stats {
		values += len(s.Values)
	}
	if count["004_fe52555f254f9b80.txt"] != 200 || count["003_b5b9a5615959bd1c.txt"] != values || values != 65 {
		t.Errorf("rows %v, want 200 cells of 004 and the 65 values of 003's indicators (%d)", count, values)
	}
	// the first rows follow the template's order: 表二 first, row by row
	if recs[1][5] != "stats.0.year" || byKey["004_fe52555f254f9b80.txt t2.rules.issued"] == nil {
		t.Errorf("first rows %q", recs[1:3])
	}

	// JSON Lines: the same rows, value null where unknown
	jl := filepath.Join(dir, "cells.jsonl")
	runCLI(t, "", "check", "--cells", jl, blankFile)
	var found bool
	sc := bufio.NewScanner(strings.NewReader(string(mustRead(t, jl))))
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r["cell"] == "t3.new.research" {
			found = true
			if v, ok := r["value"]; !ok || v != nil || r["state"] != "blank" || r["year"] != 2024.0 {
				t.Errorf("blank cell %v", r)
			}
		}
	}
	if !found {
		t.Error("no row for t3.new.research")
	}
}

// TestReviewFiles: --review writes each report's 审核意见 next to its name; the newer
// of a pair is reviewed with last year's comparison; a later run over the same
// directory does not take the reviews for reports.
func TestReviewFiles(t *testing.T) {
	dir := pairDir(t)
	out := filepath.Join(dir, "reviews")
	code, _, _ := runCLI(t, "", "check", "--review", out, dir)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var got []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"a-2023.审核意见.md", "a-2023.审核意见.txt", "b-2024.审核意见.md", "b-2024.审核意见.txt",
		"c-noagency.审核意见.md", "c-noagency.审核意见.txt"}
	if !slices.Equal(got, want) {
		t.Fatalf("files %q", got)
	}
	text := string(mustRead(t, filepath.Join(out, "b-2024.审核意见.txt")))
	contains(t, "review", text,
		"政府信息公开工作年度报告审核意见\n\n报告单位：东胜区行政审批政务服务与数据管理局\n报告年度：2024 年\n文件：b-2024.txt\n",
		"跨年度比对：a-2023.txt\n",
		"经逐格核对，未发现必须更正的错误，有 5 处需要核实，详见下文。",
		"（二）跨年度\n1. 上年结转不符（表三「二、上年结转政府信息公开申请数量」行「自然人」列）：2024年表三「自然人」上年结转(0) ≠ 2023年（a-2023.txt）结转下年度继续办理(3)，差 3\n")
	md := string(mustRead(t, filepath.Join(out, "b-2024.审核意见.md")))
	if !strings.HasPrefix(md, "# 政府信息公开工作年度报告审核意见\n\n- 报告单位：东胜区行政审批政务服务与数据管理局\n") || !strings.Contains(md, "### （二）跨年度\n\n1. **上年结转不符**") {
		t.Errorf("markdown\n%s", md)
	}
	// again over the directory that now holds the reviews: the same three reports
	_, summary, _ := runCLI(t, "", "check", "--summary-json", dir)
	var rows []row
	json.Unmarshal([]byte(summary), &rows)
	if len(rows) != 3 {
		t.Errorf("%d reports: %s", len(rows), summary)
	}
}

// TestStreamedCrossYear: in a streamed batch, a pair whose carry-over disagrees is
// found and written in the newer result; a pair that agrees says nothing of it; a
// pair given newer first is compared at the end and added to the streamed JSON as an
// addendum (on standard error for a CSV summary).
func TestStreamedCrossYear(t *testing.T) {
	seed4 := string(mustRead(t, filepath.Join(seedDir, "004_fe52555f254f9b80.txt")))
	older := strings.ReplaceAll(seed4, "2024", "2023")
	// last year's 结转下年度 as this year's 上年结转 says: 0
	zeros := strings.Replace(older, carryoverRow, "四、结转下年度继续办理 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |", 1)
	if zeros == older {
		t.Fatal("seed 004 changed: its carry-over row is not found")
	}
	other := func(s string) string {
		return strings.ReplaceAll(s, "东胜区行政审批政务服务与数据管理局", "康巴什区行政审批政务服务与数据管理局")
	}
	dir := t.TempDir()
	files := []struct{ name, text string }{
		{"1-dongsheng-2023.txt", strings.Replace(older, carryoverRow, strings.ReplaceAll(carryoverRow, "\n1 |", "\n3 |"), 1)},
		{"2-dongsheng-2024.txt", seed4},
		{"3-kangbashi-2023.txt", other(zeros)},
		{"4-kangbashi-2024.txt", other(seed4)},
		{"5-zhunge-2024.txt", strings.ReplaceAll(seed4, "东胜区", "准格尔旗")},
		{"6-zhunge-2023.txt", strings.ReplaceAll(strings.ReplaceAll(zeros, "东胜区", "准格尔旗"), "四、结转下年度继续办理 |\n0 |", "四、结转下年度继续办理 |\n2 |")},
	}
	for _, f := range files {
		os.WriteFile(filepath.Join(dir, f.name), []byte(f.text), 0o644)
	}
	for _, format := range []string{"--jsonl", "--json"} {
		_, out, errs := runCLI(t, "", "check", format, "-j", "3", dir)
		var records []json.RawMessage
		if format == "--json" {
			if err := json.Unmarshal([]byte(out), &records); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				records = append(records, json.RawMessage(line))
			}
		}
		carry := map[string][]string{}
		var results []string
		for _, rec := range records {
			var r struct {
				core.Result
				Addendum, Previous string
			}
			if err := json.Unmarshal(rec, &r); err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(r.File)
			if r.Addendum == "" {
				results = append(results, name)
			} else {
				name += " (" + r.Addendum + ", " + filepath.Base(r.Previous) + ")"
			}
			for _, f := range r.Findings {
				if f.Rule == "crossyear.carryover" {
					carry[name] = append(carry[name], f.Message)
				}
			}
		}
		if len(results) != 6 || results[0] != "1-dongsheng-2023.txt" || results[5] != "6-zhunge-2023.txt" {
			t.Errorf("%s: results %q, want the six in input order", format, results)
		}
		// the pair given newer first: compared at the end, and its findings added after
		// the results, naming the result they belong to
		want := map[string][]string{"2-dongsheng-2024.txt": {
			"2024年表三「自然人」上年结转(0) ≠ 2023年（1-dongsheng-2023.txt）结转下年度继续办理(3)，差 3",
			"2024年表三「总计」上年结转(0) ≠ 2023年（1-dongsheng-2023.txt）结转下年度继续办理(3)，差 3",
		}, "5-zhunge-2024.txt (crossyear, 6-zhunge-2023.txt)": {
			"2024年表三「自然人」上年结转(0) ≠ 2023年（6-zhunge-2023.txt）结转下年度继续办理(2)，差 2",
		}}
		if fmt.Sprint(carry) != fmt.Sprint(want) {
			t.Errorf("%s: carry-over findings %q", format, carry)
		}
		if strings.Contains(errs, "跨年度比对的结果未写入") {
			t.Errorf("%s: the addendum said on stderr too:\n%s", format, errs)
		}
	}
	// a summary table streamed as CSV has no place for them: standard error says them
	_, _, errs := runCLI(t, "", "check", "--csv", dir)
	wantErr := "nianbao: " + filepath.Join(dir, "5-zhunge-2024.txt") + " 排在上年报告 6-zhunge-2023.txt 之前，跨年度比对的结果未写入其结果：\n" +
		"  [警告] crossyear.carryover 2024年表三「自然人」上年结转(0) ≠ 2023年（6-zhunge-2023.txt）结转下年度继续办理(2)，差 2\n"
	if !strings.Contains(errs, wantErr) {
		t.Errorf("stderr\n%s\nwant\n%s", errs, wantErr)
	}
}

// carryoverRow is 表三's carry-over row as printed in seed 004: 1 application carried over.
const carryoverRow = "四、结转下年度继续办理 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1 |"

// contains fails the test for each of want that text lacks.
func contains(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("%s lacks %q\n%s", what, s, text)
		}
	}
}

// TestStreamedPeers: the batch's peer notes, which need every report, follow the
// streamed results as an addendum naming the report they belong to.
func TestStreamedPeers(t *testing.T) {
	seed4 := string(mustRead(t, filepath.Join(seedDir, "004_fe52555f254f9b80.txt")))
	dir := t.TempDir()
	for i, town := range []string{"甲", "乙", "丙", "丁", "戊", "己", "庚"} {
		text := strings.ReplaceAll(seed4, "东胜区", town+"区")
		if town == "丁" {
			text = strings.Replace(text, "行政许可 |\n52425 |", "行政许可 |\n0 |", 1)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644)
	}
	_, out, _ := runCLI(t, "", "check", "--jsonl", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 7 results and 1 addendum:\n%s", len(lines), out)
	}
	var a addendum
	if err := json.Unmarshal([]byte(lines[7]), &a); err != nil {
		t.Fatal(err)
	}
	if a.Addendum != "peers" || filepath.Base(a.File) != "3.txt" || len(a.Findings) != 1 || a.Findings[0].Rule != "peer.zero" ||
		a.Findings[0].Message != "表二行政许可处理决定数为 0，而同批 6 个机关2024年报告中该数的中位数为 52425（报 0 的 0 个）；请核对是否漏填或填错位置" {
		t.Errorf("addendum %+v", a)
	}
}

// TestEach: a file holding two reports is checked as one (the first, and exit 3), or
// with --each as two results named 汇编.txt#1 and #2, each with its own review.
func TestEach(t *testing.T) {
	dir := t.TempDir()
	two := string(mustRead(t, filepath.Join(seedDir, "004_fe52555f254f9b80.txt"))) + "\n" +
		string(mustRead(t, filepath.Join(seedDir, "001_4d220e2fb02edc16.txt")))
	file := filepath.Join(dir, "汇编.txt")
	os.WriteFile(file, []byte(two), 0o644)
	if code, out, _ := runCLI(t, "", "check", file); code != 3 || !strings.Contains(out, "文本中还有其他报告，只检查了第一份") {
		t.Errorf("without --each: exit %d\n%s", code, out)
	}
	reviewDir := filepath.Join(dir, "审核意见")
	code, out, errs := runCLI(t, "", "check", "--each", "--jsonl", "--review", reviewDir, file)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r core.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %d %s %v", filepath.Base(r.File), r.Part, *r.Agency, r.Summary.Others))
	}
	want := []string{"汇编.txt#1 1 东胜区行政审批政务服务与数据管理局 false", "汇编.txt#2 2 山海关区南关街道办事处 false"}
	if fmt.Sprint(got) != fmt.Sprint(want) || code == 3 {
		t.Errorf("--each: exit %d, results %q, want %q\n%s", code, got, want, errs)
	}
	for _, name := range []string{"汇编#1.审核意见.md", "汇编#2.审核意见.txt"} {
		if _, err := os.Stat(filepath.Join(reviewDir, name)); err != nil {
			t.Errorf("review %s: %v", name, err)
		}
	}
}
