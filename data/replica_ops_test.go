package data_test

import (
	"path/filepath"
	"testing"
	"time"

	. "congres/data"
)

// TestReplicaLearnsActionsTheServerHas: the actions waiting in a desk's
// journal that reach the server another way (its outbox loaded by an
// organiser, as from another laptop) come back to the replica with the
// server's ids of actions (desk_op, carried by the change feed): its card
// and its door leave them out of the journal's and count each once, before
// the desk hands its journal over; handed over, the server records nothing
// more.
func TestReplicaLearnsActionsTheServerHas(t *testing.T) {
	srv, people := offlineCongress(t, 2)
	day := Day("2021-11-25")
	room := addRoom(t, srv, "Salle A", 30)
	se := addSession(t, srv, "Atelier", day, "10:00", "11:00", room.ID)
	now := time.Now().Add(-time.Hour).Truncate(time.Second).UTC()
	rep := deskAt(t, srv, "desk", &now)
	scanAt(t, rep, &now, now, "Desk 7", people[0].ID, day, 0)
	scanAt(t, rep, &now, now.Add(time.Minute), "Door 7", people[0].ID, day, se.ID)
	scanAt(t, rep, &now, now.Add(time.Minute), "Door 7", people[1].ID, day, se.ID)

	file := filepath.Join(t.TempDir(), "desk7"+OutboxExtension)
	if _, err := rep.ExportOutbox(ctx, file, "", ""); err != nil {
		t.Fatal(err)
	}
	ob, err := OpenOutbox(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ob.Close()
	if res, err := srv.ImportOutbox(ctx, ob, "", nil); err != nil || res.Recorded != 3 {
		t.Fatalf("loading the outbox: %+v, %v", res, err)
	}
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	if n, _ := rep.HeldCheckins(ctx); n != 3 {
		t.Fatalf("%d actions in the journal, want the 3 not yet handed over", n)
	}
	if dc, err := rep.DoorCounts(ctx, se.ID); err != nil || dc.Inside != 2 {
		t.Errorf("the replica's door counts %+v (%v), want 2 inside", dc, err)
	}
	c, err := rep.DeskCard(ctx, people[0].ID, day, se.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Arrival == nil || c.Arrival.Held || c.LastEntry == nil || c.LastEntry.Held {
		t.Errorf("the replica's card shows the journal's entries, not the server's: arrival %+v, last %+v", c.Arrival, c.LastEntry)
	}
	if counts, err := rep.DeskCounts(ctx, day); err != nil || counts[0].Arrived != 1 {
		t.Errorf("the replica counts %+v arrived (%v), want 1", counts, err)
	}
	if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if log := serverEntries(t, srv, p.ID); len(log) != 1 && p.ID == people[1].ID || len(log) != 2 && p.ID == people[0].ID {
			t.Errorf("the server's log of %s: %+v", p.LastName, log)
		}
	}
	if n, err := srv.CountToReview(ctx); err != nil || n != 0 {
		t.Errorf("%d to review (%v), want none", n, err)
	}
}
