package data_test

import (
	"errors"
	"testing"
	"time"

	. "congres/data"
)

// offlineReplica is a desk's replica of srv's congress, holding its desk
// actions (HoldDeskActions), with its clock skewed minutes behind the
// server's.
func offlineReplica(t *testing.T, srv *Store) *Store {
	t.Helper()
	rep := replicaOf(t, srv, "replica")
	rep.HoldDeskActions()
	base := time.Now().Add(-7 * time.Minute).Truncate(time.Second)
	n := 0
	rep.SetClock(func() time.Time { n++; return base.Add(time.Duration(n) * time.Second) })
	return rep
}

// offlineCongress is a congress on the test server with n people.
func offlineCongress(t *testing.T, n int) (*Store, []Participant) {
	t.Helper()
	if !onServer() {
		t.Skip("a replica is a copy of a congress kept on a server")
	}
	srv, err := newCongress(t, Congress{Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	var people []Participant
	for i := range n {
		people = append(people, addPerson(t, srv, "Awa", "Diallo"+itoa(i)))
	}
	return srv, people
}

// serverEntries are the lines of a person's check-in log on the server.
func serverEntries(t *testing.T, srv *Store, id int64) []Checkin {
	t.Helper()
	log, err := srv.CheckinLog(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestFoldHeldIntoServerKilledMidBatch: 25 check-ins held at a replica
// (its clock 7 minutes behind) go to the server in batches of 7; the desk
// killed after the second batch's commit and before the journal let go of
// it loses nothing and doubles nothing (the replica counts each arrival
// once meanwhile): folded again, every arrival is on
// the server once, with the desk's scan time and name, and the journal is
// empty; folded once more, nothing changes. The replica, caught up with
// each batch before the journal let go of it, counts each arrival once.
func TestFoldHeldIntoServerKilledMidBatch(t *testing.T) {
	srv, people := offlineCongress(t, 25)
	rep := offlineReplica(t, srv)
	SetHeldBatch(t, 7)
	day := Day("2021-11-25")
	at := map[int64]time.Time{}
	for _, p := range people {
		r, err := rep.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day, Desk: "Desk 3"})
		if err != nil || !r.Admitted || !r.Checkin.Held {
			t.Fatalf("held check-in: %+v, %v", r, err)
		}
		at[p.ID] = r.Checkin.At
	}
	if log := serverEntries(t, srv, people[0].ID); len(log) != 0 {
		t.Fatalf("the server has %+v before any folding", log)
	}
	batches := 0
	killed := errors.New("killed")
	SetHeldBatchCommittedHook(t, func() error {
		if batches++; batches == 2 {
			return killed
		}
		return nil
	})
	n, err := rep.FoldHeldInto(ctx, srv)
	if !errors.Is(err, killed) || n != 7 {
		t.Fatalf("killed in the second batch: %d folded, %v", n, err)
	}
	if w, _ := rep.HeldCheckins(ctx); w != 18 {
		t.Errorf("%d held after the kill, want 18 (the second batch is on the server, not yet out of the journal)", w)
	}
	// The replica has the server's rows of both batches, and the journal
	// still the second: each arrival counts once.
	if counts, err := rep.DeskCounts(ctx, day); err != nil || counts[0].Arrived != 25 {
		t.Errorf("the replica counts %+v arrived after the kill (%v), want 25", counts, err)
	}
	if c, err := rep.DeskCard(ctx, people[10].ID, day, 0); err != nil || c.Arrival == nil || c.Arrival.Held {
		t.Errorf("after the kill, the replica's card shows %+v (%v), want the server's arrival", c.Arrival, err)
	}
	SetHeldBatchCommittedHook(t, nil)
	for range 2 {
		if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
		if w, _ := rep.HeldCheckins(ctx); w != 0 {
			t.Errorf("%d held after folding again", w)
		}
		for _, p := range people {
			log := serverEntries(t, srv, p.ID)
			if len(log) != 1 || log[0].Kind != Arrival || !log[0].At.Equal(at[p.ID]) || log[0].Desk != "Desk 3" {
				t.Fatalf("the server's log of %s: %+v, want one arrival at %v by Desk 3", p.LastName, log, at[p.ID])
			}
		}
	}
	for what, s := range map[string]*Store{"server": srv, "replica": rep} {
		counts, err := s.DeskCounts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if counts[0].Arrived != 25 {
			t.Errorf("the %s counts %d arrived, want 25", what, counts[0].Arrived)
		}
	}
	// The replica caught up with each batch before its journal let go of it.
	if log, err := rep.CheckinLog(ctx, people[24].ID); err != nil || len(log) != 1 {
		t.Errorf("the replica's own log after folding: %+v, %v", log, err)
	}
}

// TestFoldHeldIntoServerUndos: undos made offline reach the server: one of
// an arrival the replica had from the server, one of a held arrival, and
// one noted on a held arrival after its batch was read (while it was being
// sent), which goes with the next folding.
func TestFoldHeldIntoServerUndos(t *testing.T) {
	srv, people := offlineCongress(t, 3)
	day := Day("2021-11-25")
	if _, err := srv.Admit(ctx, AdmitRequest{ParticipantID: people[0].ID, Day: day, Desk: "Desk 1"}); err != nil {
		t.Fatal(err)
	}
	rep := offlineReplica(t, srv)
	for _, p := range people[1:] {
		if _, err := rep.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day, Desk: "Desk 3"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range people[:2] {
		if u, err := rep.UndoLastEntry(ctx, p.ID, "Desk 3"); err != nil || !u.Held {
			t.Fatalf("undo offline of %s: %+v, %v", p.LastName, u, err)
		}
	}
	SetHeldBatchCommittedHook(t, func() error {
		SetHeldBatchCommittedHook(t, nil)
		_, err := rep.UndoLastEntry(ctx, people[2].ID, "Desk 3")
		return err
	})
	if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
		t.Fatal(err)
	}
	if w, _ := rep.HeldCheckins(ctx); w != 1 {
		t.Errorf("%d held after the first folding, want 1 (undone while sent)", w)
	}
	if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
		t.Fatal(err)
	}
	if w, _ := rep.HeldCheckins(ctx); w != 0 {
		t.Errorf("%d held after the second folding", w)
	}
	for _, p := range people {
		c, err := srv.DeskCard(ctx, p.ID, day, 0)
		if err != nil || c.Arrival != nil {
			t.Errorf("on the server, %s is in after the undo made offline: %+v, %v", p.LastName, c.Arrival, err)
		}
	}
	if log := serverEntries(t, srv, people[2].ID); len(log) != 2 || log[1].Kind != Undo || log[1].Desk != "Desk 3" {
		t.Errorf("the server's log of the one undone while sent: %+v", log)
	}
}

// TestFoldHeldIntoRefusesAFile: only a replica's journal goes to a server.
func TestFoldHeldIntoRefusesAFile(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	_, err := srv.FoldHeldInto(ctx, srv)
	wantErr(t, err, ErrNotReplica)
}

// TestFoldHeldIntoServerSessionEntries: entries at a session's door held
// at a replica reach the server as entries of that session, with their scan
// times and the door's name; the replica's card and count at the door show
// them, offline, after a desk killed between the server's commit and the
// journal's delete, and once folded (counted once).
func TestFoldHeldIntoServerSessionEntries(t *testing.T) {
	srv, people := offlineCongress(t, 3)
	room := addRoom(t, srv, "Salle A", 30)
	se := addSession(t, srv, "Atelier", "2021-11-25", "10:00", "11:00", room.ID)
	rep := offlineReplica(t, srv)
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	at := map[int64]time.Time{}
	for _, p := range people {
		c, err := rep.DeskCard(ctx, p.ID, "2021-11-25", se.ID)
		if err != nil {
			t.Fatal(err)
		}
		var accept []DeskWarningKind
		for _, w := range c.Warnings {
			accept = append(accept, w.Kind)
		}
		r, err := rep.Admit(ctx, AdmitRequest{ParticipantID: p.ID, SessionID: se.ID, Desk: "Door 2", Accept: accept})
		if err != nil || !r.Checkin.Held || r.Checkin.Kind != SessionEntry {
			t.Fatalf("held entry: %+v, %v", r.Checkin, err)
		}
		at[p.ID] = r.Checkin.At
	}
	if c, err := rep.DeskCard(ctx, people[0].ID, "2021-11-25", se.ID); err != nil || c.LastEntry == nil || c.LastEntry.SessionID != se.ID {
		t.Errorf("the replica's card at the door, offline: %+v, %v", c.LastEntry, err)
	}
	if dc, err := rep.DoorCounts(ctx, se.ID); err != nil || dc.Inside != 3 {
		t.Errorf("the replica's door counts %+v offline (%v), want 3 inside", dc, err)
	}
	// Killed after the server's commit and the replica's catching up, the
	// journal still full: the door counts each entry once.
	killed := errors.New("killed")
	SetHeldBatchCommittedHook(t, func() error { return killed })
	if _, err := rep.FoldHeldInto(ctx, srv); !errors.Is(err, killed) {
		t.Fatal(err)
	}
	if dc, err := rep.DoorCounts(ctx, se.ID); err != nil || dc.Inside != 3 {
		t.Errorf("the replica's door counts %+v after the kill (%v), want 3 inside", dc, err)
	}
	SetHeldBatchCommittedHook(t, nil)
	if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
		t.Fatal(err)
	}
	for what, s := range map[string]*Store{"server": srv, "replica": rep} {
		if dc, err := s.DoorCounts(ctx, se.ID); err != nil || dc.Inside != 3 {
			t.Errorf("the %s's door counts %+v once folded (%v), want 3 inside", what, dc, err)
		}
	}
	for _, p := range people {
		log := serverEntries(t, srv, p.ID)
		if len(log) != 1 || log[0].Kind != SessionEntry || log[0].SessionID != se.ID || !log[0].At.Equal(at[p.ID]) || log[0].Desk != "Door 2" {
			t.Errorf("the server's log of %s: %+v", p.LastName, log)
		}
	}
}

// TestReplicaRefusesOtherWrites: a replica's tables mirror the server's and
// are written by CatchUp alone: a write that is not a desk action (a new
// person outside the desk's walk-ins) waits for the server, with a
// sentence; the replica still catches up. (A badge print is a desk action
// held offline: desk_held_actions_test.go.)
func TestReplicaRefusesOtherWrites(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	rep := offlineReplica(t, srv)
	p := newPerson(t, rep, "Léa", "Martin")
	wantErr(t, rep.CreateParticipant(ctx, &p), ErrNeedsServer)
	addPerson(t, srv, "Léa", "Martin")
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	if ids, err := rep.ParticipantIDs(ctx, ParticipantQuery{}); err != nil || len(ids) != 2 {
		t.Errorf("the replica holds %d people after catching up (%v), want 2", len(ids), err)
	}
}
