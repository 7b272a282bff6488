package markup

// The seeds as OFD files: made from the glyphs of their PDFs (testdata/markup), placed
// in millimetres, y downwards, as OFD writers place them. Run
//
//	go test ./core/markup -run TestGenerateOFD -genofd
//
// to rewrite testdata/markup/seed*.ofd; the tests only read them.

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

var genOFD = flag.Bool("genofd", false, "rewrite testdata/markup/seed*.ofd from the seeds' PDFs")

func TestGenerateOFD(t *testing.T) {
	if !*genOFD {
		t.Skip("run with -genofd to rewrite testdata/markup/seed*.ofd")
	}
	for _, short := range []string{"seed000", "seed001", "seed003", "seed004"} {
		in, err := os.ReadFile(filepath.Join("../../testdata/markup", short+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfGlyphs(t, in)
		if err := os.WriteFile(filepath.Join("../../testdata/markup", short+".ofd"), ofdFile(t, pages), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pdfGlyphs returns the glyphs of each page of a PDF, as readPDF finds them.
func pdfGlyphs(t *testing.T, in []byte) [][]glyph {
	data, err := pdfBody(in)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pageList(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]glyph
	for _, pg := range pages {
		res := inherited(pg, "Resources")
		x := &pdfPage{res: res, fonts: map[string]*pdfFont{}}
		if err := x.run(pg.Key("Contents"), res, ident, 0); err != nil {
			t.Fatal(err)
		}
		out = append(out, x.glyphs)
	}
	return out
}

// ofdFile writes pages of glyphs as an OFD package: a text object per run of glyphs on
// one baseline, its advances in DeltaX (with the "g n d" shorthand where they repeat).
func ofdFile(t *testing.T, pages [][]glyph) []byte {
	const mm = 25.4 / 72 // a point in millimetres
	const height = 297.0
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + body))
	}
	put("OFD.xml", `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>seed</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)
	var pageList strings.Builder
	for i := range pages {
		fmt.Fprintf(&pageList, `<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>`, i+2, i)
	}
	put("Doc_0/Document.xml", `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>`+pageList.String()+`</ofd:Pages></ofd:Document>`)
	for i, gs := range pages {
		var b strings.Builder
		b.WriteString(`<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">`)
		id := 100
		for j := 0; j < len(gs); {
			k := j + 1
			for k < len(gs) && gs[k].y == gs[j].y && gs[k].size == gs[j].size && gs[k].x >= gs[k-1].x {
				k++
			}
			run := gs[j:k]
			size := run[0].size * mm
			x0, base := run[0].x*mm, (height - run[0].y*mm)
			var text strings.Builder
			var ds []string
			for n, g := range run {
				text.WriteString(g.s)
				if n+1 < len(run) {
					ds = append(ds, fmt.Sprintf("%.3f", (run[n+1].x-g.x)*mm))
				}
			}
			w := (run[len(run)-1].end - run[0].x) * mm
			id++
			fmt.Fprintf(&b, `<ofd:TextObject ID="%d" Boundary="%.3f %.3f %.3f %.3f" Font="3" Size="%.3f"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="%.3f" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
				id, x0, base-size, max(w, size), size*1.2, size, size, shorthand(ds), xmlEscape(text.String()))
			j = k
		}
		b.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
		put(fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i), b.String())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// shorthand writes repeated advances as OFD's "g n d".
func shorthand(ds []string) string {
	var out []string
	for i := 0; i < len(ds); {
		j := i
		for j < len(ds) && ds[j] == ds[i] {
			j++
		}
		if j-i >= 3 {
			out = append(out, fmt.Sprintf("g %d %s", j-i, ds[i]))
		} else {
			out = append(out, ds[i:j]...)
		}
		i = j
	}
	return strings.Join(out, " ")
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
