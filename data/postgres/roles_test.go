package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"congres/data"
)

// newUser makes an account of role on the congress at dbURL (its owner's
// URL), dropped when the test ends, and returns the URL to connect as it.
func newUser(t *testing.T, dbURL string, role Role) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	name := string(role) + "_" + hex.EncodeToString(b)
	password, err := AddUser(context.Background(), dbURL, name, role)
	if err != nil {
		t.Fatalf("AddUser(%s, %s): %v", name, role, err)
	}
	t.Cleanup(func() {
		// Its rights in the test's database first: a role that holds any
		// cannot be dropped.
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			t.Errorf("dropping %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		for _, q := range []string{"DROP OWNED BY " + name, "DROP ROLE " + name} {
			if _, err := conn.Exec(ctx, q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(name, password)
	return u.String()
}

// congressWithPerson makes a congress at dbURL holding one participant and
// one room, written by the owner, and returns the participant's id.
func congressWithPerson(t *testing.T, dbURL string) int64 {
	t.Helper()
	s := mustOpen(t, dbURL)
	exec(t, s, `INSERT INTO congress (id, name) VALUES (1, 'Congrès')`)
	exec(t, s, `INSERT INTO congress_day (day) VALUES ('2021-11-25')`)
	exec(t, s, `INSERT INTO category (name, badge_label, colour, position) VALUES ('Adhérent·e', 'Adhérent', '#123456', 1)`)
	exec(t, s, `INSERT INTO room (name) VALUES ('Salle A')`)
	var id int64
	err := s.pool.QueryRow(context.Background(), `INSERT INTO participant
		(code, first_name, last_name, category_id, status, sort_key, name_key, created_at, updated_at)
		SELECT 'BXRCDF', 'Éric', 'Béasse', id, 'confirmed', 'beasse eric', 'eric beasse', now(), now() FROM category
		RETURNING id`).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// refused asserts that the server refused q to the account of conn for its
// rights (SQLSTATE 42501), whatever program sends it.
func refused(t *testing.T, conn *pgx.Conn, q string, args ...any) {
	t.Helper()
	_, err := conn.Exec(context.Background(), q, args...)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != codeNotPermitted {
		t.Errorf("%s: want the server's refusal (42501), got %v", q, err)
	}
}

func allowed(t *testing.T, conn *pgx.Conn, q string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), q, args...); err != nil {
		t.Errorf("%s: %v", q, err)
	}
}

func connectAs(t *testing.T, u string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatalf("connecting as %s: %v", RedactURL(u), err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// TestDeskAccountGrants: a desk account records what a desk does and
// nothing else, and the server itself refuses the rest (a program talking
// to the server directly, not through Congrès).
func TestDeskAccountGrants(t *testing.T) {
	dbURL := newDatabase(t)
	pid := congressWithPerson(t, dbURL)
	desk := connectAs(t, newUser(t, dbURL, RoleDesk))

	// What the desk shows, and what it records.
	var n int
	if err := desk.QueryRow(context.Background(), "SELECT count(*) FROM participant").Scan(&n); err != nil || n != 1 {
		t.Fatalf("a desk reads the participants: %d, %v", n, err)
	}
	allowed(t, desk, "UPDATE revision SET n = n + 1")
	allowed(t, desk, `INSERT INTO checkin (participant_id, kind, day, at, desk) VALUES ($1, 'arrival', '2021-11-25', now(), 'A')`, pid)
	allowed(t, desk, `INSERT INTO badge_print (participant_id, at, layout) VALUES ($1, now(), 'a6')`, pid)
	allowed(t, desk, `INSERT INTO payment (participant_id, amount_cents, method, desk, at) VALUES ($1, 4000, 'cash', 'A', now())`, pid)
	allowed(t, desk, `UPDATE payment SET undone_at = now()`)
	allowed(t, desk, `UPDATE participant SET paid = true, updated_at = now() WHERE id = $1`, pid)
	allowed(t, desk, `INSERT INTO participant (code, first_name, last_name, category_id, status, sort_key, name_key, created_at, updated_at)
		SELECT 'BXRKLM', 'Awa', 'Diallo', id, 'confirmed', 'diallo awa', 'awa diallo', now(), now() FROM category`)

	// Nothing deleted, no programme, categories, settings or accounts.
	refused(t, desk, "DELETE FROM participant WHERE id = $1", pid)
	refused(t, desk, "DELETE FROM payment")
	refused(t, desk, "DELETE FROM room")
	refused(t, desk, "UPDATE participant SET first_name = 'X' WHERE id = $1", pid)
	refused(t, desk, "UPDATE participant SET status = 'cancelled' WHERE id = $1", pid)
	refused(t, desk, "INSERT INTO room (name) VALUES ('Salle B')")
	refused(t, desk, "UPDATE room SET capacity = 3")
	refused(t, desk, "UPDATE category SET name = 'X'")
	refused(t, desk, "UPDATE congress SET name = 'X'")
	refused(t, desk, "INSERT INTO badge_settings (layout, settings) VALUES ('a6', '{}')")
	refused(t, desk, "UPDATE desk_pin SET hash = 'x'")
	refused(t, desk, "CREATE TABLE mine (id int)")
	refused(t, desk, "CREATE ROLE intruder LOGIN")

	// A table a later migration adds (the owner's) is read, not written.
	exec(t, mustOpen(t, dbURL), "CREATE TABLE later (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)")
	allowed(t, desk, "SELECT count(*) FROM later")
	refused(t, desk, "INSERT INTO later (v) VALUES ('x')")
}

// TestOrganiserAccountGrants: an organiser changes and deletes rows of the
// congress, but neither its schema nor the accounts.
func TestOrganiserAccountGrants(t *testing.T) {
	dbURL := newDatabase(t)
	pid := congressWithPerson(t, dbURL)
	org := connectAs(t, newUser(t, dbURL, RoleOrganiser))
	allowed(t, org, "INSERT INTO room (name, capacity) VALUES ('Salle B', 30)")
	allowed(t, org, "UPDATE room SET capacity = 40 WHERE name = 'Salle B'")
	allowed(t, org, "DELETE FROM room WHERE name = 'Salle B'")
	allowed(t, org, "UPDATE participant SET first_name = 'Éric-Paul' WHERE id = $1", pid)
	allowed(t, org, "UPDATE congress SET name = 'Congrès 2026'")
	allowed(t, org, "SELECT setval(pg_get_serial_sequence('participant', 'id'), 1000)")
	refused(t, org, "CREATE TABLE mine (id int)")
	refused(t, org, "DROP TABLE room")
	refused(t, org, "CREATE ROLE intruder LOGIN")

	// A table a later migration adds (the owner's) is written too.
	exec(t, mustOpen(t, dbURL), "CREATE TABLE later (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)")
	allowed(t, org, "INSERT INTO later (v) VALUES ('x')")
	allowed(t, org, "DELETE FROM later")
}

// TestAddUserRefusals: a bad name or role, an account that exists, or an
// account that may not create others: a sentence each, nothing changed.
func TestAddUserRefusals(t *testing.T) {
	dbURL := newDatabase(t)
	congressWithPerson(t, dbURL)
	ctx := context.Background()
	for _, name := range []string{"", "Desk", "1desk", "desk-1", "desk; DROP TABLE room", "émile"} {
		if _, err := AddUser(ctx, dbURL, name, RoleDesk); !errors.Is(err, ErrUserName) {
			t.Errorf("AddUser(%q): want ErrUserName, got %v", name, err)
		}
	}
	if _, err := AddUser(ctx, dbURL, "deskx", Role("admin")); !errors.Is(err, ErrRole) {
		t.Errorf("role admin: want ErrRole, got %v", err)
	}
	desk := newUser(t, dbURL, RoleDesk)
	u, _ := url.Parse(desk)
	if _, err := AddUser(ctx, dbURL, u.User.Username(), RoleOrganiser); !errors.Is(err, ErrUserExists) {
		t.Errorf("an account that exists: want ErrUserExists, got %v", err)
	}
	if _, err := AddUser(ctx, desk, "desk_other", RoleDesk); !errors.Is(err, ErrUserNotAllowed) {
		t.Errorf("a desk account making accounts: want ErrUserNotAllowed, got %v", err)
	}
	var de *data.Error
	if _, err := AddUser(ctx, dbURL, "Desk", RoleDesk); !errors.As(err, &de) || de.Message("fr") == de.Message("en") {
		t.Errorf("the refusal is a sentence in French and English: %v", err)
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range []string{"organiser", "desk"} {
		if got, err := ParseRole(r); err != nil || string(got) != r {
			t.Errorf("ParseRole(%q) = %q, %v", r, got, err)
		}
	}
	if _, err := ParseRole("organizer"); !errors.Is(err, ErrRole) {
		t.Errorf("ParseRole(organizer): %v", err)
	}
}
