package markup

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestOFDDeltas(t *testing.T) {
	got := deltas("1.5 g 3 2.25 4 g x 1 g 2") // a malformed repeat is skipped
	if want := []float64{1.5, 2.25, 2.25, 2.25, 4, 2}; !slices.Equal(got, want) {
		t.Errorf("deltas: %v, want %v", got, want)
	}
}

// TestOFDPlacement: text objects placed by Boundary, TextCode and CTM become lines and
// columns as in a PDF; later objects higher on the page come first.
func TestOFDPlacement(t *testing.T) {
	content := `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
<ofd:PageBlock>
<ofd:TextObject Boundary="20 50 40 6" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">一、本年</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="80 50 10 6" Size="4"><ofd:TextCode X="0" Y="4">8</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="100 50 10 6" Size="2" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="2">12</ofd:TextCode></ofd:TextObject>
</ofd:PageBlock>
<ofd:TextObject Boundary="20 30 60 6" Size="4"><ofd:TextCode X="0" Y="4">标题</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>`
	gs, err := ofdGlyphs([]byte(content))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(layout(gs), "\n"), "\n")
	if len(lines) != 3 || strings.TrimSpace(lines[0]) != "标题" || lines[1] != "" {
		t.Fatalf("layout:\n%s", strings.Join(lines, "\n"))
	}
	if f := strings.Fields(lines[2]); !slices.Equal(f, []string{"一、本年", "8", "12"}) || !strings.Contains(lines[2], "本年  ") {
		t.Errorf("the row: %q", lines[2])
	}
}

func TestOFDErrors(t *testing.T) {
	pack := func(files map[string]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range files {
			w, _ := zw.Create(name)
			w.Write([]byte(body))
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"OFD.xml": "<OFD><DocBody/></OFD>"}, "入口"},
		{map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"}, "缺少 Doc_0/Document.xml"},
		{map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>D.xml</DocRoot></DocBody></OFD>", "D.xml": "<Document><Pages/></Document>"}, "没有页面"},
		{map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>D.xml</DocRoot></DocBody></OFD>", "D.xml": `<Document><Pages><Page BaseLoc="P.xml"/></Pages></Document>`,
			"P.xml": `<Page><Content><Layer><ImageObject/></Layer></Content></Page>`}, "没有可提取的文字"},
		// a page that unpacks past the bound: said in the user's words
		{map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>D.xml</DocRoot></DocBody></OFD>", "D.xml": `<Document><Pages><Page BaseLoc="P.xml"/></Pages></Document>`,
			"P.xml": strings.Repeat(" ", maxOFDPage+1)}, "P.xml 解压后过大"},
	} {
		in := pack(c.files)
		_, err := Read(in, "a.ofd", "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err %v, want %q", c.files, err, c.want)
		}
	}
}

func FuzzOFDContent(f *testing.F) {
	f.Add([]byte(`<Page><Content><Layer><TextObject Boundary="1 2 3 4" Size="3" CTM="1 0 0 1 0 0"><TextCode X="0" Y="3" DeltaX="g 2 3">一二</TextCode></TextObject></Layer></Content></Page>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		gs, err := ofdGlyphs(data)
		if err == nil {
			layout(gs)
		}
	})
}
