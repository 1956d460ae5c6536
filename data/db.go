package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// sqlTx is a transaction of the store's engine: the rules run their SQL
// through it, and it rewrites each statement for the engine (see Dialect).
type sqlTx struct {
	*sql.Tx
	d Dialect
}

func (t *sqlTx) rebind(q string) string { return t.d.Rebind(q) }

// ExecContext runs q, rewritten for the engine.
func (t *sqlTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	r, err := t.Tx.ExecContext(ctx, t.rebind(q), args...)
	return r, t.broke(err)
}

// QueryContext runs q, rewritten for the engine.
func (t *sqlTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.rebind(q), args...)
}

// QueryRowContext runs q, rewritten for the engine.
func (t *sqlTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.rebind(q), args...)
}

// PrepareContext prepares q, rewritten for the engine.
func (t *sqlTx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(ctx, t.rebind(q))
}

// broke returns err, marked with the constraint it reports broken, from
// the engine's codes (Dialect.Violation): fromDriver and violated read the
// mark. ExecContext marks its errors; errors read through Scan (QueryRowContext) are not marked: call it on them.
func (t *sqlTx) broke(err error) error {
	if err == nil {
		return err
	}
	if v := t.d.Violation(err); v != NoViolation {
		return &violationError{v: v, err: err}
	}
	return err
}

// violationError is an engine's error that reports constraint v broken.
type violationError struct {
	v   Violation
	err error
}

func (e *violationError) Error() string { return e.err.Error() }
func (e *violationError) Unwrap() error { return e.err }

// violated reports whether err says that a constraint of kind v was broken
// (marked by broke).
func violated(err error, v Violation) bool {
	var ve *violationError
	return errors.As(err, &ve) && ve.v == v
}

// OpenServer returns the congress kept in a database server, over db (a pool
// of connections to it, whose schema the server's store has brought up to
// date) and the engine's dialect d. location names it to people: a URL
// without its password. Close closes db.
//
// On a server, every write transaction starts by taking the revision row's
// lock, so that writes from every process follow one another as they do in
// a file, and each sees what the one before committed: the rules (the last
// seat of a workshop, a person checked in at two desks at once) hold under
// contention by the server's own locks. Reads run in one snapshot each.
func OpenServer(db *sql.DB, d Dialect, location string) *Store {
	src := newCodeSource(0)
	s := &Store{path: location, w: db, r: db, d: d, server: true, now: time.Now,
		codes: func() *codeSource { return src }}
	s.heldReady.Store(true)
	return s
}

// InitCongress writes a new congress (its name, days and default
// categories) into a store that holds none yet, as Create does into a new
// file. A store that holds a congress already is refused with ErrNotEmpty.
func (s *Store) InitCongress(ctx context.Context, c Congress) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM congress").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrNotEmpty.With(s.path)
		}
		return writeNewCongress(ctx, tx, c)
	})
}

// writeNewCongress writes a new congress's name, days and default
// categories in tx.
func writeNewCongress(ctx context.Context, tx *sqlTx, c Congress) error {
	if err := saveCongress(ctx, tx, &c); err != nil {
		return err
	}
	for i, cat := range DefaultCategoriesIn(c.OutputLanguage()) {
		cat.Position = i + 1
		if err := insertCategory(ctx, tx, &cat); err != nil {
			return err
		}
	}
	return nil
}

// Location names where the congress is kept: a file's path, or a server's
// URL without its password.
func (s *Store) Location() string { return s.path }

// OnServer says the congress is kept on a database server, not in a file.
func (s *Store) OnServer() bool { return s.server }
