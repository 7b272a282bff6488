//go:build js && wasm

// Command wasm is the bridge between the page and core. It sets window.nianbao:
//
//	check(text | Uint8Array, {name, format}) -> the Result of the output contract
//	markdown(md) -> HTML rendered by goldmark (for the review preview; full build only)
//	version, sample (the sample report loaded on first visit), full (which build)
//
// The global's name is the environment variable NIANBAO_GLOBAL when the page sets one
// (go.env before go.run; default "nianbao"), so that two modules can run side by side in
// one page, each under its own name: the page's engine runs the full build as
// "nianbaoFull". Once the API is installed the program calls window[name + "Ready"].
//
// It is built twice. The lite build (tag lite), which the page loads first, reads text
// and HTML; the full build adds Markdown, Word and PDF input and the goldmark renderer,
// and the page loads it only when one of those is needed: the first check is ready
// sooner and the first download is small.
//
// A Go panic never escapes: it would stop the Go program and with it the page's checker.
package main

import (
	_ "embed"
	"fmt"
	"os"
	"syscall/js"

	"github.com/norunners/vert"

	"nianbao/core"
)

// sample is seed 004, a real report with an altered label, shown on a first visit.
//
//go:embed sample.txt
var sample string

func main() {
	api := js.Global().Get("Object").New()
	api.Set("version", core.Version)
	api.Set("sample", sample)
	api.Set("check", js.FuncOf(check))
	api.Set("full", full)
	extras(api)
	name := os.Getenv("NIANBAO_GLOBAL")
	if name == "" {
		name = "nianbao"
	}
	js.Global().Set(name, api)
	if ready := js.Global().Get(name + "Ready"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// check runs core.Check. Options: name (file name, picks the reader by extension),
// format (forces a reader), and __panic, a test hook that panics inside the bridge.
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
		o := args[1]
		if v := o.Get("name"); v.Type() == js.TypeString {
			opts.Name = v.String()
		}
		if v := o.Get("format"); v.Type() == js.TypeString {
			opts.Format = v.String()
		}
		if o.Get("__panic").Truthy() {
			panic("测试用的故障（__panic）")
		}
	}
	return vert.ValueOf(core.Check(input, opts)).Value
}

func errorValue(msg string) any {
	o := js.Global().Get("Object").New()
	o.Set("error", msg)
	return o
}
