package stores

import (
	"bytes"
	"context"
	"errors"
	"log"
	"net"
	"net/url"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores/storetest"
)

// TestServer: a URL creates a congress in an empty database and opens it,
// named everywhere without its password; a database that holds one
// already is refused (ErrNotEmpty), and so are a wrong password and a
// missing database, in sentences that do not show the password either.
func TestServer(t *testing.T) {
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	u, _ := url.Parse(target)
	password, _ := u.User.Password()
	if password == "" {
		t.Fatal("the test server's URL has no password: nothing to hide")
	}
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(log.Writer())

	c := data.Congress{Name: "Assises", Days: []data.Day{"2026-06-01", "2026-06-02"}}
	s, err := Create(ctx, target, c)
	if err != nil {
		t.Fatal(err)
	}
	if !s.OnServer() || s.Location() != Redact(target) || strings.Contains(s.Location(), password) {
		t.Errorf("on server %v, location %q", s.OnServer(), s.Location())
	}
	s.Close()
	for _, open := range []func(context.Context, string) (*data.Store, error){Open, OpenOrView} {
		s, err := open(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Congress(ctx)
		s.Close()
		if err != nil || got.Name != c.Name || len(got.Days) != 2 {
			t.Errorf("congress %+v, %v", got, err)
		}
	}
	var errs []error
	if _, err := Create(ctx, target, c); !strings.Contains(data.Message(err, "en"), "holds a congress already") {
		t.Errorf("Create over a congress: %v", err)
	} else {
		errs = append(errs, err)
	}
	wrong := *u
	wrong.User = url.UserPassword(u.User.Username(), password+"x")
	if _, err := Open(ctx, wrong.String()); data.KindOf(err) != data.KindInvalid {
		t.Errorf("a wrong password: %v", err)
	} else {
		errs = append(errs, err)
	}
	missing := *u
	missing.Path = "/congres_absent"
	if _, err := Open(ctx, missing.String()); data.KindOf(err) != data.KindNotFound {
		t.Errorf("a missing database: %v", err)
	} else {
		errs = append(errs, err)
	}
	// A database that holds another application's tables, one that holds
	// a congress of a newer version, and a server that does not answer.
	other := storetest.NewDatabase(t)
	storetest.Admin(t, other, "CREATE TABLE invoices (id integer)")
	if _, err := Open(ctx, other); !errors.Is(err, data.ErrServerNotCongress) {
		t.Errorf("another application's database: %v", err)
	} else {
		errs = append(errs, err)
	}
	newer := storetest.NewDatabase(t)
	if s, err := Create(ctx, newer, c); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	storetest.Admin(t, newer, "INSERT INTO schema_migration (version, name) VALUES (9999, 'future')")
	if _, err := Open(ctx, newer); !errors.Is(err, data.ErrServerTooNew) {
		t.Errorf("a newer congress: %v", err)
	} else {
		errs = append(errs, err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	away := *u
	away.Host = l.Addr().String()
	l.Close()
	if _, err := Open(ctx, away.String()); !errors.Is(err, data.ErrServerUnreachable) {
		t.Errorf("a server away: %v", err)
	} else {
		errs = append(errs, err)
	}
	// The keyword form opens it too.
	kw := "host=" + u.Hostname() + " port=" + u.Port() + " dbname=" + strings.TrimPrefix(u.Path, "/") +
		" user=" + u.User.Username() + " password=" + password + " sslmode=disable"
	if s, err := Open(ctx, kw); err != nil {
		t.Errorf("keyword form: %v", err)
	} else {
		if strings.Contains(s.Location(), password) {
			t.Errorf("keyword form shown as %q", s.Location())
		}
		s.Close()
	}
	for _, err := range errs {
		for _, lang := range []string{"en", "fr"} {
			if m := data.Message(err, lang); strings.Contains(m, password) {
				t.Errorf("the password in %q", m)
			}
		}
		if strings.Contains(err.Error(), password) {
			t.Errorf("the password in %q", err.Error())
		}
	}
	if strings.Contains(logged.String(), password) {
		t.Errorf("the password logged: %s", logged.String())
	}
}
