package ui

import (
	"context"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
)

// dragBlock drags a block so that its top left lands at room's column at
// a time, and drops it.
func dragBlock(t *testing.T, s *programmeScreen, b *sessionBlock, room, at string) {
	t.Helper()
	to := slotPoint(t, s, room, at)
	gl := s.timetable.grid.Layout.(*ttGridLayout)
	to.Y = ttY(gl.first, progClock(t, at))
	from := b.Position()
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	b.DragEnd()
}

// Dragging a session moves it to the room and time where it is dropped,
// for the same length; a booked room refuses it and it stays.
func TestTimetableDragMovesSession(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	ctx := context.Background()

	dragBlock(t, s, progBlock(t, s, "Atelier A"), "Grand Auditorium", "12:00")
	waitIdle(t, e.tasks)
	got, err := f.st.Session(ctx, f.sessions["Atelier A"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.RoomID != f.rooms["Grand Auditorium"].ID || got.Start.String() != "12:00" || got.End.String() != "13:30" {
		t.Fatalf("after the drag: room %d, %s – %s; want the Grand Auditorium, 12:00 – 13:30", got.RoomID, got.Start, got.End)
	}

	// The opening plenary holds the Grand Auditorium from 09:30 to 11:00.
	dragBlock(t, s, progBlock(t, s, "Atelier B"), "Grand Auditorium", "10:00")
	waitIdle(t, e.tasks)
	b, err := f.st.Session(ctx, f.sessions["Atelier B"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.RoomID != f.rooms["Salle Flandre"].ID || b.Start.String() != "14:00" {
		t.Errorf("a drag into a booked room moved the session: room %d at %s", b.RoomID, b.Start)
	}
	if progDialogText(e.win.Canvas()) == "" {
		t.Error("the refusal is not shown")
	}
}

// A dragged block is drawn above the others and opaque, so that its text
// stays readable over the block it passes (it was drawn under the
// later blocks, see-through); let go, it is see-through again.
func TestTimetableDraggedBlockIsOnTop(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	b := progBlock(t, s, "Atelier A")
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -40)})
	objs := s.timetable.grid.Objects
	if objs[len(objs)-1] != b {
		t.Error("the dragged block is drawn under others")
	}
	if a := b.bg.FillColor.(color.NRGBA).A; a != 0xff {
		t.Errorf("the dragged block is see-through (alpha %#x)", a)
	}
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, 40)}) // back where it was: nothing to move
	b.DragEnd()
	if a := b.bg.FillColor.(color.NRGBA).A; a == 0xff {
		t.Error("the block stays opaque once let go")
	}
}

// Esc while a session is dragged puts it back: letting go of the button
// then moves nothing (it moved the session where the pointer was).
func TestTimetableEscCancelsTheDrag(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	b := progBlock(t, s, "Atelier A")
	from := b.Position()
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-150, -200)})
	if e.win.Canvas().Focused() != b {
		t.Fatal("the dragged block does not have the keyboard: Esc would not reach it")
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Position() != from {
		t.Errorf("after Esc the block is at %v, want %v", b.Position(), from)
	}
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-10, 0)}) // the pointer still moves
	b.DragEnd()
	waitIdle(t, e.tasks)
	se, err := f.st.Session(context.Background(), f.sessions["Atelier A"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if se.RoomID != f.sessions["Atelier A"].RoomID || se.Start != f.sessions["Atelier A"].Start {
		t.Errorf("Esc, then letting go, moved the session to room %d at %s", se.RoomID, se.Start)
	}
	if a := b.bg.FillColor.(color.NRGBA).A; a == 0xff {
		t.Error("the block stays opaque once put back")
	}
}
