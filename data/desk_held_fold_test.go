package data

import (
	"sync/atomic"
	"testing"
	"time"
)

// holdArrivals holds an arrival on day2 for each of ids in the journal of
// s, in one transaction of the journal (as many desks' scans while an import
// writes, without their time).
// heldByDeskA is a congress of n+1 people, the first n of whom desk A's
// journal holds arrived, and their ids (the last one not held).
func heldByDeskA(t *testing.T, n int) (*Store, []int64) {
	a := mustOpen(t)
	noFolder(t, a)
	manyPeople(t, a, n+1)
	ids, err := a.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil || len(ids) != n+1 {
		t.Fatalf("%d people, %v", len(ids), err)
	}
	holdArrivals(t, a, ids[:n], "Desk A")
	return a, ids
}

func holdArrivals(t *testing.T, s *Store, ids []int64, desk string) {
	t.Helper()
	err := s.hold(ctx, func(jtx *sqlTx) error {
		for _, id := range ids {
			if _, err := insertHeld(ctx, jtx, realLog, Checkin{ParticipantID: id, Kind: Arrival, Day: day2, Desk: desk, At: s.now()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// noFolder stops the stores' folders for the test, and opens s's journal
// again so that its folder, if started, stops: only the test folds.
func noFolder(t *testing.T, s *Store) {
	t.Helper()
	heldFolder = false
	t.Cleanup(func() { heldFolder = true })
	s.held.close()
	s.held = newHeldJournal(s.Path())
}

// A fold of many held actions goes in batches, each its own transaction of
// the file and of the journal: between two batches, another desk (a second
// store on the file, with its own connections, as another window or
// program) holds an arrival and writes into the file before the fold has
// ended. The test pauses the fold after its second batch and lets desk B
// scan and save; before the change, the fold held the journal's lock and
// the file's from its first action to its last, and desk B got in only
// after it (the journal then had its one arrival left).
func TestFoldInBatchesLetsAnotherDeskIn(t *testing.T) {
	const n = 600
	a, ids := heldByDeskA(t, n)
	last := ids[n]
	old := heldBatch
	heldBatch = 100
	t.Cleanup(func() { heldBatch = old })

	b, err := Open(ctx, a.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })

	paused, resume := make(chan struct{}), make(chan struct{})
	var batches atomic.Int32
	testHeldFileBatchFolded = func() error {
		if batches.Add(1) == 2 {
			paused <- struct{}{}
			select {
			case <-resume:
			case <-time.After(time.Minute): // desk B never got in: the test fails below
			}
		}
		return nil
	}
	t.Cleanup(func() { testHeldFileBatchFolded = nil })
	folded := make(chan error, 1)
	go func() { folded <- a.foldHeldWithin(ctx, 10*time.Second) }()

	select {
	case <-paused:
	case err := <-folded:
		t.Fatalf("the fold of %d held actions ended (%v) without a pause between batches: one transaction held the journal and the file throughout", n, err)
	}
	left := heldNow(t, b)
	if left != n-2*heldBatch {
		t.Fatalf("after two batches, %d actions held, want %d", left, n-2*heldBatch)
	}
	// Desk B scans someone: its write finds more held than it should fold
	// itself, and holds the arrival, at once, while the fold waits.
	r, err := b.Admit(ctx, AdmitRequest{ParticipantID: last, Day: day2, Desk: "Desk B", Accept: DeskWarningKinds})
	if err != nil || !r.New || !r.Checkin.Held {
		t.Fatalf("desk B between two batches: %+v %v", r, err)
	}
	// And another write of desk B (a person registered) goes into the
	// file, folding the rest in batches first.
	addPerson(t, b, "Awa", "Diallo")
	select {
	case err := <-folded:
		t.Fatalf("the fold ended (%v) before desk B's scan and write: they waited behind it", err)
	default:
	}
	if got := heldNow(t, b); got != 0 {
		t.Fatalf("desk B's write left %d actions held, want them folded before it", got)
	}
	close(resume)
	if err := <-folded; err != nil {
		t.Fatal(err)
	}
	if err := a.foldHeldWithin(ctx, 10*time.Second); err != nil { // desk B's arrival, if its write did not
		t.Fatal(err)
	}
	got := arrivals(t, a)
	for _, id := range ids {
		if got[id] != 1 {
			t.Fatalf("participant %d: %d arrivals, want 1", id, got[id])
		}
	}
	if len(got) != n+1 {
		t.Fatalf("%d people arrived, want %d", len(got), n+1)
	}
}

// The same without pausing the fold: while desk A folds 3,000 held
// actions, desk B scans someone as soon as the fold has begun, and its
// arrival is acknowledged before the fold has ended (the journal still
// holds desk A's actions after it). Before the change, desk B's scan waited
// for the file (heldAfter), then for the journal, until the fold's one
// transaction ended: the journal then held desk B's arrival alone.
func TestScanDuringALongFold(t *testing.T) {
	const n = 3000
	a, ids := heldByDeskA(t, n)
	last := ids[n]
	b, err := Open(ctx, a.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })

	folded := make(chan error, 1)
	go func() { folded <- a.foldHeldWithin(ctx, 10*time.Second) }()
	for heldNow(t, b) == n { // the fold has begun once its first batch left the journal
		time.Sleep(time.Millisecond)
	}
	r, err := b.Admit(ctx, AdmitRequest{ParticipantID: last, Day: day2, Desk: "Desk B", Accept: DeskWarningKinds})
	if err != nil || !r.New {
		t.Fatalf("desk B during the fold: %+v %v", r, err)
	}
	if left := heldNow(t, b); left <= 1 {
		t.Fatalf("desk B's scan was acknowledged after the fold of desk A's %d actions had ended (%d left held): it waited behind it", n, left)
	}
	if err := <-folded; err != nil {
		t.Fatal(err)
	}
	if err := a.foldHeldWithin(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	got := arrivals(t, a)
	for _, id := range ids {
		if got[id] != 1 {
			t.Fatalf("participant %d: %d arrivals, want 1", id, got[id])
		}
	}
}
