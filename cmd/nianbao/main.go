// Command nianbao checks government information-disclosure annual reports
// (政府信息公开工作年度报告) from the command line.
//
//	nianbao check [flags] FILE|DIR|GLOB...   check reports; "-" reads standard input
//	nianbao rules                            list the rules
//	nianbao version
//
// Several reports are checked in parallel and summarised in a table (or CSV, or
// JSON); reports of one body for consecutive years are compared with each other.
//
// Exit status: 0 no errors and every cell read, 1 report errors found, 2 unusable
// input or not a report, 3 no errors among what was read but cells unread.
package main

import (
	"bytes"
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

var usage = `用法 / usage:
  nianbao check [选项] 文件|目录|通配符...   检查年度报告（"-" 表示标准输入）
  nianbao rules                            列出全部检查规则
  nianbao version                          显示版本
check 的选项：
  --json           输出完整的 JSON 结果（见 OUTPUT.md；多个文件时为数组，边查边写）
  --jsonl          输出完整的 JSON 结果，每行一份
  --csv            输出汇总表 CSV（带 BOM，可直接用 Excel 打开；含问题原文）
  --summary-json   输出汇总表 JSON
  --cells 文件     另把每份报告的每个单元格写成一行（.csv 或 .jsonl，列见 README）
  --review 目录    另把每份报告的审核意见写入目录（名称.审核意见.md 和 .txt）
  --detail         多个文件时，在汇总表前列出每份报告的问题
  --each           一个文件中有多份报告（汇编、列表页、粘贴在一起）时逐份检查，各份名为“文件名#2”等；
                   不加时只检查第一份并提示（退出码 3）
  --format F       强制输入格式：text, markdown, html, docx, doc, pdf, ofd
  --deadline P     公布期限方案，默认为第一个：` + rules.DeadlineUsage() + `
  -j N             并行数（默认为 CPU 核数）
目录按子目录递归查找 .txt .md .html .htm .docx .doc .wps .pdf .ofd 文件。
同一机关连续两年的报告一起检查时，会做跨年度比对（上年结转、现行有效件数、历年累计、数值大幅变化、内容雷同）；
批量检查时还会与同年度其他机关比较（peer.zero）。
退出码：0 未发现错误且全部读出；1 报告有错误；2 有输入无法使用或不是年度报告；3 未发现错误，但有未读出的格（只核对了一部分）
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

// readInput reads a file, or standard input for "-", refusing what is too large. A
// file is read with one call where its size is known.
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
			if st.Mode().IsRegular() {
				data := make([]byte, st.Size())
				if _, err := io.ReadFull(f, data); err != nil {
					return nil, friendly(err)
				}
				return data, nil
			}
		}
		r = f
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, core.MaxInput+1)); err != nil {
		return nil, friendly(err)
	}
	data := buf.Bytes()
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
