package export

import (
	"strings"
	"testing"
)

// TestBreaksKeepFrenchTimes: a French time ("11 h 00") is never cut into
// two lines; a sign-in sheet's details read "9 h 30 – 11 h" then "00 ·
// Grand Auditorium…". Ordinary words around it still break.
func TestBreaksKeepFrenchTimes(t *testing.T) {
	s := "Plénière · jeudi 25 novembre 2021 · 9 h 30 – 11 h 00 · 2 h de débat"
	var lines []string
	for _, b := range breaks(s) {
		lines = append(lines, s[:b.end])
	}
	for _, bad := range []string{"9", "9 h", "11", "11 h", "2"} {
		for _, l := range lines {
			if strings.HasSuffix(l, "· "+bad) || strings.HasSuffix(l, "– "+bad) {
				t.Errorf("a break after %q: %q", bad, l)
			}
		}
	}
	want := map[string]bool{"Plénière": false, "9 h 30": false, "9 h 30 –": false, "11 h 00": false, "2 h de": false}
	for _, l := range lines {
		for w := range want {
			if strings.HasSuffix(l, w) {
				want[w] = true
			}
		}
	}
	for w, ok := range want {
		if !ok && w != "9 h 30" && w != "11 h 00" {
			t.Errorf("no break after %q", w)
		}
	}
	if !want["9 h 30"] || !want["11 h 00"] {
		t.Errorf("no break after a whole time: %q", lines)
	}
}
