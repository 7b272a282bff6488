package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Bundle joins the page's ES modules, from web/main.js, into one classic script for the
// single file, where each inline script is allowed by its hash and modules cannot import
// one another. The modules find files beside them by import.meta.url; inline, the page's
// own address stands for it.
func Bundle(web string) (string, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(absDir(web), "main.js")},
		Bundle:            true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		Define:            map[string]string{"import.meta.url": "document.baseURI"},
		LegalComments:     api.LegalCommentsNone,
		Write:             false,
		LogLevel:          api.LogLevelSilent,
		Charset:           api.CharsetUTF8,
		AbsWorkingDir:     absDir(web),
		TreeShaking:       api.TreeShakingTrue,
		IgnoreAnnotations: false,
	})
	if len(res.Errors) > 0 {
		return "", buildErrors(res.Errors)
	}
	if len(res.OutputFiles) != 1 {
		return "", fmt.Errorf("esbuild: %d output files, want 1", len(res.OutputFiles))
	}
	return string(res.OutputFiles[0].Contents), nil
}

// CodeMirrorLib is the editor the page uses for long texts (web/vendor/codemirror).
const CodeMirrorLib = "vendor/codemirror/codemirror.iife.js"

// BundleCodeMirror bundles web/vendor/codemirror/entry.js, its imports resolved in
// nodeModules (the npm packages, installed at the versions README.md lists), into one
// classic script that sets the global nianbaoCodeMirror, with the packages' licences.
func BundleCodeMirror(web, nodeModules string) (string, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(absDir(web), "vendor", "codemirror", "entry.js")},
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        "nianbaoCodeMirror",
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		LegalComments:     api.LegalCommentsInline,
		NodePaths:         []string{absDir(nodeModules)},
		Write:             false,
		LogLevel:          api.LogLevelSilent,
		Charset:           api.CharsetUTF8,
		AbsWorkingDir:     absDir(web),
		TreeShaking:       api.TreeShakingTrue,
	})
	if len(res.Errors) > 0 {
		return "", buildErrors(res.Errors)
	}
	if len(res.OutputFiles) != 1 {
		return "", fmt.Errorf("esbuild: %d output files, want 1", len(res.OutputFiles))
	}
	return string(res.OutputFiles[0].Contents), nil
}

func buildErrors(errs []api.Message) error {
	var msgs []string
	for _, m := range errs {
		loc := ""
		if m.Location != nil {
			loc = fmt.Sprintf("%s:%d: ", m.Location.File, m.Location.Line)
		}
		msgs = append(msgs, loc+m.Text)
	}
	return errors.New("esbuild: " + strings.Join(msgs, "; "))
}

func absDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return abs
}
