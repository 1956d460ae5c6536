package data_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	. "congres/data"
)

// serverRevision is the server's revision: how many writes it counted.
func serverRevision(t *testing.T, srv *Store) int64 {
	t.Helper()
	var n int64
	if err := srv.QueryRowForTest(ctx, "SELECT n FROM revision").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestFoldHeldIntoBacksOff: a held payment and arrival that the server keeps refusing
// (its walk-in gone from the journal, as a desk before this fix could leave
// it) stays in the journal and does not stop the arrival after it; folding
// again at once tries nothing and writes nothing (the server counts no
// revision, so no window is woken); tried again and again it writes
// nothing either, and once refused five times it counts as stuck, still in
// the journal.
func TestFoldHeldIntoBacksOff(t *testing.T) {
	srv, people := offlineCongress(t, 1)
	rep := offlineReplica(t, srv)
	cats, err := rep.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := WalkIn{Participant: Participant{FirstName: "Gaston", LastName: "Doublon", CategoryID: cats[0].ID,
		Status: StatusConfirmed, Days: []Day{"2021-11-25"}, FeeCents: 2000},
		Payment: &PaymentRequest{Method: PayCash, Desk: "Desk 3"},
		Admit:   AdmitRequest{Day: "2021-11-25", Desk: "Desk 3", Accept: DeskWarningKinds}}
	if _, err := rep.RegisterWalkIn(ctx, &w); err != nil {
		t.Fatal(err)
	}
	if r, err := rep.Admit(ctx, AdmitRequest{ParticipantID: people[0].ID, Day: "2021-11-25", Desk: "Desk 3", Accept: DeskWarningKinds}); err != nil || !r.Checkin.Held {
		t.Fatalf("held arrival: %+v, %v", r, err)
	}
	journal, err := sql.Open("sqlite", "file:"+filepath.ToSlash(rep.Path()+HeldSuffix))
	if err != nil {
		t.Fatal(err)
	}
	defer journal.Close()
	if _, err := journal.ExecContext(ctx, "DELETE FROM held_more WHERE kind = 'walk_in'"); err != nil {
		t.Fatal(err)
	}
	n, err := rep.FoldHeldInto(ctx, srv)
	if err != nil || n != 1 {
		t.Fatalf("FoldHeldInto = %d, %v; want 1 (the walk-in's refused payment and arrival stay)", n, err)
	}
	if got := serverEntries(t, srv, people[0].ID); len(got) != 1 {
		t.Errorf("the arrival on the server: %+v", got)
	}
	rev := serverRevision(t, srv)
	if n, err := rep.FoldHeldInto(ctx, srv); err != nil || n != 0 {
		t.Errorf("folding again at once: %d, %v", n, err)
	}
	if got := serverRevision(t, srv); got != rev {
		t.Errorf("folding again at once counted %d revisions on the server, want none", got-rev)
	}
	for range 5 {
		rep.RetryHeldNowForTest()
		if n, err := rep.FoldHeldInto(ctx, srv); err != nil || n != 0 {
			t.Errorf("folding the refused payment again: %d, %v", n, err)
		}
	}
	if got := serverRevision(t, srv); got != rev {
		t.Errorf("5 refused folds counted %d revisions on the server, want none", got-rev)
	}
	if checkins, others, err := rep.HeldActions(ctx); err != nil || others != 1 || checkins != 1 {
		t.Errorf("%d + %d held (%v), want the refused payment and arrival kept", checkins, others, err)
	}
	if n := rep.StuckHeldActions(); n != 2 {
		t.Errorf("StuckHeldActions() = %d, want 2", n)
	}
}
