package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// followFocus scrolls the form to each field as it gets the keyboard (Tab
// from Accessibility to the photo consent and the notes, which are below
// the part in view at 1366×768), and remembers it.
func (f *participantForm) followFocus() {
	follow := func(o interface {
		fyne.CanvasObject
		fyne.Focusable
	}) func() {
		return func() {
			f.lastFocus = o
			scrollToShow(f.scroll, o)
		}
	}
	for _, e := range f.entries() {
		e.OnFocused = follow(e)
	}
	f.category.OnFocused, f.status.OnFocused = follow(f.category), follow(f.status)
	f.paid.OnFocused, f.consent.OnFocused = follow(f.paid), follow(f.consent)
}

// scrollToShow scrolls s, if need be, so that o (in its content) is in
// view with the line above it (a field's title).
func scrollToShow(s *container.Scroll, o fyne.CanvasObject) {
	if s == nil || s.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	above := theme.TextSize() + 4*theme.Padding() // the field's title
	top, bottom := max(0, y-above), y+o.Size().Height+theme.Padding()
	view := s.Size().Height
	switch {
	case top < s.Offset.Y:
		s.Offset.Y = top
	case bottom > s.Offset.Y+view:
		s.Offset.Y = min(bottom-view, max(0, s.Content.Size().Height-view))
	default:
		return
	}
	s.Refresh()
}

// snapshot is what the form's fields hold, to tell whether anything was
// changed since it opened.
func (f *participantForm) snapshot() string {
	var b strings.Builder
	for _, e := range f.entries() {
		fmt.Fprintf(&b, "%q,", e.Text)
	}
	fmt.Fprintf(&b, "%d,%d,%t,%t,%q", f.category.SelectedIndex(), f.status.SelectedIndex(),
		f.paid.Checked, f.consent.Checked, f.dayChecks.Selected)
	return b.String()
}

// askDiscard asks, when the form was closed with Cancel or Esc after an
// edit, whether to lose it: Enter and Esc go back to the form (where the
// keyboard was), Discard closes it.
func (f *participantForm) askDiscard() {
	f.asking = askDiscardChanges(f.s.env.win, func() { f.reopen(f.lastFocus) }, nil) // the desk closes it with the form (closeForDesk)
}

// askDiscardChanges shows "Discard the changes?" over a form closed after
// an edit, and returns it: Keep editing (its button, Enter or Esc) calls
// back, Discard calls discard (nil: nothing more). The keyboard's Keep
// editing hides the question without its "no" counting as Discard (fyne
// answers false to a dialog hidden).
func askDiscardChanges(win fyne.Window, back, discard func()) *dialog.ConfirmDialog {
	var d *dialog.ConfirmDialog
	kept := false
	keep := func() {
		kept = true
		d.Hide()
		back()
	}
	keys := newDialogKeys(win, keep, keep)
	msg := widget.NewLabel(lang.L("What was typed in this form will be lost."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	d = dialog.NewCustomConfirm(lang.L("Discard the changes?"), lang.L("Keep editing"), lang.L("Discard"),
		keys.over(msg), func(keepEditing bool) {
			switch {
			case kept:
			case keepEditing:
				back()
			case discard != nil:
				discard()
			}
		}, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	keys.take()
	return d
}
