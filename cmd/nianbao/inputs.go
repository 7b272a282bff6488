package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// checkable lists the extensions looked for in directories and glob matches. A file
// named on the command line is checked whatever its extension.
var checkable = []string{".txt", ".md", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf", ".ofd"}

// input is one report to check: a path (or "-"), or an argument that named none.
type input struct {
	name string
	err  error // why nothing could be read (no match, an unreadable directory)
}

// expand turns the arguments into the reports to check, in order and each once:
// files as given, directories searched recursively, glob patterns matched.
func expand(args []string) []input {
	var out []input
	seen := map[string]bool{}
	add := func(in input) {
		key := in.name
		if key != "-" {
			key = filepath.Clean(key)
		}
		if in.err == nil && seen[key] {
			return
		}
		seen[key] = true
		out = append(out, in)
	}
	for _, arg := range args {
		for _, in := range expandOne(arg) {
			add(in)
		}
	}
	return out
}

// expandOne expands one argument.
func expandOne(arg string) []input {
	if arg == "-" {
		return []input{{name: arg}}
	}
	st, err := os.Stat(arg)
	switch {
	case err == nil && st.IsDir():
		return walk(arg)
	case err == nil:
		return []input{{name: arg}}
	case isGlob(arg):
		return glob(arg)
	}
	return []input{{name: arg, err: friendly(err)}}
}

func isGlob(s string) bool { return strings.ContainsAny(s, "*?[") }

// glob matches a pattern: matching directories are searched, matching files kept
// when they have a checkable extension.
func glob(pattern string) []input {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return []input{{name: pattern, err: errors.New("通配符写法有误")}}
	}
	var out []input
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && st.IsDir() {
			out = append(out, walk(m)...)
		} else if isCheckable(m) {
			out = append(out, input{name: m})
		}
	}
	if len(out) == 0 {
		return []input{{name: pattern, err: errors.New("没有匹配的文件")}}
	}
	return out
}

// walk finds the checkable files under a directory, in lexical order, skipping hidden
// files and directories and Word's lock files (~$报告.docx).
func walk(dir string) []input {
	var out []input
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, input{name: path, err: friendly(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		hidden := path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$"))
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case !d.IsDir() && !hidden && isCheckable(name) && !isReview(name):
			out = append(out, input{name: path})
		}
		return nil
	})
	if len(out) == 0 {
		return []input{{name: dir, err: errors.New("目录中没有可检查的文件（.txt .md .html .htm .docx .doc .wps .pdf .ofd）")}}
	}
	return out
}

func isCheckable(name string) bool {
	return slices.Contains(checkable, strings.ToLower(filepath.Ext(name)))
}

// isReview: a review this tool wrote (--review), which a later run over the same
// directory must not take for a report.
func isReview(name string) bool {
	return strings.HasSuffix(strings.TrimSuffix(name, filepath.Ext(name)), reviewSuffix)
}
