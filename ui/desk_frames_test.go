package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestProgressDialogStopsItsBar: once the dialog that waits for a file to
// open is closed, its infinite bar no longer runs. Its animation went on
// after the dialog closed, and redrew the whole window 60 times a second
// for as long as the app ran: a processor's core in software GL (Xvfb), on
// which every key and every card of the desk waited.
func TestProgressDialogStopsItsBar(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	bar := widget.NewProgressBarInfinite()
	d := progressDialog(win, "Opening…", nil, bar)
	if !bar.Running() {
		t.Fatal("the bar does not run while the dialog is open")
	}
	d.Hide()
	if bar.Running() {
		t.Error("the bar still runs once its dialog is closed")
	}
}
