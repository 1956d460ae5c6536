// Package sqlite keeps a congress in one SQLite file: it opens, checks,
// locks and migrates the file, and hands package data a *data.Store over
// its pools (data.NewFileStore), with what only a file does (checkpoints,
// integrity checks) behind data.FileSide. The rules' SQL stays in data,
// written once for every engine; this package holds the file's own.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"congres/data"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Open opens an existing congress file, bringing its schema up to date. A
// file that is not a congress file, or that a newer version wrote, is
// refused and left untouched, and so is a damaged one (data.ErrDamaged) or
// one on a network drive. A file that cannot be written (read-only file,
// folder or disk) opens read only: see data.Store.ReadOnly.
func Open(ctx context.Context, path string) (*data.Store, error) {
	return openChecked(ctx, path, false, false)
}

// OpenOrView is Open, except that a damaged file opens read only instead of
// being refused, so that it can be looked at and a backup restored over it.
func OpenOrView(ctx context.Context, path string) (*data.Store, error) {
	return openChecked(ctx, path, true, false)
}

// OpenOrViewWarm is OpenOrView, with warm reading on the file while its
// content is checked, when that can be done safely: a file larger than
// fullCheckUpTo, of this version (nothing to migrate), that can be
// written and that nobody has open (no WAL). warm reads what the first
// screen shows (the file keeps its reads, data/kept_reads.go): at 50,000
// people the check takes one core 0.1–0.15 s, and the dashboard's numbers
// another, side by side rather than one after the other (issue 19: the
// file open and its dashboard shown within 300 ms). warm must only read:
// nothing writes to the file before the check has passed, and the store is
// returned only then. A file the check finds damaged is closed and opened
// again as OpenOrView does, read only.
func OpenOrViewWarm(ctx context.Context, path string, warm func(context.Context, *data.Store)) (*data.Store, error) {
	if warm == nil || data.FileSize(path) <= fullCheckUpTo || data.FileSize(path+"-wal") > 0 ||
		fileVersion(path) != SchemaVersion() {
		return OpenOrView(ctx, path)
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	if checkNetwork(path) != nil || fileAccess(path) != nil || !folderWritable(path) {
		return OpenOrView(ctx, path)
	}
	lock, err := lockShared(path)
	if err != nil {
		return OpenOrView(ctx, path) // which says why
	}
	s, err := open(ctx, path, nil, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	checked := make(chan error, 1)
	go func() { checked <- quickCheck(ctx, path, nil) }()
	warm(ctx, s)
	if err := <-checked; err != nil {
		s.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return OpenOrView(ctx, path) // damaged: read only, as it says
	}
	return s, nil
}

// openChecked checks what path is, without writing to it, before opening
// it: its place (no network drive), its header (a congress of a version we
// read), whether it can be written, and a quick check of its content.
// locked says the caller holds the file's lock already.
func openChecked(ctx context.Context, path string, viewDamaged, locked bool) (*data.Store, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// On a network drive, a file is only read, as it is, and only when no
	// one has it open (no WAL): SQLite's locks and shared memory do not work
	// across computers. Nothing is made beside it, not even a lock.
	ro := checkNetwork(path)
	if ro != nil {
		if data.FileSize(path+"-wal") > 0 {
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
		case err != nil && data.IsNotWritable(err):
			// A read-only folder: nobody can replace the file either.
			if ro == nil {
				ro = data.ErrFolderReadOnly.With(path)
			}
		case err != nil:
			return nil, err
		}
	}
	if ro == nil && !folderWritable(path) {
		ro = data.ErrFolderReadOnly.With(path)
	}
	if err := quickCheck(ctx, path, ro); err != nil {
		if !viewDamaged || !errors.Is(err, data.ErrDamaged) {
			lock.release()
			return nil, err
		}
		ro = data.ErrDamaged.With(path)
	}
	s, err := open(ctx, path, ro, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	return s, nil
}

// Create makes a new congress file with the given name and days, and the
// default categories. It refuses to overwrite an existing file. The new
// congress is built in a file of its own beside path, then put in place
// whole: path never holds half a congress, and Open never has to accept an
// empty file.
func Create(ctx context.Context, path string, c data.Congress) (*data.Store, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, data.ErrFileExists.With(path)
	}
	if err := checkNetwork(path); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return nil, data.CreateCondition(path, err)
	}
	tmp := f.Name()
	f.Close()
	defer data.RemoveFile(tmp)
	s, err := newCongressIn(ctx, tmp, c)
	if err != nil {
		return nil, data.CreateCondition(path, err)
	}
	if err := closeInPlace(ctx, s, tmp, path); err != nil {
		return nil, err
	}
	return Open(ctx, path)
}

// newCongressIn writes a new congress (its name, days and default
// categories) into tmp, an empty file of the caller's own, and returns it
// open.
func newCongressIn(ctx context.Context, tmp string, c data.Congress) (*data.Store, error) {
	s, err := openNew(ctx, tmp)
	if err != nil {
		return nil, err
	}
	if err := s.InitCongress(ctx, c); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// closeInPlace closes s, the new congress built in tmp, with all its work
// in tmp itself and on disk, then gives it the name path, which it never
// replaces (data.ErrFileExists). The caller removes tmp (and its
// companions).
func closeInPlace(ctx context.Context, s *data.Store, tmp, path string) error {
	err := s.Checkpoint(ctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = data.SyncFile(tmp)
	}
	if err != nil {
		return data.CreateCondition(path, err)
	}
	return data.PlaceNew(tmp, path)
}

// openNew opens tmp, a new file of the caller's own, to be written: an
// empty one starts as a copy of the blank file (blankSchema), or is
// migrated when that could not be made.
func openNew(ctx context.Context, tmp string) (*data.Store, error) {
	if data.FileSize(tmp) <= 0 {
		if b, err := blankSchema(); err == nil {
			if err := os.WriteFile(tmp, b, 0o600); err != nil {
				return nil, err
			}
		}
	}
	return open(ctx, tmp, nil, nil)
}

// busyTimeout is how long a connection waits for another's lock on the file
// before giving up with data.ErrFileBusy.
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
func dsn(path string, kind connKind, ro *data.Error) (string, error) {
	uri, err := fileURI(path)
	if err != nil {
		return "", err
	}
	if ro != nil {
		q := fmt.Sprintf("mode=ro&_pragma=busy_timeout(%d)&_pragma=cache_size(-32000)", busyTimeout.Milliseconds())
		if kind != copier {
			q += "&_pragma=query_only(1)"
		}
		if data.FileSize(path+"-wal") <= 0 {
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

// open opens the pools of path, which is only read when ro is not nil,
// brings a written file's schema up to date, and returns the store, which
// releases lock (held by the caller, or nil) when it closes.
func open(ctx context.Context, path string, ro *data.Error, lock *fileLock) (*data.Store, error) {
	s, _, err := openFile(ctx, path, ro, lock)
	return s, err
}

// openFile is open, returning the file's side of the store too.
// The store keeps the path in full: its backups, journal and lock stay
// beside the file even if the process's working folder changes.
func openFile(ctx context.Context, path string, ro *data.Error, lock *fileLock) (*data.Store, *file, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
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
			return nil, nil, err
		}
	}
	w, r, c := dbs[writer], dbs[reader], dbs[copier]
	w.SetMaxOpenConns(1)
	c.SetMaxOpenConns(1)
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	if err := migrate(ctx, w, path, ro); err != nil {
		errors.Join(c.Close(), r.Close(), w.Close())
		return nil, nil, condition(path, err)
	}
	f := &file{path: path, w: w, r: r, c: c, ro: ro, lock: lock}
	f.ckpt.db = c
	s := data.NewFileStore(data.FileStore{Path: path, W: w, R: r, Dialect: Dialect{}, ReadOnly: ro, Side: f})
	return s, f, nil
}
