package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// screensDemo opens the 50,000-participant demo, written for the
// benchmark.
func screensDemo(b *testing.B) *data.Store {
	b.Helper()
	return mustOpen(b, demoFile(b, 50000))
}

// benchEnv is a window of the test app, for a screen under a benchmark.
func benchEnv(b *testing.B) *env {
	test.NewTempApp(b)
	e := &env{ctx: context.Background(), win: test.NewTempWindow(b, nil), tasks: &tasks{}}
	e.win.Resize(fyne.NewSize(1180, 760))
	return e
}

// BenchmarkProgrammeShow50k measures what the programme does on the UI
// thread once its data is read: the timetable, the list and the banner.
func BenchmarkProgrammeShow50k(b *testing.B) {
	st := screensDemo(b)
	e := benchEnv(b)
	s := newProgrammeScreen(e, st)
	e.win.SetContent(s.build())
	ctx := context.Background()
	c, _ := st.Congress(ctx)
	rooms, _ := st.Rooms(ctx)
	sessions, _ := st.Sessions(ctx)
	conflicts, _ := st.Conflicts(ctx)
	rows := formatProgramme(sessions, nil)
	for b.Loop() {
		s.timetable.shown = "" // drawn again, as when the programme changed
		s.show(c.Days, rooms, sessions, conflicts, rows)
		e.win.Canvas().(test.WindowlessCanvas).Resize(fyne.NewSize(1180, 760))
	}
}

// BenchmarkProgrammeSwitch50k measures a switch to the programme from
// the click to the timetable drawn: what loadAsync reads, then shows.
func BenchmarkProgrammeSwitch50k(b *testing.B) {
	st := screensDemo(b)
	e := benchEnv(b)
	s := newProgrammeScreen(e, st)
	e.win.SetContent(s.build())
	ctx := context.Background()
	for b.Loop() {
		c, _ := st.Congress(ctx)
		rooms, _ := st.Rooms(ctx)
		sessions, _ := st.Sessions(ctx)
		conflicts, _ := st.Conflicts(ctx)
		s.timetable.shown = ""
		s.show(c.Days, rooms, sessions, conflicts, formatProgramme(sessions, nil))
		e.win.Canvas().(test.WindowlessCanvas).Resize(fyne.NewSize(1180, 760))
	}
}

// BenchmarkDashboardFirst50k measures a switch to the dashboard until its
// congress and counts are drawn (the rest follows under a progress bar).
func BenchmarkDashboardFirst50k(b *testing.B) {
	st := screensDemo(b)
	e := benchEnv(b)
	s := newDashboardScreen(e, st)
	e.win.SetContent(s.build())
	ctx := context.Background()
	for b.Loop() {
		c, _ := st.Congress(ctx)
		counts, err := st.Counts(ctx)
		if err != nil {
			b.Fatal(err)
		}
		s.showHeading(formatHeading(c, counts))
	}
}

// BenchmarkDashboardAll50k measures the whole dashboard, read and drawn.
func BenchmarkDashboardAll50k(b *testing.B) {
	st := screensDemo(b)
	e := benchEnv(b)
	s := newDashboardScreen(e, st)
	e.win.SetContent(s.build())
	ctx := context.Background()
	for b.Loop() {
		c, _ := st.Congress(ctx)
		stats, err := st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		s.show(formatDashboard(c, stats))
	}
}
