package sqlite

import (
	"errors"

	"congres/data"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// condition turns SQLite's result codes for the file's own conditions
// (read only, disk full, busy, damaged, unreadable) into data's sentences
// about the file at path, keeping the driver's error behind them. Any
// other error is returned as it is.
func condition(path string, err error) error {
	var se *sqlite.Error
	var ours *data.Error
	if err == nil || errors.As(err, &ours) || !errors.As(err, &se) {
		return err
	}
	var e *data.Error
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_READONLY:
		e = data.ErrFileReadOnly
	case sqlite3.SQLITE_FULL:
		e = data.ErrDiskFull
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		e = data.ErrFileBusy
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		e = data.ErrDamaged
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		e = data.ErrDiskError
	default:
		return err
	}
	return e.With(path).Because(err)
}

// hasCode reports whether err is SQLite's primary result code (any of its
// extended codes).
func hasCode(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == code
}

// isCorrupt reports whether err is SQLite's SQLITE_CORRUPT.
func isCorrupt(err error) bool { return hasCode(err, sqlite3.SQLITE_CORRUPT) }
