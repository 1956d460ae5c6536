package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congres/data"

	sqlite3 "modernc.org/sqlite/lib"
)

func init() { data.RegisterFiles(engine{}) }

// engine is data.FileEngine: what data asks of congress files.
type engine struct{}

func (engine) OpenNew(ctx context.Context, tmp string) (*data.Store, error) { return openNew(ctx, tmp) }

// OpenAs opens path only to be read (ro says why), after checking its
// header and its content.
func (engine) OpenAs(ctx context.Context, path string, ro *data.Error) (*data.Store, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	if err := quickCheck(ctx, path, ro); err != nil {
		return nil, err
	}
	return open(ctx, path, ro, nil)
}
func (engine) CheckHeader(path string) error                            { return checkFile(path) }
func (engine) CheckNetwork(path string) *data.Error                     { return checkNetwork(path) }
func (engine) Condition(path string, err error) error                   { return condition(path, err) }
func (engine) Busy(err error) bool                                      { return hasCode(err, sqlite3.SQLITE_BUSY) }
func (engine) Corrupt(err error) bool                                   { return isCorrupt(err) }
func (engine) NotADatabase(err error) bool                              { return hasCode(err, sqlite3.SQLITE_NOTADB) }
func (engine) BusyTimeout() time.Duration                               { return busyTimeout }
func (engine) Revision(ctx context.Context, path string) (int64, error) { return revisionOf(ctx, path) }
func (engine) SetRevision(ctx context.Context, path string, n int64) error {
	return setRevision(ctx, path, n)
}

// Journal opens the desk's journal at path, making its table (schema) if
// need be: its own file, in rollback-journal mode. Two connections: one
// writes while the other reads.
func (engine) Journal(path, schema string) (*sql.DB, error) {
	uri, err := fileURI(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri+fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())+
		"&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// revisionOf reads the revision recorded in the congress file at path,
// without touching it.
func revisionOf(ctx context.Context, path string) (int64, error) {
	uri, err := fileURI(path)
	if err != nil {
		return 0, err
	}
	// Read only, no WAL: the file stays as it is.
	b, err := sql.Open("sqlite", uri+"?mode=ro&immutable=1")
	if err != nil {
		return 0, err
	}
	defer b.Close()
	var n int64
	err = b.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&n)
	return n, err
}

// setRevision writes the server's revision n into the new backup at path,
// which nobody else has open yet.
func setRevision(ctx context.Context, path string, n int64) error {
	s, f, err := openFile(ctx, path, nil, nil)
	if err != nil {
		return err
	}
	_, err = f.w.ExecContext(ctx, "UPDATE revision SET n = ?", n)
	if err == nil {
		err = s.Checkpoint(ctx)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = data.SyncFile(path)
	}
	return err
}
