package main

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// compactData merges the data segments of a WebAssembly module that lie close together,
// filling the gaps with the zeros that memory holds there anyway. Go's linker writes a
// segment for every run of non-zero bytes — some 50,000 in the lite module — and their
// headers and gaps compress badly: merged, the module is 6% smaller with gzip and
// brotli, and the engine decodes and copies a few hundred segments instead.
//
// A module compactData does not understand (another data section layout, passive
// segments) is returned as it is.
func compactData(wasm []byte) ([]byte, error) {
	const maxGap = 256 // zeros written to save a segment's header
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	out := append([]byte(nil), wasm[:8]...)
	r := wasmReader{b: wasm, at: 8}
	for r.at < len(wasm) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || size > len(wasm)-r.at {
			return nil, errors.New("truncated section")
		}
		body := wasm[r.at : r.at+size]
		r.at += size
		if id == 11 { // data
			if merged, ok := mergeSegments(body, maxGap); ok {
				body = merged
			}
		}
		out = append(out, id)
		out = binary.AppendUvarint(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

type segment struct {
	offset uint32
	data   []byte
}

// mergeSegments rewrites a data section of active segments at constant offsets in
// memory 0, merging neighbours at most maxGap bytes apart. Segments that overlap (where
// order would matter) leave the section as it is.
func mergeSegments(section []byte, maxGap int) ([]byte, bool) {
	r := wasmReader{b: section}
	n := int(r.uleb())
	var segs []segment
	for i := 0; i < n && r.err == nil; i++ {
		// mode 0: active, memory 0, offset given by i32.const <offset> end
		if r.uleb() != 0 || r.byte() != 0x41 {
			return nil, false
		}
		off := r.sleb()
		if r.byte() != 0x0B || off < 0 || off > 1<<32-1 {
			return nil, false
		}
		size := int(r.uleb())
		if r.err != nil || size > len(section)-r.at {
			return nil, false
		}
		segs = append(segs, segment{uint32(off), section[r.at : r.at+size]})
		r.at += size
	}
	if r.err != nil || r.at != len(section) {
		return nil, false
	}
	slices.SortStableFunc(segs, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	var merged []segment
	for _, s := range segs {
		if last := len(merged) - 1; last >= 0 {
			prev := &merged[last]
			gap := int64(s.offset) - int64(prev.offset) - int64(len(prev.data))
			if gap < 0 {
				return nil, false
			}
			if gap <= int64(maxGap) {
				if cap(prev.data) == len(prev.data) { // still the section's bytes: copy before appending
					prev.data = append(make([]byte, 0, 2*len(prev.data)), prev.data...)
				}
				prev.data = append(prev.data, make([]byte, gap)...)
				prev.data = append(prev.data, s.data...)
				continue
			}
		}
		merged = append(merged, segment{s.offset, s.data[:len(s.data):len(s.data)]})
	}
	return appendSegments(nil, merged), true
}

// appendSegments appends the body of a data section holding segs (active, memory 0).
func appendSegments(out []byte, segs []segment) []byte {
	out = binary.AppendUvarint(out, uint64(len(segs)))
	for _, s := range segs {
		out = append(out, 0, 0x41)
		out = appendSleb(out, int64(s.offset))
		out = append(out, 0x0B)
		out = binary.AppendUvarint(out, uint64(len(s.data)))
		out = append(out, s.data...)
	}
	return out
}

// wasmReader reads the LEB128 numbers of a module; err is set past the end.
type wasmReader struct {
	b   []byte
	at  int
	err error
}

func (r *wasmReader) byte() byte {
	if r.at >= len(r.b) {
		r.err = fmt.Errorf("unexpected end at %d", r.at)
		return 0
	}
	c := r.b[r.at]
	r.at++
	return c
}

func (r *wasmReader) uleb() uint64 {
	v, n := binary.Uvarint(r.b[min(r.at, len(r.b)):])
	if n <= 0 {
		r.err = fmt.Errorf("bad number at %d", r.at)
		return 0
	}
	r.at += n
	return v
}

func (r *wasmReader) sleb() int64 {
	var v int64
	var shift uint
	for {
		c := r.byte()
		if r.err != nil || shift > 63 {
			r.err = fmt.Errorf("bad number at %d", r.at)
			return 0
		}
		v |= int64(c&0x7F) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
	}
}

func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
