package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"congres/data"
)

// TestDeskWalkInTypedThenScanned: a volunteer types a name into the
// walk-in form, a key every 100 ms, and less than formBurstPause later a
// badge is scanned into the same field (4 ms a key, then Enter). The run
// of keys joined the name to the code, which then was nobody's. The scan
// is the longest end of the run that is someone's code: its holder is
// checked in, and, as for any scan of someone's badge into the form, the
// form closes with nobody registered; the field holds the name as typed,
// without the code.
// With the scan's first key held back alone (a frame of its own, 80 ms
// before the rest), the code is still whole; and with the person's keys
// handed over by frames, as the real window did (100 ms apart typed, they
// came 50, 49 and 89 ms apart, the scan's first 37 ms after the last).
func TestDeskWalkInTypedThenScanned(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	s, c := f.s, f.e.win.Canvas()
	var skip []int64
	for _, tc := range []struct {
		name string
		scan func(code string)
	}{
		{"scanned", func(code string) { scanInWindow(c, code) }},
		{"first key held back", func(code string) {
			typeInWindow(c, code[:1])
			time.Sleep(80 * time.Millisecond)
			scanInWindow(c, code[1:])
		}},
		{"by frames", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			who := f.person(t, "", skip...)
			skip = append(skip, who.ID)
			ids, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
			if err != nil {
				t.Fatal(err)
			}
			s.walkIn = nil
			s.entry.TypedShortcut(shortcutDeskWalkIn)
			waitFor(t, "the walk-in form", f.e.tasks, func() bool { return s.walkIn != nil && c.Overlays().Top() != nil })
			form := s.walkIn
			if tc.scan == nil {
				typeByFrames(c, "Nour", who.Code)
			} else {
				for _, r := range "Nour" {
					typeInWindow(c, string(r))
					time.Sleep(100 * time.Millisecond)
				}
				time.Sleep(50 * time.Millisecond) // 150 ms after the last key typed: the same run
				tc.scan(who.Code)
			}
			waitIdle(t, f.e.tasks)
			now, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if n := f.arrivals(t, who.ID); n != 1 || len(now) != len(ids) {
				t.Fatalf("%s scanned after a name typed: %d arrivals, %d people (were %d); the form says %q, the desk %q",
					who.Code, n, len(now), len(ids), form.message.Text, deskSays(f))
			}
			if !form.closed || form.firstName.Text != "Nour" {
				t.Errorf("the form closed %v, its first name %q, want %q", form.closed, form.firstName.Text, "Nour")
			}
		})
	}
}

// scanInWindow types text as a scanner does, a key every 4 ms, then Enter.
func scanInWindow(c fyne.Canvas, text string) {
	for _, r := range text {
		typeInWindow(c, string(r))
		time.Sleep(4 * time.Millisecond)
	}
	typeInWindow(c, "\n")
}

// typeByFrames types name as a person does, then code as a scanner does,
// the keys handed over as the real window handed them (in Xvfb, at load
// 4): a person's keys typed 100 ms apart came 50, 49 and 89 ms apart, the
// scan's first 37 ms after the last.
func typeByFrames(c fyne.Canvas, name, code string) {
	gaps := []time.Duration{50, 49, 89, 37}
	for i, r := range name {
		typeInWindow(c, string(r))
		time.Sleep(gaps[min(i, len(gaps)-1)] * time.Millisecond)
	}
	scanInWindow(c, code)
}
