package ui

import "fyne.io/fyne/v2"

// firstWindowSize is the window's size when it opens: its menu bar and
// pages, with the title bar (about 37 px) and a desktop's top bar (about
// 27 px), within a 1366×768 screen (issue 19). It was 1180×760, taller
// than such a screen leaves. Every page fits it (window_fit_test.go), and
// one that would not scrolls in it rather than enlarge it (nav.go). On a
// smaller screen the window opens smaller (windowSizeFor).
var firstWindowSize = fyne.NewSize(1180, 700)

// titleBar is the room a window manager's title bar takes above the
// window, outside its size.
const titleBar = 37

// windowSizeFor is the window's first size on a screen whose work area
// (the screen less its panels, docks and task bars) is work, in fyne's
// units: firstWindowSize, or less where the work area is smaller, so
// that nothing opens off screen (a desk on a 1024×600 netbook: its Check
// in and Lock buttons were off its right edge). An unknown work area
// (zero) leaves firstWindowSize.
func windowSizeFor(work fyne.Size) fyne.Size {
	size := firstWindowSize
	if work.Width > 0 && work.Width < size.Width {
		size.Width = work.Width
	}
	if work.Height > 0 && work.Height-titleBar < size.Height {
		size.Height = work.Height - titleBar
	}
	return size
}

// fitToScreen makes the window no larger than the screen it opens on. Main
// thread, once the window is shown (the app's OnStarted), when its scale
// is known.
func fitToScreen(win fyne.Window) {
	w, h, ok := screenWorkArea()
	if !ok {
		return
	}
	scale := win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	work := fyne.NewSize(float32(w)/scale, float32(h)/scale)
	if size := windowSizeFor(work); size != win.Canvas().Size() && (size.Width < firstWindowSize.Width || size.Height < firstWindowSize.Height) {
		win.Resize(size)
	}
}
