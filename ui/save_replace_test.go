package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/ui/widgets"
)

// No or Esc on "Replace the file?" goes back to the save dialog, with the
// name as typed, the keyboard in it and its cursor where it was, so that
// another name can be typed (Esc ended the whole save). Nothing is written
// until a name is agreed; Enter on the question then replaces the file.
func TestReplaceNoGoesBackToTheName(t *testing.T) {
	_, e, s, dir := newExportsTest(t, 10)
	c := e.win.Canvas()
	path := filepath.Join(dir, "attendance-2025.xlsx")
	old := []byte("last year's workbook")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.attendance.save)
	name, ok := c.Focused().(*widgets.Entry)
	if !ok {
		t.Fatalf("the keyboard is on %T, want the file name", c.Focused())
	}
	name.SetText("attendance-2025.xlsx")
	name.CursorColumn = len("attendance-") // just before the year, to change it
	form := c.Overlays().Top()

	for _, answer := range []string{"No", "Esc"} {
		name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		assertDialogSays(t, e.win, "already exists. Replace it?")
		if answer == "No" {
			tapDialogButton(t, c, "No")
		} else if !escapeFromFocus(c) {
			t.Fatal("Esc closed nothing")
		}
		waitIdle(t, e.tasks)
		if c.Overlays().Top() != form {
			t.Fatalf("after %s on the question, the save dialog is not back", answer)
		}
		if c.Focused() != fyne.Focusable(name) || name.Text != "attendance-2025.xlsx" {
			t.Fatalf("after %s: the keyboard is on %T, the name is %q", answer, c.Focused(), name.Text)
		}
		if name.CursorRow != 0 || name.CursorColumn != len("attendance-") {
			t.Errorf("after %s the cursor is at %d,%d, want where it was, 0,%d", answer, name.CursorRow, name.CursorColumn, len("attendance-"))
		}
		if b, _ := os.ReadFile(path); string(b) != string(old) {
			t.Fatalf("after %s the file was written", answer)
		}
	}

	// Enter on the question replaces the file.
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assertDialogSays(t, e.win, "already exists. Replace it?")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, e.tasks)
	if b, _ := os.ReadFile(path); string(b) == string(old) {
		t.Fatal("Enter on the question did not replace the file")
	}
}
