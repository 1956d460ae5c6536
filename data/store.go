// Package data holds the domain of a congress and keeps it in one SQLite
// file: types with their validation, the rules between them, search, backups
// and the demo congress. It imports neither Fyne nor the rest of Congrès.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Extension is the file extension of a congress file.
const Extension = ".congres"

// applicationID marks a SQLite file as a congress file ("Cgrs").
const applicationID = 0x43677273

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open congress file. Writes go through a single connection;
// reads use a small pool. All methods are safe for concurrent use.
type Store struct {
	path  string
	w     *sql.DB // the one writing connection
	r     *sql.DB // readers (query_only)
	c     *sql.DB // one connection for copies: VACUUM INTO is not allowed on readers
	lock  *fileLock
	ro    atomic.Pointer[Error] // why the file is only read; nil when it is written
	dirty atomic.Bool
	ckpt  checkpointer
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

// Open opens an existing congress file, bringing its schema up to date. A
// file that is not a congress file, or that a newer version wrote, is
// refused and left untouched, and so is a damaged one (ErrDamaged) or one
// on a network drive. A file that cannot be written (read-only file,
// folder or disk) opens read only: see ReadOnly.
func Open(ctx context.Context, path string) (*Store, error) {
	return openChecked(ctx, path, false, false)
}

// OpenOrView is Open, except that a damaged file opens read only instead of
// being refused, so that it can be looked at and a backup restored over it.
func OpenOrView(ctx context.Context, path string) (*Store, error) {
	return openChecked(ctx, path, true, false)
}

// openChecked checks what path is, without writing to it, before opening
// it: its place (no network drive), its header (a congress of a version we
// read), whether it can be written, and a quick check of its content.
// locked says the caller holds the file's lock already.
func openChecked(ctx context.Context, path string, viewDamaged, locked bool) (*Store, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// On a network drive, a file is only read, as it is, and only when no
	// one has it open (no WAL): SQLite's locks and shared memory do not work
	// across computers. Nothing is made beside it, not even a lock.
	ro := checkNetwork(path)
	if ro != nil {
		if fileSize(path+"-wal") > 0 {
			return nil, ro
		}
		locked = true
	} else {
		ro = fileAccess(path)
	}
	var lock *fileLock
	if !locked {
		var err error
		lock, err = lockShared(path)
		switch {
		case err != nil && isNotWritable(err):
			// A read-only folder: nobody can replace the file either.
			if ro == nil {
				ro = ErrFolderReadOnly.With(path)
			}
		case err != nil:
			return nil, err
		}
	}
	if ro == nil && !folderWritable(path) {
		ro = ErrFolderReadOnly.With(path)
	}
	if err := quickCheck(ctx, path, ro); err != nil {
		if !viewDamaged || !errors.Is(err, ErrDamaged) {
			lock.release()
			return nil, err
		}
		ro = ErrDamaged.With(path)
	}
	s, err := open(ctx, path, ro)
	if err != nil {
		lock.release()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// Create makes a new congress file with the given name and days, and the
// default categories. It refuses to overwrite an existing file. The new
// congress is built in a file of its own beside path, then put in place
// whole: path never holds half a congress, and Open never has to accept an
// empty file.
func Create(ctx context.Context, path string, c Congress) (*Store, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, ErrFileExists.With(path)
	}
	if err := checkNetwork(path); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return nil, createCondition(path, err)
	}
	tmp := f.Name()
	f.Close()
	defer removeFile(tmp)
	s, err := newCongressIn(ctx, tmp, c)
	if err != nil {
		return nil, createCondition(path, err)
	}
	if err := closeInPlace(ctx, s, tmp, path); err != nil {
		return nil, err
	}
	st, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// newCongressIn writes a new congress (its name, days and default
// categories) into tmp, an empty file of the caller's own, and returns it
// open.
func newCongressIn(ctx context.Context, tmp string, c Congress) (*Store, error) {
	if b, err := blankSchema(); err == nil {
		if err := os.WriteFile(tmp, b, 0o600); err != nil {
			return nil, err
		}
	}
	s, err := open(ctx, tmp, nil)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *sqlTx) error { return writeNewCongress(ctx, tx, c) })
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// blankFile is an empty file at the newest schema, made once per process: a
// new congress starts as a copy of it instead of running every migration
// again (the row sums' triggers made that most of the time of Create).
var blankFile struct {
	once sync.Once
	b    []byte
	err  error
}

// blankSchema returns the bytes of an empty file at the newest schema, or
// an error when it could not be made (Create then migrates the new file).
func blankSchema() ([]byte, error) {
	blankFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "congres-blank-")
		if err != nil {
			blankFile.err = err
			return
		}
		defer os.RemoveAll(dir)
		p := filepath.Join(dir, "blank"+Extension)
		if blankFile.err = os.WriteFile(p, nil, 0o600); blankFile.err != nil {
			return
		}
		ctx := context.Background()
		s, err := open(ctx, p, nil)
		if err != nil {
			blankFile.err = err
			return
		}
		_, err = s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			blankFile.b, err = os.ReadFile(p)
		}
		blankFile.err = err
	})
	return blankFile.b, blankFile.err
}

// closeInPlace closes s, the new congress built in tmp, with all its work
// in tmp itself and on disk, then gives it the name path, which it never
// replaces (ErrFileExists). The caller removes tmp (and its companions).
func closeInPlace(ctx context.Context, s *Store, tmp, path string) error {
	_, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		return createCondition(path, err)
	}
	return placeNew(tmp, path)
}

// placeNew gives the finished file tmp the name path, which it never
// replaces (ErrFileExists): a link refuses a name that exists, so a
// concurrent writer cannot be overwritten; where links are not possible,
// it renames after a last look. The caller removes tmp.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		if os.IsExist(err) || fileExists(path) {
			return ErrFileExists.With(path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return createCondition(path, err)
		}
	}
	return nil
}

// removeFile removes a congress file and its WAL companions.
func removeFile(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// busyTimeout is how long a connection waits for another's lock on the file
// before giving up with ErrFileBusy.
var busyTimeout = 10 * time.Second

type connKind int

const (
	writer connKind = iota
	reader
	copier
)

// fileURI turns a path into a SQLite URI, whatever characters it holds.
func fileURI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/…
	}
	return "file://" + strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p), nil
}

// dsn gives every pooled connection its settings, busy_timeout first. A
// file that is only read (ro not nil) is opened read only and never switched
// to WAL; without a WAL, as immutable, so that SQLite makes no companion
// (it cannot in a read-only folder).
func dsn(path string, kind connKind, ro *Error) (string, error) {
	uri, err := fileURI(path)
	if err != nil {
		return "", err
	}
	if ro != nil {
		q := fmt.Sprintf("mode=ro&_pragma=busy_timeout(%d)&_pragma=cache_size(-32000)", busyTimeout.Milliseconds())
		if kind != copier {
			q += "&_pragma=query_only(1)"
		}
		if fileSize(path+"-wal") <= 0 {
			// Nobody writes a file that has no WAL: read it as it is,
			// leaving no companion beside it.
			q += "&immutable=1"
		}
		return uri + "?" + q, nil
	}
	q := fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()) + "&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=cache_size(-32000)&_pragma=mmap_size(268435456)"
	switch kind {
	case writer:
		q += "&_txlock=immediate"
	case reader:
		q += "&_pragma=query_only(1)"
	}
	return uri + "?" + q, nil
}

// open opens the pools of path, which is only read when ro is not nil, and
// brings a written file's schema up to date.
func open(ctx context.Context, path string, ro *Error) (*Store, error) {
	var dbs [3]*sql.DB
	for kind := range dbs {
		d, err := dsn(path, connKind(kind), ro)
		if err == nil {
			dbs[kind], err = sql.Open("sqlite", d)
		}
		if err != nil {
			for _, db := range dbs[:kind] {
				db.Close()
			}
			return nil, err
		}
	}
	w, r, c := dbs[writer], dbs[reader], dbs[copier]
	w.SetMaxOpenConns(1)
	c.SetMaxOpenConns(1)
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	src := newCodeSource(0)
	s := &Store{path: path, w: w, r: r, c: c, d: sqliteDialect{}, now: time.Now, codes: func() *codeSource { return src }, held: newHeldJournal(path)}
	s.ckpt.db = c
	if ro != nil {
		s.ro.Store(ro)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, s.condition(err)
	}
	s.heldReady.Store(true)
	if ro == nil {
		// Desk actions held by this or another window while an import
		// wrote (or left when one was closed or killed): folded in as soon
		// as the file is free.
		s.startFolder()
	}
	return s, nil
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
	s.ckpt.stop()
	err := errors.Join(s.held.close(), s.c.Close(), s.r.Close(), s.w.Close())
	s.lock.release()
	return err
}

// write runs fn in one write transaction and commits it. A file that is
// only read refuses at once, and the file's own conditions (disk full,
// busy, damaged…) come back as sentences.
func (s *Store) write(ctx context.Context, fn func(tx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
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
	s.ckpt.soon()
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

// migrations returns the embedded migrations, in order.
func migrations() ([]Migration, error) { return ReadMigrations(migrationFiles) }

// SchemaVersion is the newest file format this version of Congrès writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies the migrations the file lacks, each in its own transaction
// together with its record in schema_migration and PRAGMA user_version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current, appID, objects int
	if err := s.w.QueryRowContext(ctx, "SELECT user_version, application_id, (SELECT count(*) FROM sqlite_schema) FROM pragma_user_version, pragma_application_id").
		Scan(&current, &appID, &objects); err != nil {
		return err
	}
	if appID != applicationID && objects > 0 {
		return notCongress(s.path, "another application's database", "base de données d'une autre application")
	}
	if current > len(ms) {
		return ErrTooNew.With(s.path, current, len(ms))
	}
	if ro := s.ro.Load(); ro != nil {
		if current < len(ms) {
			if ro.Kind == KindDamaged {
				return ro
			}
			return ErrNeedsUpdate.With(s.path)
		}
		return nil
	}
	for _, m := range ms[current:] {
		err := s.write(ctx, func(tx *sqlTx) error {
			if m.Version == 1 {
				if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migration (
					version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
				m.Version, m.Name, formatTime(s.now())); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version))
			return err
		})
		if err != nil {
			return err
		}
	}
	if current < len(ms) {
		// Write the new header into the file itself, so that checkFile sees it.
		if _, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return err
		}
	}
	s.dirty.Store(false)
	return nil
}
