package ui

import (
	"testing"
	"time"
)

// TestDeskScanOntoATypedNameHeldBack: a badge scanned onto a name typed in
// the desk's field, whose keys the window held back 80 ms in the middle (seen
// at load 7), or whose Enter it held back, is still one scan: its holder is
// checked in and the field emptied. The desk's field took the scan's keys
// after the stall alone for the scan, too short for a code, and searched
// the name and the code as a name, which matched nobody.
func TestDeskScanOntoATypedNameHeldBack(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	s := f.s
	keys := newDeskKeys(f)
	var skip []int64
	for _, tc := range []struct {
		name         string
		stall, enter int // where the stall comes: after that many keys; or before Enter
	}{
		{"keys held back", 3, 0},
		{"Enter held back", 0, 1},
	} {
		who := f.person(t, "", skip...)
		skip = append(skip, who.ID)
		keys.typeAt(t, "Zyxwvu", personKeys)
		keys.pause()
		code := who.Code
		if tc.stall > 0 {
			keys.typeAt(t, code[:tc.stall], scannerKeys)
			keys.at = keys.at.Add(80 * time.Millisecond)
			code = code[tc.stall:]
		}
		keys.typeAt(t, code, scannerKeys)
		if tc.enter > 0 {
			keys.at = keys.at.Add(80 * time.Millisecond)
		}
		keys.typeAt(t, "\n", scannerKeys)
		if n := f.arrivals(t, who.ID); n != 1 || s.entry.Text != "" {
			t.Fatalf("%s: a badge scanned onto a name: %d arrivals, field %q, status %q", tc.name, n, s.entry.Text, s.status.Text)
		}
	}
}
