package postgres

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"congres/data"
)

// The desk's name search on a server: a congress of 100,000 people (the
// demo's, copied from the file WriteDemo writes), searched over loopback as
// the desk searches at each key typed (ListParticipants with the text so
// far and the desk's limit of 20 matches).

const benchPeople = 100_000

var (
	bench100kOnce sync.Once
	bench100kURL  string
	bench100kErr  error
)

// bench100k returns the URL of a database holding the 100,000-person demo,
// made once per test binary. It stays on the test server (a throwaway one),
// and the next run uses it again.
func bench100k(b *testing.B) string {
	b.Helper()
	server := testServer(b)
	bench100kOnce.Do(func() {
		bench100kURL, bench100kErr = makeBench100k(server)
	})
	if bench100kErr != nil {
		b.Fatal(bench100kErr)
	}
	return bench100kURL
}

func makeBench100k(server string) (string, error) {
	ctx := context.Background()
	if u, ok := keptBench100k(ctx, server); ok {
		return u, nil
	}
	dir, err := os.MkdirTemp("", "congres-pgbench-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo100k"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: benchPeople}); err != nil {
		return "", err
	}
	u := newDatabaseNamed(server, bench100kName)
	s, err := Open(ctx, u)
	if err != nil {
		return "", err
	}
	defer s.Close()
	lite, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer lite.Close()
	for _, t := range []string{"congress", "congress_day", "category", "organisation", "participant", "participant_day"} {
		if err := copyTable(ctx, lite, s.pool, t); err != nil {
			return "", fmt.Errorf("copying %s: %w", t, err)
		}
	}
	if _, err := s.pool.Exec(ctx, "ANALYZE"); err != nil {
		return "", err
	}
	return u, nil
}

// keptBench100k returns the URL of the database an earlier run made, when
// it is still there, whole, and up to date.
func keptBench100k(ctx context.Context, server string) (string, bool) {
	u := databaseURL(server, bench100kName)
	s, err := Open(ctx, u)
	if err != nil {
		return "", false
	}
	defer s.Close()
	var n int
	err = s.pool.QueryRow(ctx, "SELECT count(*) FROM participant_search").Scan(&n)
	return u, err == nil && n == benchPeople
}

// bench100kName is the database of the 100,000 people.
const bench100kName = "congres_bench_search100k"

// databaseURL is server's URL with the database name.
func databaseURL(server, name string) string {
	i := strings.LastIndex(server, "/")
	rest := server[i+1:]
	if q := strings.IndexByte(rest, '?'); q >= 0 {
		return server[:i+1] + name + rest[q:]
	}
	return server[:i+1] + name
}

// newDatabaseNamed makes an empty database of that name on the server
// (dropping one left by an earlier run) and returns its URL.
func newDatabaseNamed(server, name string) string {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, server)
	if err == nil {
		defer conn.Close(ctx)
		if _, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err == nil {
			_, err = conn.Exec(ctx, "CREATE DATABASE "+name)
		}
	}
	if err != nil {
		panic(err)
	}
	return databaseURL(server, name)
}

// copyTable copies a table of the file into the server's, column by column
// as the server's schema has them, each value converted to the server's
// type (SQLite's text times and integer flags).
func copyTable(ctx context.Context, lite *sql.DB, pool *pgxpool.Pool, table string) error {
	rows, err := pool.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, table)
	if err != nil {
		return err
	}
	var cols, types []string
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			return err
		}
		cols, types = append(cols, c), append(types, t)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := pool.Exec(ctx, "DELETE FROM "+table); err != nil {
		return err
	}
	src, err := lite.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table)
	if err != nil {
		return err
	}
	defer src.Close()
	var all [][]any
	for src.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := src.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if vals[i], err = serverValue(v, types[i]); err != nil {
				return fmt.Errorf("%s: %w", cols[i], err)
			}
		}
		all = append(all, vals)
	}
	if err := src.Err(); err != nil {
		return err
	}
	_, err = pool.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(all))
	return err
}

func serverValue(v any, typ string) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch typ {
	case "boolean":
		n, ok := v.(int64)
		if !ok {
			return nil, fmt.Errorf("a flag of %T", v)
		}
		return n != 0, nil
	case "date":
		return time.Parse(time.DateOnly, v.(string))
	case "timestamp with time zone":
		return time.Parse(time.RFC3339Nano, v.(string))
	}
	return v, nil
}

// deskKeystrokes are the texts the desk searches as people type names and
// codes: each name of a few people of the demo, key after key.
func deskKeystrokes(b *testing.B, s *data.Store) []string {
	b.Helper()
	ctx := context.Background()
	ids, err := s.ParticipantIDs(ctx, data.ParticipantQuery{Sort: data.SortName})
	if err != nil || len(ids) != benchPeople {
		b.Fatalf("%d people, %v", len(ids), err)
	}
	var picked []int64
	for i := 7; i < len(ids); i += len(ids) / 12 {
		picked = append(picked, ids[i])
	}
	rows, err := s.ParticipantRows(ctx, picked)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	typed := func(s string) {
		for i := 1; i <= len([]rune(s)); i++ {
			texts = append(texts, string([]rune(s)[:i]))
		}
	}
	for i, r := range rows {
		switch i % 3 {
		case 0: // the last name, as people most often type
			typed(strings.ToLower(r.LastName))
		case 1: // first name then last name
			typed(r.FirstName + " " + r.LastName)
		default: // the code, scanned or typed
			typed(r.Code)
		}
	}
	return texts
}

// BenchmarkDeskSearch100k times each keystroke of the desk's name search at
// 100,000 participants over loopback; ms/key-p50 and ms/key-p95 are the
// median and the 95th percentile over every keystroke of every run.
func BenchmarkDeskSearch100k(b *testing.B) {
	u := bench100k(b)
	ctx := context.Background()
	s, err := OpenStore(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	texts := deskKeystrokes(b, s)
	found, err := s.ListParticipants(ctx, data.ParticipantQuery{Search: "eric beasse", Limit: 20})
	if err != nil || len(found) == 0 {
		b.Fatalf("eric beasse: %v, %v", found, err)
	}
	var times []time.Duration
	slowest := map[string]time.Duration{}
	for b.Loop() {
		for _, text := range texts {
			start := time.Now()
			if _, err := s.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: 20}); err != nil {
				b.Fatalf("%q: %v", text, err)
			}
			d := time.Since(start)
			times = append(times, d)
			slowest[text] = max(slowest[text], d)
		}
	}
	keys := slices.SortedFunc(maps.Keys(slowest), func(a, b string) int { return cmp.Compare(slowest[b], slowest[a]) })
	for _, k := range keys[:min(5, len(keys))] {
		b.Logf("slowest: %q %v", k, slowest[k])
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/key-p50")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "ms/key-p95")
	b.ReportMetric(float64(len(texts)), "keys/op")
}
