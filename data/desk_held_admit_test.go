package data

import (
	"database/sql"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// heldDesks opens desk A and desk B on one file (two stores, as two
// windows), with two people, and the file's write lock taken by another
// connection (an import writing): both desks hold their check-ins. The
// folders do not run. lock is that connection.
func heldDesks(t *testing.T) (a, b *Store, p1, p2 Participant, lock *sql.Conn) {
	t.Helper()
	a = mustOpen(t)
	noFolder(t, a)
	p1, p2 = addPerson(t, a, "Awa", "Diallo"), addPerson(t, a, "Jean", "Dupont")
	var err error
	if b, err = Open(ctx, a.Path()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	old := heldAfter
	heldAfter = 20 * time.Millisecond // held soon: the file is taken throughout
	t.Cleanup(func() { heldAfter = old })
	uri, err := fileURI(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if lock, err = db.Conn(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lock.ExecContext(ctx, "ROLLBACK"); lock.Close() })
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return a, b, p1, p2, lock
}

// onDeskARead runs fn the first time a held admit reads the file (desk
// A's, started first), before it takes the journal's lock.
func onDeskARead(t *testing.T, fn func()) {
	var n atomic.Int32
	testHeldAdmitRead = func() {
		if n.Add(1) == 1 {
			fn()
		}
	}
	t.Cleanup(func() { testHeldAdmitRead = nil })
}

// heldArrivalsOf counts the arrivals a store's journal holds for a person.
func heldArrivalsOf(t *testing.T, s *Store, id int64) int {
	t.Helper()
	list, err := s.heldList(ctx, "participant_id = ? AND kind = 'arrival' AND undone_at IS NULL", id)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// TestHeldAdmitReadsOutsideTheLock (issue 19): a held check-in reads the
// person's card in the file before it takes the journal's lock. While
// desk A's read is stopped, desk B holds an arrival of its own at once;
// it waited for A's read to end (here, forever: it gave up, busy, after
// the busy timeout).
func TestHeldAdmitReadsOutsideTheLock(t *testing.T) {
	a, b, p1, p2, _ := heldDesks(t)
	reading, resume := make(chan struct{}), make(chan struct{})
	onDeskARead(t, func() {
		close(reading)
		<-resume
	})
	type result struct {
		r   AdmitResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := a.Admit(ctx, AdmitRequest{ParticipantID: p1.ID, Day: day2, Desk: "Desk A", Accept: DeskWarningKinds})
		done <- result{r, err}
	}()
	<-reading
	r, err := b.Admit(ctx, AdmitRequest{ParticipantID: p2.ID, Day: day2, Desk: "Desk B", Accept: DeskWarningKinds})
	close(resume)
	if err != nil || !r.New || !r.Checkin.Held {
		t.Fatalf("desk B, while desk A reads: new %v, held %v, %v", r.New, r.Checkin.Held, err)
	}
	ra := <-done
	if ra.err != nil || !ra.r.New || !ra.r.Checkin.Held || ra.r.Card.Arrival == nil || ra.r.Card.Arrival.ID != ra.r.Checkin.ID {
		t.Fatalf("desk A: %+v %v", ra.r, ra.err)
	}
	if n := heldNow(t, a); n != 2 {
		t.Fatalf("%d actions held, want 2", n)
	}
}

// TestHeldAdmitDecidedOnFreshData (issue 19): what changes between desk
// A's read and its lock is seen, and the check-in decided again on it.
// Desk B holds the same person's arrival meanwhile: A finds them already in
// (by desk B) and writes nothing, where it would have let them in twice.
// The file changes meanwhile (the person's registration cancelled by
// another program's write): A finds them cancelled.
func TestHeldAdmitDecidedOnFreshData(t *testing.T) {
	all := slices.DeleteFunc(slices.Clone(DeskWarningKinds), func(k DeskWarningKind) bool { return k == WarnAlreadyIn })
	t.Run("TheJournal", func(t *testing.T) {
		a, b, p1, _, _ := heldDesks(t)
		onDeskARead(t, func() {
			if r, err := b.Admit(ctx, AdmitRequest{ParticipantID: p1.ID, Day: day2, Desk: "Desk B", Accept: DeskWarningKinds}); err != nil || !r.New {
				t.Errorf("desk B: new %v, %v", r.New, err)
			}
		})
		r, err := a.Admit(ctx, AdmitRequest{ParticipantID: p1.ID, Day: day2, Desk: "Desk A", Accept: all})
		if err != nil {
			t.Fatal(err)
		}
		if r.Admitted || r.New || len(r.Pending) != 1 || r.Pending[0].Kind != WarnAlreadyIn || r.Pending[0].Desk != "Desk B" {
			t.Fatalf("desk A, desk B having let the person in meanwhile: admitted %v, new %v, pending %+v", r.Admitted, r.New, r.Pending)
		}
		if n := heldArrivalsOf(t, a, p1.ID); n != 1 {
			t.Fatalf("%d arrivals held for the person, want 1", n)
		}
	})
	t.Run("TheFile", func(t *testing.T) {
		a, _, p1, _, lock := heldDesks(t)
		onDeskARead(t, func() {
			// Another program writes and lets the file go, then takes it
			// again: a write of the app counts in the file's revision.
			for _, st := range []struct {
				q    string
				args []any
			}{{"UPDATE participant SET status = 'cancelled' WHERE id = ?", []any{p1.ID}},
				{"UPDATE revision SET n = n + 1", nil}, {"COMMIT", nil}, {"BEGIN IMMEDIATE", nil}} {
				if _, err := lock.ExecContext(ctx, st.q, st.args...); err != nil {
					t.Errorf("%s: %v", st.q, err)
				}
			}
		})
		r, err := a.Admit(ctx, AdmitRequest{ParticipantID: p1.ID, Day: day2, Desk: "Desk A",
			Accept: slices.DeleteFunc(slices.Clone(all), func(k DeskWarningKind) bool { return k == WarnCancelled })})
		if err != nil {
			t.Fatal(err)
		}
		if r.Admitted || len(r.Pending) != 1 || r.Pending[0].Kind != WarnCancelled {
			t.Fatalf("desk A, the person cancelled meanwhile: admitted %v, pending %v", r.Admitted, kinds(r.Pending))
		}
		if n := heldArrivalsOf(t, a, p1.ID); n != 0 {
			t.Fatalf("%d arrivals held for a cancelled person", n)
		}
	})
}

// TestHeldUndoDecidedOnFreshData (issue 19): an undo held in the journal
// reads first too. Desk B takes back the person's held arrival between
// desk A's read and its lock: A finds nothing left to undo, where it
// would have said it took the arrival back a second time.
func TestHeldUndoDecidedOnFreshData(t *testing.T) {
	a, b, p1, _, _ := heldDesks(t)
	if r := admit(t, a, AdmitRequest{ParticipantID: p1.ID, Day: day2, Desk: "Desk A"}); !r.Checkin.Held {
		t.Fatalf("not held: %+v", r.Checkin)
	}
	onDeskARead(t, func() {
		if u, err := b.UndoLastEntry(ctx, p1.ID, "Desk B"); err != nil || !u.Held {
			t.Errorf("desk B's undo: %+v %v", u, err)
		}
	})
	u, err := a.UndoLastEntry(ctx, p1.ID, "Desk A")
	wantErr(t, err, ErrNothingToUndo)
	if err == nil {
		t.Fatalf("desk A took back the arrival desk B had taken back: %+v", u)
	}
	list, err := a.heldList(ctx, "participant_id = ?", p1.ID)
	if err != nil || len(list) != 1 || list[0].undoDesk != "Desk B" {
		t.Fatalf("the journal: %+v %v", list, err)
	}
}
