package core

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden is the part of a Result a golden file pins down: every cell's value and raw
// text, and every finding's rule, severity, origin, message and cells.
type golden struct {
	Template string              `json:"template"`
	Variant  []string            `json:"variant,omitempty"`
	Year     *int                `json:"year"`
	Agency   *string             `json:"agency"`
	Cells    map[string]*float64 `json:"cells"`
	Stats    []goldenStat        `json:"stats,omitempty"`
	Findings []string            `json:"findings"`
}

type goldenStat struct {
	Label  string     `json:"label"`
	Unit   string     `json:"unit"`
	Values []*float64 `json:"values"`
}

func toGolden(r *Result) golden {
	g := golden{Template: r.Template, Variant: r.Variant, Year: r.Year, Agency: r.Agency, Cells: map[string]*float64{}, Findings: []string{}}
	for id, c := range r.Cells {
		g.Cells[id] = c.Value
	}
	for _, s := range r.Stats {
		g.Stats = append(g.Stats, goldenStat{Label: s.Label, Unit: s.Unit, Values: s.Values})
	}
	for _, f := range r.Findings {
		g.Findings = append(g.Findings, strings.Join([]string{f.Rule, f.Severity, f.Origin, f.Message, strings.Join(f.Cells, ",")}, " | "))
	}
	sort.Strings(g.Findings)
	return g
}

// TestGolden checks the seeds (testdata/seeds) and, when ../shared is present, the
// corpus against their golden results. Run with -update to rewrite them after a change
// whose effect you have read.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("../testdata/seeds/*.txt")
	corpus, _ := filepath.Glob("../../shared/corpus/reports/*.txt")
	for _, in := range append(inputs, corpus...) {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		dir := "../testdata/golden/seeds"
		if strings.Contains(in, "corpus") {
			dir = "../testdata/golden/corpus"
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(toGolden(Check(data, Options{Name: filepath.Base(in)})), "", " ")
			got = append(got, '\n')
			path := filepath.Join(dir, name+".json")
			if *update {
				os.MkdirAll(dir, 0o755)
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden file (run go test ./core -run TestGolden -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (rerun with -update after checking the change):\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n want " + x + "\n  got " + y
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestOffsets checks that every cell read points at its own text in the input, in
// every encoding the input may come in.
func TestOffsets(t *testing.T) {
	inputs, _ := filepath.Glob("../testdata/seeds/*.txt")
	corpus, _ := filepath.Glob("../../shared/corpus/reports/*.txt")
	type input struct {
		name string
		data []byte
	}
	var all []input
	for _, in := range append(inputs, corpus...) {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, input{in, data})
		if strings.Contains(in, "004_") { // the same report as GBK and as UTF-16
			gbk, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
			u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
			all = append(all, input{in + " (gbk)", gbk}, input{in + " (utf-16)", u16})
		}
	}
	for _, x := range all {
		in, data := x.name, x.data
		res := Check(data, Options{})
		if strings.Contains(in, "utf-16") {
			// compare through the decoder: map each cell back by decoding its bytes
			for id, c := range res.Cells {
				if c.Value == nil {
					continue
				}
				raw, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(x.data[c.At[0]:c.At[1]])
				if string(raw) != c.Raw {
					t.Errorf("%s %s: at %v is %q, raw %q", in, id, c.At, raw, c.Raw)
				}
			}
			continue
		}
		n := 0
		for id, c := range res.Cells {
			if c.Value == nil {
				continue
			}
			n++
			if got := string(data[c.At[0]:c.At[1]]); got != c.Raw {
				t.Errorf("%s %s: at %v is %q, raw %q", filepath.Base(in), id, c.At, got, c.Raw)
			}
		}
		for _, f := range res.Findings {
			if len(f.At) == 2 && (f.At[0] > f.At[1] || f.At[1] > len(data)) {
				t.Errorf("%s %s: offsets %v outside the input", filepath.Base(in), f.Rule, f.At)
			}
		}
		if n == 0 && !strings.HasPrefix(filepath.Base(in), "003") {
			t.Errorf("%s: no cells read", in)
		}
	}
}
