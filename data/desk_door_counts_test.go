package data_test

import (
	"testing"
	"time"

	. "congres/data"
)

func TestDoorCounts(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 10, 5, 0, 0, time.Local))
	room := addRoom(t, s, "Salle Nord", 30)
	atelier := addSession(t, s, "Numérique et inclusion", day1, "10:00", "11:30", room.ID)
	enrolled := addPerson(t, s, "Ana", "Inscrite")
	waiting := addPerson(t, s, "Ben", "Attente")
	speaker := addPerson(t, s, "Cléo", "Oratrice")
	deskPerson(t, s, "Dan", "Annulé", func(p *Participant) { p.Status = StatusCancelled })
	walkIn := addPerson(t, s, "Eva", "Curieuse")
	atelier.Capacity = 1 // Ana takes the place; Ben waits
	atelier.Speakers = []int64{speaker.ID}
	if err := s.SaveSession(ctx, &atelier); err != nil {
		t.Fatal(err)
	}
	for _, p := range []Participant{enrolled, waiting} {
		if _, err := s.Enrol(ctx, p.ID, atelier.ID); err != nil {
			t.Fatal(err)
		}
	}
	count := func() DoorCount {
		t.Helper()
		n, err := s.DoorCounts(ctx, atelier.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Expected: Ana (enrolled) and Cléo (on stage, of whom the door says
	// so); not Ben (waiting), not Eva.
	if got := count(); got != (DoorCount{Inside: 0, Expected: 2, OnStage: 1, Capacity: 1}) {
		t.Fatalf("before anyone came: %+v", got)
	}
	admit(t, s, AdmitRequest{ParticipantID: enrolled.ID, SessionID: atelier.ID, Desk: "Porte A"})
	admit(t, s, AdmitRequest{ParticipantID: enrolled.ID, SessionID: atelier.ID, Accept: DeskWarningKinds}) // twice: one person
	admit(t, s, AdmitRequest{ParticipantID: walkIn.ID, SessionID: atelier.ID, Accept: DeskWarningKinds})
	admit(t, s, AdmitRequest{ParticipantID: speaker.ID, Day: day1, Accept: DeskWarningKinds}) // an arrival is no entry
	if got := count(); got.Inside != 2 || got.Expected != 2 {
		t.Fatalf("after Ana and Eva came in: %+v", got)
	}
	if _, err := s.UndoLastEntry(ctx, walkIn.ID, "Porte A"); err != nil {
		t.Fatal(err)
	}
	if got := count(); got.Inside != 1 {
		t.Fatalf("after Eva's entry was undone: %+v", got)
	}

	t.Run("Plenary", func(t *testing.T) {
		plenary := Session{Kind: KindPlenary, Title: "Ouverture", Day: day2, Start: clock(t, "09:00"), End: clock(t, "10:00")}
		if err := s.SaveSession(ctx, &plenary); err != nil {
			t.Fatal(err)
		}
		deskPerson(t, s, "Fanny", "Jour-Un", func(p *Participant) { p.Days = []Day{day1} })
		n, err := s.DoorCounts(ctx, plenary.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Everyone registered for day 2 and not cancelled: Ana, Ben, Cléo,
		// Eva; not Dan (cancelled) nor Fanny (day 1 only).
		if n != (DoorCount{Expected: 4}) {
			t.Fatalf("plenary: %+v", n)
		}
	})
	t.Run("ToConfirm", func(t *testing.T) {
		c := card(t, s, enrolled.ID, day1, atelier.ID)
		if len(c.Warnings) == 0 || c.ToConfirm() != nil {
			t.Fatalf("someone already in: warnings %v, to confirm %v", kinds(c.Warnings), kinds(c.ToConfirm()))
		}
		c = card(t, s, walkIn.ID, day1, atelier.ID)
		if got := kinds(c.ToConfirm()); len(got) == 0 || got[0] != WarnNotEnrolled {
			t.Fatalf("someone not enrolled: to confirm %v", got)
		}
	})
}
