// Package template holds the national report templates as data: tables, their rows
// and columns with the template's literal wording, the patterns that recognise a label
// however a report mangles it, and the identities that must hold. The reader and the
// rules are driven by these tables; a new local variant is a new entry here.
package template

// Kinds of value a column holds.
const (
	Count   = iota // an integer >= 0
	Decimal        // a number >= 0 (万元)
	Signed         // an integer that may be negative (2019 本年增/减)
)

// Table is one table of a template.
type Table struct {
	ID    string // "t2", "t3", "t4"
	Title string
	Rows  []Row
	Cols  []Col
	// Identities the table's cells must satisfy.
	Identities []Identity
}

// Row is a row of a table. In 表四 the "rows" are the three groups.
type Row struct {
	ID    string
	Label string // the template's wording
	Group string // the spanning label beside it, e.g. "（三）不予公开"
	Key   *Pattern
	// Cols lists the columns this row has, where rows differ (表二); nil means all.
	Cols []string
	// When names the variant the row belongs to: "" for every variant.
	When string
}

// Col is a column of a table.
type Col struct {
	ID    string
	Label string
	Group string
	Key   *Pattern
	Kind  int
	When  string
}

// Identity is an equation or inequality over cells, evaluated once per line: per
// column (Per == "col": Left and Right are row ids) or per row (Per == "row": they are
// column ids). Lines lists the columns or rows it applies to; nil means all.
type Identity struct {
	Rule  string // the rule that reports it
	Per   string // "col" | "row"
	Left  []string
	Right []string
	Op    string // "=" or "<="
	Lines []string
	When  string // variant it needs, "" for all
	// Names of the sides in messages, e.g. "一+二" and "三(七)+四".
	LeftName, RightName string
}

// Generation is one of the national templates.
type Generation struct {
	ID   string // "2021", "2019"
	Name string
	T2   *Table
	// T3Other is the variant of 表三 （六）其他处理 the generation prints: "split" or "single".
	T3Other string
	// Markers recognise the generation's 表二 wording.
	Markers *Pattern
}

// Variant names of 表三.
const (
	OtherSplit  = "other3"   // （六）其他处理 with three sub-rows (2021)
	OtherSingle = "other1"   // （六）其他处理 as one row (2019)
	LegalSum    = "legalsum" // a 法人或其他组织 subtotal column
	// A group label that carries numbers of its own: a subtotal row of its sub-rows.
	SubDenied = "sub.denied" // （三）不予公开
	SubUnable = "sub.unable" // （四）无法提供
	SubReject = "sub.reject" // （五）不予处理
	SubOther  = "sub.other"  // （六）其他处理, where it has sub-rows
)

// Subtotal rows and the variant each belongs to.
var Subtotals = map[string]string{"denied": SubDenied, "unable": SubUnable, "reject": SubReject, "other.sum": SubOther}

// T3 is 表三 收到和处理政府信息公开申请情况 (2019 and 2021).
var T3 = &Table{
	ID:    "t3",
	Title: "表三 收到和处理政府信息公开申请情况",
	Rows: []Row{
		{ID: "new", Label: "一、本年新收政府信息公开申请数量", Key: re(`本年新收`)},
		{ID: "carried", Label: "二、上年结转政府信息公开申请数量", Key: re(`上年结转`)},
		{ID: "granted", Label: "（一）予以公开", Group: "三、本年度办理结果", Key: re(`予以公开`)},
		{ID: "partial", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Group: "三、本年度办理结果", Key: re(`部分公开`)},
		{ID: "denied", Label: "（三）不予公开（小计）", Group: "三、本年度办理结果", Key: re(`^\(?三\)?[、.]?不予公开$`), When: SubDenied},
		{ID: "denied.secret", Label: "1.属于国家秘密", Group: "（三）不予公开", Key: re(`国家秘密`)},
		{ID: "denied.lawban", Label: "2.其他法律行政法规禁止公开", Group: "（三）不予公开", Key: re(`法律行政|法规禁止`)},
		{ID: "denied.safety", Label: "3.危及“三安全一稳定”", Group: "（三）不予公开", Key: re(`三安全|一稳定`)},
		{ID: "denied.thirdparty", Label: "4.保护第三方合法权益", Group: "（三）不予公开", Key: re(`第三方`)},
		{ID: "denied.internal", Label: "5.属于三类内部事务信息", Group: "（三）不予公开", Key: re(`内部事务`)},
		{ID: "denied.process", Label: "6.属于四类过程性信息", Group: "（三）不予公开", Key: re(`过程性`)},
		{ID: "denied.enforcement", Label: "7.属于行政执法案卷", Group: "（三）不予公开", Key: re(`执法案卷`)},
		{ID: "denied.query", Label: "8.属于行政查询事项", Group: "（三）不予公开", Key: re(`查询事项`)},
		{ID: "unable", Label: "（四）无法提供（小计）", Group: "三、本年度办理结果", Key: re(`^\(?四\)?[、.]?无法提供$`), When: SubUnable},
		{ID: "unable.nothold", Label: "1.本机关不掌握相关政府信息", Group: "（四）无法提供", Key: re(`不掌握`)},
		{ID: "unable.create", Label: "2.没有现成信息需要另行制作", Group: "（四）无法提供", Key: re(`没有现成|另行制作`)},
		{ID: "unable.unclear", Label: "3.补正后申请内容仍不明确", Group: "（四）无法提供", Key: re(`仍不明确|补正后申请`)},
		{ID: "reject", Label: "（五）不予处理（小计）", Group: "三、本年度办理结果", Key: re(`^\(?五\)?[、.]?不予处理$`), When: SubReject},
		{ID: "reject.petition", Label: "1.信访举报投诉类申请", Group: "（五）不予处理", Key: re(`信访|举报投诉`)},
		{ID: "reject.repeat", Label: "2.重复申请", Group: "（五）不予处理", Key: re(`重复申请`)},
		{ID: "reject.publication", Label: "3.要求提供公开出版物", Group: "（五）不予处理", Key: re(`出版物`)},
		{ID: "reject.massive", Label: "4.无正当理由大量反复申请", Group: "（五）不予处理", Key: re(`大量反复`)},
		{ID: "reject.confirm", Label: "5.要求行政机关确认或重新出具已获取信息", Group: "（五）不予处理", Key: re(`确认或重|重新出具|已获取信息`)},
		{ID: "other.sum", Label: "（六）其他处理（小计）", Group: "三、本年度办理结果", Key: re(`^\(?六\)?[、.]?其他处理$`), When: SubOther},
		{ID: "other.nofix", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Key: re(`不补正|理由[逾预]期`), When: OtherSplit},
		{ID: "other.nofee", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Key: re(`收费通知|缴纳费用|[逾预]期未按`), When: OtherSplit},
		{ID: "other.else", Label: "3.其他", Group: "（六）其他处理", Key: re(`^[3三][.、,)]?其他$`), When: OtherSplit},
		{ID: "other", Label: "（六）其他处理", Group: "三、本年度办理结果", Key: re(`其他处理`), When: OtherSingle},
		{ID: "total", Label: "（七）总计", Group: "三、本年度办理结果", Key: re(`七\)?[、.]?总计|七\)?[、.]?合计`)},
		{ID: "carryover", Label: "四、结转下年度继续办理", Key: re(`结转下年度|下年度继续办理`)},
	},
	Cols: []Col{
		{ID: "natural", Label: "自然人", Key: re(`自然人`)},
		{ID: "legalsum", Label: "法人或其他组织（小计）", Key: re(`小计`), When: LegalSum},
		{ID: "commercial", Label: "商业企业", Group: "法人或其他组织", Key: re(`商业企业`)},
		{ID: "research", Label: "科研机构", Group: "法人或其他组织", Key: re(`科研机构`)},
		{ID: "nonprofit", Label: "社会公益组织", Group: "法人或其他组织", Key: re(`社会公益组织`)},
		{ID: "legal", Label: "法律服务机构", Group: "法人或其他组织", Key: re(`法律服务机构`)},
		{ID: "otherorg", Label: "其他", Group: "法人或其他组织", Key: re(`^其他$`)},
		{ID: "total", Label: "总计", Key: re(`^总计$`)},
	},
	Identities: []Identity{
		{Rule: "t3.balance", Per: "col", Op: "=",
			Left: []string{"new", "carried"}, Right: []string{"total", "carryover"},
			LeftName: "一+二", RightName: "三(七)+四"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: OtherSplit,
			Left: []string{"total"}, Right: outcomes("other.nofix", "other.nofee", "other.else"),
			LeftName: "(七)总计", RightName: "各项办理结果之和"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: OtherSingle,
			Left: []string{"total"}, Right: outcomes("other"),
			LeftName: "(七)总计", RightName: "各项办理结果之和"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: SubDenied,
			Left: []string{"denied"}, Right: []string{"denied.secret", "denied.lawban", "denied.safety", "denied.thirdparty",
				"denied.internal", "denied.process", "denied.enforcement", "denied.query"},
			LeftName: "(三)不予公开小计", RightName: "其下8项之和"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: SubUnable,
			Left: []string{"unable"}, Right: []string{"unable.nothold", "unable.create", "unable.unclear"},
			LeftName: "(四)无法提供小计", RightName: "其下3项之和"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: SubReject,
			Left: []string{"reject"}, Right: []string{"reject.petition", "reject.repeat", "reject.publication", "reject.massive", "reject.confirm"},
			LeftName: "(五)不予处理小计", RightName: "其下5项之和"},
		{Rule: "t3.outcomes", Per: "col", Op: "=", When: SubOther,
			Left: []string{"other.sum"}, Right: []string{"other.nofix", "other.nofee", "other.else"},
			LeftName: "(六)其他处理小计", RightName: "其下3项之和"},
		{Rule: "t3.rowsum", Per: "row", Op: "=",
			Left: []string{"total"}, Right: []string{"natural", "commercial", "research", "nonprofit", "legal", "otherorg"},
			LeftName: "总计", RightName: "自然人+法人或其他组织各列"},
		{Rule: "t3.rowsum", Per: "row", Op: "=", When: LegalSum,
			Left: []string{"legalsum"}, Right: []string{"commercial", "research", "nonprofit", "legal", "otherorg"},
			LeftName: "法人或其他组织小计", RightName: "五类组织之和"},
	},
}

func outcomes(other ...string) []string {
	rows := []string{"granted", "partial",
		"denied.secret", "denied.lawban", "denied.safety", "denied.thirdparty",
		"denied.internal", "denied.process", "denied.enforcement", "denied.query",
		"unable.nothold", "unable.create", "unable.unclear",
		"reject.petition", "reject.repeat", "reject.publication", "reject.massive", "reject.confirm"}
	return append(rows, other...)
}

// T4 is 表四 政府信息公开行政复议、行政诉讼情况: one printed row of 15 cells, held here as
// three rows (the groups) of five columns so that cell ids read t4.<group>.<col>.
var T4 = &Table{
	ID:    "t4",
	Title: "表四 政府信息公开行政复议、行政诉讼情况",
	Rows: []Row{
		{ID: "review", Label: "行政复议", Key: re(`行政复议`)},
		{ID: "suit", Label: "未经复议直接起诉", Group: "行政诉讼", Key: re(`未经复议直接起诉`)},
		{ID: "suitafter", Label: "复议后起诉", Group: "行政诉讼", Key: re(`复议后起诉`)},
	},
	Cols: []Col{
		{ID: "upheld", Label: "结果维持", Key: re(`维持`)},
		{ID: "corrected", Label: "结果纠正", Key: re(`纠正`)},
		{ID: "other", Label: "其他结果", Key: re(`其他`)},
		{ID: "pending", Label: "尚未审结", Key: re(`尚未`)},
		{ID: "total", Label: "总计", Key: re(`总计`)},
	},
	Identities: []Identity{
		{Rule: "t4.total", Per: "row", Op: "=",
			Left: []string{"total"}, Right: []string{"upheld", "corrected", "other", "pending"},
			LeftName: "总计", RightName: "结果维持+结果纠正+其他结果+尚未审结"},
	},
}

// T2v2021 is 表二 主动公开政府信息情况 in the 2021 format.
var T2v2021 = &Table{
	ID:    "t2",
	Title: "表二 主动公开政府信息情况",
	Rows: []Row{
		{ID: "rules", Label: "规章", Group: "第二十条第（一）项", Key: re(`^规章$`), Cols: []string{"issued", "repealed", "valid"}},
		{ID: "normative", Label: "行政规范性文件", Group: "第二十条第（一）项", Key: re(`^(行政)?规范性文件$`), Cols: []string{"issued", "repealed", "valid"}},
		{ID: "license", Label: "行政许可", Group: "第二十条第（五）项", Key: re(`^行政许可$`), Cols: []string{"decisions"}},
		{ID: "penalty", Label: "行政处罚", Group: "第二十条第（六）项", Key: re(`^行政处罚$`), Cols: []string{"decisions"}},
		{ID: "coercion", Label: "行政强制", Group: "第二十条第（六）项", Key: re(`^行政强制$`), Cols: []string{"decisions"}},
		{ID: "fees", Label: "行政事业性收费", Group: "第二十条第（八）项", Key: re(`^行政事业性收费$`), Cols: []string{"amount"}},
	},
	Cols: []Col{
		{ID: "issued", Label: "本年制发件数", Key: re(`本年.{0,2}[制新]?发件数`)},
		{ID: "repealed", Label: "本年废止件数", Key: re(`废止件数`)},
		{ID: "valid", Label: "现行有效件数", Key: re(`现行有效件数`)},
		{ID: "decisions", Label: "本年处理决定数量", Key: re(`处理决定数量`)},
		{ID: "amount", Label: "本年收费金额（单位：万元）", Key: re(`收费金额`), Kind: Decimal},
	},
	Identities: []Identity{
		{Rule: "t2.valid", Per: "row", Op: "<=", Lines: []string{"rules", "normative"},
			Left: []string{"issued"}, Right: []string{"valid", "repealed"},
			LeftName: "本年制发件数", RightName: "现行有效件数+本年废止件数"},
	},
}

// T2v2019 is 表二 in the 2019 trial format.
var T2v2019 = &Table{
	ID:    "t2",
	Title: "表二 主动公开政府信息情况",
	Rows: []Row{
		{ID: "rules", Label: "规章", Group: "第二十条第（一）项", Key: re(`^规章$`), Cols: []string{"made", "published", "total"}},
		{ID: "normative", Label: "规范性文件", Group: "第二十条第（一）项", Key: re(`^(行政)?规范性文件$`), Cols: []string{"made", "published", "total"}},
		{ID: "license", Label: "行政许可", Group: "第二十条第（五）项", Key: re(`^行政许可$`), Cols: []string{"prev", "delta", "decisions"}},
		{ID: "otherservice", Label: "其他对外管理服务事项", Group: "第二十条第（五）项", Key: re(`对外管理服务`), Cols: []string{"prev", "delta", "decisions"}},
		{ID: "penalty", Label: "行政处罚", Group: "第二十条第（六）项", Key: re(`^行政处罚$`), Cols: []string{"prev", "delta", "decisions"}},
		{ID: "coercion", Label: "行政强制", Group: "第二十条第（六）项", Key: re(`^行政强制$`), Cols: []string{"prev", "delta", "decisions"}},
		{ID: "fees", Label: "行政事业性收费", Group: "第二十条第（八）项", Key: re(`^行政事业性收费$`), Cols: []string{"prev", "delta"}},
		{ID: "procurement", Label: "政府集中采购", Group: "第二十条第（九）项", Key: re(`集中采购$`), Cols: []string{"items", "amount"}},
	},
	Cols: []Col{
		{ID: "made", Label: "本年新制作数量", Key: re(`新制作数量`)},
		{ID: "published", Label: "本年新公开数量", Key: re(`新公开数量`)},
		{ID: "total", Label: "对外公开总数量", Key: re(`对外公开总数量`)},
		{ID: "prev", Label: "上一年项目数量", Key: re(`上一年项目数量`)},
		{ID: "delta", Label: "本年增/减", Key: re(`本年增`), Kind: Signed},
		{ID: "decisions", Label: "处理决定数量", Key: re(`处理决定数量`)},
		{ID: "items", Label: "采购项目数量", Key: re(`采购项目数量`)},
		{ID: "amount", Label: "采购总金额", Key: re(`采购总金额`), Kind: Decimal},
	},
}

// Generations lists the national templates, newest first.
var Generations = []*Generation{
	{ID: "2021", Name: "2021年格式（国办公开办函〔2021〕30号）", T2: T2v2021, T3Other: OtherSplit,
		Markers: re(`本年制发件数|本年废止件数|现行有效件数|本年收费金额`)},
	{ID: "2019", Name: "2019年试行格式（国办公开办函〔2019〕60号）", T2: T2v2019, T3Other: OtherSingle,
		Markers: re(`新制作数量|新公开数量|对外公开总数量|上一年项目数量|本年增[/／]?减|集中采购`)},
}

// Active returns the rows of t that belong to a report with the given variants.
func (t *Table) Active(variants map[string]bool) []Row {
	out := make([]Row, 0, len(t.Rows)) // one allocation, not one per doubling
	for _, r := range t.Rows {
		if r.When == "" || variants[r.When] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// ActiveCols returns the columns of t that belong to a report with the given variants.
func (t *Table) ActiveCols(variants map[string]bool) []Col {
	out := make([]Col, 0, len(t.Cols))
	for _, c := range t.Cols {
		if c.When == "" || variants[c.When] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Col returns the column with the given id, or nil.
func (t *Table) Col(id string) *Col {
	for i := range t.Cols {
		if t.Cols[i].ID == id {
			return &t.Cols[i]
		}
	}
	return nil
}

// Row returns the row with the given id, or nil.
func (t *Table) Row(id string) *Row {
	for i := range t.Rows {
		if t.Rows[i].ID == id {
			return &t.Rows[i]
		}
	}
	return nil
}

// RowCols returns the ids of the columns row r has among cols.
func RowCols(r Row, cols []Col) []string {
	if r.Cols != nil {
		return r.Cols
	}
	ids := make([]string, len(cols))
	for i, c := range cols {
		ids[i] = c.ID
	}
	return ids
}

// CellID names the cell of table t at row and column.
func CellID(t, row, col string) string { return t + "." + row + "." + col }
