package data_test

import (
	"testing"

	. "congres/data"
)

// TestSessionsOrder: the programme reads in one order on both stores: by
// day and time, then room, a session with no room yet first (SQLite sorts
// NULL first, PostgreSQL last unless told).
func TestSessionsOrder(t *testing.T) {
	s := mustOpen(t)
	b := addRoom(t, s, "Salle B", 30)
	a := addRoom(t, s, "Salle A", 30)
	inB := addSession(t, s, "Atelier en salle B", day1, "10:00", "11:00", b.ID)
	nowhere := addSession(t, s, "Atelier sans salle", day1, "10:00", "11:00", 0)
	inA := addSession(t, s, "Atelier en salle A", day1, "10:00", "11:00", a.ID)
	earlier := addSession(t, s, "Plénière", day1, "09:00", "10:00", b.ID)
	list, err := s.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, se := range list {
		got = append(got, se.ID)
	}
	want := []int64{earlier.ID, nowhere.ID, inA.ID, inB.ID}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v (%s)", got, want, SuiteStore())
		}
	}
}
