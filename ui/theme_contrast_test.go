package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestHintsReadOnBothThemes: the quiet text (hints, a room's places, the
// programme's count, disabled buttons) reads on its background, on the
// light theme (4.5:1, WCAG AA) and the dark one (3:1), and stays quieter
// than the text. fyne's own were 1.3:1 and 1.6:1. (contrast: desk_fit_test.go)
func TestHintsReadOnBothThemes(t *testing.T) {
	th := newFocusTheme()
	for _, c := range []struct {
		name    string
		v       fyne.ThemeVariant
		atLeast float64
	}{{"light", theme.VariantLight, 4.5}, {"dark", theme.VariantDark, 3}} {
		bg := th.Color(theme.ColorNameBackground, c.v)
		quiet, text := contrast(th.Color(theme.ColorNameDisabled, c.v), bg), contrast(th.Color(theme.ColorNameForeground, c.v), bg)
		if quiet < c.atLeast {
			t.Errorf("%s theme: hints at %.1f:1 on the background, want %.1f:1 at least", c.name, quiet, c.atLeast)
		}
		if quiet > text*0.7 {
			t.Errorf("%s theme: hints at %.1f:1 are as loud as the text (%.1f:1)", c.name, quiet, text)
		}
	}
}
