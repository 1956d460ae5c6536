package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestEmptyTickBoxShows (issue 19): the participants list's tick box,
// unticked, shows on the light and the dark theme: its border, as drawn,
// stands at 3:1 against the list's background (WCAG's non-text contrast).
// The tester found them faint: fyne's border was 1.3:1 on white.
func TestEmptyTickBoxShows(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"Light", theme.VariantLight}, {"Dark", theme.VariantDark}} {
		t.Run(v.name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			cell := newRowCell(nil)
			cell.setCheck(false, false)
			w := test.NewTempWindow(t, cell)
			w.Resize(fyne.NewSize(60, 44))
			bg := theme.Color(theme.ColorNameBackground)
			img := w.Canvas().Capture()
			best := 1.0
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					best = max(best, contrast(img.At(x, y), bg))
				}
			}
			t.Logf("the empty box's border: %.2f:1 on the background", best)
			if best < 3 {
				t.Errorf("the empty box's border is at %.2f:1 on the background at most, want 3:1", best)
			}
		})
	}
}
