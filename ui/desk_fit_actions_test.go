package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The desk's actions on a 1024×600 screen after a scan, in both
// languages: no button covers another (the tester saw Undo payment half
// under New walk-in, the box laid out again with the window's padding
// rather than the compact one its least size counted).
func TestDeskFitsActionsSmall(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			f := deskFitsIn(t, language)
			s := f.s
			f.scan(t, f.person(t, "").Code)
			f.e.win.Content().Refresh()
			captureDesk(t, f.e.win, "actions-"+language+"-1024x563")
			if !s.payment.undo.Visible() || !s.buttons.walkIn.Visible() {
				t.Fatal("no Undo payment or no New walk-in on the desk")
			}
			d := fyne.CurrentApp().Driver()
			var shown []*widget.Button
			for _, b := range []*widget.Button{s.buttons.checkIn, s.buttons.confirm, s.buttons.print, s.buttons.undo,
				s.buttons.edit, s.payment.pay, s.payment.undo, s.buttons.walkIn} {
				if b.Visible() {
					shown = append(shown, b)
				}
			}
			for i, a := range shown {
				pa := d.AbsolutePositionForObject(a)
				if a.Size().Height < a.MinSize().Height {
					t.Errorf("%q is %v high, less than its %v", a.Text, a.Size().Height, a.MinSize().Height)
				}
				for _, b := range shown[i+1:] {
					pb := d.AbsolutePositionForObject(b)
					if pa.X < pb.X+b.Size().Width && pb.X < pa.X+a.Size().Width &&
						pa.Y < pb.Y+b.Size().Height && pb.Y < pa.Y+a.Size().Height {
						t.Errorf("%q (y %v–%v) and %q (y %v–%v) overlap", a.Text, pa.Y, pa.Y+a.Size().Height,
							b.Text, pb.Y, pb.Y+b.Size().Height)
					}
				}
			}
			deskBottom(t, f, s.buttons.walkIn, "the walk-in button")
			deskBottom(t, f, s.counts.box, "the counters")
		})
	}
}
