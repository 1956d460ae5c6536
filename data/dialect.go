package data

// Dialect is what differs between the SQL of the engines that keep a
// congress. The rules write their SQL once, as SQLite reads it (with ?
// placeholders); each store says how its engine differs. SQLite's is
// data/sqlite's Dialect: the queries run as written.
//
// A difference between the engines is added here as a method, implemented by
// both dialects, and the SQL of the rules calls it (tx.d.Method(…)).
type Dialect interface {
	// Rebind rewrites a query written with ? placeholders for the engine
	// (PostgreSQL numbers them: $1, $2…). It is called for every statement,
	// so it caches.
	Rebind(query string) string
	// Violation says which constraint, if any, the engine's error err
	// reports being broken, from the engine's error codes (never its text).
	Violation(err error) Violation
	// Lost reports whether err says the engine could not be reached (a
	// server gone, the network down); the pool reconnects on the next call.
	Lost(err error) bool
	// BumpRevision counts a write transaction in the revision row (and, on
	// a server, tells the other laptops at the commit: Watcher).
	BumpRevision() string
	// NoCase is expr compared and sorted ignoring case: SQLite's
	// COLLATE NOCASE, PostgreSQL's nocase() (the case-insensitive unique
	// indexes of each engine's schema are on these).
	NoCase(expr string) string
	// IDList is a table of the IDs of a JSON array (idsJSON) bound to one
	// placeholder, with the columns value (an ID) and key (its place in
	// the array, ascending). It is named where it is used (FROM IDList() j):
	// PostgreSQL's is a subquery.
	IDList() string
	// SearchMatch finds the participants whose search line has, for each
	// of words (what a person typed, cut by searchWords: at least one), a
	// word that starts with it, accents and case ignored: anywhere in the
	// line, in their names (first and last name, folded name), or in the
	// line but not in their names, as in says. See SearchMatch (search.go)
	// for the two shapes it may take.
	SearchMatch(words []string, in SearchIn) SearchMatch
	// JSONPatch is the JSON object target with the members of the object
	// patch set on it (patch holds no null and no object to merge deeper).
	JSONPatch(target, patch string) string
	// InsertionOrder orders the rows of table (a name or an alias) as they
	// were inserted, for the tables whose key says nothing of it.
	InsertionOrder(table string) string
	// Unindexed is expr (a column) as a condition on it reads it when the
	// planner must not use an index on it: SQLite's unary +, as written
	// where another index is the one to use; PostgreSQL's planner weighs
	// its indexes by their statistics, and expr stays as it is.
	Unindexed(expr string) string
	// ColumnsQuery lists a table's columns (name, type), in order; its one
	// placeholder is the table's name. (A copy writes the columns both
	// stores have.)
	ColumnsQuery() string
	// AfterCopy is what to run after rows were written into table with
	// their ids (a copy, an import): PostgreSQL moves the table's id
	// sequence past them; SQLite needs nothing ("").
	AfterCopy(table string) string
	// CopyHooks are what a copy into an empty store runs before and after
	// writing table: PostgreSQL builds the search index once for all the
	// participants instead of a row at a time; SQLite needs nothing.
	CopyHooks(table string) (before, after []string)
}

// Violation is a kind of constraint an engine reports broken.
type Violation int

const (
	NoViolation Violation = iota
	UniqueViolation
	ForeignKeyViolation
	// PermissionViolation: the account may not do this (a server's grants).
	PermissionViolation
)
