//go:build lite

package source

const liteBuild = true
