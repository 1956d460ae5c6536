package data

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"time"
)

// Folding the journal into the file (issue 19): in batches, so that
// neither the journal nor the file is held long.
//
// A batch is at most heldBatch actions, read from the journal without
// holding its lock, written into the file in one write transaction of its
// own (each action's id recorded in desk_op), and then taken out of the
// journal in a short transaction of the journal. Between the file's commit
// and the journal's, an action is in both: readers of the journal leave it
// out (its id is in desk_op), and folding it again writes nothing. An undo
// noted on a held entry after its batch was read keeps the entry in the
// journal: the next batch writes the undo (foldLateUndo). A kill anywhere
// thus leaves each action either folded or still held, counted once, and
// written once.
//
// Between batches the file's write lock is free: another desk writes, or an
// import begins. The journal's lock is taken only for the batch's removal
// (milliseconds), so that a desk holding an arrival never waits behind a
// fold.
//
// A write's own transaction still folds what is left first (heldFold), so
// that its rules (someone already in, a session full, a merge) see every
// held action: with the journal's lock, as a desk's hold and a desk's write
// into the file must not both say "new" for one person. It takes a few
// actions only: a write finds more than heldInTx held folds them in batches
// first (foldBeforeWrite); a desk's write (writeDeskOrHold) holds its
// action instead, and the folder folds.

// heldInTx is how many held actions a desk's write folds in its own
// transaction, under the journal's lock; with more held, the desk holds
// its action too, and the folder folds them in batches.
var heldInTx = 50

// heldBatchFold marks the context of a batch's write transaction: it folds
// its batch, not the journal (heldFold.into).
type heldBatchFold struct{}

// deskWriteBy marks the context of a desk's write (writeWithin): the time
// by which it must have the file's and the journal's locks, or be held.
type deskWriteBy struct{}

// testHeldFileBatchFolded, when set (tests), runs after each batch folded
// into the file and taken out of the journal; an error stops the folding
// there, as a desk killed at that moment.
var testHeldFileBatchFolded func() error

// foldHeldWithin folds the whole journal into the file, in batches of
// heldBatch, each waiting at most wait for the file's write lock: it gives
// up with errFileHeld when the lock is not free in time, the batches before
// staying folded. Without held actions, it writes nothing.
func (s *Store) foldHeldWithin(ctx context.Context, wait time.Duration) error {
	if s.held.only.Load() {
		return nil // a replica's journal goes to the server (FoldHeldInto)
	}
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return err
	}
	var after int64 // the last action of the batch before: one that stays held is not read again
	for {
		next, err := s.foldBatch(ctx, db, after, wait)
		if err != nil || next == after {
			return err
		}
		after = next
		if testHeldFileBatchFolded != nil {
			if err := testHeldFileBatchFolded(); err != nil {
				return err
			}
		}
	}
}

// foldBatch folds into the file the journal's oldest actions after the
// action after (at most heldBatch), and takes those written out of the
// journal. It returns the last action read (after, when none is left).
func (s *Store) foldBatch(ctx context.Context, db *sql.DB, after int64, wait time.Duration) (int64, error) {
	if !s.heldReady.Load() {
		return after, nil // migrating: desk_op may not exist yet
	}
	list, err := heldEntries(ctx, db, "seq IN (SELECT seq FROM held WHERE seq > ? ORDER BY seq LIMIT ?)", after, heldBatch)
	if err != nil || len(list) == 0 {
		return after, s.heldCondition(err)
	}
	var seqs []int64
	err = s.writeWithin(context.WithValue(ctx, heldBatchFold{}, true), wait, func(tx *sqlTx) error {
		known, err := knownOps(ctx, tx, list)
		if err != nil {
			return err
		}
		if seqs, err = s.foldList(ctx, tx, list, s.path); err == nil && !wroteNew(list, seqs, known) {
			// Folded before (by another desk, or before a crash): nothing
			// to commit, no revision counted, no window told of nothing.
			return errFoldedNothing
		}
		return err
	})
	if err != nil && !errors.Is(err, errFoldedNothing) {
		return after, err
	}
	if _, err := s.dropHeld(ctx, db, list, seqs); err != nil {
		return after, err // in desk_op: left out by readers, taken out next time
	}
	return list[len(list)-1].seq, nil
}

// foldBeforeWrite folds the journal into the file in batches before a
// write of the file (write), when more is held than the write's own
// transaction should take: the write then folds the few left. It gives up
// at the first batch that fails: the write's transaction tries again.
func (s *Store) foldBeforeWrite(ctx context.Context) {
	if s.held == nil || s.held.only.Load() || ctx.Value(heldBatchFold{}) != nil {
		return
	}
	if n, err := s.heldPending(ctx); err != nil || n <= heldInTx {
		return
	}
	s.foldHeldWithin(ctx, files().BusyTimeout())
}

// heldFold is the folding of what is left of the journal into one write
// transaction of the file, under the journal's lock: into writes the held
// actions in, before the write's own work; once the file's transaction has
// ended, finish takes those written out of the journal (or, if it was
// rolled back, leaves them all).
type heldFold struct {
	jtx  *sqlTx
	end  func()  // ends jtx and gives its connection back
	seqs []int64 // the actions written into the file
}

// into writes the journal's actions into the file in tx, each in a
// savepoint: one that fails stays in the journal, and the write goes on.
// It takes at most heldBatch of them (heldInTx for a desk's write: with
// more, or the journal's lock not free in time, a desk's write returns
// errFileHeld, and the desk holds its action). For another write, a
// journal that cannot be read now is left for the folder.
func (f *heldFold) into(ctx context.Context, s *Store, tx *sqlTx) error {
	if !s.heldReady.Load() || s.held.only.Load() || ctx.Value(heldBatchFold{}) != nil {
		return nil // migrating: desk_op may not exist yet; a replica's, for the server; a batch's own
	}
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return nil
	}
	var any bool
	if err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM held)").Scan(&any); err != nil || !any {
		return nil
	}
	limit, wait := heldBatch, files().BusyTimeout()
	by, desk := ctx.Value(deskWriteBy{}).(time.Time)
	if desk {
		limit, wait = heldInTx, max(time.Until(by), 10*time.Millisecond)
	}
	f.jtx, f.end, err = s.beginJournal(ctx, db, wait)
	if err != nil {
		if desk && isBusy(err) {
			return errFileHeld
		}
		return nil
	}
	list, err := heldEntries(ctx, f.jtx, "seq IN (SELECT seq FROM held ORDER BY seq LIMIT ?)", limit+1)
	if err != nil {
		return nil
	}
	if len(list) > limit {
		if desk {
			return errFileHeld // more than a desk's write should fold: the folder's
		}
		list = list[:limit]
		s.startFolder()
	}
	f.seqs, err = s.foldList(ctx, tx, list, s.path)
	return err
}

// foldList writes the held actions list into s (a file, or a server) in tx,
// each in a savepoint: one that fails stays in the journal (it is logged,
// naming from), and the others go on. It returns the actions written.
func (s *Store) foldList(ctx context.Context, tx *sqlTx, list []heldEntry, from string) ([]int64, error) {
	var seqs []int64
	for _, h := range list {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT held_action"); err != nil {
			return nil, err
		}
		if err := s.foldAction(ctx, tx, h); err != nil {
			if s.d.Lost(err) {
				return nil, err // the server is gone: the whole batch stays
			}
			log.Printf("%s: a held desk action could not be written, kept for later: %v", from, err)
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO held_action"); err != nil {
				return nil, err
			}
		} else {
			seqs = append(seqs, h.seq)
		}
		if _, err := tx.ExecContext(ctx, "RELEASE held_action"); err != nil {
			return nil, err
		}
	}
	return seqs, nil
}

// finish ends the journal's side: the actions written leave it when the
// finish ends the journal's side: the actions written leave it when the
// file's transaction was committed.
func (f *heldFold) finish(ctx context.Context, committed bool) {
	if f.jtx == nil {
		return
	}
	defer f.end()
	if !committed {
		return
	}
	for _, seq := range f.seqs {
		if _, err := f.jtx.ExecContext(ctx, "DELETE FROM held WHERE seq = ?", seq); err != nil {
			return // desk_op has them: folded again, they are written once
		}
	}
	f.jtx.Commit()
}

// foldOne writes one held action into the file in tx, unless desk_op says
// it was already.
func (s *Store) foldOne(ctx context.Context, tx *sqlTx, h heldEntry) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?) ON CONFLICT (op) DO NOTHING", h.op, h.c.Desk, formatTime(s.now()))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil || h.undoneAt.IsZero() || h.undoOp == "" {
			return err // written before
		}
		return s.foldLateUndo(ctx, tx, h)
	}
	var known bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM participant WHERE id = ?)", h.c.ParticipantID).Scan(&known); err != nil || !known {
		return err
	}
	c := h.c
	c.ID, c.Held = 0, false
	if c.Kind == Undo {
		// An undo of an entry of the file: written unless the entry is gone
		// or another undo took it back already.
		var open bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+string(h.log)+" c WHERE c.id = ? AND "+h.log.open()+")",
			c.Cancels).Scan(&open); err != nil || !open {
			return err
		}
		_, err := insertCheckin(ctx, tx, h.log, c)
		return err
	}
	if c.Kind == SessionEntry {
		var known bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)", c.SessionID).Scan(&known); err != nil || !known {
			return err
		}
	}
	existing, err := currentEntry(ctx, tx, h.log, c.ParticipantID, c.Kind, c.Day, c.SessionID)
	if err != nil {
		return err
	}
	if existing != nil { // someone in already: counted once, the other scan kept for review (review_fold.go)
		if write, err := s.foldSecond(ctx, tx, h, c, existing); err != nil || !write {
			return err
		}
	}
	if c.ID, err = insertCheckin(ctx, tx, h.log, c); err != nil {
		return err
	}
	if h.undoneAt.IsZero() {
		return nil
	}
	_, err = insertCheckin(ctx, tx, h.log, Checkin{ParticipantID: c.ParticipantID, Kind: Undo, Day: c.Day,
		SessionID: c.SessionID, Cancels: c.ID, At: h.undoneAt, Desk: h.undoDesk})
	return err
}

// heldFoldEvery is how often the folder looks for held actions that the
// file could not take yet.
var heldFoldEvery = time.Second

// heldFolder says whether stores run a folder (tests turn it off to see
// what the writes themselves fold).
var heldFolder = true

// startFolder wakes the store's folder, starting it the first time: until
// the store is closed, it folds the journal into the file as soon as the
// file is free, whichever window or program held the actions. Every store
// that may write runs one (open), so that held actions reach the file, for
// stats and exports too, within a second of the import's end.
func (s *Store) startFolder() {
	if !heldFolder || s.held.only.Load() {
		return
	}
	h := s.held
	h.run.Do(func() {
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			ctx, cancel := context.WithCancel(context.Background())
			go func() { <-h.quit; cancel() }()
			t := time.NewTicker(heldFoldEvery)
			defer t.Stop()
			for {
				select {
				case <-h.quit:
					return
				case <-h.kick:
				case <-t.C:
				}
				if fileExists(h.path) {
					s.foldHeldWithin(ctx, heldFoldEvery) // what is left, the next tick's

				}
			}
		}()
	})
	select {
	case s.held.kick <- struct{}{}:
	default:
	}
}
