package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusTheme is fyne's theme with a focus that shows on every widget:
// fyne's is a faint tint of the primary colour, which a main (primary)
// button with the keyboard does not show at all. This one lightens (on
// the dark theme) or darkens (on the light one) what has the keyboard:
// buttons of every kind, drop-downs, tick boxes, radio items.
type focusTheme struct{ fyne.Theme }

func newFocusTheme() fyne.Theme { return focusTheme{theme.DefaultTheme()} }

func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		if v == theme.VariantLight {
			return color.NRGBA{A: 0x38}
		}
		return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x48}
	}
	return t.Theme.Color(n, v)
}
