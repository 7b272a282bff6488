package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	seed := func(n string) string {
		m, _ := filepath.Glob("../../testdata/seeds/" + n + "_*.txt")
		return m[0]
	}
	clean := seed("000")
	broken := write("broken.txt", bytes.Replace(mustRead(t, seed("004")), []byte("(七)总计 |\n7 |"), []byte("(七)总计 |\n9 |"), 1))
	// 表四 with one of its fifteen values gone: read only in part
	seed4 := string(mustRead(t, seed("004")))
	cut := strings.LastIndex(seed4[:strings.Index(seed4, "五、存在的主要问题")], "0 |")
	partial := write("partial.txt", []byte(seed4[:cut]+seed4[cut+len("0 |\n"):]))
	cases := []struct {
		name string
		args []string
		code int
		out  string // a substring of stdout
		err  string // a substring of stderr
	}{
		{"clean report", []string{"check", clean}, 0, "错误 0", ""},
		{"report errors", []string{"check", broken}, 1, "t3.outcomes", ""},
		{"checked in part", []string{"check", partial}, 3, "检查不完整（只核对了读出的部分）：表四 15 格中读出 0 格", ""},
		{"not a report", []string{"check", write("hello.txt", []byte("hello\n"))}, 2, "不是年度报告", ""},
		{"batch: partial and clean", []string{"check", partial, clean}, 3, "partial.txt", ""},
		{"empty file", []string{"check", write("empty.txt", nil)}, 2, "无法检查", "输入为空"},
		{"binary file", []string{"check", write("x.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})}, 2, "不是年度报告：不是文本文件", "二进制"},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, 2, "", "文件不存在"},
		// a directory is searched: broken.txt and empty.txt (x.bin is not a report)
		{"directory", []string{"check", dir}, 2, "broken.txt", "empty.txt: 输入为空"},
		{"empty directory", []string{"check", t.TempDir()}, 2, "目录中没有可检查的文件", "目录中没有可检查的文件"},
		{"no file", []string{"check"}, 2, "", "请给出文件名"},
		{"two outputs", []string{"check", "--json", "--csv", clean}, 2, "", "只能选一个"},
		{"unknown command", []string{"frobnicate"}, 2, "", "未知命令"},
		{"rules", []string{"rules"}, 0, "t3.balance", ""},
		// seed 001, a 街道 published on 10 January: late only for a profile that fixes
		// the townships' deadline earlier
		{"deadline: custom dates", []string{"check", "--deadline", "乡镇=1-5", seed("001")}, 1, "晚于公布期限 2025年1月5日 5 天（按机构名称“山海关区南关街道办事处”判断为乡镇（街道），依自定义期限（乡镇1月5日）应于1月5日前公布）", ""},
		{"deadline: unknown profile", []string{"check", "--deadline", "shanghai", clean}, 2, "", "未知的期限方案“shanghai”：可选 national"},
		{"deadline: listed in help", []string{"help"}, 0, "national（全国统一期限：部门1月31日、政府3月31日）", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
		})
	}
}

func TestJSONFromStdin(t *testing.T) {
	code, out, _ := runCLI(t, string(mustRead(t, "../../testdata/seeds/004_fe52555f254f9b80.txt")), "check", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		File     string
		Template string
		Year     int
		Cells    map[string]struct{ Value *float64 }
		Findings []struct{ Rule string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.File != "-" || res.Template != "2021" || res.Year != 2024 || *res.Cells["t3.new.natural"].Value != 8 {
		t.Errorf("got %+v", res)
	}
	// several files: a JSON array, one object per file
	code, out, _ = runCLI(t, "", "check", "--json", "../../testdata/seeds/000_e0bf6f214cd92753.txt", "../../testdata/seeds/001_4d220e2fb02edc16.txt")
	var many []json.RawMessage
	if err := json.Unmarshal([]byte(out), &many); err != nil || len(many) != 2 {
		t.Errorf("want an array of 2, got %d (%v)", len(many), err)
	}
}

// TestHostileInputs: a truncated table and a 30 MB file read without a crash.
func TestHostileInputs(t *testing.T) {
	seed := mustRead(t, "../../testdata/seeds/004_fe52555f254f9b80.txt")
	cut := seed[:bytes.Index(seed, []byte("4.无正当理由大量反复申请"))]
	code, out, _ := runCLI(t, string(cut), "check", "-")
	if code > 1 || !strings.Contains(out, "read.") {
		t.Errorf("truncated table: exit %d\n%s", code, out)
	}
	big := bytes.Repeat(seed, 30<<20/len(seed)+1)
	code, _, errs := runCLI(t, string(big), "check", "--json", "-")
	if code > 2 || strings.Contains(errs, "panic") {
		t.Errorf("30 MB: exit %d %s", code, errs)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
