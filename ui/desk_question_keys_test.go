package ui

import (
	"strings"
	"testing"
	"time"
)

// TestDeskQuestionKeepsItsKeys: a badge scanned while "Already printed"
// is open is checked in behind it, and then the question has the keyboard
// back: the volunteer's Enter answers it (Print another), where it went to
// the desk's field; a second scan still reaches the desk.
func TestDeskQuestionKeepsItsKeys(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, true)
	c := f.e.win.Canvas()
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped() // the first print asks nothing
	waitIdle(t, f.e.tasks)
	f.s.onPrintBadgeTapped()
	top := ptTopDialog(t, f.e, "already has a badge")
	first := f.person(t, "", who.ID)
	second := f.person(t, "", who.ID, first.ID)
	for _, p := range []struct {
		code string
		id   int64
	}{{first.Code, first.ID}, {second.Code, second.ID}} {
		time.Sleep(formBurstPause)
		*clock = clock.Add(5 * time.Second)
		typeInWindow(c, p.code+"\n")
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, p.id) != 1 || c.Overlays().Top() != top {
			t.Fatalf("%s scanned under the question: %d arrivals, the question open %v; the desk says %q",
				p.code, f.arrivals(t, p.id), c.Overlays().Top() == top, deskSays(f))
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

// TestDeskQuestionScanEnterHeldBack: a badge scanned while "Already
// printed" is open, its Enter held back by the window (80 ms under load):
// the Enter is the scan's, which is checked in behind the question, and the
// question stays open; the badge is not printed again.
func TestDeskQuestionScanEnterHeldBack(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, true)
	c := f.e.win.Canvas()
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped() // the first print asks nothing
	waitIdle(t, f.e.tasks)
	f.s.onPrintBadgeTapped()
	top := ptTopDialog(t, f.e, "already has a badge")
	other := f.person(t, "", who.ID)
	time.Sleep(formBurstPause)
	*clock = clock.Add(5 * time.Second)
	typeInWindow(c, other.Code)
	time.Sleep(80 * time.Millisecond)
	typeInWindow(c, "\n")
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, other.ID) != 1 || c.Overlays().Top() != top || len(f.fake.lpCalls()) != 1 {
		t.Fatalf("%s scanned under the question, its Enter held back: %d arrivals, the question open %v, lp ran %d times; the field holds %q",
			other.Code, f.arrivals(t, other.ID), c.Overlays().Top() == top, len(f.fake.lpCalls()), f.s.entry.Text)
	}
}
