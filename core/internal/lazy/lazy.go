// Package lazy makes package-level regular expressions ready on first use: a
// regexp.MustCompile at package level runs at start-up, and the page's start-up runs
// every package's initialisation before the checker can take a report.
package lazy

import (
	"regexp"
	"sync"
)

// Regexp returns a function that compiles expr the first time it is called and
// returns the same *regexp.Regexp ever after. Not inlined, and without
// sync.OnceValue's generic machinery: thirty copies would grow the module.
//
//go:noinline
func Regexp(expr string) func() *regexp.Regexp {
	var (
		once sync.Once
		re   *regexp.Regexp
	)
	return func() *regexp.Regexp {
		once.Do(func() { re = regexp.MustCompile(expr) })
		return re
	}
}
