//go:build js && wasm && !lite

package main

import (
	"bytes"
	"sync"
	"syscall/js"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

const full = true

func extras(api js.Value) {
	api.Set("markdown", js.FuncOf(markdown))
	api.Set("cells", js.FuncOf(cells))
}

var (
	mdOnce sync.Once
	md     goldmark.Markdown
)

// markdown renders the review to HTML. Raw HTML in the Markdown is dropped (goldmark's
// default), and the page still rebuilds the output from a whitelist of elements.
func markdown(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "审核意见生成失败")
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return errorValue("markdown: 需要文本")
	}
	mdOnce.Do(func() { md = goldmark.New(goldmark.WithExtensions(extension.Table)) })
	var buf bytes.Buffer
	if err := md.Convert([]byte(args[0].String()), &buf); err != nil {
		return errorValue(err.Error())
	}
	return buf.String()
}
