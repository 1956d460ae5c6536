package ui

import (
	"context"
	"strings"
	"testing"

	"congres/data"
)

// heldUndo is the desk's store with its undo held back until release is
// closed, as when the file is slow to answer.
type heldUndo struct {
	deskStore
	started chan struct{}
	release chan struct{}
}

func (h heldUndo) UndoLastEntry(ctx context.Context, id int64, desk string) (data.Checkin, error) {
	close(h.started)
	<-h.release
	return h.deskStore.UndoLastEntry(ctx, id, desk)
}

// An undo that ends after someone else was scanned takes back the check-in
// of the person it was for, and says so by name, but leaves the card to
// the person scanned: it went back to the first one, whose card then showed
// over the second's arrival.
func TestDeskUndoEndingAfterAScanKeepsTheCard(t *testing.T) {
	testDeskUndoEndingAfterAScanKeepsTheCard(t, demoOnFile)
}

func testDeskUndoEndingAfterAScanKeepsTheCard(t *testing.T, open deskOpen) {
	f := newDeskFixtureOn(t, open)
	who := f.person(t, "")
	other := f.person(t, "", who.ID)
	f.scan(t, who.Code)
	if f.arrivals(t, who.ID) != 1 {
		t.Fatalf("%s not checked in: %q", who.FullName(), deskSays(f))
	}
	h := heldUndo{deskStore: f.s.store, started: make(chan struct{}), release: make(chan struct{})}
	f.s.store = h
	f.s.onUndoTapped()
	<-h.started
	f.s.onScanned(other.Code)
	waitFor(t, "the card of the person scanned", f.e.tasks, func() bool {
		return f.s.shown != nil && f.s.shown.Participant.ID == other.ID
	})
	close(h.release)
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 0 || f.arrivals(t, other.ID) != 1 {
		t.Fatalf("arrivals: %s %d (undone), %s %d", who.FullName(), f.arrivals(t, who.ID), other.FullName(), f.arrivals(t, other.ID))
	}
	if f.s.shown == nil || f.s.shown.Participant.ID != other.ID {
		t.Errorf("the card shows %s, not %s scanned after the undo began", f.s.shown.Participant.FullName(), other.FullName())
	}
	if got := f.s.status.Text; !strings.Contains(got, who.FullName()) || !strings.Contains(got, "undone") {
		t.Errorf("the desk says %q, not that the check-in of %s was undone", got, who.FullName())
	}
}
