package ui

import (
	"context"
	"testing"
	"time"

	"congres/data"
)

// TestDeskScanIntoWalkInHeldBack: under load the window held back a
// scan's keys (80 ms seen in the middle of a code at load 7): in the
// walk-in form, the code was cut in two, and its end, too short for a
// code, was the last name of a walk-in registered and checked in on the
// scanner's Enter. The walk-in form tells a scan by the Edit form's rule
// (keyRun, desk_burst.go): the badge is still the desk's, the form closes
// and nobody is registered. A person typing (a key every 80 to 120 ms)
// still types: their Enter registers the walk-in.
func TestDeskScanIntoWalkInHeldBack(t *testing.T) { testDeskScanIntoWalkInHeldBack(t, demoOnFile) }

func testDeskScanIntoWalkInHeldBack(t *testing.T, demo deskOpen) {
	f, _, _ := newScanFixtureOn(t, 60, demo)
	s := f.s
	c := f.e.win.Canvas()
	count := func() int {
		ids, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return len(ids)
	}
	open := func() *walkInForm {
		t.Helper()
		s.walkIn = nil
		s.entry.TypedShortcut(shortcutDeskWalkIn)
		waitFor(t, "the walk-in form", f.e.tasks, func() bool { return s.walkIn != nil && c.Overlays().Top() != nil })
		form := s.walkIn
		typeInWindow(c, "Nour")
		c.Focus(form.lastName)
		time.Sleep(formBurstPause) // a person's pause, then the scanner
		return form
	}
	var skip []int64
	for _, tc := range []struct {
		name string
		scan func(code string)
	}{
		{"keys held back", func(code string) {
			typeInWindow(c, code[:3])
			time.Sleep(80 * time.Millisecond)
			typeInWindow(c, code[3:]+"\n")
		}},
		{"Enter held back", func(code string) {
			typeInWindow(c, code)
			time.Sleep(80 * time.Millisecond)
			typeInWindow(c, "\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			who := f.person(t, "", skip...)
			skip = append(skip, who.ID)
			all := count()
			open()
			tc.scan(who.Code)
			waitIdle(t, f.e.tasks)
			if n := count(); n != all {
				t.Fatalf("the scan registered a walk-in: %d people, were %d; the desk says %q", n, all, deskSays(f))
			}
			if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil {
				t.Fatalf("%s scanned into the walk-in form: %d arrivals, form open %v", who.Code, n, c.Overlays().Top() != nil)
			}
			if s.shown == nil || s.shown.Participant.ID != who.ID {
				t.Fatalf("the card does not show %s", who.FullName())
			}
		})
	}

	t.Run("typed", func(t *testing.T) {
		all := count()
		form := open()
		for i, r := range "Jeanne" {
			time.Sleep(time.Duration(80+8*i) * time.Millisecond) // 80 to 120 ms a key
			typeInWindow(c, string(r))
		}
		time.Sleep(100 * time.Millisecond)
		typeInWindow(c, "\n")
		waitIdle(t, f.e.tasks)
		if n := count(); n != all+1 || !form.closed {
			t.Fatalf("a last name typed, then Enter: %d people, were %d; the form says %q", n, all, form.message.Text)
		}
	})
}
