package cli

import (
	"fmt"

	"congres/export"
)

// warnGlyphs tells, on the error output, of each person whose printed name
// or organisation holds characters no font prints (they print as "�"),
// naming the characters. Printing goes on.
func (r *runner) warnGlyphs(ws []export.GlyphWarning) {
	for _, w := range ws {
		fmt.Fprintln(r.err, r.tr("Warning: ", "Attention : ")+w.Message(r.lang))
	}
}
