package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/core"
)

const (
	seedDir   = "../../testdata/seeds"
	corpusDir = "../../../shared/corpus/reports"
)

// corrupt is a .docx cut short: a zip's first bytes and nothing after.
var corrupt = []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00garbage")

const corruptReason = "这是一个压缩文件（zip），但不是 Word 文档（.docx）；Excel、WPS 表格等格式暂不支持，请另存为 .docx，或复制报告文字后粘贴"

// wantRow is what the summary must say of one report, besides its counts.
type wantRow struct {
	file, agency string
	year         int
	template     string
	previous     string // the report it was compared with
	err          string
}

// TestBatchSummary checks the seeds, the corpus (when ../shared is present) and a
// corrupt file in one run and asserts the summary row by row: the counts are those of
// each report checked alone, plus the comparison of years for the newer of a pair.
func TestBatchSummary(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "corrupt.docx")
	if err := os.WriteFile(broken, corrupt, 0o644); err != nil {
		t.Fatal(err)
	}
	seed := func(n string) string { return filepath.Join(seedDir, n) }
	want := []wantRow{
		{file: seed("000_e0bf6f214cd92753.txt"), agency: "东港市机关事务服务中心", year: 2024, template: "2021"},
		{file: seed("001_4d220e2fb02edc16.txt"), agency: "山海关区南关街道办事处", year: 2024, template: "2021"},
		{file: seed("002_d85570ef8ddfd07a.txt"), agency: "衢州市机关事务保障中心", year: 2022, template: "2021"},
		{file: seed("003_b5b9a5615959bd1c.txt"), agency: "秀英区政府服务中心", year: 2017, template: "stats"},
		{file: seed("004_fe52555f254f9b80.txt"), agency: "东胜区行政审批政务服务与数据管理局", year: 2024, template: "2021"},
	}
	args := []string{"check", "--summary-json", seedDir}
	if _, err := os.Stat(corpusDir); err == nil {
		c := func(n string) string { return filepath.Join(corpusDir, n) }
		want = append(want,
			wantRow{file: c("017_hongze-2023-pdftotext-raw.txt"), agency: "洪泽区人民政府", year: 2023, template: "2021"},
			wantRow{file: c("018_hongze-2023-pdftotext-layout.txt"), agency: "洪泽区人民政府", year: 2023, template: "2021"},
			wantRow{file: c("019_hongze-2024-pdftotext-raw.txt"), agency: "淮安市洪泽区人民政府", year: 2024, template: "2021", previous: c("017_hongze-2023-pdftotext-raw.txt")},
			wantRow{file: c("020_hongze-2024-pdftotext-layout.txt"), agency: "淮安市洪泽区人民政府", year: 2024, template: "2021", previous: c("018_hongze-2023-pdftotext-layout.txt")},
			wantRow{file: c("021_huaian-2024-pdftotext-raw.txt"), agency: "淮安市人民政府", year: 2024, template: "2021"},
			wantRow{file: c("022_huaian-2024-pdftotext-layout.txt"), agency: "淮安市人民政府", year: 2024, template: "2021"})
		args = append(args, corpusDir)
	}
	want = append(want, wantRow{file: broken, template: "unknown", err: corruptReason})
	args = append(args, broken)

	code, out, errs := runCLI(t, "", args...)
	if code != 2 || !strings.Contains(errs, broken+": "+corruptReason) {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	var got []row
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		if g := got[i]; !slices.Equal(rowKey(g), w.key()) {
			t.Errorf("row %d: got %q\nwant %q", i, rowKey(g), w.key())
		}
		if e := expectedCounts(t, w); got[i].Errors != e.Errors || got[i].Warnings != e.Warnings || got[i].Reader != e.Reader {
			t.Errorf("%s: counts %d/%d/%d, want %d/%d/%d", w.file, got[i].Errors, got[i].Warnings, got[i].Reader, e.Errors, e.Warnings, e.Reader)
		}
	}
}

func rowKey(r row) []string {
	agency, year := "", ""
	if r.Agency != nil {
		agency = *r.Agency
	}
	if r.Year != nil {
		year = strconv.Itoa(*r.Year)
	}
	return []string{r.File, agency, year, r.Template, r.Previous, r.Error}
}

func (w wantRow) key() []string {
	year := ""
	if w.year != 0 {
		year = strconv.Itoa(w.year)
	}
	return []string{w.file, w.agency, year, w.template, w.previous, w.err}
}

// expectedCounts is a report's summary checked alone, with its comparison to last
// year's report added.
func expectedCounts(t *testing.T, w wantRow) core.Summary {
	t.Helper()
	res := checkFile(t, w.file)
	if w.previous != "" {
		res.Attach(core.CompareYears(checkFile(t, w.previous), res)...)
	}
	return res.Summary
}

func checkFile(t *testing.T, name string) *core.Result {
	t.Helper()
	return core.Check(mustRead(t, name), core.Options{Name: name})
}

// pairDir writes a synthetic pair made from seed 004 (东胜区, 2024): its 2023 report
// carried 3 applications over, where the 2024 report says none were carried; the
// prose is the same. And a third report whose agency cannot be found.
func pairDir(t *testing.T) string {
	t.Helper()
	now := string(mustRead(t, filepath.Join(seedDir, "004_fe52555f254f9b80.txt")))
	row := "四、结转下年度继续办理 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1 |"
	before := strings.Replace(strings.ReplaceAll(now, "2024", "2023"), row, strings.ReplaceAll(row, "\n1 |", "\n3 |"), 1)
	if before == strings.ReplaceAll(now, "2024", "2023") {
		t.Fatal("seed 004 changed: its carry-over row is not found")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a-2023.txt":       before,
		"b-2024.txt":       now,
		"c-noagency.txt":   strings.ReplaceAll(now, "东胜区行政审批政务服务与数据管理局", "我局"),
		".hidden/x.txt":    now,
		"~$lock.docx":      "",
		"notes/readme.csv": "not a report",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBatchCrossYear(t *testing.T) {
	dir := pairDir(t)
	alone := checkFile(t, filepath.Join(dir, "b-2024.txt"))

	// the full results: the comparison is attached to the 2024 report and counted
	code, out, _ := runCLI(t, "", "check", "--json", dir)
	var results []core.Result
	if err := json.Unmarshal([]byte(out), &results); err != nil || len(results) != 3 {
		t.Fatalf("exit %d, %d results (%v)\n%s", code, len(results), err, out)
	}
	newer := results[1]
	var cross []string
	for _, f := range newer.Findings {
		if strings.HasPrefix(f.Rule, "crossyear.") {
			cross = append(cross, f.Rule+" "+f.Message)
		}
	}
	wantCross := []string{
		"crossyear.carryover 2024年表三「自然人」上年结转(0) ≠ 2023年（a-2023.txt）结转下年度继续办理(3)，差 3",
		"crossyear.carryover 2024年表三「总计」上年结转(0) ≠ 2023年（a-2023.txt）结转下年度继续办理(3)，差 3",
		"crossyear.copy 2024年报告正文与2023年（a-2023.txt）报告高度雷同：上年正文约 100% 的文字在本年原样出现（按整句比较，数字不计；两年正文分别约 1244 字、1244 字），疑似沿用上年报告，请核对是否如实反映本年情况",
	}
	if !slices.Equal(cross, wantCross) {
		t.Errorf("cross-year findings:\n%s\nwant\n%s", strings.Join(cross, "\n"), strings.Join(wantCross, "\n"))
	}
	if newer.Summary.Warnings != alone.Summary.Warnings+3 || newer.Summary.Errors != alone.Summary.Errors {
		t.Errorf("summary %+v, alone %+v", newer.Summary, alone.Summary)
	}
	for i := 1; i < len(newer.Findings); i++ {
		if rank(newer.Findings[i-1]) > rank(newer.Findings[i]) {
			t.Errorf("findings out of order at %d: %+v", i, newer.Findings)
		}
	}

	// the table: the pair, and the report whose agency is unknown
	code, out, errs := runCLI(t, "", "check", dir)
	contains(t, "table", out,
		"已与上年报告 a-2023.txt 比对",
		"未识别出机关名称，未做跨年度比对",
		"东胜区行政审批政务服务与数据管理局 2023年 → 2024年（a-2023.txt → b-2024.txt）：3 处警告",
		"    [警告] crossyear.carryover 2024年表三「自然人」上年结转(0)")
	if code != 1 || strings.Contains(errs, "\r") || strings.Contains(out, "x.txt") {
		t.Errorf("exit %d (the 2023 report does not balance), stderr %q, hidden file checked?\n%s", code, errs, out)
	}
}

// TestTable: Chinese headers, columns aligned (Chinese characters two columns wide).
func TestTable(t *testing.T) {
	code, out, _ := runCLI(t, "", "check", seedDir+"/*.txt")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 1 || len(lines) < 8 || !strings.HasPrefix(lines[0], "文件") || !strings.HasSuffix(lines[0], "未能读取  备注") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	header := displayWidth(strings.TrimSuffix(lines[0], "  备注"))
	for _, l := range lines[1:6] { // the five seeds, no remark: as wide as the header
		if displayWidth(l) != header {
			t.Errorf("misaligned (%d, want %d): %q", displayWidth(l), header, l)
		}
	}
	if !regexp.MustCompile(`^共 5 份：有错误 \d 份，有警告 \d 份，只核对了部分 0 份，无法检查 0 份$`).MatchString(lines[6]) || lines[8] != "跨年度比对：没有同一机关连续两年的报告" {
		t.Errorf("totals: %q / %q", lines[6], lines[8])
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "corrupt.docx")
	os.WriteFile(broken, corrupt, 0o644)
	code, out, _ := runCLI(t, "", "check", seedDir, broken, "--csv") // flags may follow the files
	if code != 2 || !strings.HasPrefix(out, "\uFEFF文件,机关,年度,模板,错误,警告,未能读取,备注,问题\r\n") {
		t.Fatalf("exit %d\n%q", code, out)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 7 {
		t.Fatalf("%d records (%v)", len(recs), err)
	}
	if want := []string{broken, "", "", "", "", "", "", "无法检查：" + corruptReason, ""}; !slices.Equal(recs[6], want) {
		t.Errorf("corrupt row %q", recs[6])
	}
	if want := []string{filepath.Join(seedDir, "003_b5b9a5615959bd1c.txt"), "秀英区政府服务中心", "2017", "2008-2018年统计表"}; !slices.Equal(recs[4][:4], want) {
		t.Errorf("row %q", recs[4])
	}
}

// TestInputOrder: one worker or several, the output is the same, in input order.
func TestInputOrder(t *testing.T) {
	args := []string{"check", "--json", filepath.Join(seedDir, "004_fe52555f254f9b80.txt"), seedDir, "-"}
	_, one, _ := runCLI(t, "x", append(args, "-j", "1")...)
	_, many, _ := runCLI(t, "x", append(args, "-j", "8")...)
	if one != many {
		t.Error("output depends on the number of workers")
	}
	var results []core.Result
	json.Unmarshal([]byte(many), &results)
	var files []string
	for _, r := range results {
		files = append(files, filepath.Base(r.File))
	}
	// 004 named first, then the directory without 004 again, then standard input
	want := []string{"004_fe52555f254f9b80.txt", "000_e0bf6f214cd92753.txt", "001_4d220e2fb02edc16.txt",
		"002_d85570ef8ddfd07a.txt", "003_b5b9a5615959bd1c.txt", "-"}
	if !slices.Equal(files, want) {
		t.Errorf("order %q", files)
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, total: 3}
	for range 3 {
		p.tick()
	}
	p.finish()
	if s := b.String(); !strings.HasPrefix(s, "\r已检查 1/3") || !strings.Contains(s, "\r已检查 3/3") || !strings.HasSuffix(s, "\r\033[K") {
		t.Errorf("%q", s)
	}
	if isTerminal(&b) {
		t.Error("a buffer is no terminal")
	}
	f, _ := os.CreateTemp(t.TempDir(), "x")
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is no terminal")
	}
}

func TestGlobNoMatch(t *testing.T) {
	code, out, errs := runCLI(t, "", "check", "--summary-json", filepath.Join(t.TempDir(), "*.pdf"))
	if code != 2 || !strings.Contains(out, `"error": "没有匹配的文件"`) || !strings.Contains(errs, "没有匹配的文件") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}

// rank is core's order of findings: the report's errors, warnings, notes, then the reader's.
func rank(f core.Finding) int {
	r := map[string]int{"error": 0, "warning": 1, "info": 2}[f.Severity]
	if f.Origin == "reader" {
		r += 3
	}
	return r
}
