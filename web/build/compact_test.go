package main

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// module builds a WebAssembly module with a type section (kept as it is) and a data
// section holding segs.
func module(segs ...segment) []byte {
	data := appendSegments(nil, segs)
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 1, 4, 1, 0x60, 0, 0) // a type section: one func type () -> ()
	m = append(m, 11)
	m = binary.AppendUvarint(m, uint64(len(data)))
	return append(m, data...)
}

// memory is what a module's data segments write into a fresh memory, and how many
// segments write it.
func memory(t *testing.T, wasm []byte) ([]byte, int) {
	t.Helper()
	r := wasmReader{b: wasm, at: 8}
	mem := make([]byte, 1<<16)
	n := 0
	for r.at < len(wasm) {
		id := r.byte()
		size := int(r.uleb())
		end := r.at + size
		if id == 11 {
			n = int(r.uleb())
			for i := 0; i < n; i++ {
				r.uleb()
				r.byte()
				off := r.sleb()
				r.byte()
				l := int(r.uleb())
				copy(mem[off:], wasm[r.at:r.at+l])
				r.at += l
			}
		}
		if r.err != nil {
			t.Fatal(r.err)
		}
		r.at = end
	}
	return mem, n
}

func TestCompactData(t *testing.T) {
	seg := func(off uint32, s string) segment { return segment{off, []byte(s)} }
	// out of order, as Go's linker writes them; 100 and 300 are 3 and 192 bytes apart
	// from their neighbours, 40000 is far from any
	in := module(seg(300, "ccc"), seg(100, "aa"), seg(105, "b"), seg(40000, "far"), seg(495, "d"))
	out, err := compactData(in)
	if err != nil {
		t.Fatal(err)
	}
	before, n := memory(t, in)
	after, m := memory(t, out)
	if !bytes.Equal(before, after) {
		t.Errorf("the memory written differs")
	}
	if n != 5 || m != 2 {
		t.Errorf("segments: %d -> %d, want 5 -> 2", n, m)
	}
	if !bytes.Equal(out[8:14], in[8:14]) {
		t.Errorf("the type section changed")
	}

	// overlapping segments: order matters, the section is left alone
	overlap := module(seg(100, "aaaa"), seg(102, "bb"))
	if out, err := compactData(overlap); err != nil || !bytes.Equal(out, overlap) {
		t.Errorf("overlapping segments: changed (%v)", err)
	}
	if _, err := compactData([]byte("not wasm")); err == nil {
		t.Errorf("not a module: accepted")
	}
	if _, err := compactData(in[:len(in)-2]); err == nil {
		t.Errorf("a truncated module: accepted")
	}
}
