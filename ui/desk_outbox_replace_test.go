package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/ui/widgets"
)

// TestDeskWaitingCheckinsReplaceNoGoesBack: saving the waiting check-ins
// over a file that is there asks first; No (or Esc) goes back to the save
// dialog with the name as typed, and writes nothing (it ended the save).
func TestDeskWaitingCheckinsReplaceNoGoesBack(t *testing.T) {
	f, px, _, _ := newServerDesk(t, true)
	waitReplica(t, f.s.store.(*offlineDesk))
	folder := t.TempDir()
	f.prefs.SetString(prefExportFolder, folder)
	path := filepath.Join(folder, "desk"+data.OutboxExtension)
	if err := os.WriteFile(path, []byte("an older file"), 0o644); err != nil {
		t.Fatal(err)
	}
	who := f.person(t, "")
	px.Cut()
	f.scan(t, who.Code)
	waitFor(t, "the offline line", f.e.tasks, func() bool {
		return f.s.saveHeld.Visible() && strings.Contains(f.s.offline.Text, "1 check-in waiting")
	})
	c := f.e.win.Canvas()
	test.Tap(f.s.saveHeld)
	form := c.Overlays().Top()
	var name *widgets.Entry
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*widgets.Entry); ok && strings.HasSuffix(e.Text, data.OutboxExtension) {
			name = e
		}
	}
	if name == nil {
		t.Fatal("no file name in the save dialog")
	}
	name.SetText("desk" + data.OutboxExtension)
	c.Focus(name)
	name.CursorColumn = len("desk")
	for _, answer := range []string{"No", "Esc"} {
		test.Tap(overlayButton(t, f.e.win, "Save"))
		assertDialogSays(t, f.e.win, "already exists. Replace it?")
		if answer == "No" {
			test.Tap(overlayButton(t, f.e.win, "No"))
		} else if !escapeFromFocus(c) {
			t.Fatal("Esc closed nothing")
		}
		if c.Overlays().Top() != form || c.Focused() != fyne.Focusable(name) {
			t.Fatalf("after %s: the save dialog is not back with the name (keyboard on %T)", answer, c.Focused())
		}
		if name.Text != "desk"+data.OutboxExtension || name.CursorColumn != len("desk") {
			t.Errorf("after %s the name is %q, the cursor at %d", answer, name.Text, name.CursorColumn)
		}
		if b, _ := os.ReadFile(path); string(b) != "an older file" {
			t.Fatalf("after %s the file was written", answer)
		}
	}
}
