//go:build js && wasm

// Command wasm is the bridge between the page and core: window.nianbao.check(text or
// bytes, options) returns the Result of the output contract as a JS object.
package main

import (
	"fmt"
	"syscall/js"

	"github.com/norunners/vert"

	"nianbao/core"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("version", core.Version)
	api.Set("check", js.FuncOf(check))
	js.Global().Set("nianbao", api)
	if ready := js.Global().Get("nianbaoReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// check never lets a Go panic escape: a panic in WebAssembly would kill the page.
func check(this js.Value, args []js.Value) (out any) {
	defer func() {
		if p := recover(); p != nil {
			out = errorValue(fmt.Sprintf("检查程序内部错误：%v", p))
		}
	}()
	if len(args) == 0 {
		return errorValue("没有输入")
	}
	var input []byte
	switch a := args[0]; {
	case a.Type() == js.TypeString:
		input = []byte(a.String())
	case a.InstanceOf(js.Global().Get("Uint8Array")):
		input = make([]byte, a.Get("length").Int())
		js.CopyBytesToGo(input, a)
	default:
		return errorValue("输入应为文本或 Uint8Array")
	}
	var opts core.Options
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		if v := args[1].Get("name"); v.Type() == js.TypeString {
			opts.Name = v.String()
		}
		if v := args[1].Get("format"); v.Type() == js.TypeString {
			opts.Format = v.String()
		}
	}
	return vert.ValueOf(core.Check(input, opts)).Value
}

func errorValue(msg string) any {
	o := js.Global().Get("Object").New()
	o.Set("error", msg)
	return o
}
