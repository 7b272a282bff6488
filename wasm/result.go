//go:build js && wasm

package main

import (
	"syscall/js"

	"nianbao/core"
)

// resultArg reads back a Result the page holds (as check returned it): the fields the
// review and the cells dataset read. Written out rather than by reflection: a null
// among a statistics row's values must stay in its column.
func resultArg(args []js.Value, i int) (*core.Result, string) {
	if len(args) <= i || args[i].Type() != js.TypeObject {
		return nil, "需要一份检查结果"
	}
	v := args[i]
	r := &core.Result{File: str(v, "file"), Template: str(v, "template"), Year: intPtr(v.Get("year")),
		Cells: map[string]core.Cell{}}
	if a := v.Get("agency"); a.Type() == js.TypeString {
		s := a.String()
		r.Agency = &s
	}
	if cells := v.Get("cells"); cells.Type() == js.TypeObject {
		keys := js.Global().Get("Object").Call("keys", cells)
		for k := range keys.Length() {
			id := keys.Index(k).String()
			c := cells.Get(id)
			r.Cells[id] = core.Cell{Value: num(c.Get("value")), Raw: str(c, "raw"), At: ints(c.Get("at")),
				View: ints(c.Get("view")), Label: str(c, "label"), State: str(c, "state")}
		}
	}
	each(v.Get("stats"), func(s js.Value) {
		st := core.Stat{Label: str(s, "label"), Unit: str(s, "unit"), At: ints(s.Get("at")), View: ints(s.Get("view")),
			Level: intAt(s, "level"), Header: s.Get("header").Truthy()}
		each(s.Get("values"), func(x js.Value) { st.Values = append(st.Values, num(x)) })
		r.Stats = append(r.Stats, st)
	})
	each(v.Get("findings"), func(f js.Value) {
		var cells []string
		each(f.Get("cells"), func(c js.Value) { cells = append(cells, c.String()) })
		r.Findings = append(r.Findings, core.Finding{Rule: str(f, "rule"), Severity: str(f, "severity"),
			Origin: str(f, "origin"), Message: str(f, "message"), Cells: cells, At: ints(f.Get("at")),
			View: ints(f.Get("view")), Group: str(f, "group"), Title: str(f, "title"), Total: str(f, "total")})
	})
	each(v.Get("coverage"), func(c js.Value) {
		r.Coverage = append(r.Coverage, core.Coverage{Table: str(c, "table"), Name: str(c, "name"),
			Cells: intAt(c, "cells"), Read: intAt(c, "read"), Found: c.Get("found").Truthy()})
	})
	each(v.Get("outline"), func(m js.Value) {
		r.Outline = append(r.Outline, core.Mark{Level: intAt(m, "level"), Title: str(m, "title"),
			At: ints(m.Get("at")), View: ints(m.Get("view"))})
	})
	each(v.Get("tables"), func(t js.Value) {
		tb := core.Table{ID: str(t, "id"), Title: str(t, "title"), Columns: headers(t.Get("columns")), Rows: headers(t.Get("rows"))}
		each(t.Get("cells"), func(row js.Value) {
			var line []string
			each(row, func(c js.Value) { line = append(line, c.String()) })
			tb.Cells = append(tb.Cells, line)
		})
		r.Tables = append(r.Tables, tb)
	})
	if in := v.Get("input"); in.Type() == js.TypeObject {
		r.Input = core.Input{Format: str(in, "format"), Encoding: str(in, "encoding"), Error: str(in, "error")}
	}
	if s := v.Get("summary"); s.Type() == js.TypeObject {
		r.Summary = core.Summary{Errors: intAt(s, "errors"), Warnings: intAt(s, "warnings"),
			Infos: intAt(s, "infos"), Reader: intAt(s, "reader"), Unread: intAt(s, "unread"),
			NotReport: s.Get("notReport").Truthy(), Others: s.Get("others").Truthy()}
	}
	return r, ""
}

func headers(v js.Value) []core.Header {
	var out []core.Header
	each(v, func(h js.Value) {
		out = append(out, core.Header{ID: str(h, "id"), Label: str(h, "label"), Group: str(h, "group")})
	})
	return out
}

// intAt is v[name] as an int, 0 when it is not a number (a field a caller left out).
func intAt(v js.Value, name string) int {
	if x := v.Get(name); x.Type() == js.TypeNumber {
		return x.Int()
	}
	return 0
}

func str(v js.Value, name string) string {
	if s := v.Get(name); s.Type() == js.TypeString {
		return s.String()
	}
	return ""
}

func num(v js.Value) *float64 {
	if v.Type() != js.TypeNumber {
		return nil
	}
	f := v.Float()
	return &f
}

func intPtr(v js.Value) *int {
	if v.Type() != js.TypeNumber {
		return nil
	}
	n := v.Int()
	return &n
}

func ints(v js.Value) []int {
	var out []int
	each(v, func(x js.Value) { out = append(out, x.Int()) })
	return out
}

// each calls f on each element of an array; nothing for anything else.
func each(v js.Value, f func(js.Value)) {
	if v.Type() != js.TypeObject || !v.InstanceOf(js.Global().Get("Array")) {
		return
	}
	for i := range v.Length() {
		f(v.Index(i))
	}
}
