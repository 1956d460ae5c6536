package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// A button with the keyboard looks unlike one under the mouse (the tester:
// "the focus is a grey fill, the same as hover"): rendered in a window, the
// hovered button stays grey while the focused one is plainly blue, on the
// dark and the light theme; a main (primary) button with the keyboard
// differs from it under the mouse too.
func TestFocusedButtonDiffersFromHovered(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		a.Settings().SetTheme(variantTheme{newFocusTheme(), v}) // colour_ring_test.go
		for _, imp := range []widget.Importance{widget.MediumImportance, widget.HighImportance} {
			sample := func(focus bool) color.NRGBA {
				b := widget.NewButton("Importer…", nil)
				b.Importance = imp
				w := test.NewTempWindow(t, container.NewCenter(b))
				w.Resize(fyne.NewSize(300, 100))
				if focus {
					w.Canvas().Focus(b)
				} else {
					b.MouseIn(&desktop.MouseEvent{})
				}
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				img := w.Canvas().Capture()
				// the button's left margin, beside its text, half-way down
				x := int((pos.X + 4) * w.Canvas().Scale())
				y := int((pos.Y + b.Size().Height/2) * w.Canvas().Scale())
				return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			focused, hovered := sample(true), sample(false)
			spread := func(c color.NRGBA) int {
				return int(max(c.R, c.G, c.B)) - int(min(c.R, c.G, c.B))
			}
			dist := absInt(int(focused.R)-int(hovered.R)) + absInt(int(focused.G)-int(hovered.G)) + absInt(int(focused.B)-int(hovered.B))
			if imp == widget.MediumImportance && (spread(hovered) > 12 || spread(focused) < 48) {
				t.Errorf("variant %d: the focused button %v is not blue beside the grey hovered one %v", v, focused, hovered)
			}
			if dist < 64 {
				t.Errorf("variant %d, importance %d: focused %v and hovered %v look alike", v, imp, focused, hovered)
			}
		}
	}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
