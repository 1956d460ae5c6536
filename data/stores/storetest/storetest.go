// Package storetest gives tests outside data a PostgreSQL database of their
// own on the test server, as data/postgres's tests have: the command line's
// and the window's tests open a congress on a server through it.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server returns the URL of the test server, from CONGRES_TEST_POSTGRES
// (make test starts one with .ci/postgres). Without it the test is
// skipped, or fails under CONGRES_REQUIRE_TOOLS, where nothing may be
// skipped.
func Server(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("CONGRES_TEST_POSTGRES")
	if u == "" {
		msg := "CONGRES_TEST_POSTGRES is not set: no PostgreSQL server to test on " +
			"(by hand: bash .ci/postgres start DIR, then the export line it prints)"
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return u
}

// NewDatabase creates an empty database of the test's own on the test
// server, dropped when the test ends, and returns its URL (with the test
// server's user and password).
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	server := Server(tb)
	b := make([]byte, 8)
	rand.Read(b)
	name := "congres_test_" + hex.EncodeToString(b)
	Admin(tb, server, "CREATE DATABASE "+name)
	tb.Cleanup(func() { Admin(tb, server, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("CONGRES_TEST_POSTGRES must be a URL (postgres://…): %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// Admin runs one statement on the database at target.
func Admin(tb testing.TB, target, sql string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, target)
	if err != nil {
		tb.Fatalf("connecting to the test server %s: %v", redacted(target), err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// redacted is target without its password, for a message. (storetest
// imports no package of Congrès, so that data/postgres's own tests can use
// it.)
func redacted(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.User == nil {
		return "the test server"
	}
	u.User = url.User(u.User.Username())
	return u.String()
}
