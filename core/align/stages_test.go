package align

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/template"
	"nianbao/core/token"
)

// The reader's stages, each on its own: label anchors, row spans, values to cells, the
// strategies, and the labels kept for comparison.

// newAligner tokenizes text for the aligner's stages.
func newAligner(text string) *aligner {
	norm := source.Normalize(&source.Text{S: text, Format: "text", InputLen: len(text)})
	st := token.Tokenize(norm.S)
	rep := &report.Report{Norm: norm, Stream: st, Cells: map[string]*report.Cell{}, Variants: map[string]bool{}}
	return &aligner{rep: rep, toks: st.Tokens}
}

// labelAt finds row's label in the whole text and writes its extent.
func labelAt(a *aligner, t *template.Table, row string) string {
	l := a.findLabel(*t.Row(row), 0, len(a.toks))
	if !l.found() {
		return "-"
	}
	return a.rep.Norm.S[l.start:l.end]
}

func TestLabelAnchors(t *testing.T) {
	cases := []struct {
		name, text string
		table      *template.Table
		row, want  string
	}{
		{"a cell of its own", "规章 | 0 | 0 | 0", template.T2v2021, "rules", "规章"},
		{"at the end of a run of headings", "信息内容本年制发件数本年废止件数现行有效件数规章000", template.T2v2021, "rules", "规章"},
		{"the longest exact wording", "现行有效件数行政规范性文件000", template.T2v2021, "normative", "行政规范性文件"},
		{"exact wording needs its values", "规章制度健全。规章 3", template.T2v2021, "rules", "规章"},
		{"a key inside a longer label", "三、本年度办理结果(一)予以公开7000007", template.T3, "granted", "(一)予以公开"},
		{"from where the wording begins", "法律服务机构其他总计一、本年新收政府信息公开申请数量8000008", template.T3, "new", "一、本年新收政府信息公开申请数量"},
		{"an item number claimed back", "行政机关不再处理其政府信息公开申请00000003.其他0000000", template.T3, "other.else", "3.其他"},
		{"an item number's digit claimed from a value", "6.属于四类过程性信息 12 0 0 0 0 0 127.属于行政执法案卷 9", template.T3, "denied.enforcement", "7.属于行政执法案卷"},
		{"a label cut by a line break", "一、本年新\n收政府信息公开申请数量 8", template.T3, "new", "一、本年新\n收政府信息公开申请数量"},
		{"not there", "二、上年结转 0", template.T3, "new", "-"},
	}
	for _, c := range cases {
		if got := labelAt(newAligner(c.text), c.table, c.row); got != c.want {
			t.Errorf("%s: label %q, want %q", c.name, got, c.want)
		}
	}
}

// values writes the values of a span compactly: numbers as written, blanks as _.
func values(ps []piece) string {
	var out []string
	for _, p := range ps {
		if p.blank {
			out = append(out, "_")
		} else {
			out = append(out, p.raw)
		}
	}
	return strings.Join(out, " ")
}

func TestRowSpans(t *testing.T) {
	cases := []struct {
		name, text, row, want string
	}{
		{"values up to the next label", "(一)予以公开 | 1288 | 21 | 0 | | 50 | 3 | 1362 |\n(二)部分公开 | 4", "granted", "1288 21 0 _ 50 3 1362"},
		{"page numbers and a group label's pieces stepped over", "1.属于国家秘密 2 0 0 三、本 0 0 -4- 0 2 年 2.其他法律行政法规禁止公开 30", "denied.secret", "2 0 0 0 0 0 2"},
		{"the tail an item number claimed", "6.属于四类过程性信息 12 0 0 0 0 0 127.属于行政执法案卷 9", "denied.process", "12 0 0 0 0 0 12"},
		{"prose ends the span", "四、结转下年度继续办理 1 0 0 0 0 0 1 共收到申请8件，均已办结。", "carryover", "1 0 0 0 0 0 1"},
		{"a wrapped label's rest stepped over", "(二)部分公开(区分处理的,只计这一情447 7 0 0 0 0 454形,不计其他情形)(三)不予公开1.属于国家秘密", "partial", "447 7 0 0 0 0 454"},
	}
	for _, c := range cases {
		a := newAligner(c.text)
		rows := template.T3.Active(map[string]bool{template.OtherSplit: true})
		reads, _ := a.anchored(template.T3, rows, 0, len(a.toks), func(template.Row) int { return 7 }, t3RowSum)
		got := "-"
		for _, rr := range reads {
			if rr.row.ID == c.row {
				got = values(rr.vals)
			}
		}
		if got != c.want {
			t.Errorf("%s: values %q, want %q", c.name, got, c.want)
		}
	}
}

// ps makes pieces of values written compactly: numbers, _ for a blank.
func ps(s string) []piece {
	var out []piece
	for _, w := range strings.Fields(s) {
		if w == "_" {
			out = append(out, piece{tok: -1, blank: true})
			continue
		}
		var v float64
		fmt.Sscan(w, &v)
		out = append(out, piece{raw: w, value: v, integer: !strings.Contains(w, ".")})
	}
	return out
}

func TestValuesToCells(t *testing.T) {
	fits := []struct{ in, want string }{
		{"1 2 _ 3", "1 2 _ 3"},     // a blank between numbers is a cell
		{"_ 1 2 3 _ _", "1 2 3 _"}, // padding after the row before padding before it
		{"1 2 3 4 5", "-"},         // more numbers than cells
		{"_ _ _ _", "_ _ _ _"},     // a row of blanks
		{"1 2", "-"},               // too few values
	}
	for _, c := range fits {
		got, ok := fit(ps(c.in), 4)
		if w := values(got); ok && w != c.want || !ok && c.want != "-" {
			t.Errorf("fit(%s) = %q %v, want %q", c.in, w, ok, c.want)
		}
	}
	splits := []struct {
		in    string
		n     int
		check func([]float64) bool
		want  string // the cuts, | between them; "" for none
	}{
		{"0000000", 7, nil, "0 0 0 0 0 0 0"},
		{"8000008", 7, rowSum, "8 0 0 0 0 0 8"},
		{"300153006143119", 7, rowSum, "3001 53 0 0 61 4 3119"},
		{"1011", 3, nil, "1 0 11|10 1 1"},                          // no sum to tell them apart
		{"44770000455", 7, rowSum, ""},                             // no cut sums right
		{"14386.5", 2, nil, "1 4386.5|14 386.5|143 86.5|1438 6.5"}, // decimals stay at the end
		{"05", 2, nil, "0 5"},                                      // a number does not start with 0
	}
	for _, c := range splits {
		cands, n := split(ps(c.in), c.n, c.check)
		var got []string
		for _, cand := range cands {
			got = append(got, values(cand))
		}
		if w := strings.Join(got, "|"); w != c.want || n != len(got) {
			t.Errorf("split(%s, %d) = %q (%d), want %q", c.in, c.n, w, n, c.want)
		}
	}
}

// rowSum is 表三's row arithmetic: 总计 = the six applicant columns.
func rowSum(v []float64) bool { return t3RowSum(template.Row{})(v) }

func TestStrategies(t *testing.T) {
	cases := []struct {
		name, text string
		by         string // the strategy that read every row, "" for none
	}{
		{"by labels", "规章 | 1 | 0 | 11\n行政规范性文件 | 8 | 26 | 66\n行政许可 | 5\n行政处罚 | 3\n行政强制 | 0\n行政事业性收费 | 0", "labels"},
		{"labels apart from their numbers", "规章\n行政规范性文件\n行政许可\n行政处罚\n行政强制\n行政事业性收费\n1 0 11\n8 26 66\n5\n3\n0\n0", "order"},
		{"neither", "规章 | 1 | 0\n行政许可 | 5", ""},
	}
	for _, c := range cases {
		a := newAligner(c.text)
		tr := &tableRead{t: template.T2v2021, rows: template.T2v2021.Rows, from: 0, to: len(a.toks),
			width: func(r template.Row) int { return len(r.Cols) }}
		a.run(tr, t2Strategies)
		if tr.by != c.by {
			t.Errorf("%s: read by %q, want %q", c.name, tr.by, c.by)
		}
	}
}

func TestComparableLabels(t *testing.T) {
	a := newAligner("")
	cases := []struct {
		table      *template.Table
		text, want string
		comparable bool
	}{
		{template.T3, "1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", true}, // a typo
		{template.T3, "2.其他法律行政止公开", "2.其他法律行政法规禁止公开", true},                                          // a word left out
		{template.T3, "另行制作", "2.没有现成信息需要另行制作", true},                                                 // a piece of the wording
		{template.T2v2021, "现行有效件数规章", "现行有效件数", false},                                               // a row's label run on
		{template.T2v2021, "本年处理决定数量行政许可", "本年处理决定数量", false},
		{template.T3, "2、申请人逾期未按收费通知要他处理求缴纳费用、行政机关不再处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", false}, // a group label's piece
		{template.T3, "机构一、本年新收政府信息公开申请数量的统计口径说明", "一、本年新收政府信息公开申请数量", false},                            // far from the wording
		{template.T3, strings.Repeat("一、本年新收政府信息公开申请数量", 3), "一、本年新收政府信息公开申请数量", false},                  // over twice as long
	}
	for _, c := range cases {
		if got := a.comparable(c.table, Comparable(c.text), ComparableWant(c.want)); got != c.comparable {
			t.Errorf("comparable(%q, %q) = %v", c.text, c.want, got)
		}
	}
}
