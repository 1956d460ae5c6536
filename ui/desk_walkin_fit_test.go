package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The walk-in form with every message it can show at once fits a 1024×600
// screen's window, in both languages.
func TestWalkInFitsSmall(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			f := deskFitsIn(t, language)
			form := f.openEmptyWalkIn(t)
			test.Type(form.email, "jeanne@")
			form.fee.SetText("quarante")
			test.Tap(form.submit)
			waitIdle(t, f.e.tasks)
			f.e.win.Content().Refresh()
			captureDesk(t, f.e.win, "walkin-errors-"+language+"-1024x563")
			for _, name := range []string{"first_name", "last_name", "fee", "email"} {
				if !form.errs[name].Visible() {
					t.Errorf("no message under %s", name)
				}
			}
			d := fyne.CurrentApp().Driver()
			room := deskSmallWindow.Height - deskMenuBar
			for _, o := range []fyne.CanvasObject{form.submit, form.errs["email"]} {
				if bottom := d.AbsolutePositionForObject(o).Y + o.Size().Height; bottom > room {
					t.Errorf("%T ends at y=%v, below the window's %v", o, bottom, room)
				}
			}
		})
	}
}
