package ui

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// Esc closes the dialog on top, wherever the focus is, as its Cancel
// does. A dialog declares its Cancel where it is built (declareCancel:
// dialogKeys, formDialog, the import dialog); a progress dialog declares
// none and stays (markSticky). fyne's own dialogs (dialog.NewConfirm,
// NewForm, ShowInformation…) are known by their layout: their dismiss
// button comes first in their row of buttons.
var cancels sync.Map // fyne.CanvasObject (an overlay) → declared

// declared is what Esc does on a dialog: cancel, or nothing when nil.
type declared struct {
	canvas fyne.Canvas
	cancel func()
}

func init() { widgets.OnEscape = func(c fyne.Canvas) { dismissTop(c) } }

// escapeFromFocus is Esc pressed in the window, wherever the focus is
// (the window takes it before the focused widget: see catchEscape). An
// open drop-down's menu, or a pop-up list that has the keyboard (the
// desk's choosers), closes itself, and only itself; anything else closes
// the dialog on top. It reports whether Esc was used.
func escapeFromFocus(c fyne.Canvas) bool {
	focused := c.Focused()
	if _, ok := focused.(*widget.PopUpMenu); ok {
		return false
	}
	if pop, ok := c.Overlays().Top().(*widget.PopUp); ok && isContent(pop, focused) {
		return false
	}
	return dismissTop(c)
}

// isContent reports whether f is what the pop-up shows.
func isContent(pop *widget.PopUp, f fyne.Focusable) bool {
	o, ok := f.(fyne.CanvasObject)
	return ok && pop.Content == o
}

// dismissTop closes the top overlay of the canvas (a dialog, a pop-up):
// it does what the dialog declared as its Cancel, or taps the Cancel it
// finds in an undeclared one, so that Esc does what Cancel does (its
// callback, its OnClosed), and hides the overlay otherwise. A dialog that
// declared no Cancel (a progress) stays. It reports whether it closed one.
func dismissTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if d, ok := cancels.Load(top); ok {
		cancel := d.(declared).cancel
		if cancel == nil {
			return false
		}
		cancel()
	} else if b := dialogCancel(top); b != nil {
		b.OnTapped()
	}
	if c.Overlays().Top() != top {
		return true
	}
	top.Hide() // a pop-up removes itself from the overlays as it hides
	if c.Overlays().Top() == top {
		c.Overlays().Remove(top)
	}
	return true
}

// declareCancel records cancel as what Esc does on the canvas's top
// overlay, the dialog just shown; nil keeps it open (a progress). forget
// undoes it, when the dialog closes; declarations of dialogs no longer
// shown are forgotten too, as the next one is made.
func declareCancel(c fyne.Canvas, cancel func()) (forget func()) {
	top := c.Overlays().Top()
	if top == nil {
		return func() {}
	}
	shown := c.Overlays().List()
	cancels.Range(func(k, v any) bool {
		if v.(declared).canvas == c && !slices.Contains(shown, k.(fyne.CanvasObject)) {
			cancels.Delete(k)
		}
		return true
	})
	cancels.Store(top, declared{canvas: c, cancel: cancel})
	return func() { cancels.Delete(top) }
}

// dialogCancel is the button that cancels the undeclared dialog shown in
// the overlay top, or nil. fyne lays a dialog out as a pop-up of five objects, the
// fourth being its row of buttons; Cancel (or Close) is the first button
// there that is neither the main one nor a dangerous one. A dialog
// without such a row has its Cancel among its content.
func dialogCancel(top fyne.CanvasObject) *widget.Button {
	pop, ok := top.(*widget.PopUp)
	if !ok {
		return nil
	}
	box, ok := pop.Content.(*fyne.Container)
	if !ok || len(box.Objects) != 5 {
		return nil
	}
	if row, ok := box.Objects[3].(*fyne.Container); ok {
		for _, o := range row.Objects {
			if b, ok := o.(*widget.Button); ok && usable(b) && b.Importance <= widget.MediumImportance {
				return b
			}
		}
	}
	names := map[string]bool{lang.L("Cancel"): true, lang.L("Cancel (Esc)"): true, lang.L("Close"): true}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *widget.Button:
			if found == nil && usable(t) && names[t.Text] {
				found = t
			}
		case *fyne.Container:
			for _, child := range t.Objects {
				if child.Visible() {
					walk(child)
				}
			}
		case *container.Scroll:
			walk(t.Content)
		}
	}
	walk(box.Objects[2])
	return found
}

func usable(b *widget.Button) bool { return b.Visible() && !b.Disabled() && b.OnTapped != nil }

// markSticky keeps the canvas's top overlay (a progress dialog just shown)
// from being closed with Esc; unmark is called when it closes.
func markSticky(c fyne.Canvas) (unmark func()) { return declareCancel(c, nil) }

// handleEscape closes the top dialog when Esc reaches the window itself
// (no widget has the focus).
func handleEscape(c fyne.Canvas) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			dismissTop(c)
		}
	}
}
