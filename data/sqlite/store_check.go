package sqlite

import (
	"congres/data"

	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// What a file is, and whether it is whole, is found out before anything can
// write to it: first its raw header, then a quick check through a read-only
// connection; the full check runs in the background (CheckIntegrity) and
// before every backup.

// The quick check on open checks everything (PRAGMA integrity_check) in a
// small file; in a larger one, the structure of every page of every table
// and index (quick_check, table by table, leaving out the search index's
// own check of its terms, which alone takes longer than all the rest): it
// stays well under 300 ms at 50,000 participants.
var fullCheckUpTo int64 = 4 << 20

// checkFile refuses, without opening it through SQLite, a file that is not a
// congress file: missing, empty, not SQLite, another application's
// database, or written by a newer version; and one whose header is damaged
// (data.ErrDamaged). The application id must be in the file itself: a database
// whose id is only in a -wal is not ours (Create puts the id in the file
// before the file takes its name).
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return data.ErrFileNotFound.With(path)
		}
		return data.FileCondition(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return data.FileCondition(path, err)
	}
	if st.IsDir() {
		return notCongress(path, "a folder", "un dossier")
	}
	if st.Size() == 0 {
		return notCongress(path, "empty", "vide")
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return notCongress(path, "too short", "trop court")
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return notCongress(path, "not a database", "ce n'est pas une base de données")
	}
	if binary.BigEndian.Uint32(h[68:72]) != applicationID {
		return notCongress(path, "another application's database", "base de données d'une autre application")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if pageSize < 512 || pageSize&(pageSize-1) != 0 || st.Size()%pageSize != 0 || st.Size() < pages*pageSize ||
		h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 || h[21] != 64 || h[22] != 32 || h[23] != 32 {
		return data.ErrDamaged.With(path)
	}
	if n, v := SchemaVersion(), int(binary.BigEndian.Uint32(h[60:64])); v > n {
		return data.ErrTooNew.With(path, v, n)
	}
	return nil
}

// fileVersion is the schema version in path's header (SQLite's
// user_version), -1 when it cannot be read.
func fileVersion(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	var h [64]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return -1
	}
	return int(binary.BigEndian.Uint32(h[60:64]))
}

func notCongress(path, en, fr string) error {
	return data.ErrNotCongress.WithWords([]any{path, en}, []any{path, fr})
}

// quickCheck checks path's content through a connection of its own that
// does not write: data.ErrDamaged when it is not whole.
func quickCheck(ctx context.Context, path string, ro *data.Error) error {
	var d string
	var err error
	small := data.FileSize(path) <= fullCheckUpTo
	if small && ro == nil && data.FileSize(path+"-wal") <= 0 {
		// A small file we may write, and nobody writes now: a connection
		// that could write but does not (query_only), because SQLite leaves
		// CHECK constraints out of a read-only connection's schema, and so
		// out of its checks. Without a WAL, its close writes nothing to the
		// file. (Checking them triples the time of a large file's check:
		// there, the full check in the background does it.)
		var uri string
		uri, err = fileURI(path)
		d = uri + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=query_only(1)", busyTimeout.Milliseconds())
	} else {
		if ro == nil {
			ro = data.ErrFileReadOnly // a WAL to read, and never to write into the file
		}
		d, err = dsn(path, reader, ro)
	}
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	checks := []string{"PRAGMA integrity_check"}
	if !small {
		tables, err := plainTables(ctx, db)
		if err != nil {
			return checkResult(path, err)
		}
		checks = checks[:0]
		for _, t := range tables {
			checks = append(checks, fmt.Sprintf("PRAGMA quick_check(%q)", t))
		}
	}
	for _, q := range checks {
		if err := runCheck(ctx, db, q); err != nil {
			return checkResult(path, err)
		}
	}
	if small {
		// The full check of a small file includes the rows' sums.
		return checkResult(path, checkRowSums(ctx, db))
	}
	return nil
}

// plainTables lists the file's tables, virtual ones left out.
func plainTables(ctx context.Context, db *sql.DB) ([]string, error) {
	return queryStrings(ctx, db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
}

// errNotWhole is what a check that finds damage returns.
var errNotWhole = errors.New("integrity check failed")

// runCheck runs an integrity or quick check: errNotWhole when it reports
// anything but "ok".
func runCheck(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, q string) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	ok := false
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			return errNotWhole
		}
		ok = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if !ok {
		return errNotWhole
	}
	return nil
}

// checkResult turns what a check met into data.ErrDamaged, or into the file's
// other conditions.
func checkResult(path string, err error) error {
	if err == errNotWhole {
		return data.ErrDamaged.With(path)
	}
	return condition(path, err)
}

// checkBackup runs the full integrity check on a backup, without touching
// it: data.ErrBackupDamaged when it is not whole.
func checkBackup(ctx context.Context, path string) error {
	if err := checkFile(path); err != nil {
		if errors.Is(err, data.ErrDamaged) {
			return data.ErrBackupDamaged.With(path)
		}
		return err
	}
	uri, err := fileURI(path)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", uri+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	err = runCheck(ctx, db, "PRAGMA integrity_check")
	if err == nil {
		err = checkRowSums(ctx, db)
	}
	if err != nil {
		if err == errNotWhole || errors.Is(condition(path, err), data.ErrDamaged) {
			return data.ErrBackupDamaged.With(path)
		}
		return condition(path, err)
	}
	return nil
}

// fileAccess returns data.ErrFileReadOnly when path cannot be opened for writing.
func fileAccess(path string) *data.Error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if data.IsNotWritable(err) {
			return data.ErrFileReadOnly.With(path)
		}
		return nil // let SQLite say what is wrong
	}
	f.Close()
	return nil
}

// folderWritable reports whether files can be made in path's folder (SQLite
// makes its -wal and -shm there).
func folderWritable(path string) bool {
	f, err := os.CreateTemp(filepath.Dir(path), ".congres-probe-*")
	if err != nil {
		return !data.IsNotWritable(err)
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
