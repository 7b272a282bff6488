// Command nianbao checks government information-disclosure annual reports
// (政府信息公开工作年度报告) from the command line.
//
//	nianbao check [--json] FILE...   check reports; "-" reads standard input
//	nianbao rules                    list the rules
//	nianbao version
//
// Exit status: 0 no errors in the reports, 1 report errors found, 2 unusable input.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"nianbao/core"
	"nianbao/core/rules"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `用法 / usage:
  nianbao check [--json] FILE...   检查年度报告（"-" 表示标准输入）
  nianbao rules                    列出全部检查规则
  nianbao version                  显示版本
退出码：0 未发现错误；1 报告有错误；2 输入无法使用
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdin, stdout, stderr)
	case "rules":
		for _, r := range rules.All() {
			fmt.Fprintf(stdout, "%-22s %-8s %-7s %s\n", r.ID, r.Severity, r.Group, firstLine(r.Doc))
		}
		return 0
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "nianbao", core.Version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nianbao: 未知命令 %q\n%s", args[0], usage)
	return 2
}

func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "输出 JSON（见 OUTPUT.md）")
	format := fs.String("format", "", "强制输入格式：text, markdown, html, docx, pdf")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "nianbao check: 请给出文件名，或用 - 读取标准输入")
		return 2
	}
	var results []*core.Result
	status := 0
	for _, name := range files {
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "nianbao: %s: %v\n", name, err)
			status = 2
			continue
		}
		res := core.Check(data, core.Options{Name: name, Format: *format})
		results = append(results, res)
		switch {
		case res.Input.Error != "":
			fmt.Fprintf(stderr, "nianbao: %s: %s\n", name, res.Input.Error)
			status = max(status, 2)
		case res.Summary.Errors > 0:
			status = max(status, 1)
		}
		if !*asJSON {
			writeText(stdout, res)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		var v any = results
		if len(files) == 1 && len(results) == 1 {
			v = results[0]
		}
		if results == nil {
			v = []*core.Result{}
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintln(stderr, "nianbao:", err)
			return 2
		}
	}
	return status
}

// readInput reads a file, or standard input for "-", refusing what is too large.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, friendly(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return nil, fmt.Errorf("是目录，不是文件")
			}
			if st.Size() > core.MaxInput {
				return nil, fmt.Errorf("文件过大（%.1f MB），上限为 %d MB", float64(st.Size())/(1<<20), core.MaxInput>>20)
			}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, core.MaxInput+1))
	if err != nil {
		return nil, friendly(err)
	}
	if len(data) > core.MaxInput {
		return nil, fmt.Errorf("输入过大，上限为 %d MB", core.MaxInput>>20)
	}
	return data, nil
}

func friendly(err error) error {
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("文件不存在")
	case os.IsPermission(err):
		return fmt.Errorf("没有读取权限")
	}
	return err
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
