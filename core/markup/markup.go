// Package markup reads the input formats: plain text in any encoding, and structured
// documents (Markdown, HTML, Word .docx, PDF) rendered as text whose table rows are
// lines of tab-separated cells. Every byte of the rendering maps back to the input.
package markup

import (
	"nianbao/core/source"
)

// Read returns the text of input. name (a file name, may be empty) and format ("" to
// sniff) choose the reader.
func Read(input []byte, name, format string) (*source.Text, error) {
	return source.Decode(input)
}
