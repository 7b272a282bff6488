//go:build !lite

package source

import (
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// decodeLegacy reads text in GB18030/GBK or Big5, whichever reads as Chinese (GB18030
// when both read equally well).
func decodeLegacy(in []byte) (*Text, error) {
	return decodeWith(in,
		legacyEncoding{simplifiedchinese.GB18030, "gb18030", gbCharLen},
		legacyEncoding{traditionalchinese.Big5, "big5", big5CharLen})
}
