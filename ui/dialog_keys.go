package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dialogKeys gives a dialog without a text field the keyboard: Enter does
// what its main button does, Esc what its Cancel does. It is invisible,
// laid over the dialog's message. A badge scanned meanwhile (characters,
// then Enter in the same run of keys, keyRun: the window may hold the
// Enter back) is no answer: its keys go on to the window (the desk checks
// the badge in), its Enter too.
type dialogKeys struct {
	widget.BaseWidget
	win      fyne.Window
	onEnter  func()
	onEscape func()
	now      func() time.Time
	keys     keyRun // the characters typed, a scan's (desk_burst.go)
}

// newDialogKeys is the keys of a dialog shown in win.
func newDialogKeys(win fyne.Window, onEnter, onEscape func()) *dialogKeys {
	k := &dialogKeys{win: win, onEnter: onEnter, onEscape: onEscape, now: time.Now}
	k.ExtendBaseWidget(k)
	return k
}

// over lays the keys over content, the dialog's message.
func (k *dialogKeys) over(content fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: stackLayout{}, Objects: []fyne.CanvasObject{content, k}}
}

// take gives the keys the keyboard, and declares their Esc as the
// dialog's Cancel (escape.go), whatever has the keyboard later: call it
// once the dialog is shown.
func (k *dialogKeys) take() {
	c := k.win.Canvas()
	if k.onEscape != nil {
		declareCancel(c, k.onEscape)
	}
	c.Focus(k)
}

func (k *dialogKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(nil))
}

func (k *dialogKeys) MinSize() fyne.Size { return fyne.Size{} }

func (k *dialogKeys) FocusGained() {}
func (k *dialogKeys) FocusLost()   {}

// TypedRune passes a character on to the window: it is a scan's.
func (k *dialogKeys) TypedRune(r rune) {
	k.keys.keyAt(k.now())
	if f := k.win.Canvas().OnTypedRune(); f != nil {
		f(r)
	}
}

func (k *dialogKeys) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.keys.burst(k.now()) {
			k.keys.forget()
			k.pass(ev) // the end of a scan
			return
		}
		if k.onEnter != nil {
			k.onEnter()
		}
	case fyne.KeyEscape:
		if k.onEscape != nil {
			k.onEscape()
		}
	case fyne.KeyTab: // ends a scan too
		k.keys.forget()
		k.pass(ev)
	}
}

func (k *dialogKeys) pass(ev *fyne.KeyEvent) {
	if f := k.win.Canvas().OnTypedKey(); f != nil {
		f(ev)
	}
}

// stackLayout lays every object over the whole space (container.NewStack,
// without its minimum of one object's padding).
type stackLayout struct{}

func (stackLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (stackLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// showInfo shows a dialog that only tells something, with content and one
// button (dismiss) that closes it; Enter and Esc close it too.
func showInfo(win fyne.Window, title, dismiss string, content fyne.CanvasObject, width float32) {
	var d dialog.Dialog
	keys := newDialogKeys(win, func() { d.Hide() }, func() { d.Hide() })
	d = dialog.NewCustom(title, dismiss, keys.over(content), win)
	d.Resize(fyne.NewSize(width, 0))
	d.Show()
	keys.take()
}

// showProblem tells what went wrong, as dialog.ShowError does, in a
// dialog that Enter and Esc close.
func showProblem(win fyne.Window, text string) {
	showNotice(win, lang.L("Error"), text)
}

// showNotice tells something in a dialog with an OK button, as
// dialog.ShowInformation does, that Enter and Esc close too.
func showNotice(win fyne.Window, title, text string) {
	var d dialog.Dialog
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	keys := newDialogKeys(win, func() { d.Hide() }, func() { d.Hide() })
	d = dialog.NewCustom(title, lang.L("OK"), keys.over(keepLastWords(msg)), win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	keys.take()
}

// showConfirm asks a question, as dialog.NewConfirm does, with confirm as
// its main button: Enter answers it (onConfirm), Esc and Cancel do nothing.
func showConfirm(win fyne.Window, title, message, confirm string, onConfirm func()) {
	c := newConfirmation(win, title, message, func(ok bool) {
		if ok {
			onConfirm()
		}
	})
	c.SetConfirmText(confirm)
	c.SetDismissText(lang.L("Cancel"))
	c.Show()
}

// confirmation is fyne's confirmation dialog (dialog.NewConfirm: a
// question, No and Yes) with its keys declared, not guessed: Enter does
// what its confirm button does, Esc what its dismiss button does (the
// callback answers false), as everywhere in the app (dialogKeys). That
// holds for a dangerous question too (delete, restore, clear): the
// dialog is itself the second step, Esc and No are as near as Enter,
// and a scan's Enter never answers it (dialogKeys).
type confirmation struct {
	*dialog.ConfirmDialog
	win  fyne.Window
	keys *dialogKeys
	msg  *widget.Label
}

// newConfirmation is dialog.NewConfirm with the keys declared; callback
// has the answer. Call Show, not the dialog's own, to give it the keys.
func newConfirmation(win fyne.Window, title, message string, callback func(bool)) *confirmation {
	c := &confirmation{win: win, msg: widget.NewLabel(message)}
	c.msg.Wrapping = fyne.TextWrapWord
	c.msg.Alignment = fyne.TextAlignCenter
	c.keys = newDialogKeys(win, func() { c.Confirm() }, func() { c.Dismiss() })
	c.ConfirmDialog = dialog.NewCustomConfirm(title, lang.L("Yes"), lang.L("No"), c.keys.over(keepLastWords(c.msg)), callback, win)
	return c
}

// Show shows the dialog as wide as its message needs, up to 520 and
// nine tenths of the window, and gives it the keys.
func (c *confirmation) Show() {
	// unwrapped, with the dialog's sides (fyne's padWidth, 32, and two paddings)
	w := widget.NewLabel(c.msg.Text).MinSize().Width + 32 + 2*theme.Padding()
	w = min(w, 520, c.win.Canvas().Size().Width*0.9)
	c.Resize(fyne.NewSize(w, 0))
	c.ConfirmDialog.Show()
	c.keys.take()
}

// askConfirm is dialog.ShowConfirm with its keys declared (confirmation).
func askConfirm(win fyne.Window, title, message string, callback func(bool)) {
	newConfirmation(win, title, message, callback).Show()
}
