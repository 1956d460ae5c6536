package postgres

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// TestMigrationsMatchTheFile: the server's migrations are numbered as the
// file's, one for one, so that a file and a server of one version of
// Congrès hold the same schema.
func TestMigrationsMatchTheFile(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != sqlite.SchemaVersion() {
		t.Errorf("%d migrations for the server, %d for the file: each file migration needs its server counterpart in data/postgres/migrations", len(ms), sqlite.SchemaVersion())
	}
	// The file's migrations, as the sources hold them beside this package.
	files, err := filepath.Glob("../sqlite/migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("the file's migrations: %v (%d found)", err, len(files))
	}
	for i, f := range files {
		name := filepath.Base(f)
		if i >= len(ms) {
			t.Errorf("the file's %s has no counterpart in data/postgres/migrations", name)
		} else if ms[i].Name != name {
			t.Errorf("migration %d is %s for the server and %s for the file", i+1, ms[i].Name, name)
		}
	}
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()

	t.Run("FromZero", func(t *testing.T) {
		s := mustOpen(t, newDatabase(t))
		got := query(t, s, "SELECT version, name FROM schema_migration ORDER BY version")
		ms, _ := migrations()
		if len(got) != len(ms) {
			t.Fatalf("schema_migration has %d rows, want %d: %v", len(got), len(ms), got)
		}
		for i, m := range ms {
			if got[i][0] != fmt.Sprint(m.Version) || got[i][1] != m.Name {
				t.Errorf("row %d = %v, want %d %s", i, got[i], m.Version, m.Name)
			}
		}
		if n := query(t, s, "SELECT n FROM revision")[0][0]; n != "0" {
			t.Errorf("revision = %s, want 0", n)
		}
	})

	t.Run("TwiceIsANoOp", func(t *testing.T) {
		url := newDatabase(t)
		s := mustOpen(t, url)
		before := query(t, s, "SELECT version, name, applied_at FROM schema_migration ORDER BY version")
		schema := catalog(t, s)
		s.Close()
		s2 := mustOpen(t, url)
		if after := query(t, s2, "SELECT version, name, applied_at FROM schema_migration ORDER BY version"); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("schema_migration changed on the second Open:\n%v\nthen\n%v", before, after)
		}
		if after := catalog(t, s2); after != schema {
			t.Errorf("the schema changed on the second Open:\n%s\nthen\n%s", schema, after)
		}
	})

	t.Run("FourAtOnce", func(t *testing.T) {
		url := newDatabase(t)
		const n = 4
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				s, err := Open(ctx, url)
				if err == nil {
					s.Close()
				}
				errs[i] = err
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("Open %d of %d: %v", i+1, n, err)
			}
		}
		s := mustOpen(t, url)
		got := query(t, s, "SELECT count(*), count(DISTINCT version), max(version) FROM schema_migration")[0]
		want := fmt.Sprint(SchemaVersion())
		if got[0] != want || got[1] != want || got[2] != want {
			t.Errorf("schema_migration: count, distinct versions, newest = %v, want %s each", got, want)
		}
		if n := query(t, s, "SELECT count(*) FROM revision")[0][0]; n != "1" {
			t.Errorf("revision has %s rows, want 1", n)
		}
	})

	t.Run("ErrServerTooNew", func(t *testing.T) {
		url := newDatabase(t)
		s := mustOpen(t, url)
		newer := SchemaVersion() + 1
		exec(t, s, "INSERT INTO schema_migration (version, name) VALUES ($1, $2)", newer, fmt.Sprintf("%04d_future.sql", newer))
		schema := catalog(t, s)
		s.Close()

		_, err := Open(ctx, url)
		if !errors.Is(err, data.ErrServerTooNew) {
			t.Fatalf("Open of a newer schema: %v, want ErrServerTooNew", err)
		}
		en := data.Message(err, "en")
		wantEn := fmt.Sprintf("was written by a newer version of Congrès (format %d, this version reads up to %d). Update Congrès to open it; nothing was changed on the server.", newer, SchemaVersion())
		if !strings.Contains(en, wantEn) || !strings.Contains(en, RedactURL(url)) {
			t.Errorf("English: %q\nwant it to name %s and say %q", en, RedactURL(url), wantEn)
		}
		fr := data.Message(err, "fr")
		wantFr := fmt.Sprintf("a été écrit par une version plus récente de Congrès (format %d, cette version lit jusqu'au %d)", newer, SchemaVersion())
		if !strings.Contains(fr, wantFr) {
			t.Errorf("French: %q\nwant it to say %q", fr, wantFr)
		}
		if password(url) == "" || strings.Contains(en+fr, password(url)) {
			t.Errorf("the message shows the password (or the test server has none): %q", en)
		}
		s2, err := openUnmigrated(t, url)
		if err != nil {
			t.Fatal(err)
		}
		if after := catalog(t, s2); after != schema {
			t.Errorf("the refused Open changed the schema:\n%s\nthen\n%s", schema, after)
		}
	})

	t.Run("ErrServerNotCongress", func(t *testing.T) {
		url := newDatabase(t)
		s, err := openUnmigrated(t, url)
		if err != nil {
			t.Fatal(err)
		}
		exec(t, s, "CREATE TABLE invoice (id bigint PRIMARY KEY, total numeric)")
		_, err = Open(ctx, url)
		if !errors.Is(err, data.ErrServerNotCongress) {
			t.Fatalf("Open of another application's database: %v, want ErrServerNotCongress", err)
		}
		if msg := data.Message(err, "fr"); !strings.Contains(msg, "ne sont pas celles d'un congrès") {
			t.Errorf("French: %q", msg)
		}
		if got := catalog(t, s); got != "invoice(id total)\n" {
			t.Errorf("the refused Open changed the database: %q", got)
		}
	})
}

// openUnmigrated connects to url without migrating, to look at a database
// as it is.
func openUnmigrated(tb testing.TB, url string) (*Store, error) {
	tb.Helper()
	s := &Store{url: RedactURL(url)}
	var err error
	s.pool, err = newPool(context.Background(), url)
	if err != nil {
		return nil, err
	}
	tb.Cleanup(s.Close)
	return s, nil
}

// catalog describes the tables of the database's schema and their columns,
// one line per table: "name(col col…)".
func catalog(tb testing.TB, s *Store) string {
	tb.Helper()
	var b strings.Builder
	for _, r := range query(tb, s, `SELECT table_name, string_agg(column_name::text, ' ' ORDER BY ordinal_position)
		FROM information_schema.columns WHERE table_schema = current_schema()
		GROUP BY table_name ORDER BY table_name`) {
		fmt.Fprintf(&b, "%s(%s)\n", r[0], r[1])
	}
	return b.String()
}

// password returns the password of a URL.
func password(u string) string {
	_, rest, _ := strings.Cut(u, "://")
	userinfo, _, ok := strings.Cut(rest, "@")
	if !ok {
		return ""
	}
	_, pw, _ := strings.Cut(userinfo, ":")
	return pw
}
