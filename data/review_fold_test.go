package data_test

import (
	"errors"
	"testing"
	"time"

	. "congres/data"
)

// deskAt is a desk's replica of srv's congress, holding its actions, whose
// clock reads *now.
func deskAt(t *testing.T, srv *Store, name string, now *time.Time) *Store {
	t.Helper()
	rep := replicaOf(t, srv, name)
	rep.HoldDeskActions()
	rep.SetClock(func() time.Time { return *now })
	return rep
}

// scanAt checks a person in at the desk rep (an arrival, or an entry into
// sessionID), its clock set to at, accepting the card's warnings.
func scanAt(t *testing.T, rep *Store, now *time.Time, at time.Time, desk string, id int64, day Day, sessionID int64) {
	t.Helper()
	*now = at
	c, err := rep.DeskCard(ctx, id, day, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	var accept []DeskWarningKind
	for _, w := range c.Warnings {
		accept = append(accept, w.Kind)
	}
	r, err := rep.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day, SessionID: sessionID, Desk: desk, Accept: accept})
	if err != nil || !r.Admitted || !r.Checkin.Held {
		t.Fatalf("%s: held check-in of %d: %+v, %v", desk, id, r, err)
	}
}

// foldReplayed folds rep's journal into srv as a desk whose journal does
// not let go of its batch twice (killed after the server's commit), so
// that the server is handed the same batch three times.
func foldReplayed(t *testing.T, rep, srv *Store) {
	t.Helper()
	killed := errors.New("killed")
	for i := range 3 {
		if i < 2 {
			SetHeldBatchCommittedHook(t, func() error { return killed })
		} else {
			SetHeldBatchCommittedHook(t, nil)
		}
		if _, err := rep.FoldHeldInto(ctx, srv); err != nil && !errors.Is(err, killed) {
			t.Fatal(err)
		}
	}
	if n, _ := rep.HeldCheckins(ctx); n != 0 {
		t.Fatalf("%d actions left in the journal", n)
	}
}

// openEntries are a person's entries of kind on the server that no undo
// cancels.
func openEntries(t *testing.T, srv *Store, id int64, kind CheckinKind) []Checkin {
	t.Helper()
	var out []Checkin
	for _, c := range serverEntries(t, srv, id) {
		if c.Kind == kind && !c.Undone {
			out = append(out, c)
		}
	}
	return out
}

// TestFoldKeepsSecondArrivalForReview: two desks offline check in
// overlapping people (one arrival held by both, later at desk B; one
// earlier at desk B; one session entry at both doors), each batch handed
// to the server three times. Every person counts once on the server, in
// its stats and on both replicas; the arrival keeps the earlier scan; the
// other scans are on the "to review" list, with their desk and time, and
// nothing is lost.
func TestFoldKeepsSecondArrivalForReview(t *testing.T) {
	srv, people := offlineCongress(t, 5)
	day := Day("2021-11-25")
	room := addRoom(t, srv, "Salle A", 30)
	se := addSession(t, srv, "Atelier", day, "10:00", "11:00", room.ID)
	base := time.Now().Add(-time.Hour).Truncate(time.Second).UTC()
	min := func(n int) time.Time { return base.Add(time.Duration(n) * time.Minute) }
	var nowA, nowB time.Time
	a := deskAt(t, srv, "deskA", &nowA)
	b := deskAt(t, srv, "deskB", &nowB)
	p := people

	scanAt(t, a, &nowA, min(0), "Desk A", p[0].ID, day, 0)
	scanAt(t, a, &nowA, min(1), "Desk A", p[1].ID, day, 0)
	scanAt(t, a, &nowA, min(2), "Desk A", p[2].ID, day, 0)
	scanAt(t, a, &nowA, min(5), "Desk A", p[3].ID, day, 0)
	scanAt(t, a, &nowA, min(3), "Door A", p[1].ID, day, se.ID)

	scanAt(t, b, &nowB, min(4), "Desk B", p[2].ID, day, 0) // later than A's: B's goes to review
	scanAt(t, b, &nowB, min(3), "Desk B", p[3].ID, day, 0) // earlier than A's: A's goes to review
	scanAt(t, b, &nowB, min(1), "Desk B", p[4].ID, day, 0)
	scanAt(t, b, &nowB, min(6), "Door B", p[1].ID, day, se.ID)

	foldReplayed(t, a, srv)
	foldReplayed(t, b, srv)
	if _, err := srv.CatchUp(ctx, a); err != nil {
		t.Fatal(err)
	}

	// Each person counts once, everywhere.
	for what, s := range map[string]*Store{"server": srv, "desk A": a, "desk B": b} {
		counts, err := s.DeskCounts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if n := counts[0].Arrived; n != 5 {
			t.Errorf("%s counts %d arrived, want 5", what, n)
		}
		if dc, err := s.DoorCounts(ctx, se.ID); err != nil || dc.Inside != 1 {
			t.Errorf("%s's door counts %+v (%v), want 1 inside", what, dc, err)
		}
	}
	st, err := srv.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range st.ByDay {
		if d.Day == day && d.CheckedIn != 5 {
			t.Errorf("the stats count %d checked in on %s, want 5", d.CheckedIn, day)
		}
	}
	in := 0
	for _, c := range st.ByCategory {
		in += c.CheckedIn
	}
	if in != 5 {
		t.Errorf("the stats' categories count %d checked in, want 5", in)
	}
	// The dashboard's arrivals per quarter and the attendance workbook.
	buckets, err := srv.Arrivals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	quarters := 0
	for _, b := range buckets {
		quarters += b.Count
	}
	if quarters != 5 {
		t.Errorf("the arrivals per quarter count %d, want 5", quarters)
	}
	sum, err := srv.AttendanceSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sum.Days {
		if d.Day == day && d.CheckedIn != 5 {
			t.Errorf("the attendance workbook counts %d checked in on %s, want 5", d.CheckedIn, day)
		}
	}
	for _, s := range sum.Sessions {
		if s.Session.ID == se.ID && s.Attended != 1 {
			t.Errorf("the attendance workbook counts %d in the session, want 1", s.Attended)
		}
	}

	// The arrival is the earlier scan.
	want := map[int64]struct {
		desk string
		at   time.Time
	}{p[0].ID: {"Desk A", min(0)}, p[1].ID: {"Desk A", min(1)}, p[2].ID: {"Desk A", min(2)},
		p[3].ID: {"Desk B", min(3)}, p[4].ID: {"Desk B", min(1)}}
	for id, w := range want {
		open := openEntries(t, srv, id, Arrival)
		if len(open) != 1 || open[0].Desk != w.desk || !open[0].At.Equal(w.at) {
			t.Errorf("the server's arrival of %d: %+v, want one by %s at %v", id, open, w.desk, w.at)
		}
	}
	if open := openEntries(t, srv, p[1].ID, SessionEntry); len(open) != 1 || open[0].Desk != "Door A" || !open[0].At.Equal(min(3)) {
		t.Errorf("the server's entry of %d: %+v, want Door A's", p[1].ID, open)
	}

	// The other scans are on the list, once each, nothing lost.
	list, err := srv.ToReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		kind             ReviewKind
		id               int64
		desk, keptDesk   string
		at, keptAt       time.Time
		session          int64
		opGiven, resolve bool
	}
	wantList := []seen{
		{ReviewSecondArrival, p[2].ID, "Desk B", "Desk A", min(4), min(2), 0, true, false},
		{ReviewSecondArrival, p[3].ID, "Desk A", "Desk B", min(5), min(3), 0, false, false},
		{ReviewSecondEntry, p[1].ID, "Door B", "Door A", min(6), min(3), se.ID, true, false},
	}
	if len(list) != len(wantList) {
		t.Fatalf("the list to review: %+v, want %d entries", list, len(wantList))
	}
	for _, w := range wantList {
		found := false
		for _, r := range list {
			if r.Kind == w.kind && r.ParticipantID == w.id && r.Desk == w.desk && r.KeptDesk == w.keptDesk &&
				r.At.Equal(w.at) && r.KeptAt.Equal(w.keptAt) && r.SessionID == w.session && r.Day == day &&
				(r.Op != "") == w.opGiven && !r.Resolved() && r.Name != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no entry %+v in the list to review: %+v", w, list)
		}
	}
	if n, err := srv.CountToReview(ctx); err != nil || n != 3 {
		t.Errorf("%d to review (%v), want 3", n, err)
	}
	// The desks' replicas carry the list (the change feed has it).
	if n, err := a.CountToReview(ctx); err != nil || n != 3 {
		t.Errorf("desk A's replica has %d to review (%v), want 3", n, err)
	}
	// Marked reviewed: it leaves the count, and stays in the list, last.
	if err := srv.ResolveReview(ctx, list[0].ID, "Claire"); err != nil {
		t.Fatal(err)
	}
	if err := srv.ResolveReview(ctx, list[0].ID, "Marc"); err != nil {
		t.Fatal(err)
	}
	if n, _ := srv.CountToReview(ctx); n != 2 {
		t.Errorf("%d to review once one was reviewed, want 2", n)
	}
	after, err := srv.ToReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last := after[len(after)-1]; last.ID != list[0].ID || !last.Resolved() || last.ResolvedBy != "Claire" {
		t.Errorf("the reviewed entry: %+v, want last, reviewed by Claire", last)
	}
	if err := srv.ResolveReview(ctx, 99999, "Claire"); errCode(err) != "not_found" {
		t.Errorf("an unknown entry reviewed: %v", err)
	}
}
