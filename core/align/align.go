// Package align rebuilds the template's tables from a token stream.
package align

import (
	"nianbao/core/report"
	"nianbao/core/source"
	"nianbao/core/token"
)

// Read rebuilds the report's tables.
func Read(norm *source.Norm, st *token.Stream) *report.Report {
	rep := &report.Report{Norm: norm, Stream: st, Template: "unknown", Cells: map[string]*report.Cell{}, Variants: map[string]bool{}}
	return rep
}
