package markup

import "testing"

// TestCompressedChar: 8-bit text is Windows-1252, its 0x80-0x9F mapped apart.
func TestCompressedChar(t *testing.T) {
	for b, want := range map[byte]rune{'A': 'A', 0x93: '“', 0x94: '”', 0x80: '€', 0x96: '–', 0xA0: '\u00a0', 0xE9: 'é'} {
		if got := rune(compressedChar(b)); got != want {
			t.Errorf("compressedChar(%#x) = %q, want %q", b, got, want)
		}
	}
}

// TestWordSprms: property modifiers of every operand size are stepped over, and the
// table ones read: a row end (TTP) with two cells, the second merged into the first
// vertically.
func TestWordSprms(t *testing.T) {
	g := []byte{
		0x16, 0x24, 1, // sprmPFInTable
		0x17, 0x24, 1, // sprmPFTtp
		0x49, 0x66, 1, 0, 0, 0, // sprmPItap 1
		0x00, 0x60, 0x01, 0x02, 0x03, 0x04, // spra 3 (4 bytes) of another sprm
		0x08, 0xD6, 1 + 1 + 6 + 40, 0, // sprmTDefTable: cb, then the operand
		2,                                  // two cells
		0x00, 0x00, 0xE8, 0x03, 0xD0, 0x07, // boundaries 0, 1000, 2000
	}
	tc := make([]byte, 40)
	tc[20] = 1 << 5 // the second cell: vertMerge 1 (merged into the one above)
	g = append(g, tc...)
	g = append(g, 0x0A, 0x26, 3) // sprmPIlvl 3
	var p paraProps
	(&wordDoc{}).apply(&p, g, true)
	if !p.inTable || !p.ttp || p.depth != 1 || p.ilvl != 3 {
		t.Errorf("flags: %+v", p)
	}
	if len(p.centers) != 3 || p.centers[1] != 1000 || p.centers[2] != 2000 || p.vMerge[0] != 0 || p.vMerge[1] != 1 {
		t.Errorf("table: centers %v, vMerge %v", p.centers, p.vMerge)
	}
}
