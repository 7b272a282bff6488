package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"nianbao/core"
	"nianbao/core/rules"
)

// writeText prints a readable Chinese summary of one result.
func writeText(w io.Writer, res *core.Result) {
	fmt.Fprintf(w, "== %s\n", res.File)
	switch {
	case res.Input.Error != "" && res.Summary.NotReport:
		fmt.Fprintf(w, "   不是年度报告：%s\n\n", res.Input.Error)
		return
	case res.Input.Error != "":
		fmt.Fprintf(w, "   无法检查：%s\n\n", res.Input.Error)
		return
	}
	year, agency := "未识别", "未识别"
	if res.Year != nil {
		year = fmt.Sprint(*res.Year)
	}
	if res.Agency != nil {
		agency = *res.Agency
	}
	fmt.Fprintf(w, "   模板 %s · 年度 %s · 机关 %s\n", templateName(res.Template), year, agency)
	for _, v := range res.Variant {
		fmt.Fprintf(w, "   变体：%s\n", v)
	}
	s := res.Summary
	fmt.Fprintf(w, "   错误 %d · 警告 %d · 提示 %d · 未能读取 %d\n", s.Errors, s.Warnings, s.Infos, s.Reader)
	if v := verdict(res); v != "" {
		fmt.Fprintf(w, "   %s\n", v)
	}
	for _, f := range res.Findings {
		fmt.Fprintf(w, "   [%s] %s %s\n", mark(f), f.Rule, indent(f.Message))
	}
	fmt.Fprintln(w)
}

// verdict says how far the check went when it did not go all the way: text that is
// not a report, or tables read only in part.
func verdict(res *core.Result) string {
	s := res.Summary
	switch {
	case s.NotReport:
		return "不是年度报告：没有找到任何表格，未做核对"
	case s.Unread > 0:
		var parts []string
		for _, c := range res.Coverage {
			if c.Read < c.Cells {
				parts = append(parts, fmt.Sprintf("%s %d 格中读出 %d 格", c.Name, c.Cells, c.Read))
			}
		}
		return "检查不完整（只核对了读出的部分）：" + strings.Join(parts, "，")
	}
	return ""
}

// mark is a finding's kind, in brackets before it.
func mark(f core.Finding) string {
	if f.Origin == "reader" {
		return "读取"
	}
	return map[string]string{"error": "错误", "warning": "警告", "info": "提示"}[f.Severity]
}

// writeComparisons lists the pairs of consecutive years compared, with their findings
// when the reports' own listings were not printed, and the batch's peer findings.
func writeComparisons(w io.Writer, y *years, withFindings bool) {
	fmt.Fprintln(w)
	if len(y.pairs) == 0 {
		fmt.Fprintln(w, "跨年度比对：没有同一机关连续两年的报告")
	} else {
		fmt.Fprintln(w, "跨年度比对（同一机关的连续两年）：")
	}
	for _, p := range y.pairs {
		verdict := tally(p.findings)
		fmt.Fprintf(w, "  %s %d年 → %d年（%s → %s）：%s\n", p.agency, p.oldYear, p.newYear, filepath.Base(p.oldFile), filepath.Base(p.newFile), verdict)
		if withFindings || p.late {
			writeFindings(w, p.findings, "    ")
		}
	}
	if len(y.peers) > 0 {
		fmt.Fprintln(w, "\n同批比较：")
		for _, f := range y.peers {
			fmt.Fprintf(w, "  %s：[%s] %s %s\n", filepath.Base(y.pairer.Facts(f.Index).File), mark(f.Finding), f.Finding.Rule, indent(f.Finding.Message))
		}
	}
}

// tally counts findings by kind: "2 处警告、1 处提示", or "未发现问题".
func tally(fs []core.Finding) string {
	n := map[string]int{}
	for _, f := range fs {
		n[mark(f)]++
	}
	var parts []string
	for _, k := range []string{"错误", "警告", "提示", "读取"} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d 处%s", n[k], k))
		}
	}
	if len(parts) == 0 {
		return "未发现问题"
	}
	return strings.Join(parts, "、")
}

func templateName(t string) string { return rules.TemplateOf(t).Short }

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n        ") }
