package data_test

import (
	"testing"

	"congres/data"
)

// TestOverlapsPlenary (issue 19): a session moved or saved at the time of a
// plenary is told of it, once: not when it overlapped that plenary already,
// not a plenary itself, not on another day or just after it.
func TestOverlapsPlenary(t *testing.T) {
	const day, other = data.Day("2021-11-25"), data.Day("2021-11-26")
	opening := data.Session{ID: 1, Kind: data.KindPlenary, Title: "Ouverture", Day: day, Start: 9*60 + 30, End: 11 * 60}
	closing := data.Session{ID: 2, Kind: data.KindPlenary, Title: "Clôture", Day: day, Start: 16 * 60, End: 17 * 60}
	work := data.Session{ID: 3, Kind: data.KindWorkshop, Title: "Numérique et inclusion", Day: day, Start: 14 * 60, End: 15*60 + 30}
	programme := []data.Session{opening, closing, work}
	at := func(se data.Session, d data.Day, start, end data.Clock) data.Session {
		se.Day, se.Start, se.End = d, start, end
		return se
	}
	for _, tc := range []struct {
		name          string
		before, after data.Session
		want          string // the plenary's title, "" for none
	}{
		{"MovedOntoTheOpening", work, at(work, day, 9*60+45, 11*60+15), "Ouverture"},
		{"NewOntoTheClosing", data.Session{}, at(data.Session{Kind: data.KindOther}, day, 16*60+30, 17*60+30), "Clôture"},
		{"OverBoth", work, at(work, day, 10*60, 16*60+30), "Ouverture"},
		{"JustAfter", work, at(work, day, 11*60, 12*60), ""},
		{"AnotherDay", work, at(work, other, 9*60+30, 11*60), ""},
		{"OverlappedAlready", at(work, day, 10*60, 11*60), at(work, day, 10*60, 11*60+30), ""},
		{"ThePlenaryItself", opening, at(opening, day, 10*60, 11*60+30), ""},
		{"Untouched", work, work, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := data.OverlapsPlenary(tc.before, tc.after, programme)
			if got := map[bool]string{true: p.Title}[ok]; got != tc.want {
				t.Errorf("overlaps %q, want %q", got, tc.want)
			}
		})
	}
}
