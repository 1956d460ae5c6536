package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// The programme's tests run on a small congress of their own (progFixture),
// or on the demo.

const (
	progDay1 data.Day = "2026-06-16"
	progDay2 data.Day = "2026-06-17"
)

// progFixture is a two-day congress: three rooms (one of two places), four
// people and five sessions, one of them without a room.
type progFixture struct {
	st       *data.Store
	rooms    map[string]data.Room
	people   map[string]data.Participant // by last name
	sessions map[string]data.Session     // by title
}

func newProgFixture(t *testing.T) *progFixture {
	t.Helper()
	ctx := context.Background()
	st, err := stores.Create(ctx, filepath.Join(t.TempDir(), "prog"+data.Extension), data.Congress{
		Name: "Congrès de test", City: "Lille", Days: []data.Day{progDay1, progDay2}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &progFixture{st: st, rooms: map[string]data.Room{}, people: map[string]data.Participant{}, sessions: map[string]data.Session{}}
	for _, r := range []data.Room{{Name: "Grand Auditorium", Capacity: 500}, {Name: "Salle Vauban", Capacity: 60}, {Name: "Salle Flandre", Capacity: 2}} {
		if err := st.SaveRoom(ctx, &r); err != nil {
			t.Fatal(err)
		}
		f.rooms[r.Name] = r
	}
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range [][2]string{{"Ada", "Lovelace"}, {"Alan", "Turing"}, {"Grace", "Hopper"}, {"Edsger", "Dijkstra"}} {
		p := data.Participant{FirstName: n[0], LastName: n[1], Organisation: "Société " + n[1], CategoryID: cats[0].ID,
			Status: data.StatusConfirmed, Days: []data.Day{progDay1, progDay2}}
		if err := st.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		f.people[n[1]] = p
	}
	f.add(t, data.KindPlenary, "Ouverture du congrès : l'insertion, une force pour les territoires", progDay1, "09:30", "11:00", "Grand Auditorium")
	f.add(t, data.KindWorkshop, "Atelier A", progDay1, "14:00", "15:30", "Salle Vauban")
	f.add(t, data.KindWorkshop, "Atelier B", progDay1, "14:00", "15:30", "Salle Flandre")
	f.add(t, data.KindOther, "Visite du salon", progDay1, "16:00", "17:00", "")
	f.add(t, data.KindWorkshop, "Atelier C", progDay2, "09:00", "10:30", "Salle Vauban")
	return f
}

// add saves a session; room "" is none.
func (f *progFixture) add(t *testing.T, kind data.SessionKind, title string, day data.Day, start, end, room string) data.Session {
	t.Helper()
	se := data.Session{Kind: kind, Title: title, Day: day, Start: progClock(t, start), End: progClock(t, end), RoomID: f.rooms[room].ID}
	if err := f.st.SaveSession(context.Background(), &se); err != nil {
		t.Fatal(err)
	}
	f.sessions[title] = se
	return se
}

// enrol enrols people (by last name) in a session, in order.
func (f *progFixture) enrol(t *testing.T, title string, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := f.st.Enrol(context.Background(), f.people[n].ID, f.sessions[title].ID); err != nil {
			t.Fatal(err)
		}
	}
}

// statuses are the people of a session: last name → status.
func (f *progFixture) statuses(t *testing.T, title string) map[string]data.EnrolmentStatus {
	t.Helper()
	list, err := f.st.SessionEnrolments(context.Background(), f.sessions[title].ID)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]data.EnrolmentStatus{}
	for _, e := range list {
		m[e.ParticipantName[strings.LastIndex(e.ParticipantName, " ")+1:]] = e.Status
	}
	return m
}

func progClock(t *testing.T, s string) data.Clock {
	t.Helper()
	c, err := data.ParseClock(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newProgScreen shows the programme screen of st in a test window.
func newProgScreen(t *testing.T, st programmeStore) (*programmeScreen, *env) {
	t.Helper()
	test.NewTempApp(t)
	e := newTestEnv(t)
	s := newProgrammeScreen(e, st)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 720))
	s.loadAsync()
	waitIdle(t, e.tasks)
	return s, e
}

// progDialogText is all the text of the top dialog.
func progDialogText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestProgrammeGridShowsADay(t *testing.T) {
	st := mustOpen(t, demoFile(t, 60))
	s, _ := newProgScreen(t, st)
	sessions, err := st.Sessions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	perDay := map[data.Day]int{}
	for _, se := range sessions {
		perDay[se.Day]++
	}
	if len(s.days) < 2 {
		t.Fatalf("the demo has %d days", len(s.days))
	}
	for i, d := range s.days {
		test.Tap(s.dayTabs.buttons[i])
		if s.day != d {
			t.Fatalf("tab %d shows %s, want %s", i, s.day, d)
		}
		if got := len(s.timetable.blocks); got != perDay[d] || got == 0 {
			t.Errorf("%s: %d blocks, want one per session: %d", d, got, perDay[d])
		}
		for _, b := range s.timetable.blocks {
			if b.session.Day != d {
				t.Errorf("%s shows %q of %s", d, b.session.Title, b.session.Day)
			}
		}
	}
	if want := fmt.Sprintf("%d sessions", len(sessions)); s.count.Text != want {
		t.Errorf("count = %q, want %q", s.count.Text, want)
	}
}

func TestProgrammeGridColumns(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	if s.day != progDay1 {
		t.Fatalf("first shown: %s, want %s", s.day, progDay1)
	}
	if got := len(s.timetable.blocks); got != 4 {
		t.Fatalf("%d blocks on the first day, want 4", got)
	}
	// Three rooms and, for the visit, "No room".
	if got := len(s.timetable.header.Objects); got != 4 {
		t.Fatalf("%d columns, want 4 (3 rooms and No room)", got)
	}
	last := s.timetable.header.Objects[3].(*hoverArea).content.(*fyne.Container).Objects[0].(*widget.Label)
	if last.Text != "No room" {
		t.Errorf("last column is %q, want No room", last.Text)
	}
	gl := s.timetable.grid.Layout.(*ttGridLayout)
	for i, b := range gl.blocks {
		if b.session.RoomID == 0 && gl.places[i].col != 3 {
			t.Errorf("%q without a room is in column %d", b.session.Title, gl.places[i].col)
		}
	}
	// Hours from the earliest start to the latest end: 09:00 to 17:00.
	if gl.first != 9 || len(gl.hours) != 9 {
		t.Errorf("hours from %d, %d lines; want 09:00 to 17:00", gl.first, len(gl.hours))
	}

	test.Tap(s.dayTabs.buttons[1])
	if got := len(s.timetable.blocks); got != 1 || len(s.timetable.header.Objects) != 3 {
		t.Fatalf("second day: %d blocks, %d columns; want 1 and 3", got, len(s.timetable.header.Objects))
	}
}

func TestProgrammeListView(t *testing.T) {
	f := newProgFixture(t)
	f.enrol(t, "Atelier B", "Lovelace", "Turing", "Hopper")
	s, _ := newProgScreen(t, f.st)
	test.Tap(s.viewTabs.buttons[1])
	if !s.listView.Visible() || s.gridView.Visible() {
		t.Fatal("the list is not shown")
	}
	// Two day headings and five sessions.
	if got := s.list.Length(); got != 7 {
		t.Fatalf("list has %d lines, want 7", got)
	}
	var row programmeRow
	for _, r := range s.rows {
		if r.cells[1] == "Atelier B" {
			row = r
		}
	}
	want := [6]string{"14:00 – 15:30", "Atelier B", "Workshop", "Salle Flandre", "2 / 2", "1"}
	if row.cells != want || !row.full {
		t.Errorf("Atelier B reads %q (full %v), want %q", row.cells, row.full, want)
	}
	if s.rows[0].heading != dayHeading(progDay1) || s.rows[5].heading != dayHeading(progDay2) {
		t.Errorf("headings %q and %q", s.rows[0].heading, s.rows[5].heading)
	}
	s.list.Select(2)
	waitIdle(t, s.env.tasks)
	if s.page == nil || s.page.se.ID != s.rows[2].id {
		t.Fatal("choosing a line does not open its session")
	}
}

func TestProgrammeBlockOpensPage(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	var block *sessionBlock
	for _, b := range s.timetable.blocks {
		if b.session.Title == "Atelier A" {
			block = b
		}
	}
	test.Tap(block)
	waitIdle(t, e.tasks)
	if s.page == nil || s.page.title.Text != "Atelier A" || s.root.Objects[0] == s.schedule {
		t.Fatal("tapping a block does not show its page")
	}
	if got := s.page.details[3].Text; got != "Salle Vauban" {
		t.Errorf("room shown: %q", got)
	}
	s.page.onBack()
	waitIdle(t, e.tasks)
	if s.page != nil || s.root.Objects[0] != s.schedule {
		t.Fatal("Back does not return to the programme")
	}
}

// conflictStore adds conflicts to a store, as an older file may hold.
type conflictStore struct {
	*data.Store
	conflicts []data.Conflict
}

func (c *conflictStore) Conflicts(context.Context) ([]data.Conflict, error) { return c.conflicts, nil }

func TestProgrammeConflictBanner(t *testing.T) {
	f := newProgFixture(t)
	a, b := f.sessions["Atelier A"], f.sessions["Atelier B"]
	st := &conflictStore{Store: f.st, conflicts: []data.Conflict{
		{Room: "Salle Vauban", A: a, B: b},
		{Person: "Ada Lovelace", A: a, B: b},
	}}
	s, _ := newProgScreen(t, st)
	if !s.banner.Visible() {
		t.Fatal("the conflicts are not shown")
	}
	if s.bannerTitle.Text != "The programme has 2 conflicts:" {
		t.Errorf("banner title %q", s.bannerTitle.Text)
	}
	day := dayLong(progDay1)
	want := "Salle Vauban is booked twice on " + day + ": “Atelier A” (14:00 – 15:30) and “Atelier B” (14:00 – 15:30).\n" +
		"Ada Lovelace is expected in two places on " + day + ": “Atelier A” (14:00 – 15:30) and “Atelier B” (14:00 – 15:30)."
	if s.bannerText.Text != want {
		t.Errorf("banner reads\n%s\nwant\n%s", s.bannerText.Text, want)
	}

	st.conflicts = nil
	s.loadAsync()
	waitIdle(t, s.env.tasks)
	if s.banner.Visible() {
		t.Error("the banner stays without conflicts")
	}
}

func TestTimetableLanes(t *testing.T) {
	se := func(start, end string) data.Session {
		return data.Session{Start: progClock(t, start), End: progClock(t, end)}
	}
	places := timetableLanes(0, []data.Session{
		se("09:00", "10:00"), se("09:30", "11:00"), se("10:00", "10:30"), se("11:00", "12:00"),
	})
	want := []struct{ lane, lanes int }{{0, 2}, {1, 2}, {0, 2}, {0, 1}}
	for i, w := range want {
		if places[i].lane != w.lane || places[i].lanes != w.lanes {
			t.Errorf("session %d: lane %d of %d, want %d of %d", i, places[i].lane, places[i].lanes, w.lane, w.lanes)
		}
	}
}

func TestProgrammeRendering(t *testing.T) {
	f := newProgFixture(t)
	f.enrol(t, "Atelier B", "Lovelace", "Turing", "Hopper")
	s, e := newProgScreen(t, f.st)
	e.win.Resize(fyne.NewSize(900, 640))
	test.AssertRendersToImage(t, "programme_timetable.png", e.win.Canvas())

	test.Tap(s.viewTabs.buttons[1])
	test.AssertRendersToImage(t, "programme_list.png", e.win.Canvas())
}
