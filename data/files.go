package data

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// A congress file is kept by an engine of its own (data/sqlite), which
// data does not import: the engine opens the file, checks it, locks it and
// knows its driver's error codes, and hands data a *Store over its pools
// (NewFileStore). What data itself writes into files (copies, backups of a
// server's congress, the demo, the desk's journal) asks the engine through
// FileEngine, which the engine registers when its package is linked in
// (RegisterFiles), as database/sql's drivers do.

// FileEngine is what data asks of the engine of congress files.
type FileEngine interface {
	// OpenNew opens tmp, a new file of the caller's own, to be written: an
	// empty tmp gets the newest schema.
	OpenNew(ctx context.Context, tmp string) (*Store, error)
	// OpenAs opens path only to be read, ro saying why, after checking it.
	OpenAs(ctx context.Context, path string, ro *Error) (*Store, error)
	// CheckHeader refuses, from its header alone, a file that is not a
	// congress file of a version this one reads, or is damaged.
	CheckHeader(path string) error
	// CheckNetwork refuses a file on a network drive (ErrNetworkShare).
	CheckNetwork(path string) *Error
	// Revision reads the revision recorded in the file at path, without
	// touching it; SetRevision writes it into a new file nobody has open.
	Revision(ctx context.Context, path string) (int64, error)
	SetRevision(ctx context.Context, path string, n int64) error
	// Condition turns the driver's codes for the file's own conditions
	// (read only, disk full, busy, damaged, unreadable) into sentences
	// about path; any other error is returned as it is.
	Condition(path string, err error) error
	// Busy, Corrupt and NotADatabase read the driver's codes.
	Busy(err error) bool
	Corrupt(err error) bool
	NotADatabase(err error) bool
	// Journal opens the desk's journal at path (desk_held.go): a file of
	// the engine's, written as the schema says, in rollback-journal mode.
	Journal(path, schema string) (*sql.DB, error)
	// BusyTimeout is how long a connection waits for another's lock.
	BusyTimeout() time.Duration
}

// FileSide is what a store kept in a file does through its engine: the
// store's methods that only a file has forward to it.
type FileSide interface {
	// Wrote is told of every committed write (a checkpoint is due).
	Wrote()
	// Stop ends the file's background work before the store's pools
	// close; Close then closes the engine's own and lets go of the file's
	// lock.
	Stop()
	Close() error
	// CopyTo writes a consistent, compact copy of the file into tmp, an
	// empty file, from one read transaction (the writer is not held up).
	CopyTo(ctx context.Context, tmp string) error
	// Checkpoint copies the WAL into the file itself, whole.
	Checkpoint(ctx context.Context) error
	// CheckIntegrity runs the engine's full check of the file (ErrDamaged).
	CheckIntegrity(ctx context.Context) error
	// SearchIndexDiffers says whether the search index differs from what
	// fill (the query that fills it from the rows) would make.
	SearchIndexDiffers(ctx context.Context, fill string) (bool, error)
}

var fileEngine struct {
	sync.Mutex
	e FileEngine
}

// RegisterFiles makes e the engine of congress files (data/sqlite calls it
// from its init).
func RegisterFiles(e FileEngine) {
	fileEngine.Lock()
	defer fileEngine.Unlock()
	fileEngine.e = e
}

// files returns the engine of congress files; without one (no engine
// linked in), every file is refused with noEngine.
func files() FileEngine {
	fileEngine.Lock()
	defer fileEngine.Unlock()
	if fileEngine.e == nil {
		return noEngine{}
	}
	return fileEngine.e
}

// FileStore is what NewFileStore needs: the file's pools, opened by its
// engine with the schema up to date.
type FileStore struct {
	Path    string
	W, R    *sql.DB // the one writer, the readers
	Dialect Dialect
	// ReadOnly says why the file is only read; nil when it is written.
	ReadOnly *Error
	Side     FileSide
}

// NewFileStore returns the congress kept in the file f describes. On a
// written file, the desk's held actions are folded in as soon as the file
// is free (desk_held.go). Close closes the pools, then f.Side.
func NewFileStore(f FileStore) *Store {
	src := newCodeSource(0)
	s := &Store{path: f.Path, w: f.W, r: f.R, d: f.Dialect, file: f.Side, now: time.Now,
		codes: func() *codeSource { return src }, held: newHeldJournal(f.Path)}
	if f.ReadOnly != nil {
		s.ro.Store(f.ReadOnly)
	}
	s.heldReady.Store(true)
	if f.ReadOnly == nil {
		s.startFolder()
	}
	return s
}

// Checkpoint copies what the file's WAL holds into the file itself (a
// server has nothing to do).
func (s *Store) Checkpoint(ctx context.Context) error {
	if s.file == nil {
		return nil
	}
	return s.file.Checkpoint(ctx)
}

// errNoEngine: a file asked for in a program that links no engine.
var errNoEngine = newErr(KindInternal, "no_file_engine", "",
	"Internal error: this program cannot open congress files.",
	"Erreur interne : ce programme ne peut pas ouvrir de fichier de congrès.")

// noEngine refuses every file.
type noEngine struct{}

func (noEngine) OpenNew(context.Context, string) (*Store, error) { return nil, errNoEngine }
func (noEngine) OpenAs(context.Context, string, *Error) (*Store, error) {
	return nil, errNoEngine
}
func (noEngine) CheckHeader(string) error                        { return errNoEngine }
func (noEngine) CheckNetwork(string) *Error                      { return nil }
func (noEngine) Revision(context.Context, string) (int64, error) { return 0, errNoEngine }
func (noEngine) SetRevision(context.Context, string, int64) error {
	return errNoEngine
}
func (noEngine) Condition(_ string, err error) error     { return err }
func (noEngine) Busy(error) bool                         { return false }
func (noEngine) Corrupt(error) bool                      { return false }
func (noEngine) NotADatabase(error) bool                 { return false }
func (noEngine) Journal(string, string) (*sql.DB, error) { return nil, errNoEngine }
func (noEngine) BusyTimeout() time.Duration              { return 10 * time.Second }
