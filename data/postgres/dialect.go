package postgres

import (
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"congres/data"
)

// Dialect is PostgreSQL's data.Dialect: how the server's SQL differs from
// the rules' (written as SQLite reads it).
type Dialect struct{}

var _ data.Dialect = Dialect{}

// rebound caches Rebind's work: the rules' queries are a few hundred
// constant strings, each rewritten once per process. A search writes its
// words into its SQL (SearchMatch): each text searched is a new query, so
// the cache stops growing at maxRebound queries (a query rewritten again
// costs a microsecond).
var (
	rebound    sync.Map // string → string
	reboundN   atomic.Int64
	maxRebound int64 = 4096
)

// Rebind numbers the placeholders of q as PostgreSQL reads them: each ? in
// turn becomes $1, $2…, and SQLite's numbered ?N becomes $N (a ? after ?N
// takes the number after the largest so far, as in SQLite). A ? inside a
// quoted string or identifier, or a comment, is left as it is.
func (Dialect) Rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	if r, ok := rebound.Load(q); ok {
		return r.(string)
	}
	r := rebind(q)
	if reboundN.Load() < maxRebound {
		if _, had := rebound.LoadOrStore(q, r); !had {
			reboundN.Add(1)
		}
	}
	return r
}

func rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	last := 0 // the largest placeholder number so far
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			// A quoted string or identifier; a doubled quote stays inside.
			j := i + 1
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(q))
			b.WriteString(q[i:end])
			i = end - 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			j := strings.Index(q[i+2:], "*/")
			end := len(q)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(q[i:end])
			i = end - 1
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n := last + 1
			if j > i+1 {
				n, _ = strconv.Atoi(q[i+1 : j])
			}
			last = max(last, n)
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SQLSTATE codes of broken constraints.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeNotPermitted        = "42501" // insufficient_privilege: the account's grants
)

// Violation reads the constraint a server's error reports broken from its
// SQLSTATE code.
func (Dialect) Violation(err error) data.Violation {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return data.NoViolation
	}
	switch pe.Code {
	case codeUniqueViolation:
		return data.UniqueViolation
	case codeForeignKeyViolation:
		return data.ForeignKeyViolation
	case codeNotPermitted:
		return data.PermissionViolation
	}
	return data.NoViolation
}

// Unindexed is expr as it is: PostgreSQL's planner chooses its indexes by
// their statistics, and has no unary + for text or dates.
func (Dialect) Unindexed(expr string) string { return expr }

// NoCase folds expr's ASCII capitals, as SQLite's NOCASE: the schema's
// case-insensitive unique indexes are on nocase() (0001_init.sql).
func (Dialect) NoCase(expr string) string { return "nocase(" + expr + ")" }

// IDList reads the JSON array with jsonb_array_elements_text, in order.
func (Dialect) IDList() string {
	return "(SELECT cast(e.v AS bigint) AS value, e.k AS key FROM jsonb_array_elements_text(cast(? AS jsonb)) WITH ORDINALITY AS e(v, k))"
}

// SearchMatch matches participant_search (0005_search.sql): each word,
// folded by Congrès as name_key is, must start a word of the person's line
// (searchWordMatch); in the names, of their folded names too (sort_key:
// the last name, \x01, the first name, as name_key holds them; the planner
// reads it from the index of names it walks, never the rows), or outside
// them. It is a condition, for queries in the order of names that stop at the end
// of the page. When a word has fewer than 3 letters, many people match:
// the planner walks the names in order and stops at the page's end. With
// a longer word, few match: the trigram index finds them all at once
// (an array computed once, which the planner cannot mistake for a walk),
// and only they are sorted. The words are written into the SQL (they are
// letters and digits: searchWords) so that each search is planned for its
// own words, as a prepared statement's generic plan could not be.
func (Dialect) SearchMatch(words []string, in data.SearchIn) data.SearchMatch {
	var b strings.Builder
	rare := false
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = data.Fold(w)
		rare = rare || utf8.RuneCountInString(folded[i]) >= 3
	}
	if rare {
		b.WriteString("p.id = ANY (ARRAY(SELECT s.participant_id FROM participant_search s WHERE ")
	} else {
		b.WriteString("p.id IN (SELECT s.participant_id FROM participant_search s WHERE ")
	}
	for i, w := range folded {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString(strings.ReplaceAll(searchWordMatch, "$1", quoted(w)))
	}
	if rare {
		b.WriteString("))")
	} else {
		b.WriteString(")")
	}
	if in != data.InLine {
		names := make([]string, len(folded))
		for i, w := range folded {
			names[i] = "' ' || replace(p.sort_key, chr(1), ' ') LIKE '% ' || " + quoted(w) + " || '%'"
		}
		if in == data.InNames {
			b.WriteString(" AND " + strings.Join(names, " AND "))
		} else {
			b.WriteString(" AND NOT (" + strings.Join(names, " AND ") + ")")
		}
	}
	return data.SearchMatch{Cond: b.String()}
}

// quoted is w as an SQL string literal. (A word typed has no wildcard of
// LIKE: searchWords keeps letters, digits and marks, and search_fold and
// Fold make punctuation spaces.)
func quoted(w string) string { return "'" + strings.ReplaceAll(w, "'", "''") + "'" }

// ColumnsQuery reads the information schema of the current schema.
func (Dialect) ColumnsQuery() string {
	return `SELECT column_name::text, data_type::text FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`
}

// AfterCopy moves table's id sequence past the ids a copy or an import
// wrote, so that the next row gets a new one (a table without a sequence:
// setval of NULL does nothing).
func (Dialect) AfterCopy(table string) string {
	return "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table
}

// searchIndex is the search index's trigram index, as
// migrations/0005_search.sql makes it (TestCopyKeepsTheSearchIndex compares).
const searchIndex = "CREATE INDEX participant_search_doc ON participant_search USING gin (doc gin_trgm_ops)"

// CopyHooks sets the search index's trigger and trigram index aside while a
// copy writes the participants, and then builds them once for them all:
// many times faster than a row at a time. (The copy writes into a new database, in one
// transaction: nobody else sees the table meanwhile.)
func (Dialect) CopyHooks(table string) (before, after []string) {
	if table != "participant" {
		return nil, nil
	}
	return []string{"ALTER TABLE participant DISABLE TRIGGER participant_search_insert",
			"DROP INDEX participant_search_doc"},
		[]string{"ALTER TABLE participant ENABLE TRIGGER participant_search_insert",
			"INSERT INTO participant_search (participant_id, doc) SELECT p.id, participant_search_doc(p) FROM participant p",
			searchIndex}
}

// Lost reports a connection that could not be made or was cut: a server
// that does not answer, a network down, a connection closed under a query.
func (Dialect) Lost(err error) bool {
	var ce *pgconn.ConnectError
	var ne net.Error
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// The server ended the connection (an administrator, a restart:
		// class 57P) or reports it broken (class 08).
		return strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, io.EOF) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, pgconn.ErrConnClosed)
}

// changedChannel is the channel on which a write tells the other laptops
// (NOTIFY is delivered at the commit, and only then).
const changedChannel = "congres_changed"

// BumpRevision counts the write and notifies the watchers, in one statement.
func (Dialect) BumpRevision() string {
	return "UPDATE revision SET n = n + 1 RETURNING pg_notify('" + changedChannel + "', n::text)"
}
