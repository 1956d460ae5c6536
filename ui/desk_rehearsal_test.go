package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// deskEvening is the evening before the demo congress: not a congress day.
var deskEvening = time.Date(2021, 11, 24, 19, 30, 0, 0, time.Local)

// newDeskFixtureAt is the desk screen on a demo congress, at now; each
// scan through f.rescan comes a few seconds after the one before.
func newDeskFixtureAt(t *testing.T, at time.Time) (*deskFixture, *time.Time) {
	t.Helper()
	now := at
	f := &deskFixture{}
	f.a = test.NewTempApp(t)
	f.prefs = f.a.Preferences()
	f.prefs.SetString(prefDeskName, "Desk 2")
	f.st = mustOpen(t, demoFile(t, 60))
	f.st.SetClock(func() time.Time { return now })
	f.e = newTestEnv(t)
	f.s = newDeskScreen(f.e, f.st, f.prefs, nil)
	f.s.now = func() time.Time { return now }
	f.e.win.SetContent(f.s.build())
	f.e.win.Resize(fyne.NewSize(1100, 700))
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	return f, &now
}

// rescan scans text 5 s after the scan before: not a scanner's repeat.
func rescan(t *testing.T, f *deskFixture, clock *time.Time, text string) {
	t.Helper()
	*clock = clock.Add(5 * time.Second)
	f.scan(t, text)
}

// logs are the person's real arrivals on deskDay that no undo cancels, and
// their entries in the rehearsal's log.
func (f *deskFixture) logs(t *testing.T, id int64) (real int, rehearsal []data.Checkin) {
	t.Helper()
	rehearsal, err := f.st.RehearsalLog(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f.arrivals(t, id), rehearsal
}

// arrivedToday sums the real counters of deskDay.
func (f *deskFixture) arrivedToday(t *testing.T) int {
	t.Helper()
	counts, err := f.st.DeskCounts(context.Background(), deskDay)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Arrived
	}
	return n
}

// wantDayLine checks the large line of the day recorded.
func wantDayLine(t *testing.T, s *deskScreen, want string, colour fyne.ThemeColorName) {
	t.Helper()
	seg := s.dayView.title.Segments[0].(*widget.TextSegment)
	if got := s.dayView.text(); !strings.Contains(got, want) || seg.Style.ColorName != colour ||
		seg.Style.SizeName != theme.SizeNameHeadingText || !seg.Style.TextStyle.Bold {
		t.Fatalf("the day's line says %q (%s, %s), want %q in %s, large and bold", got, seg.Style.ColorName, seg.Style.SizeName, want, colour)
	}
}

func TestDeskRehearsal(t *testing.T) {
	f, clock := newDeskFixtureAt(t, deskEvening)
	s := f.s
	who := f.person(t, "")
	c := f.e.win.Canvas()
	arrived := f.arrivedToday(t) // the demo's

	t.Run("OutsideTheDaysRehearses", func(t *testing.T) {
		if !s.rehearsal || s.today() != deskDay {
			t.Fatalf("rehearsal %v on %s, want a rehearsal of %s", s.rehearsal, s.today(), deskDay)
		}
		wantDayLine(t, s, "REHEARSAL — nothing is counted", theme.ColorNameWarning)
		if !s.dayView.clear.Visible() || s.dayView.back.Visible() || !strings.Contains(s.dayView.note.Text, "not a day of the congress") {
			t.Fatalf("note %q, clear %v, back %v", s.dayView.note.Text, s.dayView.clear.Visible(), s.dayView.back.Visible())
		}
	})
	t.Run("ScanRecordsARehearsal", func(t *testing.T) {
		rescan(t, f, clock, who.Code)
		real, rehearsal := f.logs(t, who.ID)
		if real != 0 || len(rehearsal) != 1 || rehearsal[0].Kind != data.Arrival || rehearsal[0].Day != deskDay ||
			rehearsal[0].Desk != "Desk 2" {
			t.Fatalf("real log %+v, rehearsal's %+v", real, rehearsal)
		}
		if s.shown == nil || !s.shown.Rehearsal || !strings.HasPrefix(s.card.result.Text, "Rehearsal: ✓") {
			t.Fatalf("card %+v, result %q", s.shown, s.card.result.Text)
		}
		waitIdle(t, f.e.tasks)
		if s.counts.total.Text != "Rehearsal: 1 scan" {
			t.Fatalf("counters %q", s.counts.total.Text)
		}
		if n := f.arrivedToday(t); n != arrived {
			t.Fatalf("the real counters say %d arrived, want %d", n, arrived)
		}
	})
	t.Run("RescanIsAlreadyIn", func(t *testing.T) {
		rescan(t, f, clock, who.Code)
		if _, rehearsal := f.logs(t, who.ID); len(rehearsal) != 1 {
			t.Fatalf("a second scan wrote %+v", rehearsal)
		}
		if _, ok := s.shown.Warning(data.WarnAlreadyIn); !ok || !strings.HasPrefix(s.card.result.Text, "Rehearsal: ") {
			t.Fatalf("warnings %+v, result %q", s.shown.Warnings, s.card.result.Text)
		}
	})
	t.Run("Undo", func(t *testing.T) {
		s.entry.TypedShortcut(&fyne.ShortcutUndo{})
		waitIdle(t, f.e.tasks)
		real, rehearsal := f.logs(t, who.ID)
		if real != 0 || len(rehearsal) != 2 || rehearsal[1].Kind != data.Undo || !rehearsal[0].Undone {
			t.Fatalf("after undo: real log %+v, rehearsal's %+v", real, rehearsal)
		}
		if s.shown == nil || !s.shown.Rehearsal || s.shown.Arrival != nil || !strings.HasPrefix(s.status.Text, "Rehearsal: The last check-in") {
			t.Fatalf("card after undo %+v, status %q", s.shown, s.status.Text)
		}
		rescan(t, f, clock, who.Code) // in again, for the clearing
	})
	t.Run("Clear", func(t *testing.T) {
		test.Tap(s.dayView.clear)
		tapDialogButton(t, c, "Cancel")
		if _, rehearsal := f.logs(t, who.ID); len(rehearsal) != 3 {
			t.Fatalf("cancelled, yet the rehearsal is %+v", rehearsal)
		}
		test.Tap(s.dayView.clear)
		tapDialogButton(t, c, "Clear the rehearsal")
		waitIdle(t, f.e.tasks)
		if _, rehearsal := f.logs(t, who.ID); len(rehearsal) != 0 {
			t.Fatalf("after clearing: %+v", rehearsal)
		}
		if s.counts.total.Text != "Rehearsal: 0 scans" || !strings.Contains(s.status.Text, "3 entries deleted") || s.shown != nil {
			t.Fatalf("counters %q, status %q, card %+v", s.counts.total.Text, s.status.Text, s.shown)
		}
	})
	t.Run("ChoosingTheDayAsks", func(t *testing.T) {
		s.day.SetSelectedIndex(0) // the first day, chosen in the chooser
		if c.Overlays().Top() == nil {
			t.Fatal("choosing a day that is not today asked nothing")
		}
		// A scan while the question is open answers nothing: it is a
		// rehearsal's, as the desk is until the answer.
		*clock = clock.Add(5 * time.Second)
		typeInWindow(c, who.Code+"\n")
		waitIdle(t, f.e.tasks)
		if real, rehearsal := f.logs(t, who.ID); real != 0 || len(rehearsal) != 1 || c.Overlays().Top() == nil {
			t.Fatalf("a scan under the question: %d real arrivals, rehearsal %+v, question open %v", real, rehearsal, c.Overlays().Top() != nil)
		}
		tapDialogButton(t, c, "Keep rehearsing")
		if !s.rehearsal {
			t.Fatal("declined, yet the desk records real arrivals")
		}
		rescan(t, f, clock, who.Code)
		if real, rehearsal := f.logs(t, who.ID); real != 0 || len(rehearsal) != 1 {
			t.Fatalf("still rehearsing: real log %+v, rehearsal's %+v", real, rehearsal)
		}
		s.day.SetSelectedIndex(0)
		tapDialogButton(t, c, "Record real arrivals")
		waitIdle(t, f.e.tasks)
		if s.rehearsal || s.today() != deskDay || s.shown != nil {
			t.Fatalf("rehearsal %v on %s, card %+v", s.rehearsal, s.today(), s.shown)
		}
		wantDayLine(t, s, "Recording arrivals for "+dayLong(deskDay), theme.ColorNameForeground)
		if !s.dayView.back.Visible() || s.dayView.clear.Visible() || s.dayView.note.Importance != widget.WarningImportance {
			t.Fatalf("note %q, back %v, clear %v", s.dayView.note.Text, s.dayView.back.Visible(), s.dayView.clear.Visible())
		}
		rescan(t, f, clock, who.Code)
		if real, rehearsal := f.logs(t, who.ID); real != 1 || len(rehearsal) != 1 || f.arrivedToday(t) != arrived+1 {
			t.Fatalf("%d real arrivals, rehearsal %+v", real, rehearsal)
		}
		if strings.HasPrefix(s.card.result.Text, "Rehearsal") || strings.HasPrefix(s.counts.total.Text, "Rehearsal") {
			t.Fatalf("result %q, counters %q", s.card.result.Text, s.counts.total.Text)
		}
	})
	t.Run("BackToTheRehearsal", func(t *testing.T) {
		test.Tap(s.dayView.back)
		waitIdle(t, f.e.tasks)
		if !s.rehearsal {
			t.Fatal("still recording real arrivals")
		}
		wantDayLine(t, s, "REHEARSAL", theme.ColorNameWarning)
		other := f.person(t, "", who.ID)
		rescan(t, f, clock, other.Code)
		if real, rehearsal := f.logs(t, other.ID); real != 0 || len(rehearsal) != 1 {
			t.Fatalf("real log %+v, rehearsal's %+v", real, rehearsal)
		}
	})
	t.Run("Door", func(t *testing.T) {
		if len(s.doors) == 0 {
			t.Fatal("the demo has no session on its first day")
		}
		s.door.SetSelectedIndex(1)
		waitIdle(t, f.e.tasks)
		wantDayLine(t, s, "REHEARSAL", theme.ColorNameWarning)
		rescan(t, f, clock, who.Code)
		if s.pending {
			s.entry.TypedShortcut(shortcutDeskConfirm)
			waitIdle(t, f.e.tasks)
		}
		_, rehearsal := f.logs(t, who.ID)
		if n := len(rehearsal); n == 0 || rehearsal[n-1].Kind != data.SessionEntry || rehearsal[n-1].SessionID != s.session {
			t.Fatalf("rehearsal log %+v", rehearsal)
		}
		if !strings.HasPrefix(s.card.result.Text, "Rehearsal: ✓") || s.counts.total.Text != "Rehearsal: 1 scan" {
			t.Fatalf("result %q, counters %q", s.card.result.Text, s.counts.total.Text)
		}
		door, err := f.st.DoorCounts(context.Background(), s.session)
		if err != nil || door.Inside != 0 {
			t.Fatalf("the real door counts %+v %v", door, err)
		}
		s.door.SetSelectedIndex(0)
	})
}

func TestDeskCongressDayRecordsRealArrivals(t *testing.T) {
	f, clock := newDeskFixtureAt(t, deskMorning)
	s := f.s
	c := f.e.win.Canvas()
	if s.rehearsal || s.today() != deskDay || c.Overlays().Top() != nil {
		t.Fatalf("rehearsal %v on %s", s.rehearsal, s.today())
	}
	wantDayLine(t, s, "Recording arrivals for "+dayLong(deskDay), theme.ColorNameForeground)
	if s.dayView.note.Visible() || s.dayView.clear.Visible() || s.dayView.back.Visible() {
		t.Fatalf("note %q, clear %v, back %v", s.dayView.note.Text, s.dayView.clear.Visible(), s.dayView.back.Visible())
	}
	who := f.person(t, "")
	rescan(t, f, clock, who.Code)
	if real, rehearsal := f.logs(t, who.ID); real != 1 || len(rehearsal) != 0 {
		t.Fatalf("real log %+v, rehearsal's %+v", real, rehearsal)
	}
	if strings.HasPrefix(s.card.result.Text, "Rehearsal") || strings.HasPrefix(s.counts.total.Text, "Rehearsal") {
		t.Fatalf("result %q, counters %q", s.card.result.Text, s.counts.total.Text)
	}

	// Another day asks; cancelled, the desk stays on today's.
	s.day.SetSelectedIndex(1)
	tapDialogButton(t, c, "Cancel")
	if s.rehearsal || s.today() != deskDay || s.day.SelectedIndex() != 0 {
		t.Fatalf("rehearsal %v on %s (chooser on %d)", s.rehearsal, s.today(), s.day.SelectedIndex())
	}
	// Confirmed, it records that day's; choosing today again asks nothing.
	s.day.SetSelectedIndex(1)
	tapDialogButton(t, c, "Record real arrivals")
	if s.rehearsal || s.today() == deskDay || s.dayView.back.Visible() {
		t.Fatalf("rehearsal %v on %s", s.rehearsal, s.today())
	}
	s.day.SetSelectedIndex(0)
	if c.Overlays().Top() != nil || s.today() != deskDay || s.dayView.note.Visible() {
		t.Fatal("choosing today asked a question")
	}
}

// TestDeskFollowsTheCalendar: a desk left open after the evening's
// rehearsal records the first morning's arrivals for real.
func TestDeskFollowsTheCalendar(t *testing.T) {
	f, clock := newDeskFixtureAt(t, deskEvening)
	s := f.s
	if !s.rehearsal {
		t.Fatal("the evening before is not a rehearsal")
	}
	s.followCalendar() // the watch's tick, the same evening: nothing changes
	if !s.rehearsal {
		t.Fatal("the tick ended the rehearsal")
	}
	*clock = deskMorning
	s.followCalendar()
	waitIdle(t, f.e.tasks)
	if s.rehearsal || s.today() != deskDay || f.e.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the next morning: rehearsal %v on %s", s.rehearsal, s.today())
	}
	wantDayLine(t, s, "Recording arrivals for "+dayLong(deskDay), theme.ColorNameForeground)
	who := f.person(t, "")
	rescan(t, f, clock, who.Code)
	if real, rehearsal := f.logs(t, who.ID); real != 1 || len(rehearsal) != 0 {
		t.Fatalf("%d real arrivals, rehearsal %+v", real, rehearsal)
	}
}

// TestDeskRehearsalWalkIn: a walk-in practised during the rehearsal is
// nobody: no participant is created, and the banner says so.
func TestDeskRehearsalWalkIn(t *testing.T) {
	f, _ := newDeskFixtureAt(t, deskEvening)
	s := f.s
	s.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	waitFor(t, "the walk-in form", f.e.tasks, func() bool { return f.e.win.Canvas().Overlays().Top() != nil })
	form := s.walkIn
	test.Type(form.firstName, "Paul")
	test.Type(form.lastName, "Répétition")
	form.onSubmit()
	waitIdle(t, f.e.tasks)
	rows, err := f.st.ListParticipants(context.Background(), data.ParticipantQuery{Search: "Répétition"})
	if err != nil || len(rows) != 0 {
		t.Fatalf("the rehearsal registered %d walk-ins (%v)", len(rows), err)
	}
	if f.e.win.Canvas().Overlays().Top() != nil || !strings.Contains(s.card.result.Text, "Paul Répétition was not registered") {
		t.Fatalf("banner %q", s.card.result.Text)
	}
}
