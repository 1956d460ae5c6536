package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestWindowSizeForTheScreen (issue 19): the window opens no larger than
// the screen's work area, less a title bar; it was always 1180×700, so on
// a 1024×600 screen the desk's right-hand buttons were off screen.
func TestWindowSizeForTheScreen(t *testing.T) {
	for _, c := range []struct {
		work, want fyne.Size
	}{
		{fyne.NewSize(1024, 600), fyne.NewSize(1024, 563)},
		{fyne.NewSize(1366, 768), firstWindowSize},
		{fyne.NewSize(1366, 741), firstWindowSize}, // less a desktop's top bar
		{fyne.NewSize(1280, 720), fyne.NewSize(1180, 683)},
		{fyne.NewSize(1920, 1080), firstWindowSize},
		{fyne.NewSize(0, 0), firstWindowSize}, // unknown
	} {
		if got := windowSizeFor(c.work); got != c.want {
			t.Errorf("on %v: %v, want %v", c.work, got, c.want)
		}
	}
}
