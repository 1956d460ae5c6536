// Package widgets holds the small reusable widgets of Congrès's screens.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text entry on which Esc closes the dialog it is in, as it does
// everywhere else in the window (fyne's own entry keeps Esc to itself).
type Entry struct {
	widget.Entry
	// OnFocused, when set, is called each time the entry gets the keyboard
	// (a form scrolls it into view).
	OnFocused func()
}

// NewEntry returns a single-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns an entry for several lines of text.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained tells OnFocused.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocused != nil {
		e.OnFocused()
	}
}

// AcceptsTab is false even for several lines: Tab goes on to the next
// field, as in the rest of the form, instead of typing a tab.
func (e *Entry) AcceptsTab() bool { return false }

// TypedKey hands Esc to the window's handler, which closes the top dialog.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && OnEscape != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			OnEscape(c)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut submits a multi-line entry with Ctrl+Enter (Enter starts a
// new line there), when it has an OnSubmitted.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && e.MultiLine && e.OnSubmitted != nil &&
		(c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) && c.Modifier == fyne.KeyModifierShortcutDefault {
		e.OnSubmitted(e.Text)
		return
	}
	e.Entry.TypedShortcut(s)
}

// OnEscape is called when Esc is pressed in an Entry; the window sets it.
var OnEscape func(c fyne.Canvas)
