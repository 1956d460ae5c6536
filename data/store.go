// Package data holds the domain of a congress and keeps it in one SQLite
// file: types with their validation, the rules between them, search, backups
// and the demo congress. It imports neither Fyne nor the rest of Congrès.
package data

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	dirty atomic.Bool
	now   func() time.Time
	codes func() *codeSource
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// SetClock replaces the store's clock (tests and the demo use a fixed one).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Open opens an existing congress file, bringing its schema up to date. A
// file that is not a congress file, or that a newer version wrote, is
// refused and left untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	return open(ctx, path)
}

// Create makes a new congress file with the given name and days, and the
// default categories. It refuses to overwrite an existing file.
func Create(ctx context.Context, path string, c Congress) (*Store, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, ErrFileExists.With(path)
	}
	// Claim the name first so that a concurrent Create cannot race us.
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return nil, ErrFileExists.With(path)
		}
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	f.Close()
	s, err := open(ctx, path)
	if err == nil {
		err = s.write(ctx, func(tx *sql.Tx) error {
			if err := saveCongress(ctx, tx, &c); err != nil {
				return err
			}
			for i, cat := range DefaultCategories() {
				cat.Position = i + 1
				if err := insertCategory(ctx, tx, &cat); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		if s != nil {
			s.Close()
		}
		removeFile(path)
		return nil, err
	}
	return s, nil
}

// removeFile removes a congress file and its WAL companions.
func removeFile(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

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

// dsn gives every pooled connection its settings, busy_timeout first.
func dsn(path string, kind connKind) (string, error) {
	uri, err := fileURI(path)
	if err != nil {
		return "", err
	}
	q := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=cache_size(-32000)&_pragma=mmap_size(268435456)"
	switch kind {
	case writer:
		q += "&_txlock=immediate"
	case reader:
		q += "&_pragma=query_only(1)"
	}
	return uri + "?" + q, nil
}

func open(ctx context.Context, path string) (*Store, error) {
	var dbs [3]*sql.DB
	for kind := range dbs {
		d, err := dsn(path, connKind(kind))
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
	s := &Store{path: path, w: w, r: r, c: c, now: time.Now, codes: func() *codeSource { return src }}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the file. The last connection checkpoints the WAL into it.
func (s *Store) Close() error {
	return errors.Join(s.c.Close(), s.r.Close(), s.w.Close())
}

// write runs fn in one write transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE revision SET n = n + 1"); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.dirty.Store(true)
	return nil
}

// read runs fn in one read transaction, so that what it reads is consistent.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		var v int
		if _, err := fmt.Sscanf(e.Name(), "%04d_", &v); err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

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
	for _, m := range ms[current:] {
		err := s.write(ctx, func(tx *sql.Tx) error {
			if m.version == 1 {
				if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migration (
					version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, formatTime(s.now())); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
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

// checkFile refuses, without opening it through SQLite, a file that is not a
// congress file: missing, not SQLite, truncated, another application's
// database, or written by a newer version. An empty file is accepted (it is
// what Create makes before the first migration).
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return ErrFileNotFound.With(path)
		}
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return notCongress(path, "a folder", "un dossier")
	}
	if st.Size() == 0 {
		return nil
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return notCongress(path, "too short", "trop court")
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return notCongress(path, "not a database", "ce n'est pas une base de données")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if pageSize < 512 || st.Size()%pageSize != 0 || st.Size() < pages*pageSize {
		return notCongress(path, "truncated or damaged", "tronqué ou abîmé")
	}
	appID := binary.BigEndian.Uint32(h[68:72])
	userVersion := int(binary.BigEndian.Uint32(h[60:64]))
	// A file still in WAL mode may have its newest header in the -wal file:
	// then the application id is checked again once opened.
	if appID != applicationID && !(appID == 0 && fileExists(path+"-wal")) {
		return notCongress(path, "another application's database", "base de données d'une autre application")
	}
	if n := SchemaVersion(); userVersion > n {
		return ErrTooNew.With(path, userVersion, n)
	}
	return nil
}

func notCongress(path, en, fr string) error {
	e := ErrNotCongress.With(path, en)
	e.frArgs = []any{path, fr}
	return e
}
