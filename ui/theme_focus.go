package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusTheme is fyne's theme with a focus that shows on every widget, and
// does not look like the mouse over it: fyne's is a faint tint of the
// primary colour, which a main (primary) button with the keyboard does not
// show at all, and a grey focus looked just like a hover. This one is a
// half-opaque sky blue (on the dark theme; navy on the light one) over
// what has the keyboard: buttons of every kind, drop-downs, tick boxes,
// radio items; the mouse keeps fyne's faint grey. Entries show their focus
// by their frame in the primary colour, lists and tables by a ring
// (widgets.FocusRing).
type focusTheme struct{ fyne.Theme }

func newFocusTheme() fyne.Theme { return focusTheme{theme.DefaultTheme()} }

func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x0a, G: 0x23, B: 0x6e, A: 0x80} // navy
		}
		return color.NRGBA{R: 0x90, G: 0xca, B: 0xf9, A: 0x80} // sky blue
	}
	// Hints, places under the rooms, counts and disabled text: fyne's
	// #e3e3e3 on white (1.3:1) could not be read on the light theme, nor
	// its #39393a on #171718 (1.6:1) in a bright room; these read, and
	// still look quieter than the text. The other colours that did not
	// read: theme_palette.go.
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}
