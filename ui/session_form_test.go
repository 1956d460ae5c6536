package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// progFillForm types a session into the open form; room "" is none.
func progFillForm(t *testing.T, f *sessionForm, kind data.SessionKind, title string, day int, start, end, room, capacity string) {
	t.Helper()
	f.kind.SetSelected(kindLabel(kind))
	test.Type(f.title, title)
	f.day.SetSelectedIndex(day)
	test.Type(f.start, start)
	test.Type(f.end, end)
	f.room.SetSelectedIndex(0)
	for i, r := range f.rooms {
		if r.Name == room {
			f.room.SetSelectedIndex(i + 1)
		}
	}
	if capacity != "" {
		test.Type(f.cap, capacity)
	}
}

// progCount is how many sessions the file holds.
func progCount(t *testing.T, st *data.Store) int {
	t.Helper()
	list, err := st.Sessions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// progPickPerson searches the chooser for text and picks the first match.
func progPickPerson(t *testing.T, e *env, c *sessionPersonChooser, text string) {
	t.Helper()
	waitIdle(t, e.tasks)
	test.Type(c.entry, text)
	waitIdle(t, e.tasks)
	if len(c.matches) == 0 {
		t.Fatalf("nobody found for %q", text)
	}
	c.list.Select(0)
}

func TestSessionFormCreates(t *testing.T) {
	fx := newProgFixture(t)
	s, e := newProgScreen(t, fx.st)
	test.Tap(s.newButton)
	f := s.form
	if f == nil || e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("New session does not open the form")
	}
	progFillForm(t, f, data.KindWorkshop, "Atelier D : financer l'insertion", 1, "11h", "12:30", "Salle Flandre", "")
	f.speakers.onAddTapped()
	progPickPerson(t, e, f.speakers.chooser, "Hopper")
	f.facilitators.onAddTapped()
	progPickPerson(t, e, f.facilitators.chooser, "Dijkstra")
	if got := len(f.speakers.people) + len(f.facilitators.people); got != 2 {
		t.Fatalf("%d people chosen, want 2", got)
	}
	test.Tap(f.save)
	waitIdle(t, e.tasks)

	if e.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stays open: %q", f.general.Text+f.errorText("room"))
	}
	list, err := fx.st.Sessions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got *data.Session
	for i := range list {
		if list[i].Title == "Atelier D : financer l'insertion" {
			got = &list[i]
		}
	}
	if got == nil {
		t.Fatal("the session was not saved")
	}
	if got.Kind != data.KindWorkshop || got.Day != progDay2 || got.Start.String() != "11:00" || got.End.String() != "12:30" ||
		got.RoomID != fx.rooms["Salle Flandre"].ID || got.Capacity != 0 || got.EffectiveCapacity != 2 {
		t.Errorf("saved %+v", *got)
	}
	if len(got.Speakers) != 1 || got.Speakers[0] != fx.people["Hopper"].ID ||
		len(got.Facilitators) != 1 || got.Facilitators[0] != fx.people["Dijkstra"].ID {
		t.Errorf("speakers %v, facilitators %v", got.Speakers, got.Facilitators)
	}
	// The programme shows the new session's day, with its block.
	if s.day != progDay2 || len(s.timetable.blocks) != 2 {
		t.Errorf("after saving: day %s with %d blocks, want %s with 2", s.day, len(s.timetable.blocks), progDay2)
	}
}

func TestSessionFormRoomTaken(t *testing.T) {
	fx := newProgFixture(t)
	s, e := newProgScreen(t, fx.st)
	before := progCount(t, fx.st)
	s.onNewTapped()
	f := s.form
	progFillForm(t, f, data.KindWorkshop, "Atelier en double", 0, "15:00", "16:00", "Salle Vauban", "")
	test.Tap(f.save)
	waitIdle(t, e.tasks)

	msg := f.errorText("room")
	// English names the room as it is ("The room “Salle Vauban”"); French
	// says "La salle Vauban" (data.roomInSentence).
	if !strings.Contains(msg, "The room “Salle Vauban” is already taken") || !strings.Contains(msg, "Atelier A") {
		t.Errorf("under the room: %q", msg)
	}
	for _, field := range []string{"title", "day", "start", "end", "speakers"} {
		if m := f.errorText(field); m != "" {
			t.Errorf("message under %s: %q", field, m)
		}
	}
	if e.win.Canvas().Overlays().Top() == nil {
		t.Error("the form closed on a refusal")
	}
	if got := progCount(t, fx.st); got != before {
		t.Fatalf("%d sessions after the refusal, want %d", got, before)
	}

	// Moved to a free room, it saves.
	f.room.SetSelectedIndex(0)
	test.Tap(f.save)
	waitIdle(t, e.tasks)
	if got := progCount(t, fx.st); got != before+1 || f.errorText("room") != "" {
		t.Fatalf("%d sessions, message %q", got, f.errorText("room"))
	}
}

func TestSessionFormSpeakerBusy(t *testing.T) {
	fx := newProgFixture(t)
	a := fx.sessions["Atelier A"]
	a.Speakers = []int64{fx.people["Lovelace"].ID}
	if err := fx.st.SaveSession(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	s, e := newProgScreen(t, fx.st)
	before := progCount(t, fx.st)
	s.onNewTapped()
	f := s.form
	progFillForm(t, f, data.KindOther, "Interview", 0, "15:00", "15:45", "", "")
	f.speakers.onAddTapped()
	progPickPerson(t, e, f.speakers.chooser, "Lovelace")
	test.Tap(f.save)
	waitIdle(t, e.tasks)

	msg := f.errorText("speakers")
	if !strings.Contains(msg, "Ada Lovelace is already on stage in “Atelier A”") {
		t.Errorf("under the speakers: %q", msg)
	}
	if got := progCount(t, fx.st); got != before {
		t.Fatalf("%d sessions after the refusal, want %d", got, before)
	}
}

func TestSessionFormFieldMessages(t *testing.T) {
	fx := newProgFixture(t)
	s, e := newProgScreen(t, fx.st)
	before := progCount(t, fx.st)
	for _, tc := range []struct {
		name, title, start, end, capacity, field, want string
	}{
		{"ErrEndBeforeStart", "Atelier", "11:00", "10:00", "", "end", "must end after it starts"},
		{"ErrTimeInvalid", "Atelier", "25:00", "10:00", "", "start", "not a time of day"},
		{"EndTimeInvalid", "Atelier", "09:00", "midi", "", "end", "not a time of day"},
		{"ErrRequired", "", "09:00", "10:00", "", "title", "required"},
		{"EmptyStart", "Atelier", "", "10:00", "", "start", "Type a time, such as 09:30."},
		{"CapacityNotANumber", "Atelier", "09:00", "10:00", "vingt", "capacity", "number of places"},
		{"ErrNegative", "Atelier", "09:00", "10:00", "-3", "capacity", "cannot be negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.onNewTapped()
			f := s.form
			progFillForm(t, f, data.KindWorkshop, tc.title, 0, tc.start, tc.end, "", tc.capacity)
			test.Tap(f.save)
			waitIdle(t, e.tasks)
			if msg := f.errorText(tc.field); !strings.Contains(msg, tc.want) {
				t.Errorf("under %s: %q, want %q", tc.field, msg, tc.want)
			}
			f.dlg.Hide()
		})
	}
	t.Run("SeveralAtOnce", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		progFillForm(t, f, data.KindWorkshop, "", 0, "", "", "", "")
		test.Tap(f.save)
		waitIdle(t, e.tasks)
		for _, field := range []string{"title", "start", "end"} {
			if f.errorText(field) == "" {
				t.Errorf("no message under %s", field)
			}
		}
		// Typing in a field takes its message away.
		test.Type(f.start, "9")
		if f.errorText("start") != "" || f.errorText("end") == "" {
			t.Errorf("after typing: start %q, end %q", f.errorText("start"), f.errorText("end"))
		}
		f.dlg.Hide()
	})
	if got := progCount(t, fx.st); got != before {
		t.Fatalf("%d sessions after refusals, want %d", got, before)
	}
}

func TestSessionFormEdits(t *testing.T) {
	fx := newProgFixture(t)
	s, e := newProgScreen(t, fx.st)
	s.openSession(fx.sessions["Atelier C"].ID)
	waitIdle(t, e.tasks)
	s.page.onEditTapped()
	f := s.form
	if f.title.Text != "Atelier C" || f.start.Text != "09:00" || f.end.Text != "10:30" || f.room.Selected != roomOption(fx.rooms["Salle Vauban"]) {
		t.Fatalf("form shows %q %s–%s in %q", f.title.Text, f.start.Text, f.end.Text, f.room.Selected)
	}
	f.title.SetText("Atelier C, version longue")
	f.end.SetText("11:30")
	f.cap.SetText("12")
	test.Tap(f.save)
	waitIdle(t, e.tasks)
	got, err := fx.st.Session(context.Background(), fx.sessions["Atelier C"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Atelier C, version longue" || got.End.String() != "11:30" || got.Capacity != 12 {
		t.Errorf("saved %q until %s, %d places", got.Title, got.End, got.Capacity)
	}
	if s.page.title.Text != got.Title || s.page.details[2].Text != "09:00 – 11:30" {
		t.Errorf("the page shows %q at %q", s.page.title.Text, s.page.details[2].Text)
	}
}
