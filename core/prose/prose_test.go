package prose

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/token"
)

func doc(t testing.TB, s string) (*Doc, *report.Report) {
	norm := source.Normalize(&source.Text{S: s, Format: "text", InputLen: len(s)})
	rep := &report.Report{Norm: norm, Stream: token.Tokenize(norm.S)}
	return Read(rep), rep
}

func sentences(d *Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.S[s.Start:s.End])
	}
	return out
}

func TestJoinsWrappedLinesAndPages(t *testing.T) {
	// pdftotext: lines wrapped mid-sentence, a page number, a form feed
	text := "（三）政府信息管理情况。严格执行“分\n-1-\n\n\f级审核、先审后发”程序。\n2023 年，全区受理政府信息公开申请 21 件，\n均在法定期限答复。\n"
	d, _ := doc(t, text)
	got := strings.Join(sentences(d), "|")
	want := `(三)政府信息管理情况|严格执行"分级审核、先审后发"程序|2023年,全区受理政府信息公开申请21件,均在法定期限答复`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSkipsTableLines(t *testing.T) {
	text := "本机关主动公开信息5条。\n规章 | 0 | 0 | 0 |\n行政许可\t12\n结束。\n"
	d, _ := doc(t, text)
	if got := strings.Join(sentences(d), "|"); got != "本机关主动公开信息5条|结束" {
		t.Errorf("got %s", got)
	}
}

func TestPositions(t *testing.T) {
	text := "２０２４年，共收到申请 ８ 件。"
	d, rep := doc(t, text)
	i := strings.Index(d.S, "8")
	a, b := d.Span(i, i+1)
	if got := rep.Norm.S[a:b]; got != "8" {
		t.Errorf("span of 8 is %q", got)
	}
	if d.Pos(len(d.S)) != len(strings.TrimRight(rep.Norm.S, "\n")) {
		t.Errorf("end maps to %d", d.Pos(len(d.S)))
	}
}

func TestParseMark(t *testing.T) {
	for _, c := range []struct {
		in               string
		level, num, size int
	}{
		{"一、总体情况", 1, 1, len("一、")},
		{"十二.其他", 1, 12, len("十二.")},
		{"(三)不予公开", 2, 3, len("(三)")},
		{"(三)、不予公开", 2, 3, len("(三)、")},
		{"1.主动公开", 3, 1, 2},
		{"2、重复申请", 3, 2, len("2、")},
		{"(4)其他", 3, 4, 3},
		{"③措施", 4, 3, len("③")},
		{"1.5万元", 0, 0, 0},
		{"2023年", 0, 0, 0},
		{"一是加强领导", 0, 0, 0},
		{"", 0, 0, 0},
	} {
		l, n, k := ParseMark(c.in)
		if l != c.level || n != c.num || k != c.size {
			t.Errorf("ParseMark(%q) = %d %d %d, want %d %d %d", c.in, l, n, k, c.level, c.num, c.size)
		}
	}
}

func TestHeadingsAndSections(t *testing.T) {
	text := `2024年政府信息公开工作年度报告
一、总体情况
（一）主动公开。本年度主动公开信息30条。
（二）依申请公开
本年度收到申请2件，
1.当面申请1件（这一行接着上一句，不是标题）。
二、主动公开政府信息情况
五、存在问题及改进措施
1、问题。
六、其他报告事项
`
	d, _ := doc(t, text)
	var hs []string
	for _, h := range d.Headings {
		hs = append(hs, fmt.Sprintf("%d:%d:%s", h.Level, h.Num, h.Title))
	}
	want := "1:1:总体情况 2:1:主动公开 2:2:依申请公开 1:2:主动公开政府信息情况 1:5:存在问题及改进措施 3:1:问题 1:6:其他报告事项"
	if got := strings.Join(hs, " "); got != want {
		t.Errorf("headings\ngot  %s\nwant %s", got, want)
	}
	var canon []string
	for _, s := range d.Sections {
		canon = append(canon, fmt.Sprint(s.Canon))
	}
	if got := strings.Join(canon, ","); got != "1,2,5,6" {
		t.Errorf("sections %s", got)
	}
}

func TestScanNumbers(t *testing.T) {
	var got []string
	for _, m := range scanNumbers("收到申请8件,2.8万余件,1,136条,三件,占33.9%,2023年,第3次,12345热线") {
		got = append(got, fmt.Sprintf("%s|%s|%v|%v", "收到申请8件,2.8万余件,1,136条,三件,占33.9%,2023年,第3次,12345热线"[m.start:m.numEnd], m.unit, m.wan, m.approx))
	}
	want := "8|件|false|false 2.8|件|true|true 1,136|条|false|false 三|件|false|false 33.9|%|false|false 3|次|false|false"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}

// statement is what a test expects of one statement.
type statement struct {
	topic, kind string
	value       float64
	quote       string
	weak        bool
	scope       string
	others      bool
	approx      bool
}

func TestStatements(t *testing.T) {
	for _, c := range []struct {
		text string
		want []statement
	}{
		{"2024年,本机关共收到政府信息公开申请8件,办结6件,结转下年度2件。",
			[]statement{{topic: "received", value: 8, quote: "本机关共收到政府信息公开申请8件"}, {topic: "answered", value: 6, quote: "办结6件"}, {topic: "carryover", value: 2, quote: "结转下年度2件"}}},
		{"其中予以公开3件,部分公开1件,予以公开及部分公开4件。",
			[]statement{{topic: "granted", value: 3, quote: "其中予以公开3件"}, {topic: "partial", value: 1, quote: "部分公开1件"}, {topic: "granted+partial", value: 4, quote: "予以公开及部分公开4件"}}},
		{"本年度未收到政府信息公开申请。", []statement{{topic: "received", kind: "none", quote: "未收到政府信息公开申请"}}},
		// without a word of disclosure, a count of 行政复议 may be the cases the agency decides
		{"2022年,无行政复议和行政诉讼情况。", []statement{{topic: "review", kind: "none", quote: "无行政复议", weak: true}, {topic: "suit", kind: "none", quote: "无行政复议和行政诉讼", weak: true}}},
		{"(五)行政复议和诉讼情况\n2022年,无行政复议和行政诉讼情况。", []statement{{topic: "review", kind: "none", quote: "无行政复议"}, {topic: "suit", kind: "none", quote: "无行政复议和行政诉讼"}}},
		{"全年办理行政复议案件120件。", []statement{{topic: "review", value: 120, quote: "全年办理行政复议案件120件", weak: true}}},
		{"发生政府信息公开行政复议3件,均获维持。", []statement{{topic: "review", value: 3, quote: "发生政府信息公开行政复议3件"}, {topic: "review", kind: "all", quote: "均获维持"}}},
		{"政府信息公开行政诉讼5件,其中结果维持2件,尚未审结3件。", []statement{{topic: "suit", value: 5, quote: "政府信息公开行政诉讼5件"}, {topic: "suit.upheld", value: 2, quote: "其中结果维持2件"}, {topic: "suit.pending", value: 3, quote: "尚未审结3件"}}},
		{"在15个工作日内答复,答复期限延长3个月,涉及5个部门。", nil},
		{"依法予以公开各类信息1200条。", nil},
		{"全区受理政府信息公开申请21件。", []statement{{topic: "received", value: 21, quote: "全区受理政府信息公开申请21件", scope: "全区"}}},
		{"区政府办代表区政府受理政府信息公开申请17件。", []statement{{topic: "received", value: 17, quote: "区政府办代表区政府受理政府信息公开申请17件", scope: "区政府办代表区政府"}}},
		{"本年度收到政府信息公开申请,共计9件。", []statement{{topic: "received", value: 9, quote: "本年度收到政府信息公开申请,共计9件", weak: true}}},
		{"全年收取信息处理费0元。", []statement{{topic: "infofee", value: 0, quote: "全年收取信息处理费0元"}}},
		{"本年度制发行政规范性文件2件,废止规范性文件1件。", []statement{{topic: "normative.issued", value: 2, quote: "本年度制发行政规范性文件2件"}, {topic: "normative.repealed", value: 1, quote: "废止规范性文件1件"}}},
		{"本年度因政府信息公开被申请行政复议2件、提起行政诉讼1件。", []statement{{topic: "review", value: 2, quote: "本年度因政府信息公开被申请行政复议2件"}, {topic: "suit", value: 1, quote: "提起行政诉讼1件"}}},
		{"收到申请当面2件、网上3件。", []statement{{topic: "received.inperson", value: 2, quote: "收到申请当面2件"}, {topic: "received.online", value: 3, quote: "网上3件"}}},
		{"建立与行政复议无缝衔接的机制,无缝衔接的行政复议工作。", nil},
		{"未发生因政府信息公开引起的行政复议、行政诉讼案件。", []statement{{topic: "review", kind: "none", quote: "未发生因政府信息公开引起的行政复议"}, {topic: "suit", kind: "none", quote: "未发生因政府信息公开引起的行政复议、行政诉讼"}}},
		// approximate: found and marked, never compared
		{"约30件申请,收到申请约30件,受理申请20余件。", []statement{{topic: "received", value: 30, quote: "收到申请约30件", approx: true}, {topic: "received", value: 20, quote: "受理申请20余件", approx: true}}},
		// nothing to check: another year, a running total, a part, a list item, no unit
		{"2023年收到政府信息公开申请12件。", nil},
		{"截至目前累计收到申请100件。", nil},
		{"共收到申请,其中网上申请3件。", []statement{{topic: "received.online", value: 3, quote: "其中网上申请3件"}}},
		{"主动公开发布部门动态24条、财政信息2条。", nil},
		{"高效办成一件事,主动公开政府信息12。", nil},
		{"无正当理由大量反复申请的不予处理。", nil},
		// the count before the words that name it
		{"答复3050件(另有103件顺延到下年度答复)。", []statement{{topic: "answered", value: 3050, quote: "答复3050件"}, {topic: "carryover", value: 103, quote: "103件顺延到下年度答复"}}},
		{"办结20件,18件予以公开,1件部分公开,1件已作不予公开处理。", []statement{{topic: "answered", value: 20, quote: "办结20件"},
			{topic: "granted", value: 18, quote: "18件予以公开"}, {topic: "partial", value: 1, quote: "1件部分公开"}, {topic: "denied", value: 1, quote: "1件已作不予公开处理"}}},
	} {
		d, _ := doc(t, c.text)
		sts, _ := d.Statements(2024)
		var got, want []string
		for _, s := range sts {
			got = append(got, fmt.Sprintf("%s/%s/%v/%s/%v/%s/%v/%v", s.Topic, s.Kind, s.Value, d.Quote(s), s.Weak, s.Scope, len(s.Others) > 0, s.Approx))
		}
		for _, s := range c.want {
			want = append(want, fmt.Sprintf("%s/%s/%v/%s/%v/%s/%v/%v", s.topic, s.kind, s.value, s.quote, s.weak, s.scope, s.others, s.approx))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s\ngot\n  %s\nwant\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
}

func TestPercents(t *testing.T) {
	d, _ := doc(t, "予以公开及部分公开258件,占33.9%。按时答复率100%。同比增长12.5%。")
	sts, pcts := d.Statements(2024)
	if len(pcts) != 1 || pcts[0].Value != 33.9 || pcts[0].Decimals != 1 || pcts[0].Of != 0 || sts[0].Value != 258 {
		t.Errorf("percents %+v, statements %+v", pcts, sts)
	}
	if got := d.S[pcts[0].Start:pcts[0].End]; got != "33.9%" {
		t.Errorf("percent at %q", got)
	}
}

func FuzzStatements(f *testing.F) {
	for _, s := range []string{
		"2024年,本机关共收到政府信息公开申请8件,办结6件。",
		"一、总体情况\n(一)主动公开\n主动公开信息300条,占33.9%。\n-1-\n\f续上页。",
		"予以公开及部分公开258件,占33.9%。未收到申请。行政复议均获维持。",
		"规章 | 0 |\n1.5万元\n十二、",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, rep := doc(t, s)
		sts, pcts := d.Statements(2024)
		n := len(rep.Norm.S)
		for _, st := range sts {
			if st.Start < 0 || st.End > len(d.S) || st.Start > st.End || st.From > st.Start {
				t.Fatalf("statement out of range: %+v in %d", st, len(d.S))
			}
			a, b := d.Span(st.Start, st.End)
			if a < 0 || b > n || a > b {
				t.Fatalf("span %d %d out of %d", a, b, n)
			}
			_ = d.Quote(st)
		}
		for _, p := range pcts {
			if p.Start < 0 || p.End > len(d.S) || p.Of >= len(sts) {
				t.Fatalf("percent out of range: %+v", p)
			}
		}
		for _, h := range d.Headings {
			if h.Start < 0 || h.End > n || h.Start > h.End {
				t.Fatalf("heading out of range: %+v", h)
			}
		}
	})
}
