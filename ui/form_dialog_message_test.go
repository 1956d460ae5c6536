package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// A small form's message that wraps over several lines makes the dialog
// taller, so that the fields under it stay in view without scrolling; and
// the message goes as soon as its field is edited (a tester saw a long
// room name's "already exists" push Location under the buttons, and stay
// once the name was free).
func TestFormDialogGrowsWithItsMessageAndClearsIt(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	rs := s.rooms
	rs.onAddTapped()
	f := rs.form
	// A long name, already taken: the message quoting it wraps.
	long := strings.Repeat("Salle des fêtes de la mairie annexe ", 3)
	if err := st.SaveRoom(t.Context(), &data.Room{Name: long, Capacity: 30}); err != nil {
		t.Fatal(err)
	}
	test.Type(f.name, long)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	if got := f.errs.text("name"); !strings.Contains(got, "already exists") {
		t.Fatalf("under the name: %q", got)
	}
	relayoutAll(e.win.Canvas().Overlays().Top())
	d := f.dialog
	if need, has := d.body.MinSize().Height, d.scroll.Size().Height; has+0.5 < need {
		t.Errorf("the form needs %.0f px and the dialog shows %.0f: Location is scrolled out of view", need, has)
	}
	test.Type(f.name, " bis")
	if got := f.errs.text("name"); got != "" {
		t.Errorf("the name was edited and its message stays: %q", got)
	}
}
