package token

import (
	"slices"
	"strings"
	"testing"
)

// show writes tokens compactly: T:label N:number B:blank P:page number.
func show(st *Stream) string {
	var parts []string
	for _, t := range st.Tokens {
		switch {
		case t.PageNum:
			parts = append(parts, "P:"+t.Text)
		case t.Kind == Text:
			parts = append(parts, "T:"+t.Text)
		case t.Kind == Number:
			parts = append(parts, "N:"+t.Text)
		default:
			parts = append(parts, "B:"+t.Text)
		}
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"pipe row with padding", "行政许可 | 0 | ||", "T:行政许可 N:0 B: B:"},
		{"pipe-closed cell per line", "8 |\n |", "N:8 B:"},
		{"tab row with an empty last cell", "一、本年新收\t8\t0\t", "T:一、本年新收 N:8 N:0 B:"},
		{"space-aligned columns", "规章               0          0       0", "T:规章 N:0 N:0 N:0"},
		{"label split by one space stays one", "商业 企业   社会 公益", "T:商业 企业 T:社会 公益"},
		{"one space before an item separates labels", "统计指标 单位 一、主动公开情况 (一)主动 其中:规范 1.政府", "T:统计指标 单位 T:一、主动公开情况 T:(一)主动 T:其中:规范 T:1.政府"},
		{"number run on to a label", "行政许可52425", "T:行政许可 N:52425"},
		{"run-on after a closing quote", "3.危及“三安全一稳定”5000005", "T:3.危及“三安全一稳定” N:5000005"},
		{"enumerated label is text", "1.属于国家秘密 2 0", "T:1.属于国家秘密 N:2 N:0"},
		{"number inside prose", "全年收取信息处理费 0 元。", "T:全年收取信息处理费 N:0 T:元。"},
		{"dash and slash are blanks", "规章 | — | / | 0", "T:规章 B:— B:/ N:0"},
		{"thousands separator and decimals", "收费 | 1,234 | 7730.28", "T:收费 N:1,234 N:7730.28"},
		{"number with a unit in a cell", "行政处罚 | 8件", "T:行政处罚 N:8"},
		{"page numbers", "-3-\n第 4 页 共 6 页\n— 5 —", "P:-3- P:第 4 页 共 6 页 P:— 5 —"},
		{"numbers and text run together", "2024年1月1日", "N:2024 T:年 N:1 T:月 N:1 T:日"},
		{"crawled row", "申请数量8000008二、上年结转", "T:申请数量 N:8000008 T:二、上年结转"},
		{"item number run on to a value", "信息数条02.政府网站", "T:信息数条 N:02 T:.政府网站"},
		{"number in a note", "政府信息数(相同信息计1条)条0", "T:政府信息数(相同信息计1条)条 N:0"},
		{"bracketed item number", "(2)重复申请 3", "T:(2)重复申请 N:3"},
		{"dash between numbers run together", "减12-3140", "T:减 N:12 T:- N:3140"},
		{"page number inside a label", "（四）无-4-法提供", "T:（四）无 P:-4- T:法提供"},
		{"decimal and thousands run on", "收费1,234.5万元", "T:收费 N:1,234.5 T:万元"},
		{"running text beside a stray pipe", "首页|信息公开|" + strings.Repeat("工作", 70) + "规章000行政许可0", "T:首页 T:信息公开 T:" + strings.Repeat("工作", 70) + "规章 N:000 T:行政许可 N:0"},
		{"a grid row's lines joined cell by cell", "+----+----+\n| 行政 | 0 |\n| 规范性文件 |   |\n+----+----+\n| 规章 | 1 |\n-3-\n| 行政 | 2 |", "B: T:行政规范性文件 N:0 B: T:规章 N:1 P:-3- B: T:行政 N:2"},
		{"a converter's table borders hold no cells", "行政许可 0\n--------- ----\n+----+----+\n|---|:---:|\n├──┼──┤\n+====+====+", "T:行政许可 N:0"},
		{"cells written as dashes are not a border", "规章 | — | / | 0\n——  ——  ——\n---", "T:规章 B:— B:/ N:0 B:—— B:—— B:—— B:---"},
		{"a numbered heading's number set apart", "行政事业性收费     0\n3.  收到和处理政府信息公开申请情况\n3.  5", "T:行政事业性收费 N:0 T:3. T:收到和处理政府信息公开申请情况 N:3 T:. N:5"},
	}
	for _, c := range cases {
		if got := show(Tokenize(c.in)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestPositions(t *testing.T) {
	st := Tokenize("表\n\n规章  0\f1\n")
	var n []Token
	for _, t := range st.Tokens {
		if t.Kind == Number {
			n = append(n, t)
		}
	}
	if len(n) != 2 || n[0].Line != 2 || n[0].Col != 4 || n[0].Para != 1 || n[1].Page != 1 || n[1].Para != 2 {
		t.Errorf("positions: %+v", n)
	}
	gaps := Tokenize("规章 0  1\n2\t3\n4|5\n\n6\f7八9")
	var got []Gap
	for _, t := range gaps.Tokens {
		got = append(got, t.Gap)
	}
	if want := []Gap{GapPara, GapSpace, GapSpaces, GapLine, GapTab, GapLine, GapPipe, GapPara, GapPage, GapNone, GapNone}; !slices.Equal(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
	if d := Tokenize("申请00000003.其他").Tokens[1]; !d.DotAfter || d.Text != "00000003" {
		t.Errorf("dot after: %+v", d)
	}
	if v := Tokenize("| 1,234 |").Tokens[1]; v.Value != 1234 || !v.Int {
		t.Errorf("1,234 reads as %v", v.Value)
	}
}

// FuzzTokenize: tokens come in order, within the text, each the text it stands on
// (a cell holding a number and its unit keeps the number's text), with a gap that
// matches what separates it from the one before.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"一、本年新收政府信息公开申请数量8000008二、上年结转", "规章 | 1 | 0 | 11 |\n行政许可\t5",
		"条02.政府网站(相同信息计1条)条0", "（四）无-4-法提供 12-3 1,234.5万元", "\f第 3 页\n\n(2)重复申请 0",
		"+----+----+\n| 行政 | 0 |\n| 规范 |   |\n+----+----+\n------ ---\n3.  收到"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st := Tokenize(s)
		prev := 0
		for i, tk := range st.Tokens {
			if tk.Start < prev || tk.End < tk.Start || tk.End > len(s) {
				t.Fatalf("token %d %q at [%d,%d) after %d in %d bytes", i, tk.Text, tk.Start, tk.End, prev, len(s))
			}
			if tk.Joined && !strings.HasPrefix(tk.Text, s[tk.Start:tk.End]) || !tk.Joined && !strings.HasPrefix(s[tk.Start:tk.End], tk.Text) {
				t.Fatalf("token %d %q stands on %q", i, tk.Text, s[tk.Start:tk.End])
			}
			if i > 0 && tk.Gap != gapOf(s[prev:tk.Start]) {
				t.Fatalf("token %d gap %d, separator %q", i, tk.Gap, s[prev:tk.Start])
			}
			prev = tk.End
		}
	})
}

// TestGarbled: OCR's letters for digits take a value's place; words do not.
func TestGarbled(t *testing.T) {
	for s, want := range map[string]bool{"l": true, "O": true, "1O": true, "S": true, "l2": true,
		"8": false, "": false, "APPLE": false, "行政": false, "—": false, "1.5": false} {
		if got := Garbled(s); got != want {
			t.Errorf("Garbled(%q) = %v, want %v", s, got, want)
		}
	}
}
