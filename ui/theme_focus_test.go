package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// over is c laid over base, as fyne blends a button's focus colour over
// its background.
func over(c, base color.Color) (r, g, b float64) {
	cr, cg, cb, ca := c.RGBA()
	br, bg, bb, _ := base.RGBA()
	a := float64(ca) / 0xffff
	mix := func(top, bottom uint32) float64 {
		return (float64(top) + float64(bottom)*(1-a)) / 0xffff // top is premultiplied
	}
	return mix(cr, br), mix(cg, bg), mix(cb, bb)
}

// The main (primary) button with the keyboard looks different from one
// without, on the dark and the light theme (issue 19: "the focus is
// visible everywhere"; fyne's own focus tint vanished on it).
func TestFocusShowsOnAMainButton(t *testing.T) {
	th := newFocusTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		primary := th.Color(theme.ColorNamePrimary, v)
		r, g, b := over(th.Color(theme.ColorNameFocus, v), primary)
		pr, pg, pb, _ := primary.RGBA()
		diff := abs(r-float64(pr)/0xffff) + abs(g-float64(pg)/0xffff) + abs(b-float64(pb)/0xffff)
		if diff < 0.25 {
			t.Errorf("variant %d: a focused main button differs by %.2f from an unfocused one", v, diff)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
