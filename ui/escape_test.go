package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

func TestEscapeClosesTheTopDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(600, 400))
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	c := w.Canvas()
	c.SetOnTypedKey(handleEscape(c))

	t.Run("FromAnEntry", func(t *testing.T) {
		entry := widgets.NewEntry()
		closed, saved := false, false
		d := dialog.NewCustomConfirm("Edit", "Save", "Cancel", entry, func(ok bool) { closed, saved = true, ok }, w)
		d.Show()
		c.Focus(entry)
		test.Type(entry, "abc")
		entry.TypedKey(esc)
		if c.Overlays().Top() != nil {
			t.Fatal("the dialog is still open")
		}
		if entry.Text != "abc" || !closed || saved { // as Cancel does
			t.Fatalf("text %q, callback run %v, saved %v", entry.Text, closed, saved)
		}
	})
	t.Run("FromTheWindow", func(t *testing.T) {
		dialog.ShowInformation("Info", "Hello", w)
		c.Unfocus()
		c.OnTypedKey()(esc)
		if c.Overlays().Top() != nil {
			t.Fatal("the dialog is still open")
		}
	})
	t.Run("ProgressStays", func(t *testing.T) {
		d := dialog.NewCustomWithoutButtons("Working", widget.NewProgressBarInfinite(), w)
		d.Show()
		d.SetOnClosed(markSticky(c))
		c.OnTypedKey()(esc)
		if c.Overlays().Top() == nil {
			t.Fatal("Esc closed a progress dialog")
		}
		d.Hide()
		if c.Overlays().Top() != nil {
			t.Fatal("the progress dialog did not close")
		}
	})
	t.Run("OnlyTheTop", func(t *testing.T) {
		dialog.ShowInformation("Below", "1", w)
		dialog.ShowInformation("Above", "2", w)
		c.OnTypedKey()(esc)
		if len(c.Overlays().List()) != 1 {
			t.Fatalf("%d overlays left, want 1", len(c.Overlays().List()))
		}
		c.OnTypedKey()(esc)
	})
}

func TestProgressCancel(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(600, 400))
	cancelled := 0
	d := showProgress(u.win, "Working", func() { cancelled++ })
	c := u.win.Canvas()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() == nil || cancelled != 0 {
		t.Fatal("Esc closed a progress dialog")
	}
	tapDialogButton(t, c, "Cancel")
	if c.Overlays().Top() != nil || cancelled != 1 {
		t.Fatalf("after Cancel: dialog open %v, cancelled %d times", c.Overlays().Top() != nil, cancelled)
	}
	d.Hide() // the work ends afterwards: nothing breaks
}

func TestShortcutsReachParticipants(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 30))
	waitIdle(t, &u.tasks)
	c := u.win.Canvas()
	shortcuts, ok := c.(fyne.Shortcutable)
	if !ok {
		t.Fatal("the canvas takes no shortcuts")
	}
	shortcuts.TypedShortcut(shortcutFind)
	waitIdle(t, &u.tasks)
	p := u.view.pages[participantsPage].screen.(*participantsScreen)
	if u.view.current != participantsPage || c.Focused() != p.search {
		t.Fatalf("Ctrl+F: page %d, focus %T", u.view.current, c.Focused())
	}
	u.view.show(dashboardPage)
	shortcuts.TypedShortcut(shortcutNewParticipant)
	waitIdle(t, &u.tasks)
	if u.view.current != participantsPage || c.Overlays().Top() == nil {
		t.Fatal("Ctrl+N did not open a new participant's form")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc did not close the form")
	}
}

// Esc does what a dialog declared as its Cancel (here through its
// dialogKeys), even where the first plain button of its row is another
// one, which the layout's guess (dialogCancel) would have tapped: Esc
// saved the rejected rows rather than closing.
func TestEscapeDoesTheDeclaredCancel(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	saved, closed := 0, 0
	var d *dialog.CustomDialog
	keys := newDialogKeys(w, nil, func() {
		closed++
		d.Hide()
	})
	save := widget.NewButton("Save the rejected rows…", func() { saved++ })
	d = dialog.NewCustomWithoutButtons("Import finished", keys.over(widget.NewLabel("2 rows left out.")), w)
	d.SetButtons([]fyne.CanvasObject{save, widget.NewButton("Close", func() {
		closed++
		d.Hide()
	})})
	d.Show()
	keys.take()
	c.Focus(save) // Esc comes from wherever the focus is
	if !escapeFromFocus(c) || c.Overlays().Top() != nil || closed != 1 || saved != 0 {
		t.Fatalf("after Esc: open %v, closed %d, saved %d", c.Overlays().Top() != nil, closed, saved)
	}
}
