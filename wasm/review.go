//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"

	"github.com/norunners/vert"

	"nianbao/core/review"
)

// reviewOf(result, {format, dismissed, date, compared, file}) writes the 审核意见 of a
// checked result (core/review): {text, model}, text in the format asked ("markdown",
// the default, or "text": plain text to paste into an office system) and model the
// document (title, facts, verdict, sections of grouped items) for a .docx writer.
// dismissed: [{index, note}] (index into result.findings) or [{key, note}] (review.Key).
func reviewOf(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "审核意见生成失败")
	res, msg := resultArg(args, 0)
	if res == nil {
		return errorValue(msg)
	}
	opts := review.Options{Date: today()}
	format := "markdown"
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		o := args[1]
		str := func(name string, into *string) {
			if v := o.Get(name); v.Type() == js.TypeString {
				*into = v.String()
			}
		}
		str("format", &format)
		str("date", &opts.Date)
		str("compared", &opts.Compared)
		str("file", &opts.File)
		if d := o.Get("dismissed"); d.Type() == js.TypeObject {
			for i := range d.Length() {
				e := d.Index(i)
				if e.Type() != js.TypeObject {
					continue
				}
				dm := review.Dismissal{Index: -1}
				if v := e.Get("index"); v.Type() == js.TypeNumber {
					dm.Index = v.Int()
				}
				if v := e.Get("key"); v.Type() == js.TypeString {
					dm.Key = v.String()
				}
				if v := e.Get("note"); v.Type() == js.TypeString {
					dm.Note = v.String()
				}
				opts.Dismissed = append(opts.Dismissed, dm)
			}
		}
	}
	r := review.Build(res, opts)
	text := r.Markdown()
	if format == "text" {
		text = r.Text()
	}
	o := js.Global().Get("Object").New()
	o.Set("text", text)
	o.Set("model", vert.ValueOf(r).Value)
	return o
}

// today is the date as a review prints it, by the browser's clock: Go's time
// formatting would cost the lite module more than the rest of the review.
func today() string {
	d := js.Global().Get("Date").New()
	return strconv.Itoa(d.Call("getFullYear").Int()) + "年" + strconv.Itoa(d.Call("getMonth").Int()+1) + "月" +
		strconv.Itoa(d.Call("getDate").Int()) + "日"
}
