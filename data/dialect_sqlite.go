package data

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteDialect is SQLite's Dialect: the rules' SQL is written for it.
type sqliteDialect struct{}

// Rebind returns q as it is: SQLite reads ? placeholders.
func (sqliteDialect) Rebind(q string) string { return q }

// Violation reads SQLite's extended result codes.
func (sqliteDialect) Violation(err error) Violation {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return NoViolation
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return UniqueViolation
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return ForeignKeyViolation
	}
	return NoViolation
}
