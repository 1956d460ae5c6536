package ui

import (
	"slices"
	"testing"
)

// TestFormScanCodes: a run of keys ended by Enter in a form may be a scan
// after a person's keys: its codes are the run, then its ends, longest
// first; a run of digits is never cut inside, so that the end of an
// unknown ticket (4821330712) is not taken for someone's shorter one
// (30712) and that person checked in.
func TestFormScanCodes(t *testing.T) {
	for _, tc := range []struct {
		run  string
		want []string
	}{
		{"4821330712", []string{"4821330712"}},
		{"Nour48213307", []string{"Nour48213307", "our48213307", "ur48213307", "r48213307", "48213307"}},
		{"NourBXRRJKP", []string{"rBXRRJKP", "BXRRJKP", "XRRJKP"}}, // as long as a code, no longer (looksScanned)
		{"Léa 77011", []string{"77011"}},
	} {
		got := formScan{run: tc.run}.codes()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.run, got, tc.want)
		}
	}
}
