package ui

import (
	"fmt"
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestDashboardReadsOnBothThemes (issue 19): every number and word of the
// dashboard reads on what it is drawn on, on the app's light and dark
// themes: 4.5:1, or 3:1 for large text (WCAG AA: 24 px, or 18.7 px bold).
// The tiles' numbers are in their state's colour on a tint of it; on the
// light theme "Confirmed" was 1.4:1 and "Pending" 1.9:1.
func TestDashboardReadsOnBothThemes(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 200))
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"Light", theme.VariantLight}, {"Dark", theme.VariantDark}} {
		t.Run(v.name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			e := newTestEnv(t)
			s := newDashboardScreen(e, st)
			e.win.SetContent(s.build())
			e.win.Resize(fyne.NewSize(1146, 768))
			s.loadAsync()
			waitIdle(t, e.tasks)
			bg := theme.Color(theme.ColorNameBackground)

			var inTiles []fyne.CanvasObject
			for i, tile := range s.cards {
				box := tile.box.(*fyne.Container)
				under := blend(box.Objects[0].(*canvas.Rectangle).FillColor, bg)
				objs := shownObjects(box)
				inTiles = append(inTiles, objs...)
				n := checkTexts(t, fmt.Sprintf("tile %d", i), objs, under)
				if n < 2 {
					t.Errorf("tile %d: %d texts, want its number and its caption", i, n)
				}
			}
			var rest []fyne.CanvasObject
			for _, o := range shownObjects(s.scroll) {
				if !slices.Contains(inTiles, o) {
					rest = append(rest, o)
				}
			}
			if n := checkTexts(t, "dashboard", rest, bg); n < 20 {
				t.Errorf("only %d texts outside the tiles", n)
			}
		})
	}
}

// checkTexts checks the contrast of each text of objs on under, and
// returns how many there were.
func checkTexts(t *testing.T, where string, objs []fyne.CanvasObject, under color.Color) int {
	t.Helper()
	n := 0
	for _, o := range objs {
		text, ok := o.(*canvas.Text)
		if !ok || text.Text == "" {
			continue
		}
		n++
		size := text.TextSize
		if size == 0 {
			size = theme.TextSize()
		}
		least := 4.5
		if size >= 24 || text.TextStyle.Bold && size >= 18.66 {
			least = 3
		}
		if c := contrast(text.Color, under); c < least {
			t.Errorf("%s: %q (%.0f px) at %.2f:1, want %.1f:1", where, text.Text, size, c, least)
		}
	}
	return n
}
