package core

// Result is what a check returns: the contract of ../shared/spec/OUTPUT.md. The command
// line tool prints it as JSON; the browser API returns the same object (converted by
// vert, which reads the js tag, so every field has one and none has a named basic type).
type Result struct {
	File string `json:"file" js:"file"`
	// Part numbers the report within a text holding several (CheckEach): 1, 2, …;
	// 0 when the text was checked as one report.
	Part     int             `json:"part,omitempty" js:"part"`
	Template string          `json:"template" js:"template"`         // "2021" | "2019" | "stats" | "unknown"
	Variant  []string        `json:"variant,omitempty" js:"variant"` // deviations from the template, in Chinese
	Year     *int            `json:"year" js:"year"`
	Agency   *string         `json:"agency" js:"agency"`
	Cells    map[string]Cell `json:"cells" js:"cells"`
	Stats    []Stat          `json:"stats,omitempty" js:"stats"`
	Findings []Finding       `json:"findings" js:"findings"`
	Tables   []Table         `json:"tables,omitempty" js:"tables"` // the template's shape, for rendering
	Input    Input           `json:"input" js:"input"`
	Summary  Summary         `json:"summary" js:"summary"`
	// Coverage says how much of each table was read: a check that read only part of
	// the tables says so (Summary.Unread, the read.coverage finding).
	Coverage []Coverage `json:"coverage" js:"coverage"`
	// Outline lists the prose's numbered headings (levels 1 and 2) and the page breaks,
	// in text order, so that a place can be cited the way the report's author finds it
	// (「二、主动公开政府信息情况」, 第 3 页) rather than by a line of pasted text.
	Outline []Mark `json:"outline,omitempty" js:"outline"`
	// Held lists the identities that held, with their cells, when Options.Held asked.
	Held []Held `json:"held,omitempty" js:"held"`

	// proseText is the report's prose, read by FactsOf for comparing two years' reports
	// (crossyear.go). Unexported, so neither JSON nor the page sees it.
	proseText string
}

// Cell is one value of a table.
type Cell struct {
	Value *float64 `json:"value" js:"value"` // nil when blank, a dash, or unreadable: never 0
	Raw   string   `json:"raw" js:"raw"`
	At    []int    `json:"at" js:"at"`                 // [start, end) byte offsets into the input
	View  []int    `json:"view,omitempty" js:"view"`   // the same in Input.Text, for structured inputs
	Label string   `json:"label,omitempty" js:"label"` // row and column labels, for messages and exports
	// State is "read" (a value), "blank" (the report left it blank or wrote a dash),
	// "unread" (the reader could not place a value) or "ambiguous" (several readings
	// fit and none was chosen).
	State string `json:"state" js:"state"`
}

// Mark is a heading of the prose, or a page break (Level 0, Title empty): At is where
// it begins in the input, View in Input.Text.
type Mark struct {
	Level int    `json:"level" js:"level"`
	Title string `json:"title,omitempty" js:"title"` // "二、主动公开政府信息情况", as printed
	// Page is the number printed on a page number line ("— 3 —"), for a break found by
	// its page number in text without form feeds; 0 for a form feed.
	Page int   `json:"page,omitempty" js:"page"`
	At   []int `json:"at" js:"at"`
	View []int `json:"view,omitempty" js:"view"`
}

// Coverage is how much of one table was read.
type Coverage struct {
	Table string `json:"table" js:"table"` // "t2", "t3", "t4", "stats"
	Name  string `json:"name" js:"name"`   // "表三"
	Cells int    `json:"cells" js:"cells"` // cells the template has for this report
	Read  int    `json:"read" js:"read"`   // of which read: a value, or a blank the report left
	Found bool   `json:"found" js:"found"` // the table was located in the text
}

// Stat is one indicator of a 2008-2018 statistics table.
type Stat struct {
	Label  string     `json:"label" js:"label"`
	Unit   string     `json:"unit" js:"unit"`
	Values []*float64 `json:"values" js:"values"`
	At     []int      `json:"at" js:"at"`
	View   []int      `json:"view,omitempty" js:"view"`
	Level  int        `json:"level" js:"level"` // depth in the numbering hierarchy, 0 for top level
	Header bool       `json:"header,omitempty" js:"header"`
	// Misread: for each value, the text printed where a number should stand and
	// could not be read as one ("O"), that value unknown; absent when all were read.
	Misread []string `json:"misread,omitempty" js:"misread"`
}

// Held is an identity of the template that held in this report.
type Held struct {
	Rule  string   `json:"rule" js:"rule"`
	Title string   `json:"title" js:"title"` // the rule's title, "表三收支平衡"
	Cells []string `json:"cells" js:"cells"`
	Text  string   `json:"text" js:"text"` // "表三「自然人」列：一(8)+二(0)=8，三(七)(7)+四(1)=8，成立"
}

// Finding is one problem, with whose fault it is.
type Finding struct {
	Rule     string   `json:"rule" js:"rule"`
	Severity string   `json:"severity" js:"severity"` // "error" | "warning" | "info"
	Origin   string   `json:"origin" js:"origin"`     // "report" | "reader"
	Message  string   `json:"message" js:"message"`
	Cells    []string `json:"cells,omitempty" js:"cells"`
	At       []int    `json:"at,omitempty" js:"at"`
	View     []int    `json:"view,omitempty" js:"view"`
	Group    string   `json:"group" js:"group"`           // the page's grouping, in Chinese
	Title    string   `json:"title" js:"title"`           // the rule's short name, in Chinese
	Total    string   `json:"total,omitempty" js:"total"` // the cell that disagrees with its parts, when there is one
}

// Table is the shape of one rebuilt table: rows and columns in the template's order.
type Table struct {
	ID      string   `json:"id" js:"id"` // "t2", "t3", "t4"
	Title   string   `json:"title" js:"title"`
	Columns []Header `json:"columns" js:"columns"`
	Rows    []Header `json:"rows" js:"rows"`
	// Cells[r][c] is the cell id at row r, column c, or "" where the template has none.
	Cells [][]string `json:"cells" js:"cells"`
}

// Header is a row or column of a Table.
type Header struct {
	ID    string `json:"id" js:"id"`
	Label string `json:"label" js:"label"`
	Group string `json:"group,omitempty" js:"group"` // the spanning label above or beside it
	Depth int    `json:"depth" js:"depth"`
}

// Input describes what was read.
type Input struct {
	Format   string `json:"format" js:"format"`     // "text", "markdown", "html", "docx", "pdf"
	Encoding string `json:"encoding" js:"encoding"` // "utf-8", "gb18030", ...
	Bytes    int    `json:"bytes" js:"bytes"`
	// Text is the text the checker read, for structured inputs (HTML, Word, PDF) whose
	// bytes are not readable as such; View offsets point into it.
	Text        string `json:"text,omitempty" js:"text"`
	Traditional bool   `json:"traditional,omitempty" js:"traditional"`
	Error       string `json:"error,omitempty" js:"error"` // why the input could not be used
	// Module is "full" when this build (the page's lite module) cannot read the format
	// and the full module must check the input instead.
	Module string `json:"module,omitempty" js:"module"`
}

// Summary counts the findings.
type Summary struct {
	Errors   int `json:"errors" js:"errors"`
	Warnings int `json:"warnings" js:"warnings"`
	Infos    int `json:"infos" js:"infos"`
	Reader   int `json:"reader" js:"reader"` // findings whose origin is the reader
	// Unread counts the template's cells that could not be read: when it is not 0 the
	// check is incomplete, and no verdict may say the report is without problems.
	Unread int `json:"unread" js:"unread"`
	// NotReport: the text holds no template table nor statistics table.
	NotReport bool `json:"notReport,omitempty" js:"notReport"`
	// Others: the text holds further reports after the first, which alone was checked
	// (read.multiple): the check is incomplete.
	Others bool `json:"others,omitempty" js:"others"`
}

// Complete reports a check that read every cell of every table the report should
// have, and all of the text.
func (s Summary) Complete() bool { return s.Unread == 0 && !s.NotReport && !s.Others }

// Partial reports a report checked only in part: cells unread, or further reports
// in the text left unchecked.
func (s Summary) Partial() bool { return !s.NotReport && (s.Unread > 0 || s.Others) }
