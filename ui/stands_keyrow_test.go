package ui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// rowSamples is the colour drawn at the left edge of each cell of the
// stands list shown in row, half-way down, off its text.
func rowSamples(s *standsScreen, w fyne.Window, img image.Image, row int) []color.Color {
	scale := w.Canvas().Scale()
	d := fyne.CurrentApp().Driver()
	var got []color.Color
	for _, o := range shownObjects(s.table.table) {
		if c, ok := o.(*standCell); ok && c.row == row && c.Size().Width > 0 {
			p := d.AbsolutePositionForObject(c)
			x, y := int((p.X+3)*scale), int((p.Y+c.Size().Height/2)*scale)
			if x < img.Bounds().Max.X-2 && y < img.Bounds().Max.Y-2 {
				got = append(got, img.At(x, y))
			}
		}
	}
	return got
}

// TestStandsKeyRowMarked (the tester, session 16): the stand chosen with
// ↑ ↓ in the stands list was marked only by fyne's faint box around one
// cell. On both themes, the row the keyboard is on is now drawn on the
// selection colour across the row, as a picked row of the participants'
// list is, and the others are not; it follows the keys, and goes once the
// list loses the keyboard. The line under the list says the keyboard's
// stand even when the pointer was last seen on another row.
func TestStandsKeyRowMarked(t *testing.T) {
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(v.name, func(t *testing.T) {
			s, _, e := newTestStands(t, 60)
			fyne.CurrentApp().Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			bg := theme.Color(theme.ColorNameBackground)
			picked := blend(theme.Color(theme.ColorNameSelection), bg)
			boxed := blend(theme.Color(theme.ColorNameHover), picked) // fyne's box on the cursor's cell, over the band
			var shot image.Image
			marked := func(row int) (n, of int) {
				if shot == nil { // one capture for the rows of one state
					shot = e.win.Canvas().Capture()
				}
				for _, c := range rowSamples(s, e.win, shot, row) {
					of++
					if colourDistance(c, picked) <= 6 || colourDistance(c, boxed) <= 6 {
						n++
					}
				}
				return n, of
			}
			// The pointer was on stand 1 when a dialog covered it.
			for _, o := range shownObjects(s.table.table) {
				if c, ok := o.(*standCell); ok && c.row == 0 {
					c.MouseIn(&desktop.MouseEvent{})
					break
				}
			}
			e.win.Canvas().Focus(s.table.table)
			s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			if n, of := marked(2); of < 5 || n != of {
				t.Errorf("↓ ↓: %d of the %d cells of the third row are on the selection colour %v", n, of, picked)
			}
			for _, row := range []int{0, 1, 3} {
				if n, _ := marked(row); n > 0 {
					t.Errorf("↓ ↓: row %d is marked too (%d cells)", row, n)
				}
			}
			if want := s.stands[2].Number + " · " + s.stands[2].Name; !strings.HasPrefix(s.line.Text, want) {
				t.Errorf("↓ ↓: the line says %q, want %q first", s.line.Text, want)
			}
			t.Logf("%s: the keyboard's row on %v, %.2f:1 against the list's background", v.name, picked, contrast(picked, bg))
			s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
			shot = nil
			if n, of := marked(1); of < 5 || n != of {
				t.Errorf("↑: %d of %d cells of the second row marked", n, of)
			}
			if n, _ := marked(2); n > 0 {
				t.Errorf("↑: the third row stays marked (%d cells)", n)
			}
			e.win.Canvas().Unfocus()
			shot = nil
			if n, _ := marked(1); n > 0 {
				t.Errorf("the keyboard left the list: its row stays marked (%d cells)", n)
			}
		})
	}
}
