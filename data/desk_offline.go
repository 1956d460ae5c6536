package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// A desk offline (issue 17, docs/offline-desks.md, "The outbox"): the
// desk's replica of a server's congress holds every arrival, session entry
// and undo in its journal (<replica>-held, desk_held.go), never in its own
// tables, which mirror the server and are written only by CatchUp. The
// card, "already in" and the counters read the replica with its journal, as
// a file's desk reads the file with its own. When the server answers,
// FoldHeldInto hands the journal to the server in order, in batches, each
// action recorded once through the server's desk_op.

// heldBatch is how many held actions one server transaction takes.
var heldBatch = 200

// testHeldBatchCommitted, when set (tests), runs after a batch was
// committed on the server (and the replica caught up with it) and before it
// leaves the journal; an error stops the folding there, as a desk killed at
// that moment.
var testHeldBatchCommitted func() error

// ErrNeedsServer: a write other than a desk action (an arrival, a session
// entry, an undo) asked of a desk's replica, whose tables mirror the
// server's: it waits for the server.
var ErrNeedsServer = newErr(KindBusy, "needs_server", "",
	"The congress's server does not answer: this can be done once it is back. Arrivals and session entries go on, and are sent to it then.",
	"Le serveur du congrès ne répond pas : cela pourra se faire à son retour. Les arrivées et les entrées en session continuent, et lui seront envoyées.")

// mirrorWrite marks the context of CatchUp's write into a replica, the one
// write its tables take.
type mirrorWrite struct{}

// refuseOnReplica refuses a write into a replica's tables (HoldDeskActions)
// but CatchUp's.
func (s *Store) refuseOnReplica(ctx context.Context) error {
	if s.held != nil && s.held.only.Load() && ctx.Value(mirrorWrite{}) == nil {
		return ErrNeedsServer.With()
	}
	return nil
}

// replicaFiles are the files opened as desks' replicas (HoldDeskActionsAt).
var replicaFiles sync.Map

// HoldDeskActionsAt says that the congress file at path is a desk's
// replica: a store opened on it from now on holds its desk actions, as
// HoldDeskActions, from the start (its journal is never folded into it,
// not even by the folder that opening starts).
func HoldDeskActionsAt(path string) {
	replicaFiles.Store(filepath.Clean(path), true)
}

// holdsDeskActions says whether path was named by HoldDeskActionsAt.
func holdsDeskActions(path string) bool {
	_, ok := replicaFiles.Load(filepath.Clean(path))
	return ok
}

// HoldDeskActions makes s, a desk's replica of a server's congress, hold
// every desk action (Admit, UndoLastEntry…) in its journal until
// FoldHeldInto hands it to the server: nothing is written into the
// replica's tables but by CatchUp. Call it once, right after opening.
func (s *Store) HoldDeskActions() {
	if s.held != nil {
		s.held.only.Store(true)
	}
}

// FoldHeldInto hands the desk actions held in the journal of s (a replica,
// HoldDeskActions) to server, oldest first, in batches: each batch is one
// write transaction of the server, which records each action's id in its
// desk_op and skips an action recorded there already (sent before), with
// the action's scan time and desk name. An action leaves the journal only
// once its batch is committed on the server and s has caught up with it
// (CatchUp). It returns how many actions left the
// journal; on an error (ErrServerUnreachable when the server does not
// answer) those not yet sent stay, for the next call. Call it from one
// goroutine at a time (the replica's follower does).
func (s *Store) FoldHeldInto(ctx context.Context, server *Store) (int, error) {
	if s.server || s.held == nil || !s.held.only.Load() || !server.server {
		return 0, ErrNotReplica.With(s.path)
	}
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return 0, s.heldCondition(err)
	}
	if err := s.settleWalkIns(ctx, db); err != nil { // a fold stopped before (desk_held_actions.go)
		return 0, err
	}
	list, err := heldActions(ctx, db) // every kind, in one order
	if err != nil {
		return 0, s.heldCondition(err)
	}
	list = s.held.retry.due(list, time.Now()) // those that failed wait their turn (desk_fold_retry.go)
	if len(list) == 0 {
		return 0, nil
	}
	return server.foldBatches(ctx, list, s.path+HeldSuffix, nil, func(batch []heldEntry, seqs []int64) (int, error) {
		s.held.retry.noteFolded(batch, seqs, time.Now(), s.path+HeldSuffix)
		if len(seqs) == 0 {
			return 0, nil // nothing written (every action refused): nothing to catch up with
		}
		// The replica gets the server's rows of the batch, and notes their
		// ids in its desk_op, before the journal lets go of it: a network
		// lost now leaves the actions in the journal (the server skips them
		// next time), so the card never shows a person checked in offline as
		// not arrived, nor, the journal not yet emptied, twice.
		if _, err := server.catchUp(ctx, s, sentOf(batch, seqs)); err != nil {
			return 0, err
		}
		if testHeldBatchCommitted != nil {
			if err := testHeldBatchCommitted(); err != nil {
				return 0, err
			}
		}
		if err := s.settleWalkIns(ctx, db); err != nil {
			return 0, err
		}
		return s.dropHeld(ctx, db, batch, seqs)
	})
}

// foldBatches writes list, held desk actions read from the journal from
// (named in the log), into s (a server) in order, in batches of heldBatch:
// each batch is one write transaction of s, in which foldList writes each
// action once (desk_op). before, when not nil, runs first in the batch's
// transaction; sent runs once the batch is committed, with the actions
// written (their seqs), and returns how many it counts. The first error
// stops there: the batches before it stay committed, the others are not
// written. It returns what sent counted. FoldHeldInto (a desk's journal)
// and ImportOutbox (a journal saved to a file) share it, so that every kind
// of held action goes to the server the same way.
func (s *Store) foldBatches(ctx context.Context, list []heldEntry, from string,
	before func(tx *sqlTx, batch []heldEntry) error, sent func(batch []heldEntry, seqs []int64) (int, error)) (int, error) {
	done := 0
	for len(list) > 0 {
		batch := list[:min(heldBatch, len(list))]
		list = list[len(batch):]
		var seqs []int64
		err := s.write(ctx, func(tx *sqlTx) error {
			if before != nil {
				if err := before(tx, batch); err != nil {
					return err
				}
			}
			known, err := knownOps(ctx, tx, batch)
			if err != nil {
				return err
			}
			seqs, err = s.foldList(ctx, tx, batch, from)
			if err == nil && !wroteNew(batch, seqs, known) {
				// Every action refused, or written before: rolled back, so
				// that no revision is counted and no window is told of
				// nothing (a desk retrying would wake every other).
				return errFoldedNothing
			}
			return err
		})
		if err != nil && !errors.Is(err, errFoldedNothing) {
			return done, err
		}
		n, err := sent(batch, seqs)
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// errFoldedNothing rolls back a batch of which no action was written.
var errFoldedNothing = errors.New("no held action written")

// wroteNew says whether the actions of batch written (seqs) include one
// (or an undo) that the server's desk_op did not have before (known).
func wroteNew(batch []heldEntry, seqs []int64, known map[string]bool) bool {
	for _, h := range sentOf(batch, seqs) {
		if !known[h.op] || h.undoOp != "" && !known[h.undoOp] {
			return true
		}
	}
	return false
}

// dropHeld takes the actions seqs, written into the server (or the file),
// out of the journal, in one short transaction of the journal. An action
// undone meanwhile (its undo noted after it was read) stays: it goes again
// with its undo, and desk_op keeps the action from being written twice.
func (s *Store) dropHeld(ctx context.Context, db *sql.DB, batch []heldEntry, seqs []int64) (int, error) {
	if len(seqs) == 0 {
		return 0, nil
	}
	undone := map[int64]string{}
	for _, h := range batch {
		if !h.undoneAt.IsZero() {
			undone[h.seq] = formatTime(h.undoneAt)
		}
	}
	// Those not undone when read, in one statement; the others one by one.
	type deletion struct {
		q    string
		args []any
	}
	var dels []deletion
	var plain []any
	for _, seq := range seqs {
		switch {
		case seq < 0: // held_more's (desk_held_actions.go)
			// A walk-in leaves by settleWalkIns, once the replica has the
			// server's row of them: before, the actions on them still need
			// their code (folded again, desk_op skips the walk-in).
			dels = append(dels, deletion{"DELETE FROM held_more WHERE seq = ? AND kind <> 'walk_in'", []any{-seq}})
		case undone[seq] != "":
			dels = append(dels, deletion{"DELETE FROM held WHERE seq = ? AND undone_at = ?", []any{seq, undone[seq]}})
		default:
			plain = append(plain, seq)
		}
	}
	for len(plain) > 0 {
		part := plain[:min(len(plain), 500)]
		plain = plain[len(part):]
		dels = append(dels, deletion{"DELETE FROM held WHERE undone_at IS NULL AND seq IN (?" + strings.Repeat(", ?", len(part)-1) + ")", part})
	}
	jtx, end, err := s.beginJournal(ctx, db, files().BusyTimeout())
	if err != nil {
		return 0, s.heldCondition(err)
	}
	defer end()
	n := 0
	for _, d := range dels {
		res, err := jtx.ExecContext(ctx, d.q, d.args...)
		if err != nil {
			return 0, s.heldCondition(err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	if err := jtx.Commit(); err != nil {
		return 0, s.heldCondition(err)
	}
	return n, nil
}

// foldLateUndo writes the undo of the held action h, written before
// without it (the undo was noted on it after its batch was read), unless
// desk_op says it was written already: it takes back the entry that h
// wrote, if no undo took it back yet.
func (s *Store) foldLateUndo(ctx context.Context, tx *sqlTx, h heldEntry) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?) ON CONFLICT (op) DO NOTHING",
		h.undoOp, h.undoDesk, formatTime(s.now()))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // written before
	}
	var id int64
	err = tx.QueryRowContext(ctx, "SELECT c.id FROM "+string(h.log)+` c WHERE c.participant_id = ? AND c.kind = ?
		AND c.day = ? AND coalesce(c.session_id, 0) = ? AND c.at = ? AND c.desk = ? AND `+h.log.open()+" ORDER BY c.id DESC LIMIT 1",
		h.c.ParticipantID, h.c.Kind, h.c.Day, h.c.SessionID, formatTime(h.c.At), h.c.Desk).Scan(&id)
	if err == sql.ErrNoRows {
		return nil // not written (someone in already), or taken back
	}
	if err != nil {
		return err
	}
	_, err = insertCheckin(ctx, tx, h.log, Checkin{ParticipantID: h.c.ParticipantID, Kind: Undo, Day: h.c.Day,
		SessionID: h.c.SessionID, Cancels: id, At: h.undoneAt, Desk: h.undoDesk})
	return err
}

// sentOf is the actions of batch whose seq is in seqs.
func sentOf(batch []heldEntry, seqs []int64) []heldEntry {
	var out []heldEntry
	for _, h := range batch {
		if slices.Contains(seqs, h.seq) {
			out = append(out, h)
		}
	}
	return out
}

// noteSent records in a replica's desk_op, in tx, the ids of the held
// actions sent (and those of their undos): readers of the journal leave
// them out, as the replica has the server's rows of them.
func noteSent(ctx context.Context, tx *sqlTx, sent []heldEntry, now time.Time) error {
	for _, h := range sent {
		for _, op := range []string{h.op, h.undoOp} {
			if op == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?) ON CONFLICT (op) DO NOTHING",
				op, h.c.Desk, formatTime(now)); err != nil {
				return err
			}
		}
	}
	return nil
}
