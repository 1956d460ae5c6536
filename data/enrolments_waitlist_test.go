package data_test

import (
	"strings"
	"testing"

	. "congres/data"
)

// A place on a waiting list holds nobody: it does not stop someone taking
// a free seat elsewhere at the same time.
func TestWaitlistPlaceIsNoClash(t *testing.T) {
	s := mustOpen(t)
	small := addRoom(t, s, "Salle Artois", 1)
	full := addSession(t, s, "Numérique et inclusion", day1, "14:00", "15:30", small.ID)
	free := addSession(t, s, "Mobilité", day1, "15:00", "16:00", 0)
	later := addSession(t, s, "Clôture", day1, "16:00", "17:00", 0)
	anne, bea, chloe := addPerson(t, s, "Anne", "Aubert"), addPerson(t, s, "Béa", "Bruneau"), addPerson(t, s, "Chloé", "Caron")
	enrol := func(p Participant, se Session, want EnrolmentStatus) {
		t.Helper()
		got, err := s.Enrol(ctx, p.ID, se.ID)
		if err != nil || got != want {
			t.Fatalf("Enrol(%s, %s) = %s, %v; want %s", p.FirstName, se.Title, got, err, want)
		}
	}
	statuses := func(se Session) string {
		t.Helper()
		list, err := s.SessionEnrolments(ctx, se.ID)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, e := range list {
			parts = append(parts, e.ParticipantName[:1]+":"+string(e.Status)[:1])
		}
		return strings.Join(parts, " ")
	}
	enrol(anne, full, Enrolled)
	enrol(bea, full, Waitlisted)
	enrol(chloe, full, Waitlisted)

	t.Run("FreeSeatWhileWaiting", func(t *testing.T) {
		enrol(bea, free, Enrolled)
		if got := statuses(full); got != "A:e B:w C:w" {
			t.Fatalf("Béa left the waiting list: %s", got)
		}
	})
	t.Run("SeatsStillClash", func(t *testing.T) {
		_, err := s.Enrol(ctx, anne.ID, free.ID)
		wantErr(t, err, ErrClash)
		if msg := Message(err, "fr"); !strings.Contains(msg, "déjà inscrit·e à «Numérique et inclusion»") {
			t.Errorf("fr: %s", msg)
		}
		if msg := Message(err, "en"); !strings.Contains(msg, "already down for “Numérique et inclusion”") {
			t.Errorf("en: %s", msg)
		}
	})
	t.Run("PromotionPassesOverASeatElsewhere", func(t *testing.T) {
		if err := s.CancelEnrolment(ctx, anne.ID, full.ID); err != nil {
			t.Fatal(err)
		}
		if got := statuses(full); got != "C:e B:w" {
			t.Fatalf("after Anne left: %s (Béa is seated in Mobilité at that time)", got)
		}
		err := s.PromoteFromWaitlist(ctx, bea.ID, full.ID)
		wantErr(t, err, ErrClash)
	})
	t.Run("FreeSeatGoesToANewcomerBeforeThosePassedOver", func(t *testing.T) {
		if err := s.CancelEnrolment(ctx, chloe.ID, full.ID); err != nil {
			t.Fatal(err)
		}
		if got := statuses(full); got != "B:w" {
			t.Fatalf("after Chloé left: %s", got)
		}
		enrol(addPerson(t, s, "Dan", "Dupuis"), full, Enrolled)
	})
	t.Run("LeavingTheSeatLetsThemIn", func(t *testing.T) {
		enrol(chloe, full, Waitlisted)
		if err := s.CancelEnrolment(ctx, bea.ID, free.ID); err != nil {
			t.Fatal(err)
		}
		if got := statuses(full); got != "D:e B:w C:w" {
			t.Fatalf("full room: %s", got)
		}
		room := small
		room.Capacity = 2
		if err := s.SaveRoom(ctx, &room); err != nil {
			t.Fatal(err)
		}
		if got := statuses(full); got != "B:e D:e C:w" {
			t.Fatalf("a larger room: %s", got)
		}
	})
	t.Run("MoveThere", func(t *testing.T) {
		eve := addPerson(t, s, "Ève", "Etienne")
		enrol(eve, full, Waitlisted)
		enrol(eve, later, Enrolled)
		waits, err := s.WaitsAtTheSameTime(ctx, eve.ID, free.ID)
		if err != nil || len(waits) != 1 || waits[0].SessionID != full.ID {
			t.Fatalf("Ève's waits at Mobilité's time: %+v, %v", waits, err)
		}
		if waits, _ := s.WaitsAtTheSameTime(ctx, eve.ID, later.ID); len(waits) != 0 {
			t.Fatalf("Ève's waits at Clôture's time: %+v", waits)
		}
		st, err := s.EnrolLeavingWaitlists(ctx, eve.ID, free.ID)
		if err != nil || st != Enrolled {
			t.Fatalf("EnrolLeavingWaitlists = %s, %v", st, err)
		}
		mine, _ := s.ParticipantEnrolments(ctx, eve.ID)
		var got []string
		for _, e := range mine {
			got = append(got, e.SessionTitle+":"+string(e.Status))
		}
		if strings.Join(got, " ") != "Numérique et inclusion:cancelled Mobilité:enrolled Clôture:enrolled" {
			t.Fatalf("Ève: %v", got)
		}
	})
	t.Run("MovingASessionPastAWaitingList", func(t *testing.T) {
		// Béa is seated in full; Chloé waits for it and is seated nowhere.
		enrol(chloe, free, Enrolled)
		moved := full
		moved.Start, moved.End = clock(t, "14:30"), clock(t, "15:45")
		if err := s.SaveSession(ctx, &moved); err != nil {
			t.Fatalf("moving a session one waits for over one's seat: %v", err)
		}
	})
}

// NextOnWaitlist names who a freed place goes to, by the rule
// CancelEnrolment applies: the first waiting, unless seated elsewhere at
// that time.
func TestNextOnWaitlistPassesOverASeatElsewhere(t *testing.T) {
	s := mustOpen(t)
	small := addRoom(t, s, "Salle Artois", 1)
	full := addSession(t, s, "Gouvernance", day1, "16:00", "17:30", small.ID)
	other := addSession(t, s, "Mobilité", day1, "16:00", "17:00", 0)
	anne, bea, chloe := addPerson(t, s, "Anne", "Aubert"), addPerson(t, s, "Béa", "Bruneau"), addPerson(t, s, "Chloé", "Caron")
	for _, p := range []Participant{anne, bea, chloe} {
		if _, err := s.Enrol(ctx, p.ID, full.ID); err != nil {
			t.Fatal(err)
		}
	}
	next := func() (string, int) {
		t.Helper()
		e, ok, err := s.NextOnWaitlist(ctx, full.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "", 0
		}
		return e.ParticipantName, e.Position
	}
	if name, pos := next(); name != "Béa Bruneau" || pos != 1 {
		t.Fatalf("next = %s (%d), want Béa Bruneau (1)", name, pos)
	}
	if _, err := s.Enrol(ctx, bea.ID, other.ID); err != nil { // seated elsewhere at 16:00, still waiting
		t.Fatal(err)
	}
	if name, pos := next(); name != "Chloé Caron" || pos != 2 {
		t.Fatalf("next = %s (%d), want Chloé Caron (2): Béa has a seat in Mobilité at that time", name, pos)
	}
	if err := s.CancelEnrolment(ctx, anne.ID, full.ID); err != nil {
		t.Fatal(err)
	}
	list, err := s.SessionEnrolments(ctx, full.ID)
	if err != nil || list[0].ParticipantName != "Chloé Caron" || list[0].Status != Enrolled {
		t.Fatalf("the place went to %+v, %v; foretold Chloé Caron", list[0], err)
	}
	if err := s.CancelEnrolment(ctx, chloe.ID, full.ID); err != nil {
		t.Fatal(err)
	}
	if name, _ := next(); name != "" {
		t.Fatalf("next = %s, want nobody (Béa is seated elsewhere)", name)
	}
}

// A bulk enrolment may move those waiting elsewhere at that time: they
// leave those lists (each result says which), and Undo gives the places
// back; without move they keep both.
func TestEnrolManyMoving(t *testing.T) {
	s := mustOpen(t)
	small := addRoom(t, s, "Salle Artois", 1)
	full := addSession(t, s, "Gouvernance", day1, "16:00", "17:30", small.ID)
	other := addSession(t, s, "Mobilité", day1, "16:00", "17:00", 0)
	later := addSession(t, s, "Clôture", day1, "18:00", "19:00", 0)
	anne, bea, chloe := addPerson(t, s, "Anne", "Aubert"), addPerson(t, s, "Béa", "Bruneau"), addPerson(t, s, "Chloé", "Caron")
	for _, p := range []Participant{anne, bea} {
		if _, err := s.Enrol(ctx, p.ID, full.ID); err != nil {
			t.Fatal(err)
		}
	}
	waiting, err := s.WaitingAtTheSameTime(ctx, other.ID)
	if err != nil || len(waiting) != 1 || waiting[0] != bea.ID {
		t.Fatalf("WaitingAtTheSameTime = %v, %v; want Béa only", waiting, err)
	}
	if w, _ := s.WaitingAtTheSameTime(ctx, later.ID); len(w) != 0 {
		t.Fatalf("at 18:00 nobody waits elsewhere, got %v", w)
	}
	status := func(p Participant, se Session) EnrolmentStatus {
		t.Helper()
		list, err := s.ParticipantEnrolments(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if e.SessionID == se.ID {
				return e.Status
			}
		}
		return ""
	}
	ch, results, err := s.EnrolManyMoving(ctx, []int64{bea.ID, chloe.ID}, other.ID, "test", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(results[0].Left) != 1 || results[0].Left[0].SessionTitle != "Gouvernance" || len(results[1].Left) != 0 {
		t.Fatalf("results %+v", results)
	}
	if got := status(bea, full); got != Withdrawn {
		t.Fatalf("Béa is %q on Gouvernance's list, want cancelled (moved)", got)
	}
	if err := s.UndoBulkChange(ctx, ch.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if got, seat := status(bea, full), status(bea, other); got != Waitlisted || seat == Enrolled {
		t.Fatalf("after Undo Béa is %q on Gouvernance, %q in Mobilité", got, seat)
	}
	if _, _, err := s.EnrolManyMoving(ctx, []int64{bea.ID}, other.ID, "test", false); err != nil {
		t.Fatal(err)
	}
	if got := status(bea, full); got != Waitlisted {
		t.Fatalf("without move Béa is %q on Gouvernance's list", got)
	}
}

// CheckSession says what SaveSession would refuse, and saves nothing.
func TestCheckSessionSavesNothing(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Artois", 10)
	a := addSession(t, s, "Gouvernance", day1, "16:00", "17:30", room.ID)
	b := addSession(t, s, "Mobilité", day1, "14:00", "15:00", 0)
	moved := b
	moved.RoomID, moved.Start, moved.End = room.ID, a.Start, a.Start+60
	wantErr(t, s.CheckSession(ctx, moved), ErrRoomBusy)
	moved.Start, moved.End = a.End, a.End+60
	if err := s.CheckSession(ctx, moved); err != nil {
		t.Fatalf("a free slot: %v", err)
	}
	if got, err := s.Session(ctx, b.ID); err != nil || got.RoomID != 0 || got.Start != b.Start {
		t.Fatalf("CheckSession saved: %+v, %v", got, err)
	}
}
