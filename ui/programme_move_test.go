package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// progSession reads a fixture's session from the file.
func progSession(t *testing.T, f *progFixture, title string) data.Session {
	t.Helper()
	se, err := f.st.Session(context.Background(), f.sessions[title].ID)
	if err != nil {
		t.Fatal(err)
	}
	return se
}

// A session dragged into a room too small for its people asks first, as
// a place above capacity does; No puts it back, Yes moves it, the line
// under the grid says where, and Undo (or Ctrl+Z) puts it back (issue 19).
func TestTimetableDragIntoSmallerRoomAsks(t *testing.T) {
	f := newProgFixture(t)
	f.enrol(t, "Atelier A", "Turing", "Lovelace", "Hopper")
	s, e := newProgScreen(t, f.st)

	dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Flandre", "16:00")
	waitIdle(t, e.tasks)
	want := "3 people are enrolled in “Atelier A”; the room “Salle Flandre” holds 2.\nMove anyway, above capacity?"
	if got := progDialogText(e.win.Canvas()); !strings.Contains(got, want) {
		t.Fatalf("the drag asks %q, want %q", got, want)
	}
	tapDialogButton(t, e.win.Canvas(), "No")
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Vauban"].ID || got.Start.String() != "14:00" {
		t.Fatalf("after No the session is in room %d at %s", got.RoomID, got.Start)
	}

	dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Flandre", "16:00")
	waitIdle(t, e.tasks)
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Flandre"].ID || got.Start.String() != "16:00" {
		t.Fatalf("after Yes the session is in room %d at %s", got.RoomID, got.Start)
	}
	if got := s.status.Text; !strings.Contains(got, "16:00 – 17:30, Salle Flandre") || !s.undoMove.Visible() {
		t.Fatalf("the line under the grid says %q (Undo shown: %v); want the new time and room", got, s.undoMove.Visible())
	}
	s.onHover("") // the pointer leaves the block: the move stays said
	if got := s.status.Text; !strings.Contains(got, "Salle Flandre") {
		t.Errorf("once the pointer left, the line says %q", got)
	}

	test.Tap(s.undoMove)
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Vauban"].ID || got.Start.String() != "14:00" || got.End.String() != "15:30" {
		t.Fatalf("after Undo the session is in room %d at %s – %s", got.RoomID, got.Start, got.End)
	}
	if s.undoMove.Visible() || !strings.Contains(s.status.Text, "undone") {
		t.Errorf("after Undo: Undo shown %v, the line says %q", s.undoMove.Visible(), s.status.Text)
	}
}

// A block let go over the room names goes back, though the grid has a
// slot there (it moved the session to the first hour).
func TestTimetableDropOnHeaderPutsBack(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	b := progBlock(t, s, "Atelier A")
	home := b.Position()
	to := slotPoint(t, s, "Salle Flandre", "14:00")
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-home.X, -40-home.Y)})
	b.DragEnd()
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Vauban"].ID || got.Start.String() != "14:00" {
		t.Fatalf("a drop on the header moved the session to room %d at %s", got.RoomID, got.Start)
	}
	if b.Position() != home {
		t.Errorf("the block is at %v, not back at %v", b.Position(), home)
	}
}

// Modify into a smaller room asks too.
func TestSessionFormSmallerRoomAsks(t *testing.T) {
	f := newProgFixture(t)
	f.enrol(t, "Atelier A", "Turing", "Lovelace", "Hopper")
	_, p, e := openProgPage(t, f, "Atelier A")
	var form *sessionForm
	p.onEdit = func(se data.Session, people []data.ParticipantRow) {
		form = newSessionForm(e, f.st, []data.Day{progDay1, progDay2}, []data.Room{f.rooms["Grand Auditorium"], f.rooms["Salle Vauban"], f.rooms["Salle Flandre"]}, se, people, nil)
		form.show()
	}
	p.onEditTapped()
	form.room.SetSelected(roomOption(f.rooms["Salle Flandre"]))
	form.start.SetText("16:00")
	form.end.SetText("17:00")
	form.onSaveTapped()
	waitIdle(t, e.tasks)
	want := "3 people are enrolled in “Atelier A”; the room “Salle Flandre” holds 2.\nSave anyway, above capacity?"
	if got := progDialogText(e.win.Canvas()); !strings.Contains(got, want) {
		t.Fatalf("Save asks %q, want %q", got, want)
	}
	tapDialogButton(t, e.win.Canvas(), "No")
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Vauban"].ID {
		t.Fatalf("after No the session moved to room %d", got.RoomID)
	}
	form.onSaveTapped()
	waitIdle(t, e.tasks)
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Flandre"].ID {
		t.Fatalf("after Yes the session is in room %d", got.RoomID)
	}
}

// A drag the rules refuse (a booked room) says so without asking about
// capacity first (issue 19).
func TestTimetableDragRefusalBeforeCapacity(t *testing.T) {
	f := newProgFixture(t)
	f.enrol(t, "Atelier A", "Turing", "Lovelace", "Hopper")
	s, e := newProgScreen(t, f.st)
	f.add(t, data.KindWorkshop, "Atelier D", progDay1, "16:00", "17:30", "Salle Flandre")
	s.loadAsync()
	waitIdle(t, e.tasks)
	dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Flandre", "16:00")
	waitIdle(t, e.tasks)
	if got := progDialogText(e.win.Canvas()); strings.Contains(got, "above capacity") || !strings.Contains(got, "Atelier D") {
		t.Fatalf("the drag into a booked room shows %q; want the refusal only", got)
	}
	if got := progSession(t, f, "Atelier A"); got.RoomID != f.rooms["Salle Vauban"].ID {
		t.Fatalf("the session moved to room %d", got.RoomID)
	}
}

// TestMoveOntoAPlenaryAsks (issue 19): a workshop dragged, or saved, at the
// time of a plenary everyone is expected at asks first, as a smaller room
// does; No puts it back, Yes moves it with Undo as usual. It was accepted
// silently ("Numérique et inclusion", 48 enrolled, over the opening).
func TestMoveOntoAPlenaryAsks(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			yes, no := map[string]string{"en": "Yes", "fr": "Oui"}[language], map[string]string{"en": "No", "fr": "Non"}[language]
			plenary := "Ouverture du congrès : l'insertion, une force pour les territoires"
			want := map[string]string{
				"en": "“Atelier A” overlaps the plenary “" + plenary + "” (09:30 – 11:00) that everyone is expected at.\nMove anyway?",
				"fr": "«Atelier A» a lieu en même temps que la plénière «" + plenary + "» (09:30 – 11:00), où tout le monde est attendu.\nLa déplacer quand même ?",
			}[language]
			f := newProgFixture(t)
			f.enrol(t, "Atelier A", "Turing", "Lovelace")
			s, e := newProgScreen(t, f.st)

			dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Vauban", "10:00")
			waitIdle(t, e.tasks)
			if got := progDialogText(e.win.Canvas()); !strings.Contains(got, want) {
				t.Fatalf("the drag asks %q, want %q", got, want)
			}
			tapDialogButton(t, e.win.Canvas(), no)
			waitIdle(t, e.tasks)
			if got := progSession(t, f, "Atelier A"); got.Start.String() != "14:00" {
				t.Fatalf("after No the session is at %s", got.Start)
			}
			dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Vauban", "10:00")
			waitIdle(t, e.tasks)
			tapDialogButton(t, e.win.Canvas(), yes)
			waitIdle(t, e.tasks)
			if got := progSession(t, f, "Atelier A"); got.Start.String() != "10:00" || !s.undoMove.Visible() {
				t.Fatalf("after Yes the session is at %s (Undo shown: %v)", got.Start, s.undoMove.Visible())
			}
			// Moved within the plenary's time, it asks no more.
			dragBlock(t, s, progBlock(t, s, "Atelier A"), "Salle Flandre", "10:00")
			waitIdle(t, e.tasks)
			if got := progDialogText(e.win.Canvas()); strings.Contains(got, plenary) {
				t.Errorf("a second move over the same plenary asks %q", got)
			}
			test.Tap(s.undoMove)
			waitIdle(t, e.tasks)

			// The form asks too, for a new session.
			test.Tap(s.newButton)
			progFillForm(t, s.form, data.KindWorkshop, "Atelier D", 0, "10:00", "10:45", "Salle Flandre", "")
			s.form.onSaveTapped()
			waitIdle(t, e.tasks)
			wantForm := map[string]string{"en": "“Atelier D” overlaps the plenary “" + plenary + "” (09:30 – 11:00) that everyone is expected at.\nSave anyway?",
				"fr": "«Atelier D» a lieu en même temps que la plénière «" + plenary + "» (09:30 – 11:00), où tout le monde est attendu.\nL'enregistrer quand même ?"}[language]
			if got := progDialogText(e.win.Canvas()); !strings.Contains(got, wantForm) {
				t.Fatalf("Save asks %q, want %q", got, wantForm)
			}
			tapDialogButton(t, e.win.Canvas(), no)
			waitIdle(t, e.tasks)
			if sessions, _ := f.st.Sessions(context.Background()); len(sessions) != len(f.sessions) {
				t.Fatalf("after No, %d sessions, want %d", len(sessions), len(f.sessions))
			}
			s.form.onSaveTapped()
			waitIdle(t, e.tasks)
			tapDialogButton(t, e.win.Canvas(), yes)
			waitIdle(t, e.tasks)
			if sessions, _ := f.st.Sessions(context.Background()); len(sessions) != len(f.sessions)+1 {
				t.Fatalf("after Yes, %d sessions, want %d", len(sessions), len(f.sessions)+1)
			}
		})
	}
}

// TestCapacityMessageNamesTheRoom (eye-108): English names the room as it
// is ("the room “Salle Artois”", not "the room Artois"); French drops the
// leading "Salle" ("la salle Artois").
func TestCapacityMessageNamesTheRoom(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{"en", "45 people are enrolled in “Atelier A”; the room “Salle Artois” holds 40."},
		{"fr", "45 personnes sont inscrites à «Atelier A» ; la salle Artois en accueille 40."},
	} {
		t.Run(tc.language, func(t *testing.T) {
			if tc.language == "fr" {
				inFrench(t)
			}
			test.NewTempApp(t)
			win := test.NewTempWindow(t, nil)
			win.Resize(fyne.NewSize(900, 600))
			room := data.Room{Name: "Salle Artois", Capacity: 40}
			se := data.Session{Title: "Atelier A", Enrolled: 45}
			confirmRoomCapacity(win, se, se, &room, "", func(bool) {})
			if got := progDialogText(win.Canvas()); !strings.Contains(got, tc.want) {
				t.Errorf("the dialog says %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTimetableDraggedBlockShowsItsNewTime (eye-19a): while dragged over
// 10:00, a session of 14:00 – 15:30 says "10:00 – 11:30", the time it
// would have if dropped there; let go outside the grid, it says its own
// again.
func TestTimetableDraggedBlockShowsItsNewTime(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	b := progBlock(t, s, "Atelier B")
	r := test.WidgetRenderer(b).(*blockRenderer)
	if r.time.Text != "14:00 – 15:30" {
		t.Fatalf("before the drag the block says %q", r.time.Text)
	}
	to := slotPoint(t, s, "Salle Flandre", "10:00")
	gl := s.timetable.grid.Layout.(*ttGridLayout)
	to.Y = ttY(gl.first, progClock(t, "10:00"))
	from := b.Position()
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	if r.time.Text != "10:00 – 11:30" {
		t.Errorf("over 10:00 the block says %q, want 10:00 – 11:30", r.time.Text)
	}
	// Over the room names (above the grid in view), it would go back.
	b.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -b.Position().Y-200)})
	if r.time.Text != "14:00 – 15:30" {
		t.Errorf("where it would go back the block says %q, want its own time", r.time.Text)
	}
	b.DragEnd()
	if r.time.Text != "14:00 – 15:30" {
		t.Errorf("put back, the block says %q", r.time.Text)
	}
}
