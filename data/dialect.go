package data

// Dialect is what differs between the SQL of the engines that keep a
// congress. The rules write their SQL once, as SQLite reads it (with ?
// placeholders); each store says how its engine differs. SQLite's is
// sqliteDialect (dialect_sqlite.go): the queries run as written.
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
