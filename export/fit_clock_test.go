package export

import (
	"slices"
	"testing"
)

// TestBreaksKeepFrenchTimes: a French time ("11 h 00") is never cut into
// two lines (a sign-in sheet's details read "9 h 30 – 11 h" then "00 ·
// Grand Auditorium…"), and a line ends with a "·" or "–" rather than
// starts with one. Ordinary words still break.
func TestBreaksKeepFrenchTimes(t *testing.T) {
	s := "Plénière · jeudi 25 novembre 2021 · 9 h 30 – 11 h 00 · durée 2 h"
	var ends []string
	for _, b := range breaks(s) {
		ends = append(ends, s[:b.end])
	}
	want := []string{
		"Plénière ·",
		"Plénière · jeudi",
		"Plénière · jeudi 25",
		"Plénière · jeudi 25 novembre",
		"Plénière · jeudi 25 novembre 2021 ·",
		"Plénière · jeudi 25 novembre 2021 · 9 h 30 –",
		"Plénière · jeudi 25 novembre 2021 · 9 h 30 – 11 h 00 ·",
		"Plénière · jeudi 25 novembre 2021 · 9 h 30 – 11 h 00 · durée",
	}
	if !slices.Equal(ends, want) {
		t.Errorf("lines may end at\n%q\nwant\n%q", ends, want)
	}
}
