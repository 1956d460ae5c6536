package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// holdWriteLock takes the file's write lock from another connection, as an
// import in another window does while it writes, until release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	uri, err := fileURI(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			conn.ExecContext(ctx, "ROLLBACK")
			conn.Close()
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// foldThenCrash lets the held actions be folded (release frees the file),
// then puts the journal back as it was before, as a crash between the
// file's commit and the journal's leaves it. The store then runs no folder:
// the journal stays as the crash left it.
func foldThenCrash(t *testing.T, s *Store, release func()) {
	t.Helper()
	journal := s.Path() + HeldSuffix
	saved, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	release()
	waitFolded(t, s)
	s.held.close()
	if err := os.WriteFile(journal, saved, 0o600); err != nil {
		t.Fatal(err)
	}
	s.held = newHeldJournal(s.Path())
}

// heldNow says how many actions the store's journal holds.
func heldNow(t *testing.T, s *Store) int {
	t.Helper()
	n, err := s.HeldCheckins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitFolded waits for the store's folder to empty the journal.
func waitFolded(t *testing.T, s *Store) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for heldNow(t, s) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d actions still held after 30 s", heldNow(t, s))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// fileLog is a person's lines of the file's check-in log (not the journal).
func fileLog(t *testing.T, s *Store, id int64) []Checkin {
	t.Helper()
	log, err := s.CheckinLog(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

func arrivedCount(t *testing.T, s *Store, day Day) int {
	t.Helper()
	counts, err := s.DeskCounts(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Arrived
	}
	return n
}

// While another connection holds the file's write lock (an import in
// another window writing its rows), a check-in is held in the journal:
// acknowledged at once, seen by the card, "already in" and the counters,
// and written into the file, with its own time and desk, once the file is
// free.
func TestAdmitHeldWhileFileBusy(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	at := time.Date(2021, 11, 26, 9, 0, 0, 0, time.Local)
	now := fixedClock(s, at)
	release := holdWriteLock(t, s.Path())

	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2, Desk: "Desk 2"})
	if !r.New || !r.Checkin.Held || r.Card.Arrival == nil || !r.Card.Arrival.Held {
		t.Fatalf("held check-in: %+v", r)
	}
	if n := heldNow(t, s); n != 1 {
		t.Fatalf("%d actions held", n)
	}
	if log := fileLog(t, s, p.ID); len(log) != 0 {
		t.Fatalf("written into a file that another holds: %+v", log)
	}
	c := card(t, s, p.ID, day2, 0)
	if c.Arrival == nil || !c.Arrival.Held || c.Arrival.Desk != "Desk 2" {
		t.Fatalf("card: %+v", c.Arrival)
	}
	again, err := s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day2, Desk: "Desk 3"})
	if err != nil || again.Admitted || len(again.Pending) != 1 || again.Pending[0].Kind != WarnAlreadyIn {
		t.Fatalf("second scan while held: %+v %v", again, err)
	}
	if n := arrivedCount(t, s, day2); n != 1 {
		t.Fatalf("counters: %d arrived", n)
	}

	*now = at.Add(time.Hour)
	release()
	waitFolded(t, s)
	log := fileLog(t, s, p.ID)
	if len(log) != 1 || log[0].Kind != Arrival || !log[0].At.Equal(at) || log[0].Desk != "Desk 2" || log[0].Held {
		t.Fatalf("log once folded: %+v", log)
	}
	if n := arrivedCount(t, s, day2); n != 1 {
		t.Fatalf("counters once folded: %d arrived", n)
	}
	c = card(t, s, p.ID, day2, 0)
	if c.Arrival == nil || c.Arrival.Held || c.Arrival.ID != log[0].ID {
		t.Fatalf("card once folded: %+v", c.Arrival)
	}
}

// The same within one window: while this store's own writer is taken (the
// import of this window writing), a check-in is held, then written.
func TestAdmitHeldWhileThisStoreWrites(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	busy, done := make(chan struct{}), make(chan error)
	go func() {
		done <- s.write(ctx, func(tx *sqlTx) error {
			busy <- struct{}{}
			<-busy
			return nil
		})
	}()
	<-busy
	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	if !r.Checkin.Held {
		t.Fatalf("not held: %+v", r.Checkin)
	}
	busy <- struct{}{}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	waitFolded(t, s)
	if log := fileLog(t, s, p.ID); len(log) != 1 || log[0].Kind != Arrival {
		t.Fatalf("log: %+v", log)
	}
}

// Undo while the file is busy: a held arrival is taken back in the
// journal; an arrival of the file gets a held undo. Once folded, the file
// has each arrival and its undo.
func TestUndoHeld(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	q := addPerson(t, s, "Bui", "Lan")
	admit(t, s, AdmitRequest{ParticipantID: q.ID, Day: day2})
	release := holdWriteLock(t, s.Path())

	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	u, err := s.UndoLastEntry(ctx, p.ID, "Desk 1")
	if err != nil || u.Kind != Undo || !u.Held {
		t.Fatalf("undo of a held arrival: %+v %v", u, err)
	}
	if c := card(t, s, p.ID, day2, 0); c.Arrival != nil || c.LastEntry != nil {
		t.Fatalf("card after the undo: %+v", c)
	}
	if _, err := s.UndoLastEntry(ctx, p.ID, "Desk 1"); err == nil {
		t.Fatal("a second undo found something to take back")
	}
	if u, err := s.UndoLastEntry(ctx, q.ID, "Desk 1"); err != nil || !u.Held {
		t.Fatalf("undo of an arrival of the file: %+v %v", u, err)
	}
	if c := card(t, s, q.ID, day2, 0); c.Arrival != nil {
		t.Fatalf("card after the held undo: %+v", c.Arrival)
	}
	if n := arrivedCount(t, s, day2); n != 0 {
		t.Fatalf("counters: %d arrived", n)
	}
	// Let in again while still held: a new arrival, after the undone one.
	admit(t, s, AdmitRequest{ParticipantID: q.ID, Day: day2})
	if n := arrivedCount(t, s, day2); n != 1 {
		t.Fatalf("counters after letting q in again: %d arrived", n)
	}

	release()
	waitFolded(t, s)
	kindsOf := func(log []Checkin) []CheckinKind {
		var k []CheckinKind
		for _, c := range log {
			k = append(k, c.Kind)
		}
		return k
	}
	if got := kindsOf(fileLog(t, s, p.ID)); len(got) != 2 || got[0] != Arrival || got[1] != Undo {
		t.Fatalf("p's log: %v", got)
	}
	if got := kindsOf(fileLog(t, s, q.ID)); len(got) != 3 || got[0] != Arrival || got[1] != Undo || got[2] != Arrival {
		t.Fatalf("q's log: %v", got)
	}
	if n := arrivedCount(t, s, day2); n != 1 {
		t.Fatalf("counters once folded: %d arrived", n)
	}
}

// At a session's door, held entries count inside: the session's counters
// and its "full" warning see them.
func TestHeldSessionEntries(t *testing.T) {
	s := mustOpen(t)
	se := addSession(t, s, "Atelier", day2, "10:00", "11:00", addRoom(t, s, "Salle 1", 1).ID)
	p := addPerson(t, s, "Awa", "Diallo")
	q := addPerson(t, s, "Bui", "Lan")
	release := holdWriteLock(t, s.Path())
	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, SessionID: se.ID, Accept: DeskWarningKinds})
	if !r.Checkin.Held || r.Checkin.Kind != SessionEntry {
		t.Fatalf("entry: %+v", r.Checkin)
	}
	n, err := s.DoorCounts(ctx, se.ID)
	if err != nil || n.Inside != 1 {
		t.Fatalf("door counts: %+v %v", n, err)
	}
	if qc := card(t, s, q.ID, day2, se.ID); !hasWarning(qc, WarnSessionFull) {
		t.Fatal("no 'full' warning with the held entry inside")
	}
	release()
	waitFolded(t, s)
	if n, err := s.DoorCounts(ctx, se.ID); err != nil || n.Inside != 1 {
		t.Fatalf("door counts once folded: %+v %v", n, err)
	}
}

// A rehearsal scan held while the file is busy goes into the rehearsal's
// log, never the real one.
func TestHeldRehearsal(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	release := holdWriteLock(t, s.Path())
	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day1, Rehearsal: true})
	if !r.Checkin.Held || !r.Card.Rehearsal {
		t.Fatalf("%+v", r)
	}
	if c := card(t, s, p.ID, day1, 0); c.Arrival != nil {
		t.Fatalf("the real card shows the rehearsal's arrival: %+v", c.Arrival)
	}
	release()
	waitFolded(t, s)
	if log := fileLog(t, s, p.ID); len(log) != 0 {
		t.Fatalf("real log: %+v", log)
	}
	c, err := s.RehearsalDeskCard(ctx, p.ID, day1, 0)
	if err != nil || c.Arrival == nil || c.Arrival.Held {
		t.Fatalf("rehearsal card: %+v %v", c.Arrival, err)
	}
}

// A crash between the file's commit and the journal's leaves the actions
// in both: folding them again records each once (desk_op), an undone
// arrival included.
func TestHeldFoldedOnce(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	q := addPerson(t, s, "Bui", "Lan")
	release := holdWriteLock(t, s.Path())
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	admit(t, s, AdmitRequest{ParticipantID: q.ID, Day: day2})
	if _, err := s.UndoLastEntry(ctx, q.ID, ""); err != nil {
		t.Fatal(err)
	}
	foldThenCrash(t, s, release)
	if n := heldNow(t, s); n != 2 { // p's arrival, q's arrival taken back
		t.Fatalf("%d actions in the restored journal", n)
	}
	if err := s.foldHeldWithin(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	if n := heldNow(t, s); n != 0 {
		t.Fatalf("%d actions left", n)
	}
	if log := fileLog(t, s, p.ID); len(log) != 1 {
		t.Fatalf("p's log: %+v", log)
	}
	if log := fileLog(t, s, q.ID); len(log) != 2 {
		t.Fatalf("q's log: %+v", log)
	}
}

// A window closed while an import still holds the file keeps its held
// check-ins in the journal; the next to open the file writes them in, and
// the last to close it removes the empty journal.
func TestHeldSurviveClose(t *testing.T) {
	s := mustOpen(t)
	path := s.Path()
	p := addPerson(t, s, "Awa", "Diallo")
	release := holdWriteLock(t, path)
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + HeldSuffix); err != nil {
		t.Fatalf("the journal is gone with a check-in in it: %v", err)
	}
	release()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	waitFolded(t, s)
	if log := fileLog(t, s, p.ID); len(log) != 1 {
		t.Fatalf("log: %+v", log)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + HeldSuffix); !os.IsNotExist(err) {
		t.Fatalf("the empty journal is still there: %v", err)
	}
}

// A restore never replays the old file's held check-ins onto the backup:
// they go into the backup of the current file made first.
func TestRestoreWithHeldCheckins(t *testing.T) {
	s := mustOpen(t)
	path := s.Path()
	p := addPerson(t, s, "Awa", "Diallo")
	old, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	release := holdWriteLock(t, path)
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	s.Close()
	release()
	if err := Restore(ctx, path, old); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + HeldSuffix); !os.IsNotExist(err) {
		t.Fatalf("the journal is still beside the restored file: %v", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if log := fileLog(t, s, p.ID); len(log) != 0 {
		t.Fatalf("the restored file has the later arrival: %+v", log)
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, b := range list {
		if b.Path == old {
			continue
		}
		bs, err := OpenOrView(ctx, b.Path)
		if err != nil {
			t.Fatal(err)
		}
		if len(fileLog(t, bs, p.ID)) == 1 {
			found = true
		}
		bs.Close()
	}
	if !found {
		t.Fatal("no backup made before the restore holds the held arrival")
	}
}

// The journal is part of the congress: no output may be written over it.
func TestCheckOutputRefusesTheJournal(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	release := holdWriteLock(t, s.Path())
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	release()
	journal := s.Path() + HeldSuffix
	wantErr(t, CheckOutput(journal, s.Path()), ErrOutputIsCongress)
	wantErr(t, CheckOutput(filepath.Join(filepath.Dir(journal), ".", filepath.Base(journal))), ErrOutputIsDatabase)
}

func hasWarning(c DeskCard, kind DeskWarningKind) bool {
	_, ok := c.Warning(kind)
	return ok
}

// Counters read while check-ins are held never wait for the journal while
// they hold a reader of the file, and held check-ins never wait for them:
// many of each at once all finish (a deadlock fails at the deadline).
func TestHeldWhileCountersRead(t *testing.T) {
	s := mustOpen(t)
	se := addSession(t, s, "Atelier", day2, "10:00", "11:00", 0)
	var people []Participant
	for i := range 12 {
		people = append(people, addPerson(t, s, "Awa", fmt.Sprintf("Diallo %d", i)))
	}
	release := holdWriteLock(t, s.Path())
	c, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 6 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.DeskCounts(c, day2); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.DoorCounts(c, se.ID); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for i, p := range people {
		req := AdmitRequest{ParticipantID: p.ID, Day: day2}
		if i%2 == 1 {
			req = AdmitRequest{ParticipantID: p.ID, SessionID: se.ID, Accept: DeskWarningKinds}
		}
		if r, err := s.Admit(c, req); err != nil || !r.Checkin.Held {
			t.Fatalf("%d: %+v %v", i, r.Checkin, err)
		}
	}
	close(stop)
	readers.Wait()
	if n := arrivedCount(t, s, day2); n != 6 {
		t.Fatalf("%d arrived", n)
	}
	release()
	waitFolded(t, s)
}

// A journal that is not whole (a crash of the disk, another program's
// file) is set aside, never deleted; the desk goes on with a new one, and
// the congress stays writable.
func TestHeldJournalDamaged(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	journal := s.Path() + HeldSuffix
	if err := os.WriteFile(journal, []byte("not a database, not a journal"), 0o600); err != nil {
		t.Fatal(err)
	}
	se := addSession(t, s, "Atelier", day2, "10:00", "11:00", 0)
	release := holdWriteLock(t, s.Path())
	if _, err := s.DoorCounts(ctx, se.ID); err != nil {
		t.Fatalf("door counts beside a damaged journal: %v", err)
	}
	r := admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	if !r.Checkin.Held {
		t.Fatalf("not held: %+v", r.Checkin)
	}
	if err := s.ReadOnly(); err != nil {
		t.Fatalf("the congress is read only: %v", err)
	}
	aside, _ := filepath.Glob(journal + "-damaged-*")
	if len(aside) != 1 {
		t.Fatalf("the damaged journal was not kept aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != "not a database, not a journal" {
		t.Fatalf("the damaged journal changed: %q", b)
	}
	release()
	waitFolded(t, s)
	if log := fileLog(t, s, p.ID); len(log) != 1 {
		t.Fatalf("log: %+v", log)
	}
}

// After a crash between the file's commit and the journal's, actions are in
// both: the card, the counters and the door count each once, and an undo
// then takes back the file's entry.
func TestHeldFoldedNotCountedTwice(t *testing.T) {
	s := mustOpen(t)
	se := addSession(t, s, "Atelier", day2, "10:00", "11:00", 0)
	p := addPerson(t, s, "Awa", "Diallo")
	q := addPerson(t, s, "Bui", "Lan")
	release := holdWriteLock(t, s.Path())
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2})
	admit(t, s, AdmitRequest{ParticipantID: q.ID, SessionID: se.ID, Accept: DeskWarningKinds})
	foldThenCrash(t, s, release)
	if n := heldNow(t, s); n != 2 {
		t.Fatalf("%d actions in the journal", n)
	}
	if n := arrivedCount(t, s, day2); n != 1 {
		t.Fatalf("counters: %d arrived", n)
	}
	if n, err := s.DoorCounts(ctx, se.ID); err != nil || n.Inside != 1 {
		t.Fatalf("door: %+v %v", n, err)
	}
	c := card(t, s, p.ID, day2, 0)
	if c.Arrival == nil || c.Arrival.Held {
		t.Fatalf("card: %+v", c.Arrival)
	}
	release = holdWriteLock(t, s.Path())
	if u, err := s.UndoLastEntry(ctx, p.ID, ""); err != nil || u.Cancels != c.Arrival.ID {
		t.Fatalf("undo: %+v %v", u, err)
	}
	if c := card(t, s, p.ID, day2, 0); c.Arrival != nil {
		t.Fatalf("card after the undo: %+v", c.Arrival)
	}
	release()
	if err := s.foldHeldWithin(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if c := card(t, s, p.ID, day2, 0); c.Arrival != nil {
		t.Fatalf("card once folded: %+v", c.Arrival)
	}
	if log := fileLog(t, s, p.ID); len(log) != 2 {
		t.Fatalf("log: %+v", log)
	}
}

// Every write folds the journal in first: a merge takes the held arrival
// of the record it merges away with it, and clearing the rehearsal clears
// its held scans too.
func TestWritesFoldHeldFirst(t *testing.T) {
	s := mustOpen(t)
	keep := addPerson(t, s, "Awa", "Diallo")
	drop := addPerson(t, s, "Awa", "Dialo")
	r := addPerson(t, s, "Bui", "Lan")
	heldFolder = false // only the writes fold
	t.Cleanup(func() { heldFolder = true })
	s.held.close()
	s.held = newHeldJournal(s.Path())
	release := holdWriteLock(t, s.Path())
	admit(t, s, AdmitRequest{ParticipantID: drop.ID, Day: day2})
	admit(t, s, AdmitRequest{ParticipantID: r.ID, Day: day1, Rehearsal: true})
	release()
	if _, err := s.MergeParticipants(ctx, keep.ID, drop.ID, nil); err != nil {
		t.Fatal(err)
	}
	if c := card(t, s, keep.ID, day2, 0); c.Arrival == nil || c.Arrival.Held {
		t.Fatalf("the kept record's card: %+v", c.Arrival)
	}
	if n, err := s.ClearRehearsal(ctx); err != nil || n != 1 {
		t.Fatalf("cleared %d: %v", n, err)
	}
	c, err := s.RehearsalDeskCard(ctx, r.ID, day1, 0)
	if err != nil || c.Arrival != nil {
		t.Fatalf("rehearsal card after the clear: %+v %v", c.Arrival, err)
	}
	if n := heldNow(t, s); n != 0 {
		t.Fatalf("%d actions still held", n)
	}
}

// congres_sum reads text whole: a NUL byte does not end it.
func TestRowSumNUL(t *testing.T) {
	s := mustOpen(t)
	var a, b int64
	if err := s.r.QueryRowContext(ctx, "SELECT congres_sum(?), congres_sum(?)", "a\x00b", "a\x00c").Scan(&a, &b); err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatal("text after a NUL byte is not summed")
	}
}
