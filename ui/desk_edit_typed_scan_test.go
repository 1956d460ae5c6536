package ui

import (
	"testing"
	"time"
)

// TestDeskEditTypedThenScanned: in the form opened from the desk (Ctrl+E),
// a volunteer types into the first name, a key every 100 ms, and less than
// formBurstPause later a badge is scanned there. The run of keys joined
// the name typed to the code, nobody's: the form said so, and the badge
// was not checked in. The scan is the run's scanner-fast end: its holder
// is checked in, and the form closes unsaved, as on any scan into it.
func TestDeskEditTypedThenScanned(t *testing.T) {
	f, ps := newDeskEditFixture(t)
	c := f.e.win.Canvas()
	who := f.people(t, 2)
	form := f.openEdit(t, ps, who[0])
	for _, r := range "Nour" {
		typeInWindow(c, string(r))
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // 150 ms after the last key typed: the same run
	scanInWindow(c, who[1].Code)
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who[1].ID); n != 1 || c.Overlays().Top() != nil {
		t.Fatalf("%s scanned after a name typed: %d arrivals, the form open %v, its first name %q, saying %q",
			who[1].Code, n, c.Overlays().Top() != nil, form.firstName.Text, form.errs["first_name"].Text)
	}
	if got := f.stored(t, who[0].ID).FirstName; got != who[0].FirstName {
		t.Errorf("%s saved with the first name %q", who[0].FullName(), got)
	}
}
