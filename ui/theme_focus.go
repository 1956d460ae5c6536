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
// blue tint over what has the keyboard: buttons of every kind,
// drop-downs, tick boxes, radio items, the item of an open menu; the mouse
// keeps fyne's faint grey. Entries show their focus by their frame in the
// primary colour, lists and tables by a ring (widgets.FocusRing).
//
// One tint lies over a secondary button's grey, under dark text on the
// light theme, and over the main button's blue, under white text: it
// darkens both, and the light theme's text is dark enough (#1f1f1f,
// theme_palette.go) to read on the grey it darkens. As drawn
// (TestSecondaryButtonsShow, TestFocusedButtonsRead), text on the focused
// fill / that fill against the same widget at rest:
//
//	                  secondary       main           drop-down
//	light, was navy   1.83 / 2.87     7.96 / 1.78    2.32 / 2.85
//	light, was        5.05 / 2.33     7.20 / 1.61    6.57 / 2.26
//	light, now        5.05 / 2.33     7.44 / 1.58    6.57 / 2.26
//	dark, was sky     4.06 / 3.23     2.75 / 1.63    4.68 / 3.13
//	dark, was         7.12 / 1.84     6.80 / 1.52    7.46 / 1.96
//	dark, now         7.71 / 1.70     7.55 / 1.49    7.98 / 1.83
//
// On the dark theme no light tint can do: the main button's white text
// is at 5.08:1 on its blue at rest (theme_palette.go), and any lighter
// fill loses it; a tint that lit the drop-downs more would leave the main
// button's focus only a change of hue. The light theme's tint is a deep
// blue at 40 %, the dark theme's a steel blue at 88 %, a shade darker
// since the main button's blue is (session 17), so that its focus still
// stands apart from it at rest (1.49:1) and under the pointer.
type focusTheme struct{ fyne.Theme }

func newFocusTheme() fyne.Theme { return focusTheme{theme.DefaultTheme()} }

// The tints laid over what has the keyboard.
var (
	focusLight = color.NRGBA{R: 0x00, G: 0x16, B: 0x8c, A: 0x66}
	focusDark  = color.NRGBA{R: 0x34, G: 0x52, B: 0x7f, A: 0xe0}
)

func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		if v == theme.VariantLight {
			return focusLight
		}
		return focusDark
	}
	// Hints, places under the rooms, counts and disabled text: fyne's
	// #e3e3e3 on white (1.3:1) could not be read on the light theme, nor
	// its #39393a on #171718 (1.6:1) in a bright room; these read, and
	// still look quieter than the text. The other colours that did not
	// read: theme_palette.go.
	if c, ok := readable[v][n]; ok {
		return c
	}
	if n == theme.ColorNamePrimary {
		return primaryColour(t.Theme, v)
	}
	return t.Theme.Color(n, v)
}
