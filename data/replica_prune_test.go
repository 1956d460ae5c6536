package data_test

import (
	"testing"

	. "congres/data"
)

// TestStaleReplicaCopiesItselfAgain: a desk's replica whose revision is
// older than what the server's change feed still holds (the feed pruned
// past it) does not miss the changes pruned: catching up writes every row
// the server has and deletes those it no longer has, to the same rows as a
// new copy; after that, it catches up from the feed as before.
func TestStaleReplicaCopiesItselfAgain(t *testing.T) {
	srv, people := offlineCongress(t, 3)
	room := addRoom(t, srv, "Salle A", 30)
	gone := addRoom(t, srv, "Salle B", 10)
	rep := replicaOf(t, srv, "replica")

	p := people[0]
	p.LastName = "Béasse"
	if err := srv.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if r, err := srv.Admit(ctx, AdmitRequest{ParticipantID: people[1].ID, Day: "2021-11-25", Desk: "Desk 1"}); err != nil || !r.Admitted {
		t.Fatalf("admit: %+v %v", r, err)
	}
	if err := srv.DeleteParticipant(ctx, people[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := srv.DeleteRoom(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	addSession(t, srv, "Atelier", "2021-11-25", "10:00", "11:00", room.ID)
	addPerson(t, srv, "Léon", "Martin")

	// The feed is pruned of everything (as a week later).
	if err := srv.ExecForTest(ctx, "SELECT prune_change_log(interval '0 seconds')"); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := srv.QueryRowForTest(ctx, "SELECT count(*) FROM change_log").Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d changes left in the feed after pruning (%v)", left, err)
	}
	rev, err := srv.CatchUp(ctx, rep)
	if err != nil {
		t.Fatal(err)
	}
	if rev != revision(t, srv) {
		t.Errorf("the replica holds revision %d, the server is at %d", rev, revision(t, srv))
	}
	sameRows(t, "after catching up past the pruned feed", tableRows(t, rep), tableRows(t, replicaOf(t, srv, "fresh")))

	// From there, the feed again.
	p.LastName = "Béasse-Ndiaye"
	if err := srv.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	sameRows(t, "after catching up from the feed", tableRows(t, rep), tableRows(t, replicaOf(t, srv, "fresh2")))
}
