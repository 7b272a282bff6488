//go:build lite

package source

// decodeLegacy: the lite build leaves GB18030/GBK and Big5 to the full one, whose
// decoders' tables are a tenth of the module.
func decodeLegacy(in []byte) (*Text, error) { return nil, ErrFull }
