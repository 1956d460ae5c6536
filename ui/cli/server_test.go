package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"congres/data/stores/storetest"
)

// serverDatabase creates an empty database of the test's own on the test
// server (storetest) and returns its URL and a function that runs SQL on it
// as its owner.
func serverDatabase(t *testing.T) (string, func(q string) error) {
	t.Helper()
	dbURL := storetest.NewDatabase(t)
	return dbURL, func(q string) error {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, q)
		return err
	}
}

// TestCLIServerAddUser: `congres server add-user` makes a desk account on a
// congress on a server and prints its password once; the server lets that
// account record an arrival and refuses it a deletion.
func TestCLIServerAddUser(t *testing.T) {
	dbURL, asOwner := serverDatabase(t)
	if _, err := runCLI(t, "new", dbURL, "--name", "Congrès de Lille", "--days", "2026-05-21"); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	user := "desk_" + hex.EncodeToString(b) // accounts are the whole server's: one of its own
	out, err := runCLI(t, "server", "add-user", dbURL, user, "--role", "desk")
	if err != nil {
		t.Fatalf("server add-user: %v", err)
	}
	t.Cleanup(func() {
		for _, q := range []string{"DROP OWNED BY " + user, "DROP ROLE " + user} {
			if err := asOwner(q); err != nil {
				t.Error(q, err)
			}
		}
	})
	m := regexp.MustCompile(`password, shown this once: (\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no password in %q", out)
	}
	password := m[1]
	u, _ := url.Parse(dbURL)
	if pw, ok := u.User.Password(); ok && strings.Contains(out, pw) {
		t.Errorf("the owner's password is shown: %q", out)
	}
	u.User = url.UserPassword(user, password)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatalf("connecting as the new account: %v", err)
	}
	defer conn.Close(ctx)
	var name string
	if err := conn.QueryRow(ctx, "SELECT name FROM congress").Scan(&name); err != nil || name != "Congrès de Lille" {
		t.Errorf("the desk reads the congress: %q, %v", name, err)
	}
	if _, err := conn.Exec(ctx, "DELETE FROM category"); err == nil || !strings.Contains(err.Error(), "42501") {
		t.Errorf("the server lets a desk account delete: %v", err)
	}

	// The same account again, a bad role, a file: sentences, nothing done.
	if _, err := runCLI(t, "server", "add-user", dbURL, user, "--role", "desk"); err == nil || !strings.Contains(message(err), "already") {
		t.Errorf("an account that exists: %v", err)
	}
	if _, err := runCLI(t, "server", "add-user", dbURL, "other", "--role", "admin"); err == nil || !strings.Contains(message(err), "organiser or desk") {
		t.Errorf("a bad role: %v", err)
	}
	if _, err := runCLI(t, "server", "add-user", dbURL, "other"); err == nil || !strings.Contains(message(err), "--role") {
		t.Errorf("no role: %v", err)
	}
	if _, err := runCLI(t, "server", "add-user", "congress.congres", "other", "--role", "desk"); err == nil || !strings.Contains(message(err), "not one") {
		t.Errorf("a file: %v", err)
	}
	fr, err := runIn(t, "fr", "server", "add-user", dbURL, user, "--role", "desk")
	if err == nil || !strings.Contains(messageIn("fr", err), "déjà un compte") {
		t.Errorf("in French: %q, %v", fr, err)
	}
}
