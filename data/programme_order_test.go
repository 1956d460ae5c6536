package data_test

import (
	"slices"
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

// TestRoomsAndDeletions: what the other tests leave unread on a server:
// rooms by name with case ignored, regions likewise, a full session
// refused by EnrolStrict, and deleting a session (with its enrolments) or a
// stand.
func TestRoomsAndDeletions(t *testing.T) {
	s := mustOpen(t)
	for _, name := range []string{"salle B", "Amphi", "Salle A"} {
		addRoom(t, s, name, 1)
	}
	rooms, err := s.Rooms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rooms {
		names = append(names, r.Name)
	}
	if want := []string{"Amphi", "Salle A", "salle B"}; !slices.Equal(names, want) {
		t.Errorf("rooms %q, want %q", names, want)
	}

	for _, r := range []string{"occitanie", "Bretagne", "Occitanie", "Normandie", "Bretagne"} {
		p := newPerson(t, s, "Région", r)
		p.Region = r
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	regions, err := s.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(regions) != 4 || regions[0] != "Bretagne" || regions[1] != "Normandie" ||
		!slices.Contains(regions[2:], "Occitanie") || !slices.Contains(regions[2:], "occitanie") {
		t.Errorf("regions %q", regions)
	}

	se := addSession(t, s, "Atelier d'une place", day1, "10:00", "11:00", rooms[0].ID)
	a, b := addPerson(t, s, "Anne", "Arnaud"), addPerson(t, s, "Bruno", "Bernard")
	if err := s.EnrolStrict(ctx, a.ID, se.ID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.EnrolStrict(ctx, b.ID, se.ID), ErrSessionFull)
	if list, err := s.SessionEnrolments(ctx, se.ID); err != nil || len(list) != 1 {
		t.Fatalf("after a refused enrolment: %+v, %v", list, err)
	}
	if err := s.DeleteSession(ctx, se.ID); err != nil {
		t.Fatal(err)
	}
	if list, err := s.ParticipantEnrolments(ctx, a.ID); err != nil || len(list) != 0 {
		t.Errorf("enrolments of a deleted session: %+v, %v", list, err)
	}
	wantErr(t, s.DeleteSession(ctx, se.ID), ErrNotFound)

	st := Stand{Number: "B4", Name: "Mairie", Staff: []int64{b.ID, a.ID}, Power: true}
	if err := s.SaveStand(ctx, &st); err != nil {
		t.Fatal(err)
	}
	stands, err := s.Stands(ctx)
	if err != nil || len(stands) != 1 || !slices.Equal(stands[0].Staff, []int64{b.ID, a.ID}) || !stands[0].Power {
		t.Fatalf("stands %+v, %v", stands, err)
	}
	other := Stand{Number: "b4", Name: "Autre", X: 1}
	if err := s.SaveStand(ctx, &other); KindOf(err) != KindConflict {
		t.Errorf("a second stand b4: %v", err)
	}
	if err := s.DeleteStand(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.DeleteStand(ctx, st.ID), ErrNotFound)
	if stands, err := s.Stands(ctx); err != nil || len(stands) != 0 {
		t.Errorf("stands after deleting: %+v, %v", stands, err)
	}
}
