package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// buttonFill is the colour drawn in b's left margin, half-way down, in w.
func buttonFill(w fyne.Window, b *widget.Button) color.Color {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	scale := w.Canvas().Scale()
	img := w.Canvas().Capture()
	return img.At(int((pos.X+3)*scale), int((pos.Y+b.Size().Height/2)*scale))
}

// TestSecondaryButtonsShow (the tester, session 16): on the light theme
// the buttons that are not the main one (Cancel, No, OK, Import…) were
// a #f5f5f5 fill on a white page or dialog, 1.09:1, and barely read as
// buttons. As drawn, on both themes, a secondary button's fill stands
// apart from the page and from a dialog (1.35:1 at least on the light
// theme; the dark theme's 1.17:1 on a dialog is kept, as ΔL* reads it
// there); its text reads on it at rest, under the pointer and with the
// keyboard (4.5:1: with the keyboard it was 1.83:1 on the light theme,
// 4.06:1 on the dark); and the pointer and the keyboard each change it
// visibly.
func TestSecondaryButtonsShow(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []struct {
		name    string
		v       fyne.ThemeVariant
		atLeast float64
	}{{"light", theme.VariantLight, 1.35}, {"dark", theme.VariantDark, 1.15}} {
		t.Run(v.name, func(t *testing.T) {
			a.Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			th := a.Settings().Theme()
			text := th.Color(theme.ColorNameForeground, v.v)

			// On the page.
			b := widget.NewButton("Annuler", nil)
			w := test.NewTempWindow(t, container.NewCenter(b))
			w.Resize(fyne.NewSize(300, 120))
			rest := buttonFill(w, b)
			page := th.Color(theme.ColorNameBackground, v.v)
			t.Logf("%s: the fill %v on the page %v: %.2f:1; its text %.2f:1", v.name, rest, page, contrast(rest, page), contrast(text, rest))
			if got := contrast(rest, page); got < v.atLeast {
				t.Errorf("the button's fill stands at %.2f:1 on the page, want %.2f:1", got, v.atLeast)
			}
			if got := contrast(text, rest); got < 4.5 {
				t.Errorf("the button's text at %.2f:1 on its fill", got)
			}
			b.MouseIn(&desktop.MouseEvent{})
			hovered := buttonFill(w, b)
			b.MouseOut()
			t.Logf("%s: under the pointer %v, its text %.2f:1", v.name, hovered, contrast(text, hovered))
			if got := contrast(text, hovered); got < 4.5 {
				t.Errorf("under the pointer, the button's text at %.2f:1 on its fill", got)
			}
			w.Canvas().Focus(b)
			focused := buttonFill(w, b)
			w.Canvas().Unfocus()
			t.Logf("%s: with the keyboard %v, %.2f:1 from at rest; its text %.2f:1", v.name, focused, contrast(focused, rest), contrast(text, focused))
			if got := contrast(text, focused); got < 4.5 {
				t.Errorf("with the keyboard, the button's text at %.2f:1 on its fill", got)
			}
			for what, c := range map[string]color.Color{"under the pointer": hovered, "with the keyboard": focused} {
				if d := colourDistance(c, rest); d < 16 {
					t.Errorf("%s the button %v looks like at rest %v (%d apart)", what, c, rest, d)
				}
			}

			// In a dialog: its OK button on the dialog's background.
			d := dialog.NewInformation("Import", "Done.", w)
			d.Show()
			var ok *widget.Button
			for _, o := range shownObjects(w.Canvas().Overlays().Top()) {
				if x, is := o.(*widget.Button); is && x.Text == "OK" {
					ok = x
				}
			}
			if ok == nil {
				t.Fatal("no OK button in the dialog")
			}
			fill, overlay := buttonFill(w, ok), th.Color(theme.ColorNameOverlayBackground, v.v)
			t.Logf("%s: the fill %v on a dialog %v: %.2f:1", v.name, fill, overlay, contrast(fill, overlay))
			if got := contrast(fill, overlay); got < v.atLeast {
				t.Errorf("the dialog's OK stands at %.2f:1 on the dialog, want %.2f:1", got, v.atLeast)
			}
			d.Hide()
		})
	}
}

// colourDistance is the sum of the differences of a and b's channels.
func colourDistance(a, b color.Color) int {
	x, y := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	return absInt(int(x.R)-int(y.R)) + absInt(int(x.G)-int(y.G)) + absInt(int(x.B)-int(y.B))
}

// TestFocusedButtonsRead: the other widgets whose text lies under the
// focus tint read with the keyboard too, on both themes: the main
// (primary) button's white text (2.75:1 on the dark theme under the old
// sky blue) and a drop-down's text stay at 4.5:1 on the fill as drawn,
// and that fill still stands apart from the widget at rest (1.4:1), so
// that the focus shows.
//
// Session 17: they read at rest and under the pointer too (4.5:1), and
// the focus looks unlike the pointer. The main button's white text was
// 4.47:1 at rest on fyne's blue #296ff6, and 4.08:1 under the pointer on
// the dark theme (theme_palette.go).
func TestFocusedButtonsRead(t *testing.T) {
	a := test.NewTempApp(t)
	kinds := []struct {
		name string
		text fyne.ThemeColorName
		make func() fyne.Focusable
	}{
		{"main button", theme.ColorNameForegroundOnPrimary, func() fyne.Focusable {
			b := widget.NewButton("Se connecter", nil)
			b.Importance = widget.HighImportance
			return b
		}},
		{"drop-down", theme.ColorNameForeground, func() fyne.Focusable { return widget.NewSelect([]string{"Français"}, nil) }},
	}
	for _, v := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(v.name, func(t *testing.T) {
			a.Settings().SetTheme(variantTheme{newFocusTheme(), v.v})
			for _, kind := range kinds {
				o := kind.make()
				w := test.NewTempWindow(t, container.NewCenter(o.(fyne.CanvasObject)))
				w.Resize(fyne.NewSize(300, 120))
				fill := func() color.Color { // its left margin, half-way down
					pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o.(fyne.CanvasObject))
					scale := w.Canvas().Scale()
					return w.Canvas().Capture().At(int((pos.X+3)*scale), int((pos.Y+o.(fyne.CanvasObject).Size().Height/2)*scale))
				}
				rest := fill()
				o.(desktop.Hoverable).MouseIn(&desktop.MouseEvent{})
				hovered := fill()
				o.(desktop.Hoverable).MouseOut()
				w.Canvas().Focus(o)
				focused := fill()
				text := a.Settings().Theme().Color(kind.text, v.v)
				t.Logf("%s %s: text %.2f:1 at rest on %v, %.2f:1 under the pointer on %v, %.2f:1 with the keyboard on %v; the fills %.2f:1 apart",
					v.name, kind.name, contrast(text, rest), rest, contrast(text, hovered), hovered, contrast(text, focused), focused, contrast(focused, rest))
				if got := contrast(text, rest); got < 4.5 {
					t.Errorf("the %s's text at rest at %.2f:1 on its fill %v", kind.name, got, rest)
				}
				if got := contrast(text, hovered); got < 4.5 {
					t.Errorf("the %s's text under the pointer at %.2f:1 on its fill %v", kind.name, got, hovered)
				}
				if d := colourDistance(focused, hovered); d < 16 {
					t.Errorf("the %s with the keyboard %v looks like under the pointer %v (%d apart)", kind.name, focused, hovered, d)
				}
				if got := contrast(text, focused); got < 4.5 {
					t.Errorf("the focused %s's text at %.2f:1 on its fill %v", kind.name, got, focused)
				}
				if got := contrast(focused, rest); got < 1.4 {
					t.Errorf("the focused %s %v stands at %.2f:1 from one at rest %v", kind.name, focused, got, rest)
				}
			}
		})
	}
}
