package ui

import (
	"bytes"
	"context"
	"log"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestDeskScanNameAgain: a name that several people match comes back into
// the field; Enter on it again within 2 s is no scanner's repeat: the name
// stays in the field, with its matches.
func TestDeskScanNameAgain(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	test.Type(s.entry, "a")
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if s.entry.Text != "a" || len(s.matches) < 2 {
		t.Fatalf("the field holds %q with %d matches", s.entry.Text, len(s.matches))
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the same desk clock: within 2 s
	waitIdle(t, f.e.tasks)
	if s.entry.Text != "a" || len(s.matches) < 2 || w.admits.Load() != 0 {
		t.Fatalf("Enter again on a name: the field holds %q with %d matches, %d check-ins",
			s.entry.Text, len(s.matches), w.admits.Load())
	}
}

// TestDeskScanAgainAfterError: a scan that failed (the file busy) and is
// scanned again within 2 s is checked in: the failure is no scan to repeat.
func TestDeskScanAgainAfterError(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	who := f.person(t, "")
	w.failAdmits.Store(1)
	scan := func() {
		test.Type(s.entry, who.Code)
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, f.e.tasks)
	}
	scan()
	if n := f.arrivals(t, who.ID); n != 0 || w.admits.Load() != 1 {
		t.Fatalf("the failed scan: %d arrivals, %d check-ins asked", n, w.admits.Load())
	}
	scan() // the same desk clock: within 2 s
	if n := f.arrivals(t, who.ID); n != 1 || w.admits.Load() != 2 {
		t.Fatalf("scanned again after a failure: %d arrivals, %d check-ins asked", n, w.admits.Load())
	}
	if s.shown == nil || s.shown.Participant.ID != who.ID {
		t.Fatalf("the card shows %+v, want %s", s.shown, who.FullName())
	}
}

// TestDeskScanDroppedOnClose: scans still queued when the file closes are
// not checked in with the closing file; the desk logs how many, and says
// so over the window.
func TestDeskScanDroppedOnClose(t *testing.T) {
	f, w, _ := newScanFixture(t, 200)
	s := f.s
	var logged bytes.Buffer
	was := log.Writer()
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(was) })
	ctx, cancel := context.WithCancel(f.e.ctx) // the file's
	f.e.ctx = ctx
	w.admitting, w.release = make(chan struct{}), make(chan struct{})
	who := f.people(t, 5)
	for _, p := range who {
		test.Type(s.entry, p.Code)
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	<-w.admitting // the first check-in is being written
	cancel()      // the file closes
	close(w.release)
	settle(t, f.e.tasks, 10*time.Second)
	if n := w.admits.Load(); n != 1 {
		t.Errorf("%d check-ins asked after the file closed, want the 1 in flight", n)
	}
	if !strings.Contains(logged.String(), "desk: 4 scans queued were not recorded") {
		t.Errorf("log: %q", logged.String())
	}
	if s.scans.waiting != 0 || !f.e.tasks.idle() {
		t.Errorf("%d scans still waiting", s.scans.waiting)
	}
	top := f.e.win.Canvas().Overlays().Top()
	if top == nil || !hasLabel(top, "4 scans waiting at the desk were not recorded") {
		t.Error("the window does not say that scans were not recorded")
	}
}

// hasLabel reports whether o shows a label that contains text.
func hasLabel(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}
