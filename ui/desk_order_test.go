package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestDeskScanShownAfterEarlierResults: a scan submitted when the worker
// is idle, but the results of the scans before it still wait for the UI
// thread (a loaded machine), is shown after them: the card is the last
// scan's, not an earlier one's drawn over it.
func TestDeskScanShownAfterEarlierResults(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	who := f.people(t, 3)
	submit := func(p data.Participant) {
		test.Type(s.entry, p.Code)
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	w.admitting, w.release = make(chan struct{}), make(chan struct{})
	submit(who[0]) // its check-in waits: the desk stops waiting for its card
	submit(who[1]) // queued behind it
	for range 2 {
		<-w.admitting
		w.release <- struct{}{}
	}
	// The worker is done; both results wait for the UI thread.
	for deadline := time.Now().Add(10 * time.Second); ; {
		s.scans.mu.Lock()
		running := s.scans.running
		s.scans.mu.Unlock()
		if !running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker is still running")
		}
		time.Sleep(time.Millisecond)
	}
	w.admitting = nil
	submit(who[2])
	waitIdle(t, f.e.tasks)
	for _, p := range who {
		if n := f.arrivals(t, p.ID); n != 1 {
			t.Errorf("%s: %d arrivals", p.FullName(), n)
		}
	}
	if s.shown == nil {
		t.Errorf("no card, want the last scan's, %s", who[2].FullName())
	} else if s.shown.Participant.ID != who[2].ID {
		t.Errorf("the card shows %s, want the last scan's, %s", s.shown.Participant.FullName(), who[2].FullName())
	}
}
