package ui

import (
	"strings"
	"testing"
	"time"
)

// TestDeskQuestionKeepsItsKeys: badges scanned while "Already printed" is
// open are checked in behind it, and the question keeps the keyboard: the
// volunteer's Enter then answers it (Print another). The first scan's
// Enter, held back by the window (80 ms under load), is the scan's, no
// answer: it printed the badge again, closed the question and left the
// code in the desk's field, where the next Enter went.
func TestDeskQuestionKeepsItsKeys(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, true)
	c := f.e.win.Canvas()
	who, top := f.askAlreadyPrinted(t, clock)
	first := f.person(t, "", who.ID)
	second := f.person(t, "", who.ID, first.ID)
	for _, p := range []struct {
		code    string
		id      int64
		enterAt time.Duration // the scan's Enter, after its last key
	}{{first.Code, first.ID, 80 * time.Millisecond}, {second.Code, second.ID, 0}} {
		time.Sleep(formBurstPause)
		*clock = clock.Add(5 * time.Second)
		typeInWindow(c, p.code)
		time.Sleep(p.enterAt)
		typeInWindow(c, "\n")
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, p.id) != 1 || c.Overlays().Top() != top || len(f.fake.lpCalls()) != 1 {
			t.Fatalf("%s scanned under the question (Enter %v after): %d arrivals, the question open %v, lp ran %d times; the field holds %q",
				p.code, p.enterAt, f.arrivals(t, p.id), c.Overlays().Top() == top, len(f.fake.lpCalls()), f.s.entry.Text)
		}
	}
	time.Sleep(formBurstPause) // the volunteer's Enter, well after the scan's
	typeInWindow(c, "\n")
	waitIdle(t, f.e.tasks)
	if c.Overlays().Top() != nil || len(f.fake.lpCalls()) != 2 {
		t.Fatalf("Enter after the scans: the question open %v, lp ran %d times; the field holds %q",
			c.Overlays().Top() != nil, len(f.fake.lpCalls()), f.s.entry.Text)
	}
	if !strings.Contains(f.s.status.Text, "Badge of "+who.FullName()) || f.s.shown == nil || f.s.shown.Participant.ID != second.ID {
		t.Errorf("the desk says %q; the card shows %v", f.s.status.Text, f.s.shown != nil && f.s.shown.Participant.ID == second.ID)
	}
}
