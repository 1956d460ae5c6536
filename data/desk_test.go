package data_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

func wantMessage(tb testing.TB, w DeskWarning, lang, want string) {
	tb.Helper()
	if got := w.Message(lang); got != want {
		tb.Fatalf("%s message (%s):\n got %q\nwant %q", w.Kind, lang, got, want)
	}
}

func logOf(tb testing.TB, s *Store, id int64) []Checkin {
	tb.Helper()
	log, err := s.CheckinLog(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	return log
}

func TestDeskWarnings(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 8, 42, 0, 0, time.Local))
	room := addRoom(t, s, "Salle Nord", 2)
	atelier := addSession(t, s, "Numérique et inclusion", day1, "10:00", "11:30", room.ID)
	other := addSession(t, s, "Achats responsables", day1, "10:00", "11:30", addRoom(t, s, "Salle Sud", 50).ID)

	t.Run("None", func(t *testing.T) {
		p := addPerson(t, s, "Aline", "Sans-Souci")
		c := card(t, s, p.ID, day1, 0)
		wantWarnings(t, c)
		if c.Arrival != nil || c.LastEntry != nil || c.FeeDueCents != 0 {
			t.Fatalf("%+v", c)
		}
	})
	t.Run("AlreadyIn", func(t *testing.T) {
		p := addPerson(t, s, "Bruno", "Déjà-Là")
		first := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Desk 2"})
		c := card(t, s, p.ID, day1, 0)
		wantWarnings(t, c, WarnAlreadyIn)
		w := c.Warnings[0]
		if !w.Today || w.Desk != "Desk 2" || !w.At.Equal(first.Checkin.At) || c.Arrival == nil || c.Arrival.ID != first.Checkin.ID {
			t.Fatalf("%+v", c)
		}
		wantMessage(t, w, "en", "Already checked in today at 08:42, at Desk 2.")
		wantMessage(t, w, "fr", "Déjà arrivé·e aujourd'hui à 08:42, au poste «Desk 2».")
		// The next day, the same arrival is no longer today's.
		fixedClock(s, time.Date(2021, 11, 26, 9, 0, 0, 0, time.Local))
		defer fixedClock(s, time.Date(2021, 11, 25, 8, 42, 0, 0, time.Local))
		wantMessage(t, card(t, s, p.ID, day1, 0).Warnings[0], "en", "Already checked in on Thursday 25 November 2021 at 08:42, at Desk 2.")
		wantWarnings(t, card(t, s, p.ID, day2, 0))
	})
	t.Run("Cancelled", func(t *testing.T) {
		p := deskPerson(t, s, "Chloé", "Annulée", func(p *Participant) { p.Status = StatusCancelled })
		c := card(t, s, p.ID, day1, 0)
		wantWarnings(t, c, WarnCancelled)
		wantMessage(t, c.Warnings[0], "en", "Registration cancelled: Chloé Annulée is no longer registered.")
	})
	t.Run("Unpaid", func(t *testing.T) {
		p := deskPerson(t, s, "Denis", "Débiteur", func(p *Participant) { p.FeeCents = 18000 })
		c := card(t, s, p.ID, day1, 0)
		wantWarnings(t, c, WarnUnpaid)
		if c.FeeDueCents != 18000 || c.Warnings[0].FeeDueCents != 18000 {
			t.Fatalf("%+v", c)
		}
		wantMessage(t, c.Warnings[0], "en", "Fee not paid: 180.00\u00a0€ due.")
		wantMessage(t, c.Warnings[0], "fr", "Tarif non réglé : 180,00\u00a0€ à payer.")
		paid := deskPerson(t, s, "Denise", "Payé", func(p *Participant) { p.FeeCents, p.Paid = 18000, true })
		if c := card(t, s, paid.ID, day1, 0); c.FeeDueCents != 0 {
			t.Fatalf("paid, yet %d due", c.FeeDueCents)
		} else {
			wantWarnings(t, c)
		}
	})
	t.Run("NotToday", func(t *testing.T) {
		p := deskPerson(t, s, "Élise", "Demain", func(p *Participant) { p.Days = []Day{day2} })
		c := card(t, s, p.ID, day1, 0)
		wantWarnings(t, c, WarnNotToday)
		wantMessage(t, c.Warnings[0], "en", "Not expected today: registered for Friday 26 November 2021.")
		wantMessage(t, c.Warnings[0], "fr", "Pas attendu·e aujourd'hui : inscrit·e pour le vendredi 26 novembre 2021.")
		wantWarnings(t, card(t, s, p.ID, day2, 0))
		none := deskPerson(t, s, "Fanny", "Sans-Jour", func(p *Participant) { p.Days = nil })
		c = card(t, s, none.ID, day2, 0)
		wantWarnings(t, c, WarnNotToday)
		wantMessage(t, c.Warnings[0], "en", "Not expected on Friday 26 November 2021: registered for no day of the congress.")
	})
	t.Run("NotEnrolled", func(t *testing.T) {
		p := addPerson(t, s, "Gaston", "Curieux")
		c := card(t, s, p.ID, day1, atelier.ID)
		wantWarnings(t, c, WarnNotEnrolled)
		wantMessage(t, c.Warnings[0], "en", "Not enrolled in “Numérique et inclusion”.")
		wantMessage(t, c.Warnings[0], "fr", "Pas inscrit·e à «Numérique et inclusion».")
		enrolled := addPerson(t, s, "Hélène", "Inscrite")
		if _, err := s.Enrol(ctx, enrolled.ID, atelier.ID); err != nil {
			t.Fatal(err)
		}
		wantWarnings(t, card(t, s, enrolled.ID, day1, atelier.ID))
	})
	t.Run("Waitlisted", func(t *testing.T) {
		// Salle Nord holds 2: Hélène and Inès are enrolled, Jules waits.
		ines := addPerson(t, s, "Inès", "Inscrite")
		jules := addPerson(t, s, "Jules", "Attente")
		for _, id := range []int64{ines.ID, jules.ID} {
			if _, err := s.Enrol(ctx, id, atelier.ID); err != nil {
				t.Fatal(err)
			}
		}
		c := card(t, s, jules.ID, day1, atelier.ID)
		wantWarnings(t, c, WarnNotEnrolled)
		if !c.Warnings[0].Waitlisted {
			t.Fatal("not said to be waiting")
		}
		wantMessage(t, c.Warnings[0], "en", "Not enrolled in “Numérique et inclusion”: only on its waiting list.")
	})
	t.Run("OnStage", func(t *testing.T) {
		// Whoever speaks or facilitates is expected at the door.
		se := Session{Kind: KindWorkshop, Title: "Table ronde", Day: day1, Start: clock(t, "14:00"), End: clock(t, "15:00")}
		speaker := addPerson(t, s, "Karim", "Orateur")
		se.Speakers = []int64{speaker.ID}
		if err := s.SaveSession(ctx, &se); err != nil {
			t.Fatal(err)
		}
		wantWarnings(t, card(t, s, speaker.ID, day1, se.ID))
	})
	t.Run("Plenary", func(t *testing.T) {
		pl := Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: clock(t, "09:00"), End: clock(t, "09:45")}
		if err := s.SaveSession(ctx, &pl); err != nil {
			t.Fatal(err)
		}
		p := addPerson(t, s, "Léa", "Plénière")
		wantWarnings(t, card(t, s, p.ID, day1, pl.ID))
		away := deskPerson(t, s, "Marc", "Vendredi", func(p *Participant) { p.Days = []Day{day2} })
		wantWarnings(t, card(t, s, away.ID, day1, pl.ID), WarnNotEnrolled)
	})
	t.Run("SessionFull", func(t *testing.T) {
		// Two of its two places are taken at the door.
		for _, name := range []string{"Hélène", "Inès"} {
			ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: name + " inscrite"})
			if err != nil || len(ids) != 1 {
				t.Fatal(ids, err)
			}
			admit(t, s, AdmitRequest{ParticipantID: ids[0], SessionID: atelier.ID, Desk: "Porte Nord"})
		}
		p := addPerson(t, s, "Nora", "Retard")
		c := card(t, s, p.ID, day1, atelier.ID)
		wantWarnings(t, c, WarnNotEnrolled, WarnSessionFull)
		wantMessage(t, c.Warnings[1], "en", "“Numérique et inclusion” is full: 2 people already in for 2 places.")
		wantMessage(t, c.Warnings[1], "fr", "«Numérique et inclusion» est complet : 2 personnes déjà entrées pour 2 places.")
	})
	t.Run("EnrolledElsewhere", func(t *testing.T) {
		p := addPerson(t, s, "Olivier", "Égaré")
		if _, err := s.Enrol(ctx, p.ID, other.ID); err != nil {
			t.Fatal(err)
		}
		c := card(t, s, p.ID, day1, atelier.ID)
		wantWarnings(t, c, WarnNotEnrolled, WarnSessionFull, WarnEnrolledElsewhere)
		w := c.Warnings[2]
		if w.Session.ID != other.ID {
			t.Fatalf("elsewhere: %+v", w.Session)
		}
		wantMessage(t, w, "en", "Enrolled elsewhere at that time: “Achats responsables”, 10:00 – 11:30, room Salle Sud.")
		wantMessage(t, w, "fr", "Inscrit·e ailleurs au même moment : «Achats responsables», 10:00 – 11:30, salle Salle Sud.")
	})
	t.Run("AlreadyInSession", func(t *testing.T) {
		ids, _ := s.ParticipantIDs(ctx, ParticipantQuery{Search: "Hélène inscrite"})
		c := card(t, s, ids[0], day1, atelier.ID)
		wantWarnings(t, c, WarnAlreadyIn)
		wantMessage(t, c.Warnings[0], "en", "Already entered “Numérique et inclusion” at 08:42, at Porte Nord.")
		wantMessage(t, c.Warnings[0], "fr", "Déjà entré·e dans «Numérique et inclusion» à 08:42, au poste «Porte Nord».")
	})
	t.Run("Order", func(t *testing.T) {
		p := deskPerson(t, s, "Paul", "Tout-Faux", func(p *Participant) { p.FeeCents, p.Days = 4500, []Day{day2} })
		admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Accept: DeskWarningKinds})
		wantWarnings(t, card(t, s, p.ID, day1, 0), WarnAlreadyIn, WarnUnpaid, WarnNotToday)
		if err := s.SetParticipantStatus(ctx, p.ID, StatusCancelled); err != nil {
			t.Fatal(err)
		}
		// Cancelled, they owe nothing and have no day: only the
		// cancellation (TestDeskCancelledOwesNothing).
		wantWarnings(t, card(t, s, p.ID, day1, 0), WarnAlreadyIn, WarnCancelled)
		wantWarnings(t, card(t, s, p.ID, day1, atelier.ID), WarnCancelled, WarnNotEnrolled, WarnSessionFull)
	})
	t.Run("ErrNotCongressDay", func(t *testing.T) {
		p := addPerson(t, s, "Quentin", "Hors-Date")
		_, err := s.DeskCard(ctx, p.ID, "2021-12-01", 0)
		wantErr(t, err, ErrNotCongressDay)
		_, err = s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: "2021-12-01", Accept: DeskWarningKinds})
		wantErr(t, err, ErrNotCongressDay)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.DeskCard(ctx, 99999, day1, 0)
		wantErr(t, err, ErrNotFound)
		_, err = s.DeskCard(ctx, 1, day1, 99999)
		wantErr(t, err, ErrNotFound)
	})
}

func TestDeskCard(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 9, 0, 0, 0, time.Local))
	p := deskPerson(t, s, "Rose", "Complète", func(p *Participant) {
		p.Organisation, p.Diet, p.Accessibility, p.FeeCents = "Coopérative Nord", "Végétarien", "Fauteuil", 12050
		p.CategoryID = category(t, s, "Presse")
	})
	full := addSession(t, s, "Complet", day1, "14:00", "15:00", addRoom(t, s, "Petite salle", 1).ID)
	workshop := addSession(t, s, "Atelier du matin", day1, "10:00", "11:00", 0)
	tomorrow := addSession(t, s, "Atelier du lendemain", day2, "10:00", "11:00", 0)
	pl := Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: clock(t, "09:00"), End: clock(t, "09:45")}
	talk := Session{Kind: KindOther, Title: "Conférence de presse", Day: day1, Start: clock(t, "16:00"), End: clock(t, "16:30"), Speakers: []int64{p.ID}}
	for _, se := range []*Session{&pl, &talk} {
		if err := s.SaveSession(ctx, se); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Enrol(ctx, addPerson(t, s, "Sam", "Premier").ID, full.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{workshop.ID, tomorrow.ID, full.ID} { // the last one on its waiting list
		if _, err := s.Enrol(ctx, p.ID, id); err != nil {
			t.Fatal(err)
		}
	}

	c := card(t, s, p.ID, day1, 0)
	if c.Participant.ID != p.ID || c.Participant.Organisation != "Coopérative Nord" || c.Participant.Diet != "Végétarien" ||
		c.Participant.Accessibility != "Fauteuil" || c.Category.Name != "Presse" || c.Category.Colour != "#111111" ||
		c.Category.BadgeLabel != "PRESSE" || c.FeeDueCents != 12050 || c.BadgePrinted {
		t.Fatalf("%+v", c)
	}
	var titles []string
	for _, se := range c.Sessions {
		titles = append(titles, se.Title)
	}
	if want := []string{"Ouverture", "Atelier du matin", "Conférence de presse"}; !slices.Equal(titles, want) {
		t.Fatalf("sessions %q, want %q", titles, want)
	}
	if err := s.RecordBadgePrints(ctx, "a4-85x54", p.ID); err != nil {
		t.Fatal(err)
	}
	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 1", Accept: []DeskWarningKind{WarnUnpaid}})
	entry := admit(t, s, AdmitRequest{ParticipantID: p.ID, SessionID: workshop.ID, Desk: "Porte A"})
	c = card(t, s, p.ID, day1, 0)
	if !c.BadgePrinted || c.Arrival == nil || c.Arrival.ID != r.Checkin.ID || c.LastEntry == nil || c.LastEntry.ID != entry.Checkin.ID {
		t.Fatalf("after arrival and entry: %+v", c)
	}
	if c := card(t, s, p.ID, day2, 0); c.Arrival != nil || len(c.Sessions) != 1 || c.Sessions[0].ID != tomorrow.ID {
		t.Fatalf("day 2: %+v", c)
	}
}

func TestAdmit(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 8, 30, 0, 0, time.Local))
	t.Run("New", func(t *testing.T) {
		p := addPerson(t, s, "Anne", "Arrivée")
		r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: " Accueil 1 "})
		c := r.Checkin
		if !r.New || c.ID == 0 || c.Kind != Arrival || c.Day != day1 || c.Desk != "Accueil 1" || c.SessionID != 0 ||
			r.Card.Arrival == nil || r.Card.Arrival.ID != c.ID || r.Card.LastEntry.ID != c.ID || len(r.Pending) != 0 {
			t.Fatalf("%+v", r)
		}
		if log := logOf(t, s, p.ID); len(log) != 1 || log[0] != c {
			t.Fatalf("log %+v, want %+v", log, c)
		}
	})
	t.Run("AcceptFlow", func(t *testing.T) {
		p := deskPerson(t, s, "Bernard", "Confirme", func(p *Participant) { p.FeeCents, p.Days = 9000, []Day{day2} })
		// Nothing accepted, then one of two: nothing is written.
		for _, accept := range [][]DeskWarningKind{nil, {WarnUnpaid}, {WarnNotToday, WarnSessionFull}} {
			r, err := s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day1, Accept: accept})
			if err != nil || r.Admitted || r.New || r.Checkin.ID != 0 {
				t.Fatalf("accepting %v: %+v %v", accept, r, err)
			}
			wantWarnings(t, r.Card, WarnUnpaid, WarnNotToday)
			var want []DeskWarningKind
			for _, k := range []DeskWarningKind{WarnUnpaid, WarnNotToday} {
				if !slices.Contains(accept, k) {
					want = append(want, k)
				}
			}
			if got := kinds(r.Pending); !slices.Equal(got, want) {
				t.Fatalf("accepting %v: pending %v, want %v", accept, got, want)
			}
			if log := logOf(t, s, p.ID); len(log) != 0 {
				t.Fatalf("written without confirmation: %+v", log)
			}
		}
		r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 2", Accept: []DeskWarningKind{WarnNotToday, WarnUnpaid}})
		if !r.New {
			t.Fatal("not new")
		}
		// The card keeps the warnings that were accepted.
		wantWarnings(t, r.Card, WarnUnpaid, WarnNotToday)
		if log := logOf(t, s, p.ID); len(log) != 1 || log[0].Desk != "Accueil 2" {
			t.Fatalf("%+v", log)
		}
	})
	t.Run("AlreadyInReturnsFirst", func(t *testing.T) {
		p := addPerson(t, s, "Claire", "Revenue")
		first := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 1"}).Checkin
		fixedClock(s, time.Date(2021, 11, 25, 8, 35, 0, 0, time.Local))
		r, err := s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 2"})
		if err != nil || r.Admitted || !slices.Equal(kinds(r.Pending), []DeskWarningKind{WarnAlreadyIn}) {
			t.Fatalf("%+v %v", r, err)
		}
		r = admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 2", Accept: []DeskWarningKind{WarnAlreadyIn}})
		if r.New || r.Checkin != first || r.Checkin.Desk != "Accueil 1" {
			t.Fatalf("got %+v, want the first arrival %+v", r.Checkin, first)
		}
		if log := logOf(t, s, p.ID); len(log) != 1 {
			t.Fatalf("%d entries", len(log))
		}
		// The next day is another arrival.
		if r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2}); !r.New || r.Checkin.Day != day2 {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		p := deskPerson(t, s, "Damien", "Désisté", func(p *Participant) { p.Status = StatusCancelled })
		_, err := s.CheckIn(ctx, p.ID, day1, 0, "Accueil 1")
		wantErr(t, err, ErrParticipantCancelled)
		r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Accept: []DeskWarningKind{WarnCancelled}})
		if !r.New || r.Checkin.Kind != Arrival {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("SessionWalkIn", func(t *testing.T) {
		se := addSession(t, s, "Atelier ouvert", day2, "10:00", "11:00", 0)
		p := addPerson(t, s, "Émile", "Imprévu")
		before, err := s.ParticipantEnrolments(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The day passed is the session's, whatever is asked.
		r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, SessionID: se.ID, Desk: "Porte", Accept: []DeskWarningKind{WarnNotEnrolled}})
		c := r.Checkin
		if !r.New || c.Kind != SessionEntry || c.SessionID != se.ID || c.Day != day2 || r.Card.Arrival != nil || r.Card.LastEntry.ID != c.ID {
			t.Fatalf("%+v", r)
		}
		after, _ := s.ParticipantEnrolments(ctx, p.ID)
		if len(before) != 0 || len(after) != 0 {
			t.Fatalf("enrolments changed: %+v → %+v", before, after)
		}
		if list, _ := s.SessionAttendees(ctx, se.ID); len(list) != 1 {
			t.Fatalf("attendees: %+v", list)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.Admit(ctx, AdmitRequest{ParticipantID: 424242, Day: day1})
		wantErr(t, err, ErrNotFound)
	})
}

func TestParticipantIDByCode(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Fabien", "Scanné")
	t.Run("Found", func(t *testing.T) {
		id, err := s.ParticipantIDByCode(ctx, " "+strings.ToLower(p.Code)+"\n")
		if err != nil || id != p.ID {
			t.Fatal(id, err)
		}
	})
	t.Run("ErrUnknownCode", func(t *testing.T) {
		_, err := s.ParticipantIDByCode(ctx, " zz99zz ")
		wantErr(t, err, ErrUnknownCode)
		if msg := Message(err, "fr"); msg != "Code inconnu : «zz99zz». Vérifiez le badge ou cherchez la personne par son nom." {
			t.Fatal(msg)
		}
	})
}

func TestUndoLastEntry(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 9, 0, 0, 0, time.Local))
	se := addSession(t, s, "Atelier", day1, "10:00", "11:00", 0)
	p := addPerson(t, s, "Gisèle", "Trompée")
	arrival := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 1"}).Checkin
	entry := admit(t, s, AdmitRequest{ParticipantID: p.ID, SessionID: se.ID, Desk: "Porte", Accept: DeskWarningKinds}).Checkin

	t.Run("Latest", func(t *testing.T) {
		u, err := s.UndoLastEntry(ctx, p.ID, "Accueil 2")
		if err != nil || u.Kind != Undo || u.Cancels != entry.ID || u.SessionID != se.ID || u.Desk != "Accueil 2" || u.ParticipantID != p.ID {
			t.Fatalf("%+v %v", u, err)
		}
		c := card(t, s, p.ID, day1, se.ID)
		wantWarnings(t, c, WarnNotEnrolled) // no longer in
		if c.LastEntry == nil || c.LastEntry.ID != arrival.ID {
			t.Fatalf("last entry: %+v", c.LastEntry)
		}
	})
	t.Run("Previous", func(t *testing.T) {
		u, err := s.UndoLastEntry(ctx, p.ID, "Accueil 2")
		if err != nil || u.Cancels != arrival.ID || u.Day != day1 {
			t.Fatalf("%+v %v", u, err)
		}
		if c := card(t, s, p.ID, day1, 0); c.Arrival != nil || c.LastEntry != nil || len(c.Warnings) != 0 {
			t.Fatalf("%+v", c)
		}
	})
	t.Run("ErrNothingToUndo", func(t *testing.T) {
		_, err := s.UndoLastEntry(ctx, p.ID, "Accueil 2")
		wantErr(t, err, ErrNothingToUndo)
		if msg := Message(err, "en"); msg != "Gisèle Trompée has no check-in left to undo." {
			t.Fatal(msg)
		}
		_, err = s.UndoLastEntry(ctx, 987654, "")
		wantErr(t, err, ErrNotFound)
	})
	t.Run("NothingDeleted", func(t *testing.T) {
		// Arrive again: a new entry; the log holds all five lines, the
		// first two undone by the next two.
		again := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1}).Checkin
		log := logOf(t, s, p.ID)
		var got []string
		for _, c := range log {
			got = append(got, string(c.Kind)+map[bool]string{true: " undone"}[c.Undone])
		}
		want := []string{"arrival undone", "session undone", "undo", "undo", "arrival"}
		if !slices.Equal(got, want) || log[4].ID != again.ID {
			t.Fatalf("log %q, want %q", got, want)
		}
		if err := s.ExecForTest(ctx, "DELETE FROM checkin WHERE id = ?", arrival.ID); err == nil {
			t.Fatal("a check-in was deleted")
		}
	})
}

func TestDeskCounts(t *testing.T) {
	s := mustOpen(t)
	member, press, staff := category(t, s, "Adhérent·e"), category(t, s, "Presse"), category(t, s, "Équipe")
	type who struct {
		cat    int64
		days   []Day
		status Status
		arrive []Day // arrivals on these days
		undo   bool  // the last arrival undone
	}
	people := []who{
		{member, []Day{day1, day2}, StatusConfirmed, []Day{day1}, false},
		{member, []Day{day1, day2}, StatusPending, []Day{day1, day2}, false},
		{member, []Day{day1}, StatusConfirmed, nil, false},
		{member, []Day{day2}, StatusConfirmed, []Day{day1}, false}, // came on a day not theirs
		{member, []Day{day1}, StatusCancelled, []Day{day1}, false}, // cancelled, came anyway: arrived, not expected
		{member, []Day{day1}, StatusConfirmed, []Day{day1}, true},  // undone
		{press, []Day{day1, day2}, StatusConfirmed, []Day{day2}, false},
		{press, []Day{day1}, StatusCancelled, nil, false},
		{press, nil, StatusConfirmed, []Day{day1}, false},
	}
	for i, w := range people {
		p := deskPerson(t, s, "P", itoa(i), func(p *Participant) { p.CategoryID, p.Days, p.Status = w.cat, w.days, w.status })
		for _, d := range w.arrive {
			admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: d, Accept: DeskWarningKinds})
		}
		if w.undo {
			if _, err := s.UndoLastEntry(ctx, p.ID, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	// By hand: day 1 expects members 0, 1, 2, 5 and press 6; arrived
	// members 0, 1, 3, 4 and press 8. Day 2 expects members 0, 1, 3 and
	// press 6; arrived member 1 and press 6.
	want := map[Day]map[int64][2]int{
		day1: {member: {4, 4}, press: {1, 1}},
		day2: {member: {3, 1}, press: {1, 1}},
	}
	for _, day := range []Day{day1, day2} {
		t.Run(string(day), func(t *testing.T) {
			counts, err := s.DeskCounts(ctx, day)
			if err != nil {
				t.Fatal(err)
			}
			cats, _ := s.Categories(ctx)
			if len(counts) != len(cats) {
				t.Fatalf("%d counts for %d categories", len(counts), len(cats))
			}
			for i, c := range counts {
				if c.CategoryID != cats[i].ID || c.Category != cats[i].Name || c.Colour != cats[i].Colour {
					t.Fatalf("count %d is %+v, category %+v", i, c, cats[i])
				}
				if got := [2]int{c.Expected, c.Arrived}; got != want[day][c.CategoryID] {
					t.Errorf("%s: expected, arrived = %v, want %v", c.Category, got, want[day][c.CategoryID])
				}
			}
			if counts[slices.IndexFunc(counts, func(c DeskCount) bool { return c.CategoryID == staff })] != (DeskCount{CategoryID: staff, Category: "Équipe", Colour: "#F1C40F"}) {
				t.Error("a category without people is not zero")
			}
		})
	}
}

func TestCongressDayFor(t *testing.T) {
	s := mustOpen(t)
	for _, c := range []struct {
		t    time.Time
		day  Day
		want bool
	}{
		{time.Date(2021, 11, 25, 0, 0, 1, 0, time.Local), day1, true},
		{time.Date(2021, 11, 26, 23, 59, 0, 0, time.Local), day2, true},
		{time.Date(2021, 11, 27, 7, 0, 0, 0, time.Local), "2021-11-27", false},
	} {
		d, ok, err := s.CongressDayFor(ctx, c.t)
		if err != nil || d != c.day || ok != c.want {
			t.Errorf("%s: %s %v %v, want %s %v", c.t, d, ok, err, c.day, c.want)
		}
	}
}

func TestFormatEuros(t *testing.T) {
	for _, c := range []struct {
		cents  int64
		en, fr string
	}{
		{0, "0.00 €", "0,00 €"},
		{5, "0.05 €", "0,05 €"},
		{18000, "180.00 €", "180,00 €"},
		{123450, "1,234.50 €", "1 234,50 €"},
		{100000000, "1,000,000.00 €", "1 000 000,00 €"},
		{-250, "-2.50 €", "-2,50 €"},
	} {
		nb := strings.NewReplacer(" €", "\u00a0€", " ", "\u202f")
		if got := FormatEuros(c.cents, "en"); got != strings.ReplaceAll(c.en, " €", "\u00a0€") {
			t.Errorf("%d en: %q", c.cents, got)
		}
		if got := FormatEuros(c.cents, "fr"); got != nb.Replace(c.fr) {
			t.Errorf("%d fr: %q", c.cents, got)
		}
	}
}
