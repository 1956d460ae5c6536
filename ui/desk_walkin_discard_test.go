package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestWalkInAsksBeforeLosingWhatWasTyped: Esc or Cancel in the walk-in
// form after a name was typed asks "Discard the changes?", as the
// participant form does: Keep editing brings the form back as it was,
// Discard closes it and registers nobody. An empty form closes at once. A
// badge scanned while the question is open closes it, and the desk checks
// the badge in. The form closed at once, and what was typed was lost.
func TestWalkInAsksBeforeLosingWhatWasTyped(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	c := f.e.win.Canvas()
	count := func() int {
		ids, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return len(ids)
	}
	all := count()

	form := f.openEmptyWalkIn(t)
	if !escapeFromFocus(c) || !form.closed || c.Overlays().Top() != nil {
		t.Fatalf("Esc in an empty walk-in form: closed %v, %v still open", form.closed, c.Overlays().Top())
	}

	form = f.openEmptyWalkIn(t)
	test.Type(form.firstName, "Nour")
	escapeFromFocus(c)
	ask := ptTopDialog(t, f.e, "will be lost")
	ptTap(t, ask, "Keep editing")
	if form.closed || c.Overlays().Top() == nil || form.firstName.Text != "Nour" {
		t.Fatalf("Keep editing: the form closed %v, its first name %q", form.closed, form.firstName.Text)
	}
	ptTap(t, c.Overlays().Top(), "Cancel")
	ask = ptTopDialog(t, f.e, "will be lost")
	ptTap(t, ask, "Discard")
	if !form.closed || c.Overlays().Top() != nil || count() != all {
		t.Fatalf("Discard: the form closed %v, %d people, were %d", form.closed, count(), all)
	}

	// Keep editing by the keyboard brings it back to the field in use.
	form = f.openEmptyWalkIn(t)
	test.Type(form.firstName, "Nour")
	c.Focus(form.email)
	test.Type(form.email, "nour@")
	escapeFromFocus(c)
	ptTopDialog(t, f.e, "will be lost")
	escapeFromFocus(c)
	if c.Focused() != fyne.Focusable(form.email) {
		t.Fatalf("Keep editing: the keyboard is in %T, not the email field", c.Focused())
	}
	ptTap(t, c.Overlays().Top(), "Cancel")
	ptTap(t, ptTopDialog(t, f.e, "will be lost"), "Discard")

	// Keep editing by the keyboard (Esc on the question), then a badge
	// scanned into the form: the form closes and the desk checks it in.
	// (Esc hid the question with fyne's "no", which closed the form
	// behind the form shown again: the scan then left it open.)
	who := f.person(t, "")
	form = f.openEmptyWalkIn(t)
	test.Type(form.firstName, "Nour")
	escapeFromFocus(c)
	ptTopDialog(t, f.e, "will be lost")
	escapeFromFocus(c)
	if form.closed || c.Overlays().Top() == nil || form.firstName.Text != "Nour" {
		t.Fatalf("Esc on the question: the form closed %v, its first name %q", form.closed, form.firstName.Text)
	}
	time.Sleep(formBurstPause)
	typeInWindow(c, who.Code+"\n")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil || !form.closed {
		t.Fatalf("%s scanned into the form kept: %d arrivals, %v still open", who.Code, n, ptFindLabels(c.Overlays().Top()))
	}

	// A badge scanned under the question.
	who = f.person(t, "")
	form = f.openEmptyWalkIn(t)
	test.Type(form.firstName, "Nour")
	escapeFromFocus(c)
	ptTopDialog(t, f.e, "will be lost")
	time.Sleep(formBurstPause)
	typeInWindow(c, who.Code+"\n")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil || !form.closed {
		t.Fatalf("%s scanned under the question: %d arrivals, %v still open", who.Code, n, ptFindLabels(c.Overlays().Top()))
	}
	if count() != all {
		t.Errorf("%d people, were %d", count(), all)
	}
}
