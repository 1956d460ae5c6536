package postgres

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"congres/data"
)

var newCongress = data.Congress{Name: "Congrès du serveur", City: "Lille", Days: []data.Day{"2021-11-25", "2021-11-26"}}

// connections counts the server's connections to the database of dbURL.
func connections(t *testing.T, dbURL string) int {
	t.Helper()
	u, _ := url.Parse(dbURL)
	s := mustOpen(t, testServer(t))
	var n int
	if err := s.pool.QueryRow(context.Background(),
		"SELECT count(*) FROM pg_stat_activity WHERE datname = $1", strings.TrimPrefix(u.Path, "/")).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreate(t *testing.T) {
	ctx := context.Background()

	t.Run("EmptyDatabase", func(t *testing.T) {
		u := newDatabase(t)
		s, err := Create(ctx, u, newCongress)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		c, err := s.Congress(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Name != newCongress.Name || len(c.Days) != 2 || c.Days[0] != "2021-11-25" {
			t.Errorf("congress = %+v, want %+v", c, newCongress)
		}
		cats, err := s.Categories(ctx)
		if err != nil || len(cats) != len(data.DefaultCategories()) {
			t.Errorf("categories = %v (%v), want the %d default ones", cats, err, len(data.DefaultCategories()))
		}
		if !s.OnServer() || strings.Contains(s.Location(), "@") && strings.Contains(s.Location(), ":"+passwordOf(u)+"@") {
			t.Errorf("Location() = %q: on a server, without its password", s.Location())
		}
	})

	t.Run("HoldsACongress", func(t *testing.T) {
		u := newDatabase(t)
		s, err := Create(ctx, u, newCongress)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		other := newCongress
		other.Name = "Un autre"
		s2, err := Create(ctx, u, other)
		if !errors.Is(err, data.ErrNotEmpty) {
			if s2 != nil {
				s2.Close()
			}
			t.Fatalf("Create on a congress: %v, want ErrNotEmpty", err)
		}
		s3, err := OpenStore(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		defer s3.Close()
		if c, err := s3.Congress(ctx); err != nil || c.Name != newCongress.Name {
			t.Errorf("after the refused Create: %+v, %v; want the first congress, unchanged", c, err)
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		u := newDatabase(t)
		if _, err := Create(ctx, u, data.Congress{}); err == nil {
			t.Fatal("a congress without a name was created")
		}
		// Nothing was written: not even the schema.
		s := mustOpen(t, u)
		if n := query(t, s, "SELECT count(*) FROM congress")[0][0]; n != "0" {
			t.Errorf("%s congresses after a refused Create", n)
		}
	})

	t.Run("AnotherApplication", func(t *testing.T) {
		u := newDatabase(t)
		admin(t, u, "CREATE TABLE invoices (id int)")
		if _, err := Create(ctx, u, newCongress); !errors.Is(err, data.ErrServerNotCongress) {
			t.Fatalf("Create on another application's database: %v, want ErrServerNotCongress", err)
		}
	})
}

func passwordOf(u string) string {
	p, _ := url.Parse(u)
	pw, _ := p.User.Password()
	return pw
}

// TestOpenStoreCloses: closing the store closes every connection it made,
// the pool that migrated the schema and the one the rules use.
func TestOpenStoreCloses(t *testing.T) {
	ctx := context.Background()
	u := newDatabase(t)
	s, err := Create(ctx, u, newCongress)
	if err != nil {
		t.Fatal(err)
	}
	// Several connections at once: reads and a write.
	done := make(chan error, 4)
	for range 4 {
		go func() {
			_, err := s.Categories(ctx)
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	c := newCongress
	c.City = "Roubaix"
	if err := s.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if n := connections(t, u); n == 0 {
		t.Fatal("no connection to the database while the store is open")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n := connections(t, u); n != 0 {
		t.Errorf("%d connections to the database after Close, want 0", n)
	}
}
