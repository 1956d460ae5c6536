package sqlite

import (
	"errors"
	"strings"

	"congres/data"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect is SQLite's data.Dialect: the rules' SQL is written for it.
type Dialect struct{}

// Rebind returns q as it is: SQLite reads ? placeholders.
func (Dialect) Rebind(q string) string { return q }

// Violation reads SQLite's extended result codes.
func (Dialect) Violation(err error) data.Violation {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return data.NoViolation
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return data.UniqueViolation
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return data.ForeignKeyViolation
	}
	return data.NoViolation
}

// NoCase collates expr with SQLite's NOCASE (ASCII letters folded).
func (Dialect) NoCase(expr string) string { return expr + " COLLATE NOCASE" }

// IDList reads the JSON array with json_each.
func (Dialect) IDList() string { return "json_each(?)" }

// SearchMatch matches the file's full-text index, participant_fts (FTS5,
// accents removed by its tokenizer): every word a prefix, all required. It
// answers a set of IDs at once, quicker than any walk of the names.
func (Dialect) SearchMatch(words []string, in data.SearchIn) data.SearchMatch {
	match := ftsQuery(words)
	switch in {
	case data.InNames:
		match = "{first_name last_name name_key} : (" + match + ")"
	case data.OutsideNames:
		match = "(" + match + ") NOT {first_name last_name name_key} : (" + match + ")"
	}
	return data.SearchMatch{IDs: "SELECT rowid AS id FROM participant_fts WHERE participant_fts MATCH ?", Args: []any{match}}
}

// JSONPatch is json_patch (RFC 7396).
func (Dialect) JSONPatch(target, patch string) string {
	return "json_patch(" + target + ", " + patch + ")"
}

// InsertionOrder is the rowid, which grows as rows are inserted.
func (Dialect) InsertionOrder(table string) string { return table + ".rowid" }

// Unindexed is +expr, which keeps SQLite from using an index on expr.
func (Dialect) Unindexed(expr string) string { return "+" + expr }

// ColumnsQuery reads pragma_table_info.
func (Dialect) ColumnsQuery() string { return "SELECT name, type FROM pragma_table_info(?)" }

// AfterCopy needs nothing: SQLite's next id follows the largest.
func (Dialect) AfterCopy(string) string { return "" }

// CopyHooks needs nothing.
func (Dialect) CopyHooks(string) (before, after []string) { return nil, nil }

// Lost is never: a file is not reached over a network (its own conditions
// are condition's).
func (Dialect) Lost(error) bool { return false }

// BumpRevision counts the write.
func (Dialect) BumpRevision() string { return "UPDATE revision SET n = n + 1" }

// ftsQuery turns the words typed into an FTS5 query: every word a prefix,
// all words required.
func ftsQuery(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(w)
		b.WriteString(`"*`)
	}
	return b.String()
}
