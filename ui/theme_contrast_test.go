package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestHintsReadOnBothThemes: the quiet text (hints, a room's places, the
// programme's count, disabled buttons) reads on its background, on both
// themes (4.5:1, WCAG AA), and stays quieter than the text. fyne's own
// were 1.3:1 and 1.6:1; ours were 3.4:1 on the dark theme until issue 19.
// (contrast: desk_fit_test.go)
func TestHintsReadOnBothThemes(t *testing.T) {
	th := newFocusTheme()
	for _, c := range []struct {
		name    string
		v       fyne.ThemeVariant
		atLeast float64
	}{{"light", theme.VariantLight, 4.5}, {"dark", theme.VariantDark, 4.5}} {
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

// blend is c laid over base, opaque.
func blend(c, base color.Color) color.Color {
	r, g, b := over(c, base)
	return color.NRGBA{R: uint8(r*0xff + 0.5), G: uint8(g*0xff + 0.5), B: uint8(b*0xff + 0.5), A: 0xff}
}

// TestThemeColoursRead (issue 19): on both themes, the text written in
// colour (confirmed, pending, warnings, rejected rows) and the
// placeholders read at 4.5:1 on what they are written on, the pointer's
// tint included; the border of an empty tick box or an entry shows at
// 3:1 (WCAG's non-text contrast) outside and inside the box. fyne's were
// 1.5:1 (green), 2.2:1 (orange) and 1.3:1 (borders) on the light theme.
func TestThemeColoursRead(t *testing.T) {
	th := newFocusTheme()
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v.v) }
		bg := c(theme.ColorNameBackground)
		hovered := blend(c(theme.ColorNameHover), bg)
		for _, k := range []struct {
			fg      fyne.ThemeColorName
			on      []fyne.ThemeColorName // "" is the background under the pointer
			atLeast float64
		}{
			{theme.ColorNameSuccess, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, ""}, 4.5},
			{theme.ColorNameWarning, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, ""}, 4.5},
			{theme.ColorNameError, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, ""}, 4.5},
			{theme.ColorNamePlaceHolder, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground}, 4.5},
			{theme.ColorNameInputBorder, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
				theme.ColorNameHeaderBackground, ""}, 3},
		} {
			for _, on := range k.on {
				under := hovered
				if on != "" {
					under = c(on)
				}
				if got := contrast(c(k.fg), under); got < k.atLeast {
					t.Errorf("%s theme: %s on %q at %.2f:1, want %.1f:1", v.name, k.fg, on, got, k.atLeast)
				}
			}
		}
	}
}
