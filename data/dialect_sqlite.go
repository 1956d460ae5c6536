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

// NoCase collates expr with SQLite's NOCASE (ASCII letters folded).
func (sqliteDialect) NoCase(expr string) string { return expr + " COLLATE NOCASE" }

// IDList reads the JSON array with json_each.
func (sqliteDialect) IDList() string { return "json_each(?)" }

// SearchMatch matches the file's full-text index, participant_fts (FTS5,
// accents removed by its tokenizer): every word a prefix, all required. It
// answers a set of IDs at once, quicker than any walk of the names.
func (sqliteDialect) SearchMatch(words []string, in SearchIn) SearchMatch {
	match := ftsQuery(words)
	switch in {
	case InNames:
		match = "{first_name last_name name_key} : (" + match + ")"
	case OutsideNames:
		match = "(" + match + ") NOT {first_name last_name name_key} : (" + match + ")"
	}
	return SearchMatch{IDs: "SELECT rowid AS id FROM participant_fts WHERE participant_fts MATCH ?", Args: []any{match}}
}

// JSONPatch is json_patch (RFC 7396).
func (sqliteDialect) JSONPatch(target, patch string) string {
	return "json_patch(" + target + ", " + patch + ")"
}

// InsertionOrder is the rowid, which grows as rows are inserted.
func (sqliteDialect) InsertionOrder(table string) string { return table + ".rowid" }

// Unindexed is +expr, which keeps SQLite from using an index on expr.
func (sqliteDialect) Unindexed(expr string) string { return "+" + expr }

// ColumnsQuery reads pragma_table_info.
func (sqliteDialect) ColumnsQuery() string { return "SELECT name, type FROM pragma_table_info(?)" }

// AfterCopy needs nothing: SQLite's next id follows the largest.
func (sqliteDialect) AfterCopy(string) string { return "" }

// CopyHooks needs nothing.
func (sqliteDialect) CopyHooks(string) (before, after []string) { return nil, nil }

// Lost is never: a file is not reached over a network (its own conditions
// are fromFileCondition's).
func (sqliteDialect) Lost(error) bool { return false }

// BumpRevision counts the write.
func (sqliteDialect) BumpRevision() string { return "UPDATE revision SET n = n + 1" }
