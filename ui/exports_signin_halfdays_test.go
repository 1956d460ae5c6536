package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSignInHalfDays: a day's sheet is signed in two columns, or, chosen
// so, on one sheet per half-day; the choice is offered for a day's sheet
// only.
func TestSignInHalfDays(t *testing.T) {
	_, e, s, dir := newExportsTest(t, 40)
	si := s.signIn
	if !si.halves.Disabled() {
		t.Error("the half-days are offered for a session's sheet")
	}
	si.which.SetSelected(si.which.Options[signInDay])
	if si.halves.Disabled() || si.save.Disabled() {
		t.Fatal("a day's sheet: the half-days are not offered, or Save PDF… is disabled")
	}
	// The demo's congress prints in French, the window's English whatever.
	text := flatText(t, saveAs(t, e, si.save, dir, "sign-in.pdf"))
	if !strings.Contains(text, "Présents le matin") {
		t.Errorf("columns: %.800s", text)
	}
	si.halves.SetSelected(si.halves.Options[1])
	test.Tap(si.save)
	tapDialogButton(t, e.win.Canvas(), "Save")
	tapDialogButton(t, e.win.Canvas(), "Yes") // replace sign-in.pdf
	waitIdle(t, e.tasks)
	b, err := os.ReadFile(filepath.Join(dir, "sign-in.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text = flatText(t, b)
	m, a := strings.Index(text, "— matin"), strings.Index(text, "— après-midi")
	if m < 0 || a < m || strings.Contains(text, "Présents le matin") {
		t.Errorf("one sheet per half-day: %.800s", text)
	}
}
