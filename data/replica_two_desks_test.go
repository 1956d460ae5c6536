package data_test

import (
	"sync"
	"testing"

	. "congres/data"
)

// TestReplicasTwoDesksFoldTogether: two desks offline check in people in
// part the same, and each registers the same walk-in (Gaston Doublon, paid
// on the spot, arrived); both hand their journals over at the same time,
// then again (a replay), while the server's revision moves on. Once both
// caught up, each replica holds the same rows as a new copy of the
// server, table by table: no desk misses another's changes.
func TestReplicasTwoDesksFoldTogether(t *testing.T) {
	srv, people := offlineCongress(t, 12)
	day := Day("2021-11-25")
	a, b := offlineReplica(t, srv), offlineReplica(t, srv)
	cats, err := srv.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, rep := range []*Store{a, b} {
		desk := []string{"Desk A", "Desk B"}[i]
		for _, p := range people[i*4 : i*4+8] { // 4 people checked in at both desks
			if r, err := rep.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day, Desk: desk, Accept: DeskWarningKinds}); err != nil || !r.Checkin.Held {
				t.Fatalf("%s: %+v, %v", desk, r, err)
			}
		}
		w := WalkIn{Participant: Participant{FirstName: "Gaston", LastName: "Doublon", CategoryID: cats[0].ID,
			Status: StatusConfirmed, Days: []Day{day}, FeeCents: 1500},
			Payment: &PaymentRequest{Method: PayCash, Desk: desk},
			Admit:   AdmitRequest{Day: day, Desk: desk, Accept: DeskWarningKinds}}
		if r, err := rep.RegisterWalkIn(ctx, &w); err != nil || !r.Admitted {
			t.Fatalf("%s walk-in: %+v, %v", desk, r, err)
		}
	}
	for round := range 3 {
		var wg sync.WaitGroup
		for _, rep := range []*Store{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
					t.Errorf("round %d: %v", round, err)
				}
				if _, err := srv.CatchUp(ctx, rep); err != nil {
					t.Errorf("round %d: %v", round, err)
				}
			}()
		}
		// The server moves on meanwhile (another desk online).
		if _, err := srv.Admit(ctx, AdmitRequest{ParticipantID: people[11-round].ID, Day: day, Desk: "Desk C", Accept: DeskWarningKinds}); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
	}
	for _, rep := range []*Store{a, b} {
		if _, err := srv.CatchUp(ctx, rep); err != nil {
			t.Fatal(err)
		}
		if c, o, err := rep.HeldActions(ctx); err != nil || c+o != 0 {
			t.Errorf("%d + %d actions still held (%v)", c, o, err)
		}
	}
	fresh := tableRows(t, replicaOf(t, srv, "fresh"))
	sameRows(t, "desk A", tableRows(t, a), fresh)
	sameRows(t, "desk B", tableRows(t, b), fresh)
	if n, err := srv.CountToReview(ctx); err != nil || n < 4+2 {
		t.Errorf("%d to review (%v), want the 4 second arrivals and the walk-in's possible duplicate", n, err)
	}
}
