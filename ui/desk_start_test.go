package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"congres/data/stores"
)

// congres desk FILE: the desk's scan field has the keyboard as soon as the
// desk is shown, its focus asked once the desk is in the window (fyne
// logged "Failed to focus object which is not part of the canvas" at each
// start, the desk shown before the window's content was set).
func TestDeskStartFocusesTheScanField(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 20)
	ctx := context.Background()
	st, err := stores.OpenOrView(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.Congress(ctx)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	u.deskFile = path
	u.show(st, c) // as switchAsync does, once the file is open
	if u.view == nil || u.view.current != deskPage {
		t.Fatal("the desk is not shown")
	}
	desk := u.view.pages[deskPage].screen.(*deskScreen)
	if got := u.win.Canvas().Focused(); got != fyne.Focusable(desk.entry) {
		t.Errorf("the desk shown, the keyboard is on %T, not its scan field", got)
	}
	waitIdle(t, &u.tasks)
}
