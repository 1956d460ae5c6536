package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// slotPoint is a point of the grid in a room's column at a time.
func slotPoint(t *testing.T, s *programmeScreen, room string, at string) fyne.Position {
	t.Helper()
	gl := s.timetable.grid.Layout.(*ttGridLayout)
	w := ttColumnWidth(gl.slots.Size().Width, gl.cols)
	for i, c := range gl.slots.cols {
		if c.room.Name == room {
			return fyne.NewPos(float32(i)*w+10, ttY(gl.first, progClock(t, at))+5)
		}
	}
	t.Fatalf("no column %q", room)
	return fyne.Position{}
}

// A click on an empty slot opens a new session there, checked as any
// other: a free slot saves, a booked room is refused.
func TestTimetableEmptySlotCreatesSession(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	gl := s.timetable.grid.Layout.(*ttGridLayout)
	if gl.slots == nil || gl.slots.Size().Width == 0 {
		t.Fatal("the grid has no slots to click")
	}

	gl.slots.Tapped(&fyne.PointEvent{Position: slotPoint(t, s, "Salle Vauban", "10:10")})
	if s.form == nil {
		t.Fatal("clicking an empty slot opens no form")
	}
	se := s.form.se
	if se.RoomID != f.rooms["Salle Vauban"].ID || se.Start.String() != "10:00" || se.End.String() != "11:00" || se.Day != progDay1 {
		t.Fatalf("the form is for room %d, %s %s – %s", se.RoomID, se.Day, se.Start, se.End)
	}
	before := progCount(t, f.st)
	test.Type(s.form.title, "Atelier du matin")
	test.Tap(s.form.save)
	waitIdle(t, e.tasks)
	// 10:00 – 11:00 is during the opening plenary: asked first (issue 19).
	if got := progDialogText(e.win.Canvas()); !strings.Contains(got, "overlaps the plenary") {
		t.Fatalf("saving over the plenary asks %q", got)
	}
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	if got := progCount(t, f.st); got != before+1 {
		t.Fatalf("%d sessions after saving, want %d", got, before+1)
	}

	// Salle Vauban holds Atelier A from 14:00 to 15:30.
	gl = s.timetable.grid.Layout.(*ttGridLayout)
	gl.slots.Tapped(&fyne.PointEvent{Position: slotPoint(t, s, "Salle Vauban", "14:40")})
	test.Type(s.form.title, "Atelier en double")
	test.Tap(s.form.save)
	waitIdle(t, e.tasks)
	if msg := s.form.errorText("room"); msg == "" {
		t.Error("a session in a booked room is not refused")
	}
	if got := progCount(t, f.st); got != before+1 {
		t.Errorf("%d sessions, want %d: the booked room took another", got, before+1)
	}
}
