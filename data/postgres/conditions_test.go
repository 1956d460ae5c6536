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
