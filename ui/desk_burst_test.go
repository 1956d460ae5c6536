package ui

import (
	"testing"
	"time"
)

// TestDeskScanKeyBurst: the one burst detector of the desk's fields (the
// scan field's name search, the PIN and payment dialogs, the walk-in form)
// tells a scanner's keys from a person's by the gap between them.
func TestDeskScanKeyBurst(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var b keyBurst // scanGap
	for i, ms := range []int{0, 4, 8} {
		if on := b.keyAt(t0.Add(time.Duration(ms)*time.Millisecond), i); on != (i > 0) {
			t.Fatalf("key %d: goes on the burst %v", i, on)
		}
	}
	if b.burst != 0 || !b.within(t0.Add(20*time.Millisecond)) || b.ended(t0.Add(20*time.Millisecond)) {
		t.Fatalf("a scanner's three keys: burst from %d", b.burst)
	}
	later := t0.Add(time.Second) // a person's key, a second later
	if b.keyAt(later, 3) || b.burst != 3 || !b.ended(later.Add(scanGap)) {
		t.Fatalf("a person's key a second later: burst from %d", b.burst)
	}
	b.restartAt(5) // an edit
	if b.within(later) || b.ended(later) || b.burst != 5 {
		t.Fatal("an edit does not end the burst")
	}
	search := keyBurst{gap: deskBurstGap}
	search.keyAt(t0, 0)
	if search.keyAt(t0.Add(30*time.Millisecond), 0) {
		t.Fatal("keys 30 ms apart hold a name search")
	}
}
