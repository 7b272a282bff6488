package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// sizes prints what makes a WebAssembly binary large: its sections, and the code size
// of each Go package, from the function names of a binary built without -s -w
// (`go tool nm` does not read wasm).
func sizes(path string, w io.Writer, top int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(data) < 8 || !bytes.Equal(data[:4], []byte("\x00asm")) {
		return errors.New(path + ": not a WebAssembly binary")
	}
	var (
		imports  int   // imported functions come first in the function index space
		bodies   []int // code size of each defined function
		names    = map[int]string{}
		sections = map[string]int{}
	)
	r := bytes.NewReader(data[8:])
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		n, err := binary.ReadUvarint(r)
		if err != nil || int(n) > r.Len() {
			return errors.New(path + ": bad section")
		}
		body := make([]byte, n)
		io.ReadFull(r, body)
		name := sectionNames[id]
		switch id {
		case 0:
			sr := bytes.NewReader(body)
			custom := readName(sr)
			name = "custom " + custom
			if custom == "name" {
				readFuncNames(sr, names)
			}
		case 2:
			imports = countFuncImports(body)
		case 10:
			bodies = codeSizes(body)
		}
		sections[name] += int(n)
	}
	fmt.Fprintf(w, "%s: %d bytes\n", path, len(data))
	printTop(w, "sections", sections, 0)
	pkgs := map[string]int{}
	funcs := map[string]int{}
	for i, size := range bodies {
		fn := names[imports+i]
		if fn == "" {
			fn = "?"
		}
		funcs[fn] += size
		pkgs[pkgOf(fn)] += size
	}
	printTop(w, "code by package", pkgs, top)
	printTop(w, "largest functions", funcs, top)
	return nil
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

func printTop(w io.Writer, title string, m map[string]int, top int) {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range m {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	if top > 0 && len(list) > top {
		list = list[:top]
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, e := range list {
		fmt.Fprintf(w, "%10d  %s\n", e.v, e.k)
	}
}

// pkgOf returns the package of a symbol name as the wasm name section spells it, with
// "_" for "/": "github.com_yuin_goldmark_parser.parseLink" -> "github.com_yuin_goldmark_parser".
func pkgOf(fn string) string {
	start := 0
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(fn, host) {
			start = len(host)
		}
	}
	if dot := strings.Index(fn[start:], "."); dot >= 0 {
		return fn[:start+dot]
	}
	return fn
}

func readName(r *bytes.Reader) string {
	n, _ := binary.ReadUvarint(r)
	b := make([]byte, n)
	io.ReadFull(r, b)
	return string(b)
}

func readFuncNames(r *bytes.Reader, names map[int]string) {
	for r.Len() > 0 {
		kind, _ := r.ReadByte()
		n, _ := binary.ReadUvarint(r)
		if kind != 1 {
			r.Seek(int64(n), io.SeekCurrent)
			continue
		}
		count, _ := binary.ReadUvarint(r)
		for i := uint64(0); i < count; i++ {
			idx, _ := binary.ReadUvarint(r)
			names[int(idx)] = readName(r)
		}
		return
	}
}

func countFuncImports(body []byte) int {
	r := bytes.NewReader(body)
	count, _ := binary.ReadUvarint(r)
	funcs := 0
	for i := uint64(0); i < count; i++ {
		readName(r)
		readName(r)
		kind, _ := r.ReadByte()
		switch kind {
		case 0: // function: type index
			binary.ReadUvarint(r)
			funcs++
		case 1: // table: elemtype, limits
			r.ReadByte()
			skipLimits(r)
		case 2: // memory
			skipLimits(r)
		case 3: // global: valtype, mut
			r.ReadByte()
			r.ReadByte()
		}
	}
	return funcs
}

func skipLimits(r *bytes.Reader) {
	flag, _ := r.ReadByte()
	binary.ReadUvarint(r)
	if flag&1 != 0 {
		binary.ReadUvarint(r)
	}
}

func codeSizes(body []byte) []int {
	r := bytes.NewReader(body)
	count, _ := binary.ReadUvarint(r)
	out := make([]int, 0, count)
	for i := uint64(0); i < count; i++ {
		n, _ := binary.ReadUvarint(r)
		out = append(out, int(n))
		r.Seek(int64(n), io.SeekCurrent)
	}
	return out
}
