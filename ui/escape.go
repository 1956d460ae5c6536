package ui

import (
	"sync"

	"fyne.io/fyne/v2"

	"congres/ui/widgets"
)

// Esc closes the dialog on top, wherever the focus is. Dialogs that wait
// for work to end (progress) are marked sticky and stay.
var sticky sync.Map // fyne.CanvasObject (an overlay) → struct{}

func init() { widgets.OnEscape = func(c fyne.Canvas) { dismissTop(c) } }

// dismissTop hides the top overlay of the canvas (a dialog, a pop-up),
// unless it is sticky. It reports whether it hid one.
func dismissTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if _, ok := sticky.Load(top); ok {
		return false
	}
	top.Hide() // a pop-up removes itself from the overlays as it hides
	if c.Overlays().Top() == top {
		c.Overlays().Remove(top)
	}
	return true
}

// markSticky keeps the canvas's top overlay (a progress dialog just shown)
// from being closed with Esc; unmarkSticky is called when it closes.
func markSticky(c fyne.Canvas) (unmark func()) {
	top := c.Overlays().Top()
	if top == nil {
		return func() {}
	}
	sticky.Store(top, struct{}{})
	return func() { sticky.Delete(top) }
}

// handleEscape closes the top dialog when Esc reaches the window itself
// (no widget has the focus).
func handleEscape(c fyne.Canvas) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			dismissTop(c)
		}
	}
}
