package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// newProgrammeBench shows the programme screen of the 50,000-participant
// demo, written for this run, in a window of the test app.
func newProgrammeBench(b *testing.B) (*programmeScreen, *data.Store) {
	b.Helper()
	st := mustOpen(b, demoFile(b, 50000))
	test.NewTempApp(b)
	e := &env{ctx: context.Background(), win: test.NewTempWindow(b, nil), tasks: &tasks{}}
	s := newProgrammeScreen(e, st)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1180, 760))
	return s, st
}

// BenchmarkProgrammeShow50k measures what the programme does on the UI
// thread once its data is read: the timetable, the list and the banner.
func BenchmarkProgrammeShow50k(b *testing.B) {
	s, st := newProgrammeBench(b)
	ctx := context.Background()
	c, _ := st.Congress(ctx)
	rooms, _ := st.Rooms(ctx)
	sessions, _ := st.Sessions(ctx)
	conflicts, _ := st.Conflicts(ctx)
	rows := formatProgramme(sessions, nil)
	for b.Loop() {
		s.timetable.shown = "" // drawn again, as when the programme changed
		s.show(c.Days, rooms, sessions, conflicts, rows)
		s.env.win.Canvas().(test.WindowlessCanvas).Resize(fyne.NewSize(1180, 760))
	}
}
