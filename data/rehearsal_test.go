package data_test

import (
	"errors"
	"testing"
	"time"

	. "congres/data"
)

// rehearsalFixture is a congress the evening before its first day, with a
// workshop on day 1 and two people, one of them let in at the desk and at
// the workshop's door as a rehearsal.
type rehearsalFixture struct {
	s          *Store
	workshop   Session
	rehearsed  Participant // arrived on day 1 and entered the workshop, in rehearsal
	untouched  Participant
	arrival    Checkin // rehearsed's rehearsal arrival
	entry      Checkin // rehearsed's rehearsal entry into the workshop
	rehearsals int     // entries in the rehearsal's log
}

func newRehearsal(t *testing.T) *rehearsalFixture {
	t.Helper()
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 24, 19, 30, 0, 0, time.Local)) // the evening before day 1
	f := &rehearsalFixture{s: s}
	f.workshop = addSession(t, s, "Atelier compost", day1, "14:00", "15:30", 0)
	f.rehearsed = addPerson(t, s, "Rémi", "Répète")
	f.untouched = addPerson(t, s, "Ursule", "Absente")
	if _, err := s.Enrol(ctx, f.rehearsed.ID, f.workshop.ID); err != nil {
		t.Fatal(err)
	}
	r := admit(t, s, AdmitRequest{ParticipantID: f.rehearsed.ID, Day: day1, Desk: "Accueil 1", Rehearsal: true})
	if !r.New || !r.Card.Rehearsal || r.Card.Arrival == nil || r.Card.Arrival.ID != r.Checkin.ID {
		t.Fatalf("rehearsal admit: %+v", r)
	}
	f.arrival = r.Checkin
	f.entry = admit(t, s, AdmitRequest{ParticipantID: f.rehearsed.ID, SessionID: f.workshop.ID, Desk: "Porte", Rehearsal: true}).Checkin
	f.rehearsals = 2
	return f
}

// TestRehearsalCountsNowhere: what the desk records as a rehearsal is in no
// count, list, workbook, sheet or certificate; the real desk sees nobody in.
func TestRehearsalCountsNowhere(t *testing.T) {
	f := newRehearsal(t)
	s, p := f.s, f.rehearsed

	t.Run("DeskCounts", func(t *testing.T) {
		for _, day := range []Day{day1, day2} {
			counts, err := s.DeskCounts(ctx, day)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range counts {
				if c.Arrived != 0 {
					t.Fatalf("%s: %d arrived in %s", day, c.Arrived, c.Category)
				}
			}
		}
		counts, err := s.RehearsalDeskCounts(ctx, day1)
		if err != nil {
			t.Fatal(err)
		}
		arrived := 0
		for _, c := range counts {
			arrived += c.Arrived
		}
		if arrived != 1 {
			t.Fatalf("the rehearsal's counters say %d arrived, want 1", arrived)
		}
		door, err := s.DoorCounts(ctx, f.workshop.ID)
		if err != nil || door.Inside != 0 {
			t.Fatalf("the door's counters %+v %v", door, err)
		}
		if door, err := s.RehearsalDoorCounts(ctx, f.workshop.ID); err != nil || door.Inside != 1 || door.Expected != 1 {
			t.Fatalf("the rehearsal's door counters %+v %v", door, err)
		}
	})
	t.Run("RealDesk", func(t *testing.T) {
		c := card(t, s, p.ID, day1, 0)
		if c.Rehearsal || c.Arrival != nil || c.LastEntry != nil {
			t.Fatalf("the real card sees the rehearsal: %+v", c)
		}
		wantWarnings(t, card(t, s, p.ID, "", f.workshop.ID))
		if log, err := s.CheckinLog(ctx, p.ID); err != nil || len(log) != 0 {
			t.Fatalf("check-in log %+v %v", log, err)
		}
		if _, err := s.UndoLastEntry(ctx, p.ID, "Accueil 1"); !isErr(err, ErrNothingToUndo) {
			t.Fatalf("the real undo took back a rehearsal entry: %v", err)
		}
	})
	t.Run("Stats", func(t *testing.T) {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range st.ByCategory {
			if c.CheckedIn != 0 {
				t.Fatalf("stats: %d checked in as %s", c.CheckedIn, c.Category.Name)
			}
		}
		for _, d := range st.ByDay {
			if d.CheckedIn != 0 {
				t.Fatalf("stats: %d checked in on %s", d.CheckedIn, d.Day)
			}
		}
		if a, err := s.Arrivals(ctx); err != nil || len(a) != 0 {
			t.Fatalf("arrivals chart %+v %v", a, err)
		}
	})
	t.Run("AttendanceWorkbook", func(t *testing.T) {
		sum, err := s.AttendanceSummary(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sum.Categories {
			if c.CheckedIn != 0 {
				t.Fatalf("summary: %+v", c)
			}
		}
		for _, d := range sum.Days {
			if d.CheckedIn != 0 {
				t.Fatalf("summary: %+v", d)
			}
		}
		for _, se := range sum.Sessions {
			if se.Attended != 0 || se.WalkIns != 0 {
				t.Fatalf("summary: %s attended by %d", se.Session.Title, se.Attended)
			}
		}
		err = s.EachAttendee(ctx, ParticipantQuery{}, func(a *Attendee) error {
			for _, at := range a.Arrivals {
				if !at.IsZero() {
					t.Errorf("%s arrived at %v", a.FullName(), at)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Run("SignInSheet", func(t *testing.T) {
		list, err := s.SessionAttendees(ctx, f.workshop.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.Attended || !a.At.IsZero() {
				t.Fatalf("sign-in sheet: %+v", a)
			}
		}
	})
	t.Run("Certificates", func(t *testing.T) {
		rows, err := s.Certificates(ctx, []int64{p.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if len(r.Days) != 0 || len(r.Sessions) != 0 {
				t.Fatalf("certificate: %+v", r)
			}
		}
	})
	t.Run("Lists", func(t *testing.T) {
		for _, q := range []ParticipantQuery{{CheckedIn: Yes}, {CheckedIn: Yes, Day: day1}} {
			rows, err := s.ListParticipants(ctx, q)
			if err != nil || len(rows) != 0 {
				t.Fatalf("%+v: %d checked in (%v)", q, len(rows), err)
			}
		}
		rows, err := s.ListParticipants(ctx, ParticipantQuery{Search: p.LastName})
		if err != nil || len(rows) != 1 || len(rows[0].CheckedInDays) != 0 {
			t.Fatalf("list row %+v %v", rows, err)
		}
	})
	t.Run("DeleteIsNotRefused", func(t *testing.T) {
		// A rehearsal entry is no arrival: deleting the person is allowed
		// and takes their rehearsal entries with them.
		if err := s.DeleteParticipant(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if log, err := s.RehearsalLog(ctx, p.ID); err != nil || len(log) != 0 {
			t.Fatalf("rehearsal log after delete %+v %v", log, err)
		}
	})
}

// TestRehearsalDesk: the rehearsal follows the desk's rules on its own log:
// already in, and the real desk unaffected by it (and the other way round).
func TestRehearsalDesk(t *testing.T) {
	f := newRehearsal(t)
	s, p := f.s, f.rehearsed
	t.Run("AlreadyIn", func(t *testing.T) {
		r, err := s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day1, Rehearsal: true})
		if err != nil || r.Admitted || !r.Card.Rehearsal {
			t.Fatalf("%+v %v", r, err)
		}
		wantWarnings(t, r.Card, WarnAlreadyIn)
		r = admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Rehearsal: true, Accept: []DeskWarningKind{WarnAlreadyIn}})
		if r.New || r.Checkin != f.arrival {
			t.Fatalf("a second rehearsal scan recorded %+v, want the first %+v", r.Checkin, f.arrival)
		}
		r, err = s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, SessionID: f.workshop.ID, Rehearsal: true})
		if err != nil || r.Admitted {
			t.Fatalf("%+v %v", r, err)
		}
		wantWarnings(t, r.Card, WarnAlreadyIn)
	})
	t.Run("RealAfterRehearsal", func(t *testing.T) {
		fixedClock(s, time.Date(2021, 11, 25, 8, 30, 0, 0, time.Local))
		r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 1"})
		if !r.New || r.Card.Rehearsal || len(r.Card.Warnings) != 0 {
			t.Fatalf("the real arrival after a rehearsal: %+v", r)
		}
		c, err := s.RehearsalDeskCard(ctx, p.ID, day1, 0)
		if err != nil || c.Arrival == nil || c.Arrival.ID != f.arrival.ID {
			t.Fatalf("the rehearsal's card after a real arrival: %+v %v", c, err)
		}
		if log, _ := s.RehearsalLog(ctx, p.ID); len(log) != f.rehearsals {
			t.Fatalf("rehearsal log %+v", log)
		}
	})
}

// TestRehearsalUndo: undo in rehearsal takes back the rehearsal's entries,
// last first, and never a real one.
func TestRehearsalUndo(t *testing.T) {
	f := newRehearsal(t)
	s, p := f.s, f.rehearsed
	real := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2, Desk: "Accueil 2", Accept: []DeskWarningKind{WarnNotToday}}).Checkin
	for _, want := range []Checkin{f.entry, f.arrival} {
		u, err := s.UndoLastRehearsalEntry(ctx, p.ID, "Accueil 1")
		if err != nil || u.Kind != Undo || u.Cancels != want.ID || u.Desk != "Accueil 1" {
			t.Fatalf("undo %+v %v, want it to cancel %+v", u, err, want)
		}
	}
	if _, err := s.UndoLastRehearsalEntry(ctx, p.ID, ""); !isErr(err, ErrNothingToUndo) {
		t.Fatalf("a third undo: %v", err)
	}
	c, err := s.RehearsalDeskCard(ctx, p.ID, day1, 0)
	if err != nil || c.Arrival != nil || c.LastEntry != nil {
		t.Fatalf("rehearsal card after undo %+v %v", c, err)
	}
	log, err := s.CheckinLog(ctx, p.ID)
	if err != nil || len(log) != 1 || log[0] != real {
		t.Fatalf("the real log changed: %+v %v", log, err)
	}
	rlog, err := s.RehearsalLog(ctx, p.ID)
	if err != nil || len(rlog) != 4 || !rlog[0].Undone || !rlog[1].Undone {
		t.Fatalf("rehearsal log %+v %v", rlog, err)
	}
}

// TestRehearsalClear: one call empties the rehearsal, and only it.
func TestRehearsalClear(t *testing.T) {
	f := newRehearsal(t)
	s := f.s
	if _, err := s.UndoLastRehearsalEntry(ctx, f.rehearsed.ID, ""); err != nil {
		t.Fatal(err)
	}
	real := admit(t, s, AdmitRequest{ParticipantID: f.untouched.ID, Day: day1, Accept: []DeskWarningKind{WarnNotToday}}).Checkin
	n, err := s.ClearRehearsal(ctx)
	if err != nil || n != f.rehearsals+1 {
		t.Fatalf("cleared %d (%v), want %d", n, err, f.rehearsals+1)
	}
	if log, err := s.RehearsalLog(ctx, f.rehearsed.ID); err != nil || len(log) != 0 {
		t.Fatalf("rehearsal log after clearing %+v %v", log, err)
	}
	counts, err := s.RehearsalDeskCounts(ctx, day1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		if c.Arrived != 0 {
			t.Fatalf("%+v", c)
		}
	}
	if log, err := s.CheckinLog(ctx, f.untouched.ID); err != nil || len(log) != 1 || log[0] != real {
		t.Fatalf("clearing the rehearsal touched the real log: %+v %v", log, err)
	}
	if n, err := s.ClearRehearsal(ctx); err != nil || n != 0 {
		t.Fatalf("clearing again: %d %v", n, err)
	}
}

// TestRehearsalMerge: merging two records of one person moves the
// rehearsal's entries to the record kept, as it moves the real ones, so
// that the rehearsal still shows them in and can undo them.
func TestRehearsalMerge(t *testing.T) {
	f := newRehearsal(t)
	s := f.s
	if _, err := s.MergeParticipants(ctx, f.untouched.ID, f.rehearsed.ID, nil); err != nil {
		t.Fatal(err)
	}
	log, err := s.RehearsalLog(ctx, f.untouched.ID)
	if err != nil || len(log) != f.rehearsals || log[0].ID != f.arrival.ID {
		t.Fatalf("rehearsal log of the record kept %+v %v", log, err)
	}
	c, err := s.RehearsalDeskCard(ctx, f.untouched.ID, day1, 0)
	if err != nil || c.Arrival == nil {
		t.Fatalf("%+v %v", c, err)
	}
	if _, err := s.UndoLastRehearsalEntry(ctx, f.untouched.ID, ""); err != nil {
		t.Fatal(err)
	}
}

// isErr reports whether err is the template want.
func isErr(err error, want *Error) bool { return errors.Is(err, want) }
