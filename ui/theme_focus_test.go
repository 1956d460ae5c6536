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

// A button or a drop-down with the keyboard looks unlike one under the
// mouse (the tester: "the focus is a grey fill, the same as hover"):
// rendered in a window, the hovered one stays grey while the focused one is
// plainly blue, on the dark and the light theme; a main (primary) button
// with the keyboard differs from it under the mouse too.
func TestFocusedButtonDiffersFromHovered(t *testing.T) {
	a := test.NewTempApp(t)
	type hoverable interface {
		fyne.Focusable
		desktop.Hoverable
	}
	kinds := []struct {
		name string
		grey bool // its own colour is grey
		make func() hoverable
	}{
		{"button", true, func() hoverable { return widget.NewButton("Importer…", nil) }},
		{"main button", false, func() hoverable {
			b := widget.NewButton("Nouvelle inscription…", nil)
			b.Importance = widget.HighImportance
			return b
		}},
		{"drop-down", true, func() hoverable { return widget.NewSelect([]string{"Toute catégorie"}, nil) }},
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		a.Settings().SetTheme(variantTheme{newFocusTheme(), v}) // colour_ring_test.go
		for _, kind := range kinds {
			sample := func(focus bool) color.NRGBA {
				o := kind.make()
				w := test.NewTempWindow(t, container.NewCenter(o.(fyne.CanvasObject)))
				w.Resize(fyne.NewSize(300, 100))
				if focus {
					w.Canvas().Focus(o)
				} else {
					o.MouseIn(&desktop.MouseEvent{})
				}
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o.(fyne.CanvasObject))
				img := w.Canvas().Capture()
				// its left margin, beside its text, half-way down
				x := int((pos.X + 4) * w.Canvas().Scale())
				y := int((pos.Y + o.(fyne.CanvasObject).Size().Height/2) * w.Canvas().Scale())
				return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			focused, hovered := sample(true), sample(false)
			spread := func(c color.NRGBA) int {
				return int(max(c.R, c.G, c.B)) - int(min(c.R, c.G, c.B))
			}
			dist := absInt(int(focused.R)-int(hovered.R)) + absInt(int(focused.G)-int(hovered.G)) + absInt(int(focused.B)-int(hovered.B))
			if kind.grey && (spread(hovered) > 12 || spread(focused) < 48) {
				t.Errorf("variant %d: the focused %s %v is not blue beside the grey hovered one %v", v, kind.name, focused, hovered)
			}
			if dist < 64 {
				t.Errorf("variant %d: the focused %s %v and the hovered one %v look alike", v, kind.name, focused, hovered)
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
