package data_test

import (
	"testing"

	. "congres/data"
)

// TestReplicaCatchesUpAfterAMerge: two records of one person merged on the
// server, both checked in, move a check-in to the kept record; a desk's
// replica catches up with it (the file's log of arrivals refuses any other
// change of a check-in) to the same rows as a new copy.
func TestReplicaCatchesUpAfterAMerge(t *testing.T) {
	srv, people := offlineCongress(t, 2)
	rep := replicaOf(t, srv, "replica")
	for _, p := range people {
		if _, err := srv.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: "2021-11-26", Desk: "Desk 1"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.MergeParticipants(ctx, people[0].ID, people[1].ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatalf("catching up after a merge: %v", err)
	}
	sameRows(t, "after a merge", tableRows(t, rep), tableRows(t, replicaOf(t, srv, "fresh")))
}
