package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// buttonKeys lets Enter press the button that has the keyboard in a
// dialog (Tab took it there), as Space does: fyne's buttons take Space
// only. Enter on a dialog's Cancel cancels, on its No answers no, whatever
// the dialog's Enter does while no button has the keyboard (dialogKeys, a
// form's Submit). A badge scanned meanwhile (characters, then Enter in the
// same burst, scanGap) presses nothing: a button takes no text, so its
// characters and its Enter go on to the window (the desk checks the badge
// in), as from a dialog's keys.
//
// Space on a button presses it (fyne), and the space it types is dropped:
// it went into the field that the button's dialog gave the keyboard to
// ("Keep editing" typed a space into the form's field).
//
// The window calls it before the focused widget has the key (catchEscape).
type buttonKeys struct {
	canvas   fyne.Canvas
	last     time.Time // when the last character came while a dialog's button had the keyboard
	spaceTap bool      // Space was pressed on a button: the space it types is no text
}

func newButtonKeys(c fyne.Canvas) *buttonKeys { return &buttonKeys{canvas: c} }

// focusedButton is the button that has the keyboard in the dialog (or
// pop-up) on top, or nil.
func (k *buttonKeys) focusedButton() *widget.Button {
	if k.canvas.Overlays().Top() == nil {
		return nil
	}
	b, ok := k.canvas.Focused().(*widget.Button)
	if !ok || !usable(b) {
		return nil
	}
	return b
}

// typedSpace is Space pressed, before fyne has it: on a button (anywhere
// in the window), the space it types next is dropped.
func (k *buttonKeys) typedSpace() {
	b, ok := k.canvas.Focused().(*widget.Button)
	k.spaceTap = ok && usable(b)
}

// typedRune is a character typed at now. While a dialog's button has the
// keyboard it is a scan's: it goes on to the window, and it reports true.
// The space of a Space that pressed a button is taken too, and dropped.
func (k *buttonKeys) typedRune(r rune, now time.Time) bool {
	if tapped := k.spaceTap; tapped {
		k.spaceTap = false
		if r == ' ' {
			return true
		}
	}
	if r == ' ' || k.focusedButton() == nil {
		k.last = time.Time{}
		return false
	}
	k.last = now
	if f := k.canvas.OnTypedRune(); f != nil {
		f(r)
	}
	return true
}

// typedEnter is Enter typed at now. On a dialog's button it presses that
// button, unless it ends a scan: that Enter goes on to the window. It
// reports whether it took the key; else the focused widget has it.
func (k *buttonKeys) typedEnter(ev *fyne.KeyEvent, now time.Time) bool {
	b := k.focusedButton()
	scanned := !k.last.IsZero() && now.Sub(k.last) < scanGap
	k.last = time.Time{}
	switch {
	case b == nil:
		return false
	case scanned:
		if f := k.canvas.OnTypedKey(); f != nil {
			f(ev)
		}
	default:
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // what Space does: tap it
	}
	return true
}
