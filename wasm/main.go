//go:build js && wasm

// Command wasm is the bridge between the page and core. It sets window.nianbao:
//
//	check(text | Uint8Array, {name, format, deadline}) -> the Result of the output contract
//	deadlines -> [{id, name}…], the deadline profiles a check's deadline option names
//	groups -> [name…], the groups of findings in the order the page shows them
//	  (the first is the default; custom dates such as "部门=1-15,政府=3-31" are accepted too)
//	compareYears(a, optsA, b, optsB) -> [resultA, resultB], compared as consecutive years
//	pairUp([{year, agency}…]) -> [[older, newer]…], the pairs among checked reports
//	review(result, {format, dismissed, date, compared, file}) -> {text, model}, the 审核意见
//	  (review.go; in both builds, so the page needs no full module for a review: it
//	  costs the lite module about 30 KB brotli, 1.09 → 1.12 MB of the 1.2 MB budget)
//	cells([result…], {format: "csv"|"jsonl"}) -> the tidy dataset of every cell (dataset.go; full build only)
//	markdown(md) -> HTML rendered by goldmark (for the review preview; full build only)
//	templates -> [{id, name, short}…], the report formats as people name them
//	rules -> [{id, title, group, severity}…], every rule, for titles and groups
//	limits -> {maxInput, maxText, binaryScan, binary, tooLarge(n), tooLong(n), looksBinary(bytes)}:
//	  what the page refuses before decoding, in core's numbers and words
//	version, sample (the sample report loaded on first visit), full (which build)
//
// The global's name is the environment variable NIANBAO_GLOBAL when the page sets one
// (go.env before go.run; default "nianbao"), so that two modules can run side by side in
// one page, each under its own name: the page's engine runs the full build as
// "nianbaoFull". Once the API is installed the program calls window[name + "Ready"].
//
// It is built twice. The lite build (tag lite), which the page loads first, reads text
// in UTF-8 or UTF-16 and HTML; the full build adds Markdown, Word, OFD and PDF input, text
// in GBK or Big5, and the goldmark renderer,
// and the page loads it only when one of those is needed: the first check is ready
// sooner and the first download is small.
//
// A Go panic never escapes: it would stop the Go program and with it the page's checker.
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"syscall/js"
	"time"

	"github.com/norunners/vert"

	"nianbao/core"
	"nianbao/core/rules"
	"nianbao/core/source"
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
	api.Set("checkEach", js.FuncOf(checkEach))
	api.Set("compareYears", js.FuncOf(compareYears))
	api.Set("pairUp", js.FuncOf(pairUp))
	api.Set("full", full)
	api.Set("deadlines", deadlineList())
	api.Set("groups", groupList())
	api.Set("review", js.FuncOf(reviewOf))
	api.Set("templates", templateList())
	api.Set("rules", ruleList())
	api.Set("limits", limits())
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
// format (forces a reader), and two test hooks: __panic panics inside the bridge, __spin
// (ms) keeps the check busy.
func check(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "检查程序内部错误")
	res, msg := checkArg(args, 0)
	if res == nil {
		return errorValue(msg)
	}
	return vert.ValueOf(res).Value
}

// checkEach(input, options) checks each report a text holds (core.CheckEach): an array
// of Results, one a report, numbered by part (one Result, part 0, for a text of one).
func checkEach(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "检查程序内部错误")
	input, opts, msg := readArg(args, 0)
	if msg != "" {
		return errorValue(msg)
	}
	var list []any
	for _, r := range core.CheckEach(input, opts) {
		list = append(list, vert.ValueOf(r).Value)
	}
	return list
}

// compareYears(a, optionsA, b, optionsB) checks two reports and compares them as one
// body's reports for consecutive years (core.CompareAndAttach): it returns the two
// Results, in the order given, the cross-year warnings attached to the newer one. When
// this build cannot read one of them (input.module "full") nothing is compared: the
// caller checks both again with the full module.
func compareYears(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "检查程序内部错误")
	a, msg := checkRecent(args, 0)
	if a == nil {
		return errorValue(msg)
	}
	b, msg := checkRecent(args, 2)
	if b == nil {
		return errorValue(msg)
	}
	if a.Input.Module == "" && b.Input.Module == "" {
		core.CompareAndAttach(a, b)
	}
	return []any{vert.ValueOf(a).Value, vert.ValueOf(b).Value}
}

// pairUp(reports) finds, among checked reports ({year, agency, input: {error}}: Results
// or summaries of them), those of one body for consecutive years (core.PairUp): an
// array of [older, newer] indices.
func pairUp(this js.Value, args []js.Value) (out any) {
	defer recoverInto(&out, "检查程序内部错误")
	if len(args) == 0 || !args[0].InstanceOf(js.Global().Get("Array")) {
		return errorValue("pairUp 需要一个数组")
	}
	list := args[0]
	results := make([]*core.Result, list.Length())
	for i := range results {
		r := &core.Result{}
		if v := list.Index(i); v.Type() == js.TypeObject {
			if y := v.Get("year"); y.Type() == js.TypeNumber {
				year := y.Int()
				r.Year = &year
			}
			if a := v.Get("agency"); a.Type() == js.TypeString && a.String() != "" {
				agency := a.String()
				r.Agency = &agency
			}
			if in := v.Get("input"); in.Type() == js.TypeObject && in.Get("error").Truthy() {
				r.Input.Error = in.Get("error").String()
			}
		}
		results[i] = r
	}
	pairs := []any{}
	for _, p := range core.PairUp(results) {
		pairs = append(pairs, []any{p[0], p[1]})
	}
	return pairs
}

// checkArg checks the input at args[i] with the options at args[i+1]. It returns nil
// and a message for the user when there is nothing to check.
func checkArg(args []js.Value, i int) (*core.Result, string) {
	input, opts, msg := readArg(args, i)
	if msg != "" {
		return nil, msg
	}
	return core.Check(input, opts), ""
}

// recent keeps the last two reports compareYears checked: the page compares again
// after every edit of the report it shows, and the other year's has not changed.
var recent []checked

type checked struct {
	input []byte
	opts  core.Options
	res   *core.Result
}

// checkRecent is checkArg, taking a report compareYears checked lately from recent.
// The result is a copy: the comparison attaches findings to it.
func checkRecent(args []js.Value, i int) (*core.Result, string) {
	input, opts, msg := readArg(args, i)
	if msg != "" {
		return nil, msg
	}
	for _, c := range recent {
		if c.opts == opts && bytes.Equal(c.input, input) {
			return c.res.Copy(), ""
		}
	}
	res := core.Check(input, opts)
	recent = append([]checked{{input, opts, res}}, recent[:min(len(recent), 1)]...)
	return res.Copy(), ""
}

// readArg reads the input at args[i] and the options at args[i+1], or says why there
// is nothing to check.
func readArg(args []js.Value, i int) ([]byte, core.Options, string) {
	var opts core.Options
	if len(args) <= i {
		return nil, opts, "没有输入"
	}
	var input []byte
	switch a := args[i]; {
	case a.Type() == js.TypeString:
		input = []byte(a.String())
	case a.InstanceOf(js.Global().Get("Uint8Array")):
		input = make([]byte, a.Get("length").Int())
		js.CopyBytesToGo(input, a)
	default:
		return nil, opts, "输入应为文本或 Uint8Array"
	}
	if len(args) > i+1 && args[i+1].Type() == js.TypeObject {
		o := args[i+1]
		if v := o.Get("name"); v.Type() == js.TypeString {
			opts.Name = v.String()
		}
		if v := o.Get("format"); v.Type() == js.TypeString {
			opts.Format = v.String()
		}
		if v := o.Get("deadline"); v.Type() == js.TypeString {
			if _, err := rules.ParseDeadline(v.String()); err != nil {
				return nil, opts, err.Error()
			}
			opts.Deadline = v.String()
		}
		opts.Held = o.Get("held").Truthy() // the identities that held, for one report's view
		if o.Get("__panic").Truthy() {
			panic("测试用的故障（__panic）")
		}
		if v := o.Get("__spin"); v.Type() == js.TypeNumber {
			spin(time.Duration(v.Float()) * time.Millisecond)
		}
	}
	return input, opts, ""
}

// limits is core's size limits and binary test, for the page to refuse an input before
// it decodes anything (web/ui/limits.js): numbers, core's messages, and the test itself.
func limits() js.Value {
	o := js.Global().Get("Object").New()
	o.Set("maxInput", core.MaxInput)
	o.Set("maxText", core.MaxText)
	o.Set("binaryScan", source.BinaryScan)
	o.Set("binary", source.ErrBinary.Error())
	o.Set("tooLarge", js.FuncOf(func(_ js.Value, args []js.Value) any { return core.TooLarge(intArg(args)) }))
	o.Set("tooLong", js.FuncOf(func(_ js.Value, args []js.Value) any { return core.TooLong(intArg(args)) }))
	o.Set("looksBinary", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
			return false
		}
		b := make([]byte, min(args[0].Length(), source.BinaryScan))
		js.CopyBytesToGo(b, args[0])
		return source.LooksBinary(b)
	}))
	return o
}

func intArg(args []js.Value) int {
	if len(args) == 0 || args[0].Type() != js.TypeNumber {
		return 0
	}
	return args[0].Int()
}

// spin keeps the check busy for d, a test hook (__spin, in milliseconds) for a long
// check to cancel. It does not sleep: a call from JavaScript cannot wait for timers.
func spin(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}

// recoverInto turns a panic into the error value the page shows, what failed first: a
// Go panic must not stop the program, or the page loses its checker.
func recoverInto(out *any, what string) {
	if p := recover(); p != nil {
		*out = errorValue(fmt.Sprintf("%s：%v", what, p))
	}
}

// deadlineList lists the deadline profiles for the page's select.
func deadlineList() []any {
	var out []any
	for _, d := range rules.Deadlines() {
		out = append(out, map[string]any{"id": d.ID, "name": d.Name})
	}
	return out
}

// templateList is the formats with their names ({id, name, short}), for the page's
// tables and the batch dashboard.
func templateList() []any {
	var out []any
	for _, t := range rules.Templates {
		out = append(out, map[string]any{"id": t.ID, "name": t.Name, "short": t.Short})
	}
	return out
}

// ruleList is every rule's id, title, group and severity, in the registry's order.
func ruleList() []any {
	var out []any
	for _, r := range rules.All() {
		out = append(out, map[string]any{"id": r.ID, "title": r.Title, "group": r.Group, "severity": r.Severity})
	}
	return out
}

func errorValue(msg string) any {
	o := js.Global().Get("Object").New()
	o.Set("error", msg)
	return o
}

// groupList lists the groups of findings in the page's order (the registry's).
func groupList() []any {
	var out []any
	for _, g := range rules.GroupOrder {
		out = append(out, g)
	}
	return out
}
