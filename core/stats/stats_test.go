package stats

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"nianbao/core/markup"
	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/token"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readText(t testing.TB, s string) *report.Report {
	t.Helper()
	norm := source.Normalize(&source.Text{S: s, Format: "text", InputLen: len(s)})
	return &report.Report{Norm: norm, Stream: token.Tokenize(norm.S)}
}

func dump(stats []report.Stat) string {
	var b strings.Builder
	for _, s := range stats {
		fmt.Fprintf(&b, "%d %q %s %s p=%d h=%v id=%s\n", s.Level, s.Label, s.Unit, vals(s.Values), s.Parent, s.Header, s.ID)
	}
	return b.String()
}

func vals(v []*float64) string {
	var parts []string
	for _, x := range v {
		if x == nil {
			parts = append(parts, "nil")
		} else {
			parts = append(parts, fmt.Sprint(*x))
		}
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// TestSeed003 reads seed 003's table (one cell per line ending in " |") against its
// golden dump and the values of its truth file.
func TestSeed003(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seeds/003_b5b9a5615959bd1c.txt")
	if err != nil {
		t.Skip(err)
	}
	rep := readText(t, string(b))
	if !Detect(rep.Stream) {
		t.Fatal("seed 003 not detected as a statistics table")
	}
	Read(rep)
	got := dump(rep.Stats)
	if *update {
		os.WriteFile("testdata/seed003.golden", []byte(got), 0o644)
	}
	want, _ := os.ReadFile("testdata/seed003.golden")
	if got != string(want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	truth := map[string]float64{ // ../shared/seeds-truth/003_b5b9a5615959bd1c.json
		"public": 300, "published": 0, "published.normative": 300, "normative.issued": 0,
		"received": 0, "done": 0, "answered": 0, "staff": 2, "staff.full": 1, "staff.part": 1, "funds": 0,
	}
	for id, v := range truth {
		i := Find(rep.Stats, id)
		if i < 0 || rep.Stats[i].Values[0] == nil || *rep.Stats[i].Values[0] != v {
			t.Errorf("%s: want %v, got %v", id, v, i)
		}
	}
	if n := len(rep.Stats); n != 65 {
		t.Errorf("%d entries, want 65", n)
	}
}

// TestSeed003Formats: the same table from Word, HTML and a PDF's text (labels wrapped
// after their values, a page break inside a label) reads the same.
func TestSeed003Formats(t *testing.T) {
	want, err := os.ReadFile("testdata/seed003.golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"seed003.docx", "seed003.html", "seed003.pdf"} {
		b, err := os.ReadFile("../../testdata/markup/" + f)
		if err != nil {
			t.Skip(err)
		}
		text, err := markup.Read(b, f, "")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		norm := source.Normalize(text)
		rep := &report.Report{Norm: norm, Stream: token.Tokenize(norm.S)}
		Read(rep)
		if got := dump(rep.Stats); got != string(want) {
			t.Errorf("%s: got\n%s", f, got)
		}
	}
}

// layouts of the same small table, each read to the same entries
var layouts = map[string]string{
	"pipe rows": `统计指标 | 单位 | 统计数 |
一、主动公开情况 | | |
(一)主动公开政府信息数 | 条 | 120 |
其中:主动公开规范性文件数 | 条 | 3 |
制发规范性文件总数 | 件 | 4 |
二、依申请公开情况 | | |
(一)收到申请数 | 件 | 7 |
1.当面申请数 | 件 | 2 |
2.网络申请数 | 件 | 5 |
`,
	"tab rows": "统计指标\t单位\t统计数\n一、主动公开情况\t\t\n(一)主动公开政府信息数\t条\t120\n其中:主动公开规范性文件数\t条\t3\n制发规范性文件总数\t件\t4\n二、依申请公开情况\t\t\n(一)收到申请数\t件\t7\n1.当面申请数\t件\t2\n2.网络申请数\t件\t5\n",
	"space aligned": `统计指标                      单位     统计数
一、主动公开情况
（一）主动公开政府信息数          条       120
    其中：主动公开规范性文件数    条       3
          制发规范性文件总数      件       4
二、依申请公开情况
（一）收到申请数                  件       7
    1．当面申请数                 件       2
    2．网络申请数                 件       5
`,
	"run together": `统计指标 单位 统计数
一、主动公开情况
(一)主动公开政府信息数条120
其中:主动公开规范性文件数条3
制发规范性文件总数件4
二、依申请公开情况
(一)收到申请数件7
1.当面申请数件2
2.网络申请数件5
`,
	"single spaces": `统计指标 单位 统计数
一、主动公开情况
(一)主动公开政府信息数 条 120
其中:主动公开规范性文件数 条 3
制发规范性文件总数 件 4
二、依申请公开情况
(一)收到申请数 件 7
1.当面申请数 件 2
2.网络申请数 件 5
`,
	"one cell per line, blank lines (PDF)": `统计指标

单位

统计数

一、主动公开情况

(一)主动公开政府信息数

条

120

其中:主动公开规范性文件数

条

3

制发规范性文件总数

件

4

二、依申请公开情况

(一)收到申请数

件

7

1.当面申请数

件

2

2.网络申请数

件

5
`,
	"no headings": `一、主动公开情况
(一)主动公开政府信息数 | 条 | 120 |
其中:主动公开规范性文件数 | 条 | 3 |
制发规范性文件总数 | 件 | 4 |
二、依申请公开情况
(一)收到申请数 | 件 | 7 |
1.当面申请数 | 件 | 2 |
2.网络申请数 | 件 | 5 |
`,
}

const layoutWant = `0 "一、主动公开情况"  [nil] p=-1 h=true id=public
1 "(一)主动公开政府信息数" 条 [120] p=0 h=false id=published
2 "其中:主动公开规范性文件数" 条 [3] p=1 h=false id=published.normative
2 "制发规范性文件总数" 件 [4] p=1 h=false id=normative.issued
0 "二、依申请公开情况"  [nil] p=-1 h=true id=apply
1 "(一)收到申请数" 件 [7] p=4 h=false id=received
2 "1.当面申请数" 件 [2] p=5 h=false id=received.inperson
2 "2.网络申请数" 件 [5] p=5 h=false id=received.online
`

func TestLayouts(t *testing.T) {
	for name, text := range layouts {
		t.Run(name, func(t *testing.T) {
			rep := readText(t, "2015年政府信息公开工作年度报告\n本机关认真贯彻落实《条例》。\n"+text+"\n附注：无。\n")
			Read(rep)
			if got := dump(rep.Stats); got != layoutWant {
				t.Errorf("got\n%s\nwant\n%s", got, layoutWant)
			}
			// offsets: each value points at its digits
			for _, s := range rep.Stats {
				for k, v := range s.Values {
					if v == nil {
						continue
					}
					at := s.ValueAt[k]
					if got := rep.Norm.S[at[0]:at[1]]; got != fmt.Sprint(*v) {
						t.Errorf("%s: value at %v is %q, want %v", s.Label, at, got, *v)
					}
				}
			}
		})
	}
}

func TestTwoColumns(t *testing.T) {
	text := `统计指标 | 单位 | 本年 | 历年累计 |
(一)收到申请数 | 件 | 3 | 12 |
1.当面申请数 | 件 | 1 | 5 |
2.网络申请数 | 件 | 2 | |
四、行政复议数量 | 件 | 0 | 1 |
`
	rep := readText(t, text)
	Read(rep)
	want := `1 "(一)收到申请数" 件 [3,12] p=-1 h=false id=received
2 "1.当面申请数" 件 [1,5] p=0 h=false id=received.inperson
2 "2.网络申请数" 件 [2,nil] p=0 h=false id=received.online
0 "四、行政复议数量" 件 [0,1] p=-1 h=false id=review
`
	if got := dump(rep.Stats); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDetect(t *testing.T) {
	for name, text := range layouts {
		if !Detect(readText(t, text).Stream) {
			t.Errorf("%s: not detected", name)
		}
	}
	for _, f := range []string{"000_e0bf6f214cd92753", "001_4d220e2fb02edc16", "002_d85570ef8ddfd07a", "004_fe52555f254f9b80"} {
		b, err := os.ReadFile("../../testdata/seeds/" + f + ".txt")
		if err != nil {
			t.Skip(err)
		}
		if Detect(readText(t, string(b)).Stream) {
			t.Errorf("%s: a 2021 report taken for a statistics table", f)
		}
	}
}

func TestSplitRun(t *testing.T) {
	for _, c := range []struct{ in, label, unit, value string }{
		{"主动公开政府信息数条300", "主动公开政府信息数", "条", "300"},
		{"收到申请数 件", "收到申请数", "件", ""},
		{"接受培训人员数人次12", "接受培训人员数", "人次", "12"},
		{"政府信息公开专项经费万元1.5", "政府信息公开专项经费", "万元", "1.5"},
		{"主动公开规范性文件", "主动公开规范性文件", "", ""}, // 文件 is not 文 + 件
		{"其中:涉及国家秘密件0", "其中:涉及国家秘密", "件", "0"},
		{"(不同渠道和方式公开相同信息计1条)", "(不同渠道和方式公开相同信息计1条)", "", ""},
	} {
		l, u, v := splitRun(c.in)
		if l != c.label || u != c.unit || v != c.value {
			t.Errorf("splitRun(%q) = %q %q %q, want %q %q %q", c.in, l, u, v, c.label, c.unit, c.value)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range layouts {
		f.Add(s)
	}
	f.Add("统计指标 | 单位 | 本年 | 历年累计 |\n(一)收到申请数 | 件 | 3 | 12 |\n其中:当面 | 件 | 1 |\n")
	f.Add("主动公开政府信息数条300\n其中:主动公开规范性文件数条1.5.5\n(((一\n1.")
	f.Fuzz(func(t *testing.T, s string) {
		rep := readText(t, s)
		Detect(rep.Stream)
		Read(rep)
		n := len(rep.Norm.S)
		for i, st := range rep.Stats {
			if st.Start < 0 || st.End > n || st.Start > st.End {
				t.Fatalf("entry %d out of range: %d %d of %d", i, st.Start, st.End, n)
			}
			if st.Parent >= i || st.Parent < -1 {
				t.Fatalf("entry %d has parent %d", i, st.Parent)
			}
			if len(st.Values) != len(st.ValueAt) || len(st.Values) == 0 {
				t.Fatalf("entry %d: %d values, %d offsets", i, len(st.Values), len(st.ValueAt))
			}
			for k, v := range st.Values {
				at := st.ValueAt[k]
				if v != nil && (at[0] < 0 || at[1] > n || at[0] > at[1]) {
					t.Fatalf("entry %d value %d at %v", i, k, at)
				}
			}
			Children(rep.Stats, i)
		}
	})
}

// TestWrappedLabels: a PDF's text wraps long labels onto the line after their values.
func TestWrappedLabels(t *testing.T) {
	text := `统计指标                             单位                                 统计数
(一)主动公开政府信息数 (不同渠道和    条                                   120
方式公开相同信息计 1 条)
其中:主动公开规范性文件数            条                                   3
(二)回应公众关注热点或重大舆情数      次                                   0
(不同方式回应同一热点或舆情计1 次)
4.不同意公开答复数                   件                                   0
其中:涉及国家秘密                    件                                   0
危及国家安全、公共安全、经济安全和   件                                   0
社会稳定
不是《条例》所指政府信息             件                                   0
`
	rep := readText(t, text)
	Read(rep)
	want := `1 "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)" 条 [120] p=-1 h=false id=published
2 "其中:主动公开规范性文件数" 条 [3] p=0 h=false id=published.normative
1 "(二)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)" 次 [0] p=-1 h=false id=response.hot
2 "4.不同意公开答复数" 件 [0] p=2 h=false id=answer.denied
3 "其中:涉及国家秘密" 件 [0] p=3 h=false id=denied.secret
3 "危及国家安全、公共安全、经济安全和社会稳定" 件 [0] p=3 h=false id=denied.safety
3 "不是《条例》所指政府信息" 件 [0] p=3 h=false id=denied.notinfo
`
	if got := dump(rep.Stats); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
