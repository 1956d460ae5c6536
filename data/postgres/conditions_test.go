package postgres

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"congres/data"
)

// TestOpenConditions: what goes wrong when connecting is told in a
// sentence that names the server without its password.
func TestOpenConditions(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, target string, want *data.Error) {
		t.Helper()
		_, err := Open(ctx, target)
		if !errors.Is(err, want) {
			t.Fatalf("Open(%s) = %v, want %s", RedactURL(target), err, want.Code)
		}
		for _, lang := range []string{"en", "fr"} {
			msg := data.Message(err, lang)
			if !strings.Contains(msg, RedactURL(target)) || (password(target) != "" && strings.Contains(msg, password(target))) {
				t.Errorf("%s: %q, want the server named without its password", lang, msg)
			}
		}
	}

	t.Run("ErrServerUnreachable", func(t *testing.T) {
		// Nothing listens on port 1.
		check(t, "postgres://congres:s3cret@127.0.0.1:1/congres?connect_timeout=10", data.ErrServerUnreachable)
	})
	t.Run("ErrServerLogin", func(t *testing.T) {
		u, err := url.Parse(newDatabase(t))
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(u.User.Username(), "not-the-password")
		check(t, u.String(), data.ErrServerLogin)
	})
	t.Run("ErrServerNoDatabase", func(t *testing.T) {
		u, err := url.Parse(testServer(t))
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/congres_no_such_database"
		check(t, u.String(), data.ErrServerNoDatabase)
	})
}

// TestServerTooOld: a server older than PostgreSQL 14 is refused with a
// sentence before anything is written (the test server is newer: the check
// is fed the versions a server reports).
func TestServerTooOld(t *testing.T) {
	s := &Store{url: "postgres://congres@venue.local/congres"}
	err := s.checkServerVersion(130012, "13.12 (Debian 13.12-1.pgdg120+1)")
	if !errors.Is(err, data.ErrServerTooOld) {
		t.Fatalf("PostgreSQL 13: %v, want ErrServerTooOld", err)
	}
	if got, want := data.Message(err, "en"), "The server of postgres://congres@venue.local/congres runs PostgreSQL 13.12; Congrès needs PostgreSQL 14 or newer. Nothing was changed on the server."; got != want {
		t.Errorf("English: %q\nwant %q", got, want)
	}
	for num, version := range map[int]string{140000: "14.0", 150018: "15.18 (Debian 15.18-0+deb12u1)", 180001: "18.1"} {
		if err := s.checkServerVersion(num, version); err != nil {
			t.Errorf("PostgreSQL %s: %v", version, err)
		}
	}
}
