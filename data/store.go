// Package data holds the domain of a congress: types with their validation,
// the rules between them, search, backups and the demo congress, and the
// Store that runs the rules over a congress kept in a file (data/sqlite) or
// on a server (data/postgres). It imports neither Fyne, nor the rest of
// Congrès, nor any store.
package data

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"sync/atomic"
	"time"
)

// Extension is the file extension of a congress file.
const Extension = ".congres"

// Store is an open congress file. Writes go through a single connection;
// reads use a small pool. All methods are safe for concurrent use.
type Store struct {
	path  string
	w     *sql.DB               // the one writing connection
	r     *sql.DB               // readers (query_only)
	file  FileSide              // the file's engine (NewFileStore); nil on a server
	ro    atomic.Pointer[Error] // why the file is only read; nil when it is written
	dirty atomic.Bool
	now   func() time.Time
	codes func() *codeSource
	held  *heldJournal // desk actions held while the file is busy (desk_held.go); nil on a server
	d     Dialect      // the engine's SQL
	// server says the congress is on a database server (OpenServer): w and
	// r are one pool, and there is no file, lock, journal or checkpoint.
	server bool
	watch  watching // the server's notifications (watch.go)
	// heldReady says the schema is up to date: writes fold the journal in.
	heldReady atomic.Bool
	// backupDir is where a server's congress is backed up (backup_server.go).
	backupDir string
	kept      keptReads // reads kept until the file changes (kept_reads.go)
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// SetClock replaces the store's clock (tests and the demo use a fixed one).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// ReadOnly returns nil when the file can be changed, else why it cannot
// (ErrDamaged, ErrFileReadOnly, ErrFolderReadOnly): every write then
// returns that error, and reading, searching and exporting still work.
func (s *Store) ReadOnly() error {
	if e := s.ro.Load(); e != nil {
		return e
	}
	return nil
}

// markDamaged makes the store read only for good: nothing more is written
// into a damaged file.
func (s *Store) markDamaged() {
	s.ro.Store(ErrDamaged.With(s.path))
}

// closeInPlace closes s, the new congress built in tmp, with all its work
// in tmp itself and on disk, then gives it the name path, which it never
// replaces (ErrFileExists). The caller removes tmp (and its companions).
func closeInPlace(ctx context.Context, s *Store, tmp, path string) error {
	err := s.Checkpoint(ctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = SyncFile(tmp)
	}
	if err != nil {
		return CreateCondition(path, err)
	}
	return PlaceNew(tmp, path)
}

// PlaceNew gives the finished file tmp the name path, which it never
// replaces (ErrFileExists): a link refuses a name that exists, so a
// concurrent writer cannot be overwritten; where links are not possible,
// it renames after a last look. The caller removes tmp.
func PlaceNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		if os.IsExist(err) || fileExists(path) {
			return ErrFileExists.With(path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return CreateCondition(path, err)
		}
	}
	return nil
}

// RemoveFile removes a congress file and its WAL companions.
func RemoveFile(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// Close closes the file. The last connection checkpoints the WAL into it.
// Desk actions still held in the journal are folded in first if the file
// is free within a second; else they stay there for the next to open it.
func (s *Store) Close() error {
	if s.server {
		s.watch.stop()
		return s.w.Close()
	}
	if s.ReadOnly() == nil {
		s.foldHeldWithin(context.Background(), time.Second)
	}
	s.file.Stop()
	return errors.Join(s.held.close(), s.r.Close(), s.w.Close(), s.file.Close())
}

// write runs fn in one write transaction and commits it. A file that is
// only read refuses at once, and the file's own conditions (disk full,
// busy, damaged…) come back as sentences.
func (s *Store) write(ctx context.Context, fn func(tx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	s.foldBeforeWrite(ctx) // a long journal in batches first (desk_held_fold.go)
	if err := s.writeTx(ctx, fn); err != nil {
		return s.condition(err)
	}
	s.wrote()
	return nil
}

// wrote notes a write committed: the file changed since its last backup,
// and a checkpoint is due.
func (s *Store) wrote() {
	s.dirty.Store(true)
	if s.file != nil {
		s.file.Wrote()
	}
}

func (s *Store) writeTx(ctx context.Context, fn func(tx *sqlTx) error) error {
	for try := 0; ; try++ {
		t, err := s.w.BeginTx(ctx, nil)
		if err == nil {
			err = s.runTx(ctx, &sqlTx{Tx: t, d: s.d}, fn)
		}
		// A server's connection found dead before anything was written (the
		// server restarted, or ended it): once more, on a new connection.
		var stale *staleConn
		if s.server && try == 0 && (errors.As(err, &stale) || t == nil && s.d.Lost(err)) {
			continue
		}
		return err
	}
}

// runTx runs fn in the write transaction tx, after the desk's held actions
// (desk_held.go), counts the revision and commits; it rolls back when fn
// fails, and the held actions stay held.
func (s *Store) runTx(ctx context.Context, tx *sqlTx, fn func(tx *sqlTx) error) (err error) {
	var fold heldFold
	defer func() { fold.finish(ctx, err == nil) }()
	defer tx.Rollback()
	if s.server {
		// The revision row's lock first: writers follow one another
		// (OpenServer); the other laptops are told at the commit.
		if _, err := tx.ExecContext(ctx, s.d.BumpRevision()); err != nil {
			if s.d.Lost(err) {
				return &staleConn{err} // nothing written yet: writeTx tries again
			}
			return err
		}
		return commitAfter(tx, fn(tx))
	}
	if err := s.refuseOnReplica(ctx); err != nil {
		return err // a desk's replica: only CatchUp writes its tables (desk_offline.go)
	}
	if err := fold.into(ctx, s, tx); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE revision SET n = n + 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// staleConn is a server's connection found dead by a write transaction's
// first statement, before anything was written.
type staleConn struct{ err error }

func (e *staleConn) Error() string { return e.err.Error() }
func (e *staleConn) Unwrap() error { return e.err }

// commitAfter commits tx when err, what its work returned, is nil.
func commitAfter(tx *sqlTx, err error) error {
	if err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in one read transaction, so that what it reads is consistent.
func (s *Store) read(ctx context.Context, fn func(tx *sqlTx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.server {
		opts.Isolation = sql.LevelRepeatableRead // one snapshot, as a file's read transaction
	}
	t, err := s.r.BeginTx(ctx, opts)
	if err != nil {
		return s.condition(err)
	}
	defer t.Rollback()
	return s.condition(fn(&sqlTx{Tx: t, d: s.d}))
}

// condition turns the file's conditions into sentences; damage found on the
// way makes the store read only.
func (s *Store) condition(err error) error {
	if s.server && err != nil {
		var ours *Error
		switch {
		case errors.As(err, &ours):
		case s.d.Violation(err) == PermissionViolation:
			return ErrNotPermitted.With(s.path).because(err)
		case s.d.Lost(err):
			return ErrServerUnreachable.With(s.path).because(err)
		}
	}
	err = fromFileCondition(s.path, err)
	if errors.Is(err, ErrDamaged) {
		s.markDamaged()
	}
	return err
}
