package data_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

func TestParticipantRules(t *testing.T) {
	s := mustOpen(t)
	cases := []struct {
		name  string
		edit  func(p *Participant)
		want  *Error
		field string
	}{
		{"ErrRequiredFirstName", func(p *Participant) { p.FirstName = "  " }, ErrRequired, "first_name"},
		{"ErrRequiredLastName", func(p *Participant) { p.LastName = "" }, ErrRequired, "last_name"},
		{"ErrEmailInvalid", func(p *Participant) { p.Email = "jean.dupont@" }, ErrEmailInvalid, "email"},
		{"ErrEmailInvalidSpace", func(p *Participant) { p.Email = "jean dupont@example.fr" }, ErrEmailInvalid, "email"},
		{"ErrCodeInvalid", func(p *Participant) { p.Code = "O0I1L2" }, ErrCodeInvalid, "code"},
		{"ErrCodeTooShort", func(p *Participant) { p.Code = "ABC" }, ErrCodeInvalid, "code"},
		{"ErrStatusInvalid", func(p *Participant) { p.Status = "maybe" }, ErrStatusInvalid, "status"},
		{"ErrNegativeFee", func(p *Participant) { p.FeeCents = -100 }, ErrNegative, "fee"},
		{"ErrDayInvalid", func(p *Participant) { p.Days = []Day{"25/11/2021"} }, ErrDayInvalid, "days"},
		{"ErrNotCongressDay", func(p *Participant) { p.Days = []Day{"2021-11-27"} }, ErrNotCongressDay, "day"},
		{"ErrUnknownCategory", func(p *Participant) { p.CategoryID = 999 }, ErrNotFound, "category"},
		{"ErrTooLong", func(p *Participant) { p.LastName = strings.Repeat("é", maxText+1) }, ErrTooLong, "last_name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPerson(t, s, "Jean", "Dupont")
			c.edit(&p)
			err := s.CreateParticipant(ctx, &p)
			wantErr(t, err, c.want)
			if e := err.(*Error); e.Field != c.field {
				t.Errorf("field %q, want %q", e.Field, c.field)
			}
			if rows, _ := s.ListParticipants(ctx, ParticipantQuery{}); len(rows) != 0 {
				t.Fatalf("a refused participant was saved")
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		p := newPerson(t, s, "  Éric ", "Béasse")
		p.Email = "Eric.Beasse@Example.FR"
		p.Organisation = "Les Jardins de Cocagne"
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		got, err := s.Participant(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.FirstName != "Éric" || got.Email != "eric.beasse@example.fr" || got.Organisation != "Les Jardins de Cocagne" ||
			len(got.Days) != 2 || got.Status != StatusConfirmed || !ValidCode(got.Code) || got.CreatedAt.IsZero() {
			t.Fatalf("saved: %+v", got)
		}
		// The same organisation, typed differently, is reused.
		q := newPerson(t, s, "Anne", "Martin")
		q.Organisation = "les jardins de cocagne"
		if err := s.CreateParticipant(ctx, &q); err != nil {
			t.Fatal(err)
		}
		if q.OrganisationID != got.OrganisationID {
			t.Fatalf("organisation not reused: %d vs %d", q.OrganisationID, got.OrganisationID)
		}
		byCode, err := s.ParticipantByCode(ctx, " "+strings.ToLower(got.Code)+" ")
		if err != nil || byCode.ID != got.ID {
			t.Fatalf("by code: %+v %v", byCode, err)
		}
	})
	t.Run("ErrCodeTaken", func(t *testing.T) {
		a := addPerson(t, s, "Paul", "Petit")
		b := newPerson(t, s, "Paula", "Petit")
		b.Code = a.Code
		wantErr(t, s.CreateParticipant(ctx, &b), ErrCodeTaken)
		c := addPerson(t, s, "Pierre", "Petit")
		c.Code = a.Code
		wantErr(t, s.UpdateParticipant(ctx, &c), ErrCodeTaken)
	})
	t.Run("Update", func(t *testing.T) {
		p := addPerson(t, s, "Zoé", "Faure")
		fixedClock(s, time.Now().Add(time.Hour))
		p.LastName, p.Days = "Faure-Blanc", []Day{day2}
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Participant(ctx, p.ID)
		if got.LastName != "Faure-Blanc" || len(got.Days) != 1 || !got.UpdatedAt.After(got.CreatedAt) {
			t.Fatalf("updated: %+v", got)
		}
		p.ID = 99999
		wantErr(t, s.UpdateParticipant(ctx, &p), ErrNotFound)
	})
}

func TestDeleteParticipant(t *testing.T) {
	s := mustOpen(t)
	t.Run("OK", func(t *testing.T) {
		p := addPerson(t, s, "Jean", "Dupont")
		if err := s.DeleteParticipant(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.Participant(ctx, p.ID)
		wantErr(t, err, ErrNotFound)
	})
	t.Run("ErrCheckedIn", func(t *testing.T) {
		p := addPerson(t, s, "Anne", "Martin")
		if _, err := s.CheckIn(ctx, p.ID, day1, 0, "Accueil 1"); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.DeleteParticipant(ctx, p.ID), ErrCheckedIn)
		if _, err := s.Participant(ctx, p.ID); err != nil {
			t.Fatal("deleted anyway")
		}
	})
}

func TestSessionRules(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Vauban", 40)
	addSession(t, s, "Financer l'insertion", day1, "14:00", "15:30", room.ID)
	cases := []struct {
		name       string
		day        Day
		start, end string
		room       int64
		want       *Error
	}{
		{"ErrEndBeforeStart", day1, "15:00", "14:00", 0, ErrEndBeforeStart},
		{"ErrEndEqualsStart", day1, "15:00", "15:00", 0, ErrEndBeforeStart},
		{"ErrNotCongressDay", "2021-11-24", "09:00", "10:00", 0, ErrNotCongressDay},
		{"ErrRoomBusy", day1, "15:00", "16:00", room.ID, ErrRoomBusy},
		{"ErrRoomBusyInside", day1, "14:30", "15:00", room.ID, ErrRoomBusy},
		{"ErrUnknownRoom", day1, "09:00", "10:00", 999, ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			se := Session{Kind: KindWorkshop, Title: "Autre", Day: c.day, Start: clock(t, c.start), End: clock(t, c.end), RoomID: c.room}
			wantErr(t, s.SaveSession(ctx, &se), c.want)
		})
	}
	t.Run("ErrRoomBusyWording", func(t *testing.T) {
		// English names the room as it is; French drops "Salle" (eye-108).
		se := Session{Kind: KindWorkshop, Title: "Autre", Day: day1, Start: clock(t, "15:00"), End: clock(t, "16:00"), RoomID: room.ID}
		err := s.SaveSession(ctx, &se)
		if en, fr := Message(err, "en"), Message(err, "fr"); !strings.HasPrefix(en, "The room “Salle Vauban” is already taken") || !strings.HasPrefix(fr, "La salle Vauban est déjà occupée") {
			t.Errorf("the sentences: %q, %q", en, fr)
		}
	})
	t.Run("AdjacentSessionsShareARoom", func(t *testing.T) {
		addSession(t, s, "Suite", day1, "15:30", "17:00", room.ID)
		addSession(t, s, "Lendemain", day2, "14:00", "15:30", room.ID)
	})
	t.Run("MovingASessionOntoItsPeoplesOtherSession", func(t *testing.T) {
		a := addSession(t, s, "Matin", day2, "09:00", "10:00", 0)
		b := addSession(t, s, "Midi", day2, "12:00", "13:00", 0)
		p := addPerson(t, s, "Jean", "Dupont")
		for _, se := range []Session{a, b} {
			if _, err := s.Enrol(ctx, p.ID, se.ID); err != nil {
				t.Fatal(err)
			}
		}
		b.Start, b.End = clock(t, "09:30"), clock(t, "10:30")
		wantErr(t, s.SaveSession(ctx, &b), ErrClash)
		got, _ := s.Session(ctx, b.ID)
		if got.Start != clock(t, "12:00") {
			t.Fatal("the refused move was saved")
		}
		if err := s.CancelEnrolment(ctx, p.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSession(ctx, &b); err != nil {
			t.Fatalf("once Jean left the morning session: %v", err)
		}
	})
	t.Run("ErrKindInvalid", func(t *testing.T) {
		se := Session{Kind: "party", Title: "x", Day: day1, Start: 600, End: 660}
		wantErr(t, s.SaveSession(ctx, &se), ErrKindInvalid)
	})
	t.Run("ParseClock", func(t *testing.T) {
		for in, want := range map[string]Clock{"9:30": 570, "09:30": 570, "9h30": 570, "14h": 840, "23:59": 1439} {
			if got, err := ParseClock(in); err != nil || got != want {
				t.Errorf("ParseClock(%q) = %d, %v", in, got, err)
			}
		}
		for _, in := range []string{"24:00", "9:60", "neuf heures", ""} {
			_, err := ParseClock(in)
			wantErr(t, err, ErrTimeInvalid)
		}
	})
}

func TestEnrolments(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Artois", 2)
	ws := addSession(t, s, "Numérique et inclusion", day1, "14:00", "15:30", room.ID)
	other := addSession(t, s, "Mobilité", day1, "15:00", "16:00", 0)
	a, b, c, d := addPerson(t, s, "Anne", "A"), addPerson(t, s, "Bea", "B"), addPerson(t, s, "Chloé", "C"), addPerson(t, s, "Dan", "D")
	enrol := func(p Participant, se Session, want EnrolmentStatus) {
		t.Helper()
		got, err := s.Enrol(ctx, p.ID, se.ID)
		if err != nil || got != want {
			t.Fatalf("Enrol(%s) = %s, %v; want %s", p.FirstName, got, err, want)
		}
	}
	statuses := func() string {
		list, err := s.SessionEnrolments(ctx, ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, e := range list {
			parts = append(parts, e.ParticipantName[:1]+":"+string(e.Status)[:1])
		}
		return strings.Join(parts, " ")
	}
	t.Run("FullGoesToWaitlist", func(t *testing.T) {
		enrol(a, ws, Enrolled)
		enrol(b, ws, Enrolled)
		enrol(c, ws, Waitlisted)
		enrol(d, ws, Waitlisted)
		enrol(a, ws, Enrolled) // twice is harmless
		if got := statuses(); got != "A:e B:e C:w D:w" {
			t.Fatalf("got %s", got)
		}
		err := s.EnrolStrict(ctx, addPerson(t, s, "Eve", "E").ID, ws.ID)
		wantErr(t, err, ErrSessionFull)
	})
	t.Run("ErrClash", func(t *testing.T) {
		_, err := s.Enrol(ctx, a.ID, other.ID)
		wantErr(t, err, ErrClash)
		// C only waits for ws: no clash (TestWaitlistPlaceIsNoClash).
	})
	t.Run("WaitlistPromotion", func(t *testing.T) {
		if err := s.CancelEnrolment(ctx, a.ID, ws.ID); err != nil {
			t.Fatal(err)
		}
		if got := statuses(); got != "B:e C:e D:w" {
			t.Fatalf("after a cancellation: %s", got)
		}
		mine, _ := s.ParticipantEnrolments(ctx, d.ID)
		if len(mine) != 1 || mine[0].Status != Waitlisted || mine[0].Position != 1 {
			t.Fatalf("D's enrolments: %+v", mine)
		}
	})
	t.Run("CancellingAParticipantFreesTheirPlace", func(t *testing.T) {
		if err := s.SetParticipantStatus(ctx, b.ID, StatusCancelled); err != nil {
			t.Fatal(err)
		}
		if got := statuses(); got != "C:e D:e" {
			t.Fatalf("after cancelling B: %s", got)
		}
		_, err := s.Enrol(ctx, b.ID, ws.ID)
		wantErr(t, err, ErrParticipantCancelled)
	})
	t.Run("LargerRoomPromotes", func(t *testing.T) {
		f := addPerson(t, s, "Fanny", "F")
		enrol(f, ws, Waitlisted)
		room.Capacity = 3
		if err := s.SaveRoom(ctx, &room); err != nil {
			t.Fatal(err)
		}
		if got := statuses(); got != "C:e D:e F:e" {
			t.Fatalf("after enlarging the room: %s", got)
		}
	})
	t.Run("ReEnrolGoesToTheBack", func(t *testing.T) {
		g, h := addPerson(t, s, "Gus", "G"), addPerson(t, s, "Hugo", "H")
		enrol(g, ws, Waitlisted)
		enrol(h, ws, Waitlisted)
		if err := s.CancelEnrolment(ctx, g.ID, ws.ID); err != nil {
			t.Fatal(err)
		}
		fixedClock(s, time.Now().Add(time.Minute))
		enrol(g, ws, Waitlisted)
		if got := statuses(); got != "C:e D:e F:e H:w G:w" {
			t.Fatalf("got %s", got)
		}
		if err := s.PromoteFromWaitlist(ctx, g.ID, ws.ID); err != nil {
			t.Fatal(err)
		}
		if got := statuses(); got != "C:e D:e F:e G:e H:w" {
			t.Fatalf("after promoting G by hand: %s", got)
		}
	})
}

func TestStandRules(t *testing.T) {
	s := mustOpen(t)
	contact := addPerson(t, s, "Inès", "Haddad")
	st := Stand{Number: "B4", Name: "France Active", Zone: "Solutions pour l'emploi", Organisation: "France Active",
		ContactID: contact.ID, Staff: []int64{contact.ID}, Power: true, Tables: 1, Chairs: 2, X: 3, Y: 1}
	if err := s.SaveStand(ctx, &st); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrStandTaken", func(t *testing.T) {
		dup := Stand{Number: "b4", Name: "Autre"}
		wantErr(t, s.SaveStand(ctx, &dup), ErrStandTaken)
	})
	t.Run("ErrRequired", func(t *testing.T) {
		wantErr(t, s.SaveStand(ctx, &Stand{Number: "C1"}), ErrRequired)
	})
	t.Run("ErrNegative", func(t *testing.T) {
		wantErr(t, s.SaveStand(ctx, &Stand{Number: "C1", Name: "x", Chairs: -1}), ErrNegative)
	})
	t.Run("ErrPositionTaken", func(t *testing.T) {
		wantErr(t, s.SaveStand(ctx, &Stand{Number: "C3", Name: "x", X: 3, Y: 1}), ErrPositionTaken)
		wantErr(t, s.SaveStand(ctx, &Stand{Number: "C3", Name: "x", X: -1}), ErrNegative)
	})
	t.Run("ErrUnknownStaff", func(t *testing.T) {
		wantErr(t, s.SaveStand(ctx, &Stand{Number: "C2", Name: "x", Staff: []int64{999}}), ErrNotFound)
	})
	list, err := s.Stands(ctx)
	if err != nil || len(list) != 1 || list[0].Organisation != "France Active" || len(list[0].Staff) != 1 || !list[0].Power || list[0].X != 3 {
		t.Fatalf("stands: %+v, %v", list, err)
	}
}

func TestCheckinLog(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Noël", "Payet")
	first, err := s.CheckIn(ctx, p.ID, day1, 0, "Accueil 1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.CheckIn(ctx, p.ID, day1, 0, "Accueil 2")
	if err != nil || again.ID != first.ID {
		t.Fatalf("a second arrival the same day: %+v, %v", again, err)
	}
	t.Run("Undo", func(t *testing.T) {
		u, err := s.UndoCheckIn(ctx, first.ID, "Accueil 1")
		if err != nil || u.Kind != Undo || u.Cancels != first.ID {
			t.Fatalf("undo: %+v, %v", u, err)
		}
		_, err = s.UndoCheckIn(ctx, first.ID, "Accueil 1")
		wantErr(t, err, ErrAlreadyUndone)
		rows, _ := s.ListParticipants(ctx, ParticipantQuery{CheckedIn: Yes})
		if len(rows) != 0 {
			t.Fatal("still checked in after the undo")
		}
		back, err := s.CheckIn(ctx, p.ID, day1, 0, "Accueil 1")
		if err != nil || back.ID == first.ID {
			t.Fatalf("arriving again after an undo: %+v, %v", back, err)
		}
		log, _ := s.CheckinLog(ctx, p.ID)
		if len(log) != 3 || !log[0].Undone || log[1].Kind != Undo || log[2].Undone {
			t.Fatalf("log: %+v", log)
		}
	})
	t.Run("AppendOnly", func(t *testing.T) {
		if err := s.ExecForTest(ctx, "UPDATE checkin SET desk = 'x'"); err == nil {
			t.Fatal("the log accepted an update")
		}
		if err := s.ExecForTest(ctx, "DELETE FROM checkin"); err == nil {
			t.Fatal("the log accepted a delete")
		}
	})
	t.Run("ErrNotCongressDay", func(t *testing.T) {
		_, err := s.CheckIn(ctx, p.ID, "2021-12-01", 0, "")
		wantErr(t, err, ErrNotCongressDay)
	})
	t.Run("CancelledCannotCheckIn", func(t *testing.T) {
		q := addPerson(t, s, "Paul", "Lebon")
		s.SetParticipantStatus(ctx, q.ID, StatusCancelled)
		_, err := s.CheckIn(ctx, q.ID, day1, 0, "")
		wantErr(t, err, ErrParticipantCancelled)
	})
	t.Run("BadgePrints", func(t *testing.T) {
		if err := s.RecordBadgePrints(ctx, "A4 85×54", p.ID); err != nil {
			t.Fatal(err)
		}
		prints, _ := s.BadgePrints(ctx, p.ID)
		rows, _ := s.ListParticipants(ctx, ParticipantQuery{BadgePrinted: Yes})
		if len(prints) != 1 || len(rows) != 1 || rows[0].ID != p.ID {
			t.Fatalf("prints %+v rows %+v", prints, rows)
		}
	})
}

func TestPossibleDuplicates(t *testing.T) {
	s := mustOpen(t)
	a := newPerson(t, s, "Éric", "Béasse")
	a.Email, a.Organisation = "eric@jardins.fr", "Les Jardins"
	s.CreateParticipant(ctx, &a)
	other := newPerson(t, s, "Eric", "Beasse")
	other.Organisation = "Autre structure"
	s.CreateParticipant(ctx, &other)
	cases := []struct {
		name, first, last, email, org string
		want                          int
	}{
		{"SameEmail", "Marie", "Curie", "ERIC@jardins.fr", "", 1},
		{"SameNameAndOrgIgnoringAccentsAndCase", "ERIC", "beasse", "", "les jardins", 1},
		{"SameNameOtherOrg", "Éric", "Béasse", "", "Ailleurs", 0},
		{"Nobody", "Jean", "Dupont", "jean@x.fr", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.PossibleDuplicates(ctx, Participant{FirstName: c.first, LastName: c.last, Email: c.email, Organisation: c.org})
			if err != nil || len(got) != c.want || (c.want == 1 && got[0].ID != a.ID) {
				t.Fatalf("got %+v, %v", got, err)
			}
		})
	}
	dup := newPerson(t, s, "éric", "BÉASSE")
	dup.Organisation = "Lés Jardins" // another organisation, written with an accent
	s.CreateParticipant(ctx, &dup)
	groups, err := s.DuplicateGroups(ctx)
	if err != nil || len(groups) != 1 || len(groups[0]) != 2 {
		t.Fatalf("groups %v, %v", groups, err)
	}
}

func TestCategoriesAndRooms(t *testing.T) {
	s := mustOpen(t)
	t.Run("ErrColourInvalid", func(t *testing.T) {
		wantErr(t, s.SaveCategory(ctx, &Category{Name: "VIP", Colour: "red"}), ErrColourInvalid)
	})
	t.Run("ErrNameTaken", func(t *testing.T) {
		wantErr(t, s.SaveCategory(ctx, &Category{Name: "presse", Colour: "#000000"}), ErrNameTaken)
		addRoom(t, s, "Salle Flandre", 10)
		wantErr(t, s.SaveRoom(ctx, &Room{Name: "salle flandre"}), ErrNameTaken)
	})
	t.Run("ErrInUse", func(t *testing.T) {
		p := addPerson(t, s, "Jean", "Dupont")
		wantErr(t, s.DeleteCategory(ctx, p.CategoryID), ErrInUse)
		room := addRoom(t, s, "Salle Artois", 10)
		addSession(t, s, "Atelier", day1, "09:00", "10:00", room.ID)
		err := s.DeleteRoom(ctx, room.ID)
		wantErr(t, err, ErrInUse)
		// English names the room as it is; French drops "Salle" (eye-108).
		if en, fr := Message(err, "en"), Message(err, "fr"); !strings.Contains(en, "the room “Salle Artois”") || !strings.Contains(fr, "la salle «Artois»") {
			t.Errorf("the sentences: %q, %q", en, fr)
		}
	})
	t.Run("OK", func(t *testing.T) {
		c := Category{Name: "Mécène", Colour: "#aabbcc"}
		if err := s.SaveCategory(ctx, &c); err != nil {
			t.Fatal(err)
		}
		cats, _ := s.Categories(ctx)
		last := cats[len(cats)-1]
		if last.Name != "Mécène" || last.BadgeLabel != "Mécène" || last.Colour != "#AABBCC" {
			t.Fatalf("saved %+v", last)
		}
		if err := s.DeleteCategory(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ReorderCategories", func(t *testing.T) {
		cats, _ := s.Categories(ctx)
		if err := s.ReorderCategories(ctx, []int64{cats[2].ID, cats[0].ID}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Categories(ctx)
		if got[0].ID != cats[2].ID || got[1].ID != cats[0].ID || got[2].ID != cats[1].ID || len(got) != len(cats) {
			t.Fatalf("%v", got)
		}
		wantErr(t, s.ReorderCategories(ctx, []int64{9999}), ErrNotFound)
	})
}

// TestStatsAgreeWithTheWorkbook: "Registered" means the same in the
// stats (the command line's and the dashboard's) and in the attendance
// workbook's summary: not cancelled; a cancelled registration counts in
// Cancelled only.
func TestStatsAgreeWithTheWorkbook(t *testing.T) {
	s := mustOpen(t)
	people := []Participant{addPerson(t, s, "A", "A"), addPerson(t, s, "B", "B"), addPerson(t, s, "C", "C")}
	s.SetParticipantStatus(ctx, people[1].ID, StatusPending)
	s.SetParticipantStatus(ctx, people[2].ID, StatusCancelled)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.AttendanceSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total, cancelled := 0, 0
	for i, c := range sum.Categories {
		total += c.Registered
		cancelled += c.Cancelled
		if got := st.ByCategory[i]; got.Registered != c.Registered || got.Cancelled != c.Cancelled {
			t.Errorf("%s: stats %d registered, %d cancelled; workbook %d, %d", c.Category.Name,
				got.Registered, got.Cancelled, c.Registered, c.Cancelled)
		}
	}
	if st.Registered != total || st.Cancelled != cancelled || st.Registered != 2 {
		t.Errorf("stats: %d registered, %d cancelled; workbook: %d, %d (want 2 registered)", st.Registered, st.Cancelled, total, cancelled)
	}
}

func TestStats(t *testing.T) {
	s := mustOpen(t)
	a, b := addPerson(t, s, "A", "A"), addPerson(t, s, "B", "B")
	c := addPerson(t, s, "C", "C")
	s.SetParticipantStatus(ctx, b.ID, StatusPending)
	s.SetParticipantStatus(ctx, c.ID, StatusCancelled)
	s.CheckIn(ctx, a.ID, day1, 0, "")
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Registered != 2 || st.Confirmed != 1 || st.Pending != 1 || st.Cancelled != 1 { // registered: not cancelled
		t.Fatalf("%+v", st)
	}
	if st.ByDay[0].Expected != 2 || st.ByDay[0].CheckedIn != 1 || st.ByDay[1].CheckedIn != 0 {
		t.Fatalf("by day %+v", st.ByDay)
	}
	if st.ByCategory[0].Registered != 2 || st.ByCategory[0].Cancelled != 1 || st.ByCategory[0].CheckedIn != 1 {
		t.Fatalf("by category %+v", st.ByCategory[0])
	}
}

func TestCongressRules(t *testing.T) {
	s := mustOpen(t)
	var buf bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		edit func(c *Congress)
		want *Error
	}{
		{"ErrRequired", func(c *Congress) { c.Name = " " }, ErrRequired},
		{"ErrNoDays", func(c *Congress) { c.Days = nil }, ErrNoDays},
		{"ErrDayInvalid", func(c *Congress) { c.Days = []Day{"2021-02-30"} }, ErrDayInvalid},
		{"ErrLogoInvalid", func(c *Congress) { c.Logo = []byte("GIF89a not really") }, ErrLogoInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := s.Congress(ctx)
			tc.edit(&c)
			wantErr(t, s.UpdateCongress(ctx, &c), tc.want)
		})
	}
	t.Run("OK", func(t *testing.T) {
		c, _ := s.Congress(ctx)
		c.Logo = buf.Bytes()
		c.Days = []Day{day2, day1, day2, "2021-11-27"}
		if err := s.UpdateCongress(ctx, &c); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Congress(ctx)
		if len(got.Days) != 3 || got.Days[0] != day1 || !bytes.Equal(got.Logo, buf.Bytes()) {
			t.Fatalf("%v %d", got.Days, len(got.Logo))
		}
	})
	t.Run("RemovingADayRemovesItFromParticipants", func(t *testing.T) {
		p := addPerson(t, s, "Anne", "Martin")
		c, _ := s.Congress(ctx)
		c.Days = []Day{day1}
		if err := s.UpdateCongress(ctx, &c); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Participant(ctx, p.ID)
		if len(got.Days) != 1 || got.Days[0] != day1 {
			t.Fatalf("days %v", got.Days)
		}
	})
}

func TestMessagesReadWell(t *testing.T) {
	s := mustOpen(t)
	p := newPerson(t, s, "Jean", "Dupont")
	p.Days = []Day{"2021-11-27"}
	err := s.CreateParticipant(ctx, &p).(*Error)
	if got := err.Message("fr"); got != "Le samedi 27 novembre 2021 n'est pas un jour du congrès." {
		t.Errorf("fr: %q", got)
	}
	if got := err.Message("en"); got != "Saturday 27 November 2021 is not a day of the congress." {
		t.Errorf("en: %q", got)
	}
	q := addPerson(t, s, "Anne", "Martin")
	err = s.DeleteCategory(ctx, q.CategoryID).(*Error)
	if got := err.Message("fr"); got != "Impossible de supprimer la catégorie «Adhérent·e» : 1 participant·e en fait partie." {
		t.Errorf("fr: %q", got)
	}
}

type otherPackageError struct{}

func (otherPackageError) Error() string              { return "x" }
func (otherPackageError) Message(lang string) string { return "message in " + lang }

func TestMessageOfAnyError(t *testing.T) {
	wrapped := fmt.Errorf("while printing: %w", otherPackageError{})
	if got := Message(wrapped, "fr"); got != "message in fr" {
		t.Errorf("got %q", got)
	}
	if got := Message(errors.New("disk on fire"), "fr"); got != ErrInternal.Message("fr") {
		t.Errorf("got %q", got)
	}
}
