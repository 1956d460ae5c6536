package data_test

import (
	"testing"
	"time"

	. "congres/data"
)

func TestBulkActions(t *testing.T) {
	s := mustOpen(t)
	a, b, c := addPerson(t, s, "A", "A"), addPerson(t, s, "B", "B"), addPerson(t, s, "C", "C")
	press := category(t, s, "Presse")
	t.Run("SetCategoryMany", func(t *testing.T) {
		if _, err := s.SetCategoryMany(ctx, []int64{a.ID, b.ID}, press, "Desk 1"); err != nil {
			t.Fatal(err)
		}
		rows, _ := s.ListParticipants(ctx, ParticipantQuery{CategoryID: press})
		if len(rows) != 2 {
			t.Fatalf("%d in the press", len(rows))
		}
	})
	t.Run("SetCategoryManyAllOrNone", func(t *testing.T) {
		_, err := s.SetCategoryMany(ctx, []int64{c.ID, 9999}, press, "Desk 1")
		wantErr(t, err, ErrNotFound)
		if got, _ := s.Participant(ctx, c.ID); got.CategoryID == press {
			t.Fatal("half a bulk change was saved")
		}
	})
	room := addRoom(t, s, "Salle", 1)
	ws := addSession(t, s, "Atelier", day1, "10:00", "11:00", room.ID)
	other := addSession(t, s, "Autre", day1, "10:30", "11:30", 0)
	t.Run("EnrolMany", func(t *testing.T) {
		if _, err := s.Enrol(ctx, c.ID, other.ID); err != nil {
			t.Fatal(err)
		}
		_, res, err := s.EnrolMany(ctx, []int64{a.ID, b.ID, c.ID}, ws.ID, "Desk 1")
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Status != Enrolled || res[1].Status != Waitlisted || res[2].Err == nil {
			t.Fatalf("%+v", res)
		}
		wantErr(t, res[2].Err, ErrClash)
	})
	t.Run("SetStatusManyFreesPlaces", func(t *testing.T) {
		if _, err := s.SetStatusMany(ctx, []int64{a.ID}, StatusCancelled, "Desk 1"); err != nil {
			t.Fatal(err)
		}
		list, _ := s.SessionEnrolments(ctx, ws.ID)
		if len(list) != 1 || list[0].ParticipantID != b.ID || list[0].Status != Enrolled {
			t.Fatalf("%+v", list)
		}
		_, err := s.SetStatusMany(ctx, []int64{b.ID}, "gone", "Desk 1")
		wantErr(t, err, ErrStatusInvalid)
	})
	t.Run("Regions", func(t *testing.T) {
		p := newPerson(t, s, "D", "D")
		p.Region = "La Réunion"
		s.CreateParticipant(ctx, &p)
		if r, _ := s.Regions(ctx); len(r) != 1 || r[0] != "La Réunion" {
			t.Fatalf("%v", r)
		}
	})
}

func TestSpeakersAndConflicts(t *testing.T) {
	s := mustOpen(t)
	speaker := addPerson(t, s, "Inès", "Haddad")
	a := Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: 570, End: 660, Speakers: []int64{speaker.ID}}
	if err := s.SaveSession(ctx, &a); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrSpeakerBusy", func(t *testing.T) {
		b := Session{Kind: KindWorkshop, Title: "Atelier", Day: day1, Start: 600, End: 690, Facilitators: []int64{speaker.ID}}
		wantErr(t, s.SaveSession(ctx, &b), ErrSpeakerBusy)
		all, _ := s.Sessions(ctx)
		if len(all) != 1 {
			t.Fatal("the refused session was saved")
		}
	})
	t.Run("SpeakerLater", func(t *testing.T) {
		b := Session{Kind: KindWorkshop, Title: "Atelier", Day: day1, Start: 660, End: 720, Facilitators: []int64{speaker.ID}}
		if err := s.SaveSession(ctx, &b); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Session(ctx, b.ID)
		if len(got.Facilitators) != 1 || got.Facilitators[0] != speaker.ID {
			t.Fatalf("%+v", got)
		}
	})
	t.Run("Conflicts", func(t *testing.T) {
		if c, err := s.Conflicts(ctx); err != nil || len(c) != 0 {
			t.Fatalf("%+v %v", c, err)
		}
		// An older file may hold a conflict saved before the rules: it is listed.
		if err := s.ExecForTest(ctx, "UPDATE session SET start_min = 600 WHERE title = 'Atelier'"); err != nil {
			t.Fatal(err)
		}
		c, err := s.Conflicts(ctx)
		if err != nil || len(c) != 1 || c[0].Person != "Inès Haddad" || c[0].A.Title != "Ouverture" {
			t.Fatalf("%+v %v", c, err)
		}
	})
}

func TestArrivals(t *testing.T) {
	s := mustOpen(t)
	base := time.Date(2021, 11, 25, 8, 0, 0, 0, time.Local)
	now := fixedClock(s, base)
	for i, minutes := range []int{2, 14, 15, 29, 44} {
		*now = base.Add(time.Duration(minutes) * time.Minute)
		p := addPerson(t, s, "P", string(rune('A'+i)))
		c, err := s.CheckIn(ctx, p.ID, day1, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		if i == 4 {
			s.UndoCheckIn(ctx, c.ID, "")
		}
	}
	got, err := s.Arrivals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []ArrivalBucket{{day1, 480, 2}, {day1, 495, 2}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}
