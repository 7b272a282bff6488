//go:build js && wasm && !lite

package main

import (
	"bytes"
	"syscall/js"

	"nianbao/core/dataset"
)

// cells(results, {format}) writes checked results (an array, or one) as the tidy
// dataset of every cell (core/dataset; the file `nianbao check --cells` writes):
// format "csv" (the default: UTF-8 with a byte order mark, CRLF) or "jsonl". It
// returns the file's text.
func cells(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "数据表生成失败")
	if len(args) == 0 || args[0].Type() != js.TypeObject {
		return errorValue("cells 需要检查结果的数组")
	}
	list := []js.Value{args[0]}
	if args[0].InstanceOf(js.Global().Get("Array")) {
		list = list[:0]
		each(args[0], func(v js.Value) { list = append(list, v) })
	}
	var buf bytes.Buffer
	var w *dataset.Writer
	if len(args) > 1 && args[1].Type() == js.TypeObject && str(args[1], "format") == "jsonl" {
		w = dataset.NewJSONL(&buf)
	} else {
		var err error
		if w, err = dataset.NewCSV(&buf); err != nil {
			return errorValue(err.Error())
		}
	}
	for _, v := range list {
		res, msg := resultArg([]js.Value{v}, 0)
		if res == nil {
			return errorValue(msg)
		}
		if err := w.Write(res); err != nil {
			return errorValue(err.Error())
		}
	}
	if err := w.Flush(); err != nil {
		return errorValue(err.Error())
	}
	return buf.String()
}
