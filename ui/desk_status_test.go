package ui

import (
	"strings"
	"testing"
	"time"
)

// TestDeskDoorUndoNoteGoes: the note of an undo under the search field
// goes once the next scan's result is in the banner, and when the desk
// switches to another door (or day, or the rehearsal).
func TestDeskDoorUndoNoteGoes(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	who := f.person(t, "")
	undo := func() {
		t.Helper()
		s.onUndoTapped()
		waitIdle(t, f.e.tasks)
		if !s.status.Visible() || !strings.Contains(s.status.Text, "was undone") {
			t.Fatalf("after the undo the status reads %q (shown %v)", s.status.Text, s.status.Visible())
		}
	}
	f.scan(t, who.Code)
	undo()
	s.scans.lastAt = time.Time{} // a scan of its own
	s.onScanned(who.Code)        // as a dialog hands it over: nothing typed in the field
	waitIdle(t, f.e.tasks)
	if !strings.Contains(s.card.result.Text, "checked in") {
		t.Fatalf("the banner reads %q", s.card.result.Text)
	}
	if s.status.Visible() || s.status.Text != "" {
		t.Errorf("the undo's note stays under the new result: %q", s.status.Text)
	}
	undo()
	if len(s.door.Options) < 2 {
		t.Fatalf("no door to switch to: %q", s.door.Options)
	}
	s.door.SetSelectedIndex(1)
	if s.session == 0 {
		t.Fatal("the desk is not at a door")
	}
	if s.status.Visible() || s.status.Text != "" {
		t.Errorf("the undo's note stays at the door: %q", s.status.Text)
	}
}

// TestDeskDoorDayLine: at a session's door, the line under the desk's
// title speaks of entries into this session, not of arrivals: during the
// rehearsal, and for real on a day that is not today.
func TestDeskDoorDayLine(t *testing.T) {
	f, _ := newPrintingDeskAt(t, deskEvening, true)
	s := f.s
	if !s.rehearsal || len(s.door.Options) < 2 {
		t.Fatalf("rehearsal %v, doors %q", s.rehearsal, s.door.Options)
	}
	s.door.SetSelectedIndex(1)
	waitIdle(t, f.e.tasks)
	if note := s.dayView.note.Text; !strings.Contains(note, "entries into this session") || strings.Contains(note, "arrivals") {
		t.Errorf("at the door, rehearsing, the line reads %q", note)
	}
	s.setRehearsal(false) // as "Record real arrivals" confirmed does
	s.selectDay(s.dayIndex)
	waitIdle(t, f.e.tasks)
	if s.session == 0 {
		t.Fatal("the desk left the door")
	}
	if note := s.dayView.note.Text; !strings.Contains(note, "real entries into this session") || strings.Contains(note, "arrivals") {
		t.Errorf("at the door, for real, the line reads %q", note)
	}
}
