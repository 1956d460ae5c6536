package data_test

// The stores the suite runs on: each pass (suite_passes_test.go) opens its
// tests' congresses in its own store, a new file in a temporary folder or
// a new database on the test server (CONGRES_TEST_POSTGRES).

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	. "congres/data"
	"congres/data/postgres"
	"congres/data/sqlite"
)

// testCongress is the congress mustOpen creates.
var testCongress = Congress{
	Name: "Congrès de test", Edition: "19e", City: "Lille", Days: []Day{day1, day2},
}

// onServer says the current pass runs on a database server.
func onServer() bool { return SuiteStore() == "postgres" }

// skipOnServer skips a test about the file itself (its bytes, its backups,
// reopening it) on a server's pass, saying why.
func skipOnServer(tb testing.TB, why string) {
	tb.Helper()
	if onServer() {
		tb.Skip("SQLite only: " + why)
	}
}

// newCongress creates congress c in a new store of the current pass, closed
// when the test ends. A test that fails says on which store.
func newCongress(tb testing.TB, c Congress) (*Store, error) {
	tb.Helper()
	var s *Store
	var err error
	var where string
	if onServer() {
		where = newDatabase(tb)
		s, err = postgres.Create(ctx, where, c)
	} else {
		where = filepath.Join(tb.TempDir(), "test"+Extension)
		s, err = sqlite.Create(ctx, where, c)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("store: %s", SuiteStore())
		}
	})
	if err != nil {
		return nil, err
	}
	opened.Store(s, where)
	tb.Cleanup(func() { s.Close() })
	return s, nil
}

// opened maps each store the suite opened to its file's path or its
// database's URL (with its password, which Location leaves out).
var opened sync.Map // *Store → string

// reopen closes s and opens its congress again, as another launch of
// Congrès would; the store returned is closed when the test ends.
func reopen(tb testing.TB, s *Store) *Store {
	tb.Helper()
	where, ok := opened.Load(s)
	if !ok {
		tb.Fatalf("reopen: %s was not opened by the suite", s.Location())
	}
	if err := s.Close(); err != nil {
		tb.Fatalf("closing %s: %v", s.Location(), err)
	}
	var s2 *Store
	var err error
	if onServer() {
		s2, err = postgres.OpenStore(ctx, where.(string))
	} else {
		s2, err = sqlite.Open(ctx, where.(string))
	}
	if err != nil {
		tb.Fatalf("opening %s again: %v", s.Location(), err)
	}
	opened.Store(s2, where)
	tb.Cleanup(func() { s2.Close() })
	return s2
}

// The test server: each store is a database of its own, created from a
// template that holds the schema (migrated once per test binary) and
// dropped when the test ends. Databases are made a few ahead, and dropped
// behind, while the tests run: creating and dropping took two thirds of
// the suite's time on a server when each test waited for them.
var (
	serverOnce  sync.Once
	serverAdmin *sql.DB // on the server's own database
	serverURL   *url.URL
	templateDB  string
	serverErr   error
	stock       chan made      // databases made ahead
	stopStock   chan struct{}  // closed when the suite ends
	stockDone   sync.WaitGroup // the maker of the stock
	drops       sync.WaitGroup // databases being dropped
)

// made is a database made ahead, or why it could not be.
type made struct {
	name string
	err  error
}

// stockAhead is how many databases are made ahead.
const stockAhead = 2

// server returns a connection to the test server's own database, and the
// name of the template database, made on first use.
func server(tb testing.TB) (*sql.DB, string) {
	tb.Helper()
	serverOnce.Do(func() { serverErr = setUpServer() })
	if serverErr != nil {
		tb.Fatal(serverErr)
	}
	return serverAdmin, templateDB
}

func setUpServer() error {
	raw := os.Getenv("CONGRES_TEST_POSTGRES")
	u, err := url.Parse(raw)
	if err != nil || !postgres.IsURL(raw) {
		return fmt.Errorf("CONGRES_TEST_POSTGRES must be a URL (postgres://…), not %q", postgres.RedactURL(raw))
	}
	serverURL = u
	db, err := sql.Open("pgx", raw)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := "congres_tpl_" + randomName()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		return fmt.Errorf("the test server %s: %w", postgres.RedactURL(raw), err)
	}
	drop := func(name string) {
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			fmt.Fprintf(os.Stderr, "dropping the test database %s: %v\n", name, err)
		}
	}
	AfterSuite(func() {
		close(stopStock)
		stockDone.Wait()
		for m := range stock {
			if m.err == nil {
				drop(m.name)
			}
		}
		drops.Wait()
		drop(name)
		db.Close()
	})
	stock, stopStock = make(chan made, stockAhead), make(chan struct{})
	// The schema, once: each test's database is a copy.
	s, err := postgres.Open(ctx, databaseURL(name))
	if err != nil {
		return fmt.Errorf("migrating the template database: %w", err)
	}
	s.Close()
	serverAdmin, templateDB = db, name
	stockDone.Add(1)
	go func() {
		defer stockDone.Done()
		defer close(stock)
		for {
			m := made{name: "t_" + randomName()}
			if _, m.err = db.Exec("CREATE DATABASE " + m.name + " TEMPLATE " + name); m.err != nil {
				m.err = fmt.Errorf("creating a database for the test: %w", m.err)
			}
			select {
			case stock <- m:
			case <-stopStock:
				if m.err == nil {
					drop(m.name)
				}
				return
			}
		}
	}()
	return nil
}

func randomName() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// databaseURL is the test server's URL for database name.
func databaseURL(name string) string {
	u := *serverURL
	u.Path = "/" + name
	return u.String()
}

// newDatabase returns the URL of a database with the schema on the test
// server, dropped once the test has ended.
func newDatabase(tb testing.TB) string {
	tb.Helper()
	db, _ := server(tb)
	m := <-stock
	if m.err != nil {
		tb.Fatal(m.err)
	}
	tb.Cleanup(func() {
		drops.Add(1)
		go func() {
			defer drops.Done()
			if _, err := db.Exec("DROP DATABASE IF EXISTS " + m.name + " WITH (FORCE)"); err != nil {
				fmt.Fprintf(os.Stderr, "dropping the test database %s: %v\n", m.name, err)
			}
		}()
	})
	return databaseURL(m.name)
}
