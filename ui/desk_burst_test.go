package ui

import (
	"testing"
	"time"
)

// TestDeskScanKeyBurst: the burst detector of the desk's fields that tell
// a key at once (the scan field's name search, the PIN and payment
// dialogs) tells a scanner's keys from a person's by the gap between them.
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

// TestKeyRun: the rule of the forms' fields (keyRun) takes a scanner's
// keys, even with one held back 80 ms or its Enter held back, for a scan,
// and a person's keys (80 to 120 ms apart) for typing; a pause of
// formBurstPause starts a run of its own. A scan that comes close after a
// person's keys is a scan, and its scanner-fast end starts at its first
// key, or after it when the window held that key back alone.
func TestKeyRun(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	for _, tc := range []struct {
		name  string
		keys  []int // when each key came, in ms
		enter int
		scan  bool
		fast  int // the key that starts the run's scanner-fast end
	}{
		{"a scanner's", []int{0, 4, 8, 12, 16, 20, 24}, 28, true, 0},
		{"a key held back", []int{0, 4, 8, 88, 92, 96, 100}, 104, true, 0},
		{"Enter held back", []int{0, 4, 8, 12, 16, 20, 24}, 104, true, 0},
		{"a person's", []int{0, 80, 170, 270, 380, 500}, 600, false, 5},
		{"a person's, then a pause", []int{0, 80, 170}, 170 + int(formBurstPause/time.Millisecond), false, 2},
		{"a person's, two keys rolled, then Enter", []int{0, 100, 200, 230}, 260, false, 2},
		{"a person's, then a scan", []int{0, 100, 200, 300, 450, 454, 458, 462, 466, 470, 474}, 478, true, 4},
		{"a person's, then a scan's first key alone", []int{0, 100, 200, 300, 450, 530, 534, 538, 542, 546, 550}, 554, true, 5},
	} {
		var r keyRun
		fast := -1
		for i, at := range tc.keys {
			if starts := r.keyAt(ms(at)); starts != (i == 0) {
				t.Errorf("%s: key %d starts a run: %v", tc.name, i, starts)
			}
			if r.scanStarts() {
				fast = i
			}
		}
		if got := r.burst(ms(tc.enter)); got != tc.scan || fast != tc.fast {
			t.Errorf("%s: a scan %v from key %d, want %v from key %d", tc.name, got, fast, tc.scan, tc.fast)
		}
	}
	var r keyRun
	r.keyAt(ms(0))
	if !r.keyAt(ms(0).Add(formBurstPause)) {
		t.Error("a key after a pause of formBurstPause goes on the run")
	}
	r.forget()
	if r.burst(ms(1)) {
		t.Error("Enter after forget ends a run")
	}
}
