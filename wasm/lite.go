//go:build js && wasm && lite

package main

import "syscall/js"

const full = false

func extras(js.Value) {}
