//go:build lite

package markup

import "nianbao/core/source"

func readMarkdown([]byte) (*source.Text, error) { return nil, ErrFull }
func readDocx([]byte) (*source.Text, error)     { return nil, ErrFull }
func readWordXML([]byte) (*source.Text, error)  { return nil, ErrFull }
func readWord97([]byte) (*source.Text, error)   { return nil, ErrFull }
func readOFD([]byte) (*source.Text, error)      { return nil, ErrFull }
func isOFD([]byte) bool                         { return false }
func readPDF([]byte) (*source.Text, error)      { return nil, ErrFull }

// isDocx: in the lite build any zip goes to the full module, which tells.
func isDocx([]byte) bool { return true }
