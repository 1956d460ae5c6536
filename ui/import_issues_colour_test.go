package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"congres/data"
)

// TestImportWarningsRead (issue 19): in the import's dialogs, a warning
// and a rejected row read at 4.5:1 on the dialog, on the app's light and
// dark themes (the tester measured 2.2:1 for the orange warnings on the
// light theme), and still look like a warning (orange: more red than
// green, more green than blue) and a rejection (red).
func TestImportWarningsRead(t *testing.T) {
	test.NewTempApp(t)
	issues := []data.ImportIssue{
		{Line: 4, Column: "Email", Err: data.ErrEmailInvalid, Warning: true},
		{Line: 7, Column: "Nom", Err: data.ErrRequired},
	}
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"Light", theme.VariantLight}, {"Dark", theme.VariantDark}} {
		t.Run(v.name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			dialogBg := theme.Color(theme.ColorNameOverlayBackground)
			list := doneIssues(issues, 640, 600)
			w := test.NewTempWindow(t, list)
			w.Resize(fyne.NewSize(640, 400))
			var colours []color.Color
			for _, o := range shownObjects(list) {
				text, ok := o.(*canvas.Text)
				if !ok || text.Text == "" || text.TextStyle.Bold { // the title
					continue
				}
				colours = append(colours, text.Color)
				if c := contrast(text.Color, dialogBg); c < 4.5 {
					t.Errorf("%q at %.2f:1 on the dialog, want 4.5:1", text.Text, c)
				}
			}
			if len(colours) != 2 {
				t.Fatalf("%d lines of reasons, want 2", len(colours))
			}
			warning, rejected := rgb(colours[0]), rgb(colours[1])
			if !(warning[0] > warning[1] && warning[1] > warning[2]) {
				t.Errorf("the warning's colour %v is not orange", colours[0])
			}
			if !(rejected[0] > 2*rejected[1] && rejected[0] > 2*rejected[2]) {
				t.Errorf("the rejection's colour %v is not red", colours[1])
			}
		})
	}
}

func rgb(c color.Color) [3]uint32 {
	r, g, b, _ := c.RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}
