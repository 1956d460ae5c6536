// Package stores opens a congress wherever it is kept: in a file (the
// path of a .congres file) or on a PostgreSQL server (a connection URL,
// postgres://user:password@host/database, or its keyword form, "host=…
// dbname=…"). The command line and the window name a congress by such a
// target and open it here, so that each takes a file or a server alike.
package stores

import (
	"context"
	"os"
	"strings"

	"congres/data"
	"congres/data/postgres"
	"congres/data/sqlite"
)

// Open opens the congress at target for reading and writing.
func Open(ctx context.Context, target string) (*data.Store, error) {
	if IsServer(target) {
		return openServer(ctx, target)
	}
	return sqlite.Open(ctx, target)
}

// OpenOrView opens the congress at target, or, when a file can only be
// read (damaged, read-only), opens it to be read. A server's congress is
// opened as Open does.
func OpenOrView(ctx context.Context, target string) (*data.Store, error) {
	if IsServer(target) {
		return openServer(ctx, target)
	}
	return sqlite.OpenOrView(ctx, target)
}

// OpenOrViewWarm is OpenOrView, with warm reading on a file's store while
// its content is checked (sqlite.OpenOrViewWarm): warm only reads. A
// server's congress is opened as Open does, and warm is not called.
func OpenOrViewWarm(ctx context.Context, target string, warm func(context.Context, *data.Store)) (*data.Store, error) {
	if IsServer(target) {
		return openServer(ctx, target)
	}
	return sqlite.OpenOrViewWarm(ctx, target, warm)
}

// Create makes a new congress c at target: a new file, never over an
// existing one, or an empty database on a server (one that holds a
// congress already is refused with data.ErrNotEmpty).
func Create(ctx context.Context, target string, c data.Congress) (*data.Store, error) {
	if IsServer(target) {
		return createServer(ctx, target, c)
	}
	return sqlite.Create(ctx, target, c)
}

// Redact returns target as it may be shown and logged: a server's URL
// without its password; a file's path as it is.
func Redact(target string) string {
	if IsServer(target) {
		return postgres.RedactURL(target)
	}
	return target
}

// IsServer reports whether target names a congress on a server rather
// than a file: a postgres:// or postgresql:// URL, or a connection string
// in the keyword form ("host=db.local dbname=congres user=desk") that is
// not the name of an existing file.
func IsServer(target string) bool {
	if postgres.IsURL(target) {
		return true
	}
	if !isKeywordForm(target) {
		return false
	}
	_, err := os.Stat(target)
	return err != nil
}

// keywords are the connection parameters of libpq's keyword form that
// Congrès reads as a server's.
var keywords = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true,
	"sslmode": true, "sslrootcert": true, "sslcert": true, "sslkey": true, "sslpassword": true,
	"connect_timeout": true, "application_name": true, "target_session_attrs": true, "service": true,
	"options": true,
}

// isKeywordForm reports whether s is a connection string of keyword=value
// pairs: its first word is one of the keywords, followed by "=".
func isKeywordForm(s string) bool {
	s = strings.TrimSpace(s)
	k, _, ok := strings.Cut(s, "=")
	if !ok {
		return false
	}
	k = strings.TrimSpace(k)
	return keywords[strings.ToLower(k)] && !strings.ContainsAny(k, " \t/\\")
}
