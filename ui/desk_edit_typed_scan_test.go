package ui

import "testing"

// TestDeskEditTypedThenScanned: in the form opened from the desk (Ctrl+E),
// a volunteer types into the first name, a key every 100 ms (handed over
// by frames, as the real window did), and a badge is scanned there right
// after. The run of keys joined the name typed to the code, and Enter
// saved it into the first name (NourCPXRTGSJosée, in the real window).
// The scan is the longest end of the run that is someone's code: its
// holder is checked in, and the form closes unsaved, as on any scan into
// it.
func TestDeskEditTypedThenScanned(t *testing.T) {
	f, ps := newDeskEditFixture(t)
	c := f.e.win.Canvas()
	who := f.people(t, 2)
	form := f.openEdit(t, ps, who[0])
	typeByFrames(c, "Nour", who[1].Code) // as the real window handed the keys over
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who[1].ID); n != 1 || c.Overlays().Top() != nil {
		t.Fatalf("%s scanned after a name typed: %d arrivals, the form open %v, its first name %q, saying %q",
			who[1].Code, n, c.Overlays().Top() != nil, form.firstName.Text, form.errs["first_name"].Text)
	}
	if got := f.stored(t, who[0].ID).FirstName; got != who[0].FirstName {
		t.Errorf("%s saved with the first name %q", who[0].FullName(), got)
	}
}
