package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"nianbao/core/review"

	"nianbao/core"
)

// row is one report's line of the summary. Its JSON names are the --summary-json
// contract.
type row struct {
	File     string  `json:"file"`
	Agency   *string `json:"agency"`
	Year     *int    `json:"year"`
	Template string  `json:"template"`
	Errors   int     `json:"errors"`
	Warnings int     `json:"warnings"`
	Reader   int     `json:"reader"`          // the reader's own problems
	Error    string  `json:"error,omitempty"` // why the input could not be used
	Unread   int     `json:"unread"`          // the template's cells not read: checked only in part
	// NotReport: the text holds no template table nor statistics table.
	NotReport bool   `json:"notReport,omitempty"`
	Previous  string `json:"previous,omitempty"` // last year's report it was compared with
	Note      string `json:"note,omitempty"`     // why it was not compared, in Chinese
	// Problems are the findings in words, "[错误] 表三「自然人」列：一(60)+…".
	Problems []string `json:"problems,omitempty"`
}

// rowOf is a result's row of the summary (without the findings in words, which
// withProblems adds); previous is the report it was compared with.
// With several reports, a missing agency or year is worth a note: it prevents the
// comparison of years.
func rowOf(r *core.Result, previous string, multi bool) row {
	out := row{File: r.File, Agency: clone(r.Agency), Year: r.Year, Template: r.Template,
		Errors: r.Summary.Errors, Warnings: r.Summary.Warnings, Reader: r.Summary.Reader,
		Error: r.Input.Error, Previous: previous, Unread: r.Summary.Unread, NotReport: r.Summary.NotReport}
	switch {
	case r.Input.Error != "" || !multi:
	case r.Agency == nil:
		out.Note = "未识别出机关名称，未做跨年度比对"
	case r.Year == nil:
		out.Note = "未识别出报告年度，未做跨年度比对"
	}
	return out
}

// clone copies a string the table keeps: the agency's name is cut from the report's
// text, which it would otherwise keep alive.
func clone(s *string) *string {
	if s == nil {
		return nil
	}
	c := strings.Clone(*s)
	return &c
}

// withProblems adds the findings in words to a row.
func withProblems(rw row, r *core.Result) row {
	rw.Problems = problems(r)
	return rw
}

// problems are a result's findings in words, one a line: "[错误] 表三「自然人」列：…".
func problems(r *core.Result) []string {
	if r.Input.Error != "" {
		return []string{} // the remark says why
	}
	out := make([]string, 0, len(r.Findings))
	for _, f := range r.Findings {
		p := "[" + mark(f) + "] "
		if place := review.Place(r, f); place != "" && !strings.HasPrefix(f.Message, place) {
			p += place + "："
		}
		out = append(out, p+strings.ReplaceAll(f.Message, "\n", " "))
	}
	return out
}

// remark is the last column of the table and the CSV: the reason a file could not be
// checked, the report it was compared with, or why it was not.
func (r row) remark() string {
	var parts []string
	switch {
	case r.NotReport && r.Error != "":
		return "不是年度报告：" + r.Error
	case r.Error != "":
		return "无法检查：" + r.Error
	case r.NotReport:
		return "不是年度报告：没有找到任何表格，未做核对"
	case r.Unread > 0:
		parts = append(parts, fmt.Sprintf("检查不完整：%d 格未读出", r.Unread))
	}
	switch {
	case r.Previous != "":
		parts = append(parts, "已与上年报告 "+filepath.Base(r.Previous)+" 比对")
	case r.Note != "":
		parts = append(parts, r.Note)
	}
	return strings.Join(parts, "；")
}

// cells are the row's values as the table and the CSV show them.
func (r row) cells() []string {
	if r.Error != "" {
		return []string{r.File, "", "", "", "", "", "", r.remark()}
	}
	agency, year := "未识别", "未识别"
	if r.Agency != nil {
		agency = *r.Agency
	}
	if r.Year != nil {
		year = strconv.Itoa(*r.Year)
	}
	return []string{r.File, agency, year, templateName(r.Template),
		strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings), strconv.Itoa(r.Reader), r.remark()}
}

var headers = []string{"文件", "机关", "年度", "模板", "错误", "警告", "未能读取", "备注"}

// numeric columns are right-aligned in the table.
var numeric = []bool{false, false, false, false, true, true, true, false}

// writeTable prints the summary as an aligned table, Chinese characters counted as
// two columns wide, and a line of totals.
func writeTable(w io.Writer, rows []row) {
	lines := [][]string{headers}
	for _, r := range rows {
		lines = append(lines, r.cells())
	}
	widths := make([]int, len(headers))
	for _, l := range lines {
		for c, s := range l {
			widths[c] = max(widths[c], displayWidth(s))
		}
	}
	for _, l := range lines {
		var b strings.Builder
		for c, s := range l {
			pad := strings.Repeat(" ", widths[c]-displayWidth(s))
			if c == len(l)-1 {
				pad = "" // no trailing spaces
			}
			if numeric[c] {
				s, pad = pad+s, ""
			}
			b.WriteString(s + pad)
			if c < len(l)-1 {
				b.WriteString("  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	fmt.Fprintln(w, totals(rows))
}

// totals is the line under the table.
func totals(rows []row) string {
	unusable, notReport, partial, withErrors, withWarnings := 0, 0, 0, 0, 0
	for _, r := range rows {
		switch {
		case r.NotReport:
			notReport++
			continue
		case r.Error != "":
			unusable++
			continue
		case r.Errors > 0:
			withErrors++
		}
		if r.Warnings > 0 {
			withWarnings++
		}
		if r.Unread > 0 {
			partial++
		}
	}
	out := fmt.Sprintf("共 %d 份：有错误 %d 份，有警告 %d 份，只核对了部分 %d 份，无法检查 %d 份", len(rows), withErrors, withWarnings, partial, unusable)
	if notReport > 0 {
		out += fmt.Sprintf("，不是年度报告 %d 份", notReport)
	}
	return out
}

// displayWidth is the width of s on a terminal: East Asian wide and full-width
// characters take two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// csvHeaders are the CSV's columns: the table's, and the findings in words.
var csvHeaders = append(slices.Clone(headers), "问题")

// csvWriter writes the summary as CSV for a spreadsheet: a UTF-8 byte order mark and
// CRLF line ends, which Excel needs to read Chinese text.
type csvWriter struct{ w *csv.Writer }

// newCSV starts the summary: the byte order mark and the header.
func newCSV(w io.Writer) (*csvWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	c := &csvWriter{cw}
	return c, c.record(csvHeaders)
}

// row writes one report's row.
func (c *csvWriter) row(r row) error {
	return c.record(append(r.cells(), strings.Join(r.Problems, "\n")))
}

func (c *csvWriter) record(rec []string) error {
	c.w.Write(rec)
	c.w.Flush() // into the output's buffer
	return c.w.Error()
}
