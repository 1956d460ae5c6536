package cli

import (
	"fmt"
	"strconv"
	"strings"

	"congres/data"
)

// sheetFlags puts the margins and gaps given on the command line (mm, with
// a point or a comma) in the layout's settings, for this print only, and
// checks them as the window does.
func (r *runner) sheetFlags(o *options, s *data.BadgeSettings) error {
	for _, f := range []struct {
		flag, text string
		to         *float64
	}{{"--margin-top", o.marginTop, &s.MarginTop}, {"--margin-left", o.marginLeft, &s.MarginLeft},
		{"--gap-x", o.gapX, &s.GapX}, {"--gap-y", o.gapY, &s.GapY}} {
		if f.text == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(f.text), ",", ".", 1), 64)
		if err != nil {
			return r.usage(fmt.Sprintf("%s is a number of millimetres, such as 12.5, not %q.", f.flag, f.text),
				fmt.Sprintf("%s est un nombre de millimètres, comme 12,5, pas «%s».", f.flag, f.text))
		}
		*f.to = v
	}
	return s.Validate()
}
