package data_test

import (
	"testing"

	. "congres/data"
)

// TestReplicaServerLostWrites: the server loses its last write after a
// replica caught up with it (as a server killed with synchronous_commit
// off loses commits it had already shown), and the next writes count the
// same revision again with other rows. The replica, catching up, reads
// every table again rather than skipping them: it holds what a new copy
// holds, with neither the lost arrival nor a missing one.
func TestReplicaServerLostWrites(t *testing.T) {
	srv, people := offlineCongress(t, 3)
	day := Day("2021-11-25")
	rep := replicaOf(t, srv, "replica")
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	admit := func(p Participant) {
		t.Helper()
		if r, err := srv.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day, Desk: "Desk 1", Accept: DeskWarningKinds}); err != nil || !r.Admitted {
			t.Fatalf("admit: %+v, %v", r, err)
		}
	}
	r0 := serverRevision(t, srv)
	admit(people[0])
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	// The server loses that write: its rows, its changes, its revision.
	if err := srv.ExecForTest(ctx, `DO $$ BEGIN
		PERFORM set_config('session_replication_role', 'replica', true);
		DELETE FROM checkin WHERE participant_id = `+itoa(int(people[0].ID))+`;
		DELETE FROM change_log WHERE revision > `+itoa(int(r0))+`;
		UPDATE revision SET n = `+itoa(int(r0))+`;
	END $$`); err != nil {
		t.Fatal(err)
	}
	admit(people[1]) // revision r0+1 again, other rows
	admit(people[2])
	if _, err := srv.CatchUp(ctx, rep); err != nil {
		t.Fatal(err)
	}
	sameRows(t, "after the server lost a write", tableRows(t, rep), tableRows(t, replicaOf(t, srv, "fresh")))
}
