// Package dataset writes checked reports as a tidy dataset: one row per report and
// cell, for researchers who want the numbers themselves (nianbao check --cells, and
// the page's batch export). The columns are stable across versions; new ones are only
// ever added at the end.
//
// Columns, in order:
//
//	file      the input's name
//	agency    the reporting body, empty when not found
//	year      the reporting year, empty when not found
//	template  "2021", "2019", "stats" (the 2008-2018 statistics table) or "unknown"
//	table     "t2", "t3", "t4", or "stats"
//	cell      the cell id of OUTPUT.md ("t3.new.natural"); for the statistics table
//	          "stats.<row>.year" (本年) or "stats.<row>.total" (历年累计), row counted
//	          from 0 in the order printed
//	row       the row's label as the template prints it, with its group where the label
//	          alone is ambiguous ("（六）其他处理·3.其他"); for the statistics table the
//	          indicator as the report prints it
//	column    the column's label ("法人或其他组织·商业企业"; 本年 or 历年累计)
//	value     the number; empty when unknown (blank, a dash, unread), never 0
//	raw       the text read for the cell
//	state     "read", "blank" (left blank or a dash), "unread" (the reader could not
//	          place a value) or "ambiguous" (several readings fit, none was chosen)
//	unit      "件", "万元", or the statistics table's unit as printed; may be empty
//
// CSV is written as UTF-8 with a byte order mark and CRLF line ends, which Excel
// needs for Chinese text; JSON Lines as one object per row with the same names, value
// and year as numbers or null.
package dataset

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"

	"nianbao/core"
)

// Columns are the dataset's columns, in order.
var Columns = []string{"file", "agency", "year", "template", "table", "cell", "row", "column", "value", "raw", "state", "unit"}

// Row is one cell of one report.
type Row struct {
	File     string   `json:"file"`
	Agency   *string  `json:"agency"`
	Year     *int     `json:"year"`
	Template string   `json:"template"`
	Table    string   `json:"table"`
	Cell     string   `json:"cell"`
	Row      string   `json:"row"`
	Column   string   `json:"column"`
	Value    *float64 `json:"value"`
	Raw      string   `json:"raw"`
	State    string   `json:"state"`
	Unit     string   `json:"unit"`
}

// Rows lists a result's rows: the tables' cells in the template's order, then the
// statistics table's indicators. An input that could not be read has none.
func Rows(res *core.Result) []Row {
	base := Row{File: res.File, Agency: res.Agency, Year: res.Year, Template: res.Template}
	var out []Row
	seen := map[string]bool{}
	for _, t := range res.Tables {
		for r, rh := range t.Rows {
			for c, id := range t.Cells[r] {
				cell, ok := res.Cells[id]
				if id == "" || !ok {
					continue
				}
				seen[id] = true
				out = append(out, cellRow(base, t.ID, id, rowLabel(t.ID, rh), colLabel(t.Columns[c]), cell))
			}
		}
	}
	// cells of a result without its tables' shape (or outside it), in id order
	var rest []string
	for id := range res.Cells {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		cell := res.Cells[id]
		table, _, _ := strings.Cut(id, ".")
		row, col := labels(cell.Label)
		out = append(out, cellRow(base, table, id, row, col, cell))
	}
	for i, s := range res.Stats {
		for k, v := range s.Values {
			r := base
			r.Table, r.Row, r.Unit, r.Value = "stats", s.Label, s.Unit, v
			r.Cell, r.Column = "stats."+strconv.Itoa(i)+".year", "本年"
			if k == 1 {
				r.Cell, r.Column = "stats."+strconv.Itoa(i)+".total", "历年累计"
			} else if k > 1 {
				r.Cell, r.Column = "stats."+strconv.Itoa(i)+"."+strconv.Itoa(k), ""
			}
			switch {
			case v != nil:
				r.State, r.Raw = "read", number(*v)
			case k < len(s.Misread) && s.Misread[k] != "":
				r.State, r.Raw = "unread", s.Misread[k] // letters where a number stands
			default:
				r.State = "blank"
			}
			out = append(out, r)
		}
	}
	return out
}

func cellRow(base Row, table, id, row, col string, c core.Cell) Row {
	r := base
	r.Table, r.Cell, r.Row, r.Column = table, id, row, col
	r.Value, r.Raw, r.State = c.Value, c.Raw, c.State
	r.Unit = "件"
	if strings.Contains(col, "万元") || strings.Contains(row, "万元") {
		r.Unit = "万元"
	}
	return r
}

// rowLabel is a row's label, with its group where the label alone is ambiguous: a
// 表三 sub-item under （三）…（六）, a 表四 group under 行政诉讼.
func rowLabel(table string, h core.Header) string {
	if h.Group != "" && (table == "t4" || strings.HasPrefix(h.Group, "（")) {
		return h.Group + "·" + h.Label
	}
	return h.Label
}

func colLabel(h core.Header) string {
	if h.Group != "" {
		return h.Group + "·" + h.Label
	}
	return h.Label
}

// labels reads a cell's label, "表三 （七）总计 · 自然人", as row and column.
func labels(label string) (row, col string) {
	_, rest, _ := strings.Cut(label, " ")
	if i := strings.LastIndex(rest, " · "); i >= 0 {
		return rest[:i], rest[i+len(" · "):]
	}
	return rest, ""
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Writer writes the rows of report after report.
type Writer struct {
	csv  *csv.Writer
	json *json.Encoder
	rec  []string
}

// NewCSV starts a CSV dataset on w: the byte order mark and the header.
func NewCSV(w io.Writer) (*Writer, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Columns); err != nil {
		return nil, err
	}
	return &Writer{csv: cw, rec: make([]string, len(Columns))}, nil
}

// NewJSONL starts a JSON Lines dataset on w.
func NewJSONL(w io.Writer) *Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Writer{json: enc}
}

// Write writes a result's rows.
func (w *Writer) Write(res *core.Result) error {
	for _, r := range Rows(res) {
		if w.json != nil {
			if err := w.json.Encode(r); err != nil {
				return err
			}
			continue
		}
		agency, year, value := "", "", ""
		if r.Agency != nil {
			agency = *r.Agency
		}
		if r.Year != nil {
			year = strconv.Itoa(*r.Year)
		}
		if r.Value != nil {
			value = number(*r.Value)
		}
		copy(w.rec, []string{r.File, agency, year, r.Template, r.Table, r.Cell, r.Row, r.Column, value, r.Raw, r.State, r.Unit})
		if err := w.csv.Write(w.rec); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes what is buffered.
func (w *Writer) Flush() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}
