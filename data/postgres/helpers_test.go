package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// testServer returns the URL of the test server, from CONGRES_TEST_POSTGRES
// (make test and make postgres-test start one with .ci/postgres). Without
// it the test is skipped, or fails under make test (CONGRES_REQUIRE_TOOLS),
// where nothing may be skipped.
func testServer(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("CONGRES_TEST_POSTGRES")
	if u == "" {
		msg := "CONGRES_TEST_POSTGRES is not set: no PostgreSQL server to test on " +
			"(make postgres-test starts one; by hand: bash .ci/postgres start DIR, then the export line it prints)"
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return u
}

// newDatabase creates an empty database of the test's own on the test
// server, dropped when the test ends, and returns its URL.
func newDatabase(tb testing.TB) string {
	tb.Helper()
	server := testServer(tb)
	b := make([]byte, 8)
	rand.Read(b)
	name := "congres_test_" + hex.EncodeToString(b)
	admin(tb, server, "CREATE DATABASE "+name)
	tb.Cleanup(func() { admin(tb, server, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("CONGRES_TEST_POSTGRES must be a URL (postgres://…): %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// admin runs one statement on the test server's own database.
func admin(tb testing.TB, server, sql string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		tb.Fatalf("connecting to the test server %s: %v", RedactURL(server), err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// mustOpen opens the congress at url, closed when the test ends.
func mustOpen(tb testing.TB, url string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), url)
	if err != nil {
		tb.Fatalf("Open(%s): %v", RedactURL(url), err)
	}
	tb.Cleanup(s.Close)
	return s
}

// query returns the rows of a query as strings, one slice per row.
func query(tb testing.TB, s *Store, sql string, args ...any) [][]string {
	tb.Helper()
	rows, err := s.pool.Query(context.Background(), sql, args...)
	if err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	var out [][]string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			tb.Fatal(err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = toString(v)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return out
}

func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case string:
		return v
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(v)
	}
}

// exec runs statements on the store's database.
func exec(tb testing.TB, s *Store, sql string, args ...any) {
	tb.Helper()
	if _, err := s.pool.Exec(context.Background(), sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}
