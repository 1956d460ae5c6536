package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// A card's fill sits in one place, bottom right, whether or not it fits
// beside the time (issue 19: "7/80" was top right on some cards).
func TestTimetableBlockFillInOnePlace(t *testing.T) {
	test.NewTempApp(t)
	for _, fill := range []string{"7/80", "≈ 43,591 / 1,500"} {
		b := newSessionBlock(data.Session{Title: "Transition écologique et emplois locaux", Start: 14 * 60, End: 15*60 + 30}, fill, false, nil, nil)
		b.Resize(fyne.NewSize(180, 96))
		r := test.WidgetRenderer(b).(*blockRenderer)
		r.Layout(b.Size())
		var f *canvas.Text = r.fill
		if !f.Visible() || f.Position().Y+f.Size().Height < 96-10 {
			t.Errorf("%q is at %v, not at the bottom of the card", fill, f.Position())
		}
	}
}
