package postgres

import (
	"context"
	"fmt"
	"testing"
	"time"

	"congres/data/stores/storetest"
)

// testServer, newDatabase and admin are storetest's: the test server
// (CONGRES_TEST_POSTGRES), a database of the test's own on it, one
// statement run on a database.
func testServer(tb testing.TB) string         { return storetest.Server(tb) }
func newDatabase(tb testing.TB) string        { return storetest.NewDatabase(tb) }
func admin(tb testing.TB, target, sql string) { storetest.Admin(tb, target, sql) }

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
