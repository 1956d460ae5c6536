package postgres

import (
	"context"
	"testing"

	"congres/data"
)

func TestRebind(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = $1 AND b = $2"},
		// SQLite's numbered placeholders, and a ? after them.
		{"WHERE a = ?1 OR b = ?1 AND c = ?2", "WHERE a = $1 OR b = $1 AND c = $2"},
		{"WHERE a = ?2 AND b = ?", "WHERE a = $2 AND b = $3"},
		// Never inside quotes or comments.
		{"SELECT '?', 'it''s ?', \"col?\" FROM t WHERE x = ?", "SELECT '?', 'it''s ?', \"col?\" FROM t WHERE x = $1"},
		{"SELECT a -- what? \nFROM t WHERE b = ?", "SELECT a -- what? \nFROM t WHERE b = $1"},
		{"SELECT /* a ? b */ a FROM t WHERE b = ? /* ? */", "SELECT /* a ? b */ a FROM t WHERE b = $1 /* ? */"},
		{"INSERT INTO t VALUES (?, '', ?)", "INSERT INTO t VALUES ($1, '', $2)"},
		// Unclosed quotes and comments are left to the server to refuse.
		{"SELECT '?", "SELECT '?"},
		{"SELECT ? /* ?", "SELECT $1 /* ?"},
		{"SELECT ? -- ?", "SELECT $1 -- ?"},
	}
	for _, c := range cases {
		for range 2 { // the second from the cache
			if got := (Dialect{}).Rebind(c.in); got != c.want {
				t.Errorf("Rebind(%q) = %q, want %q", c.in, got, c.want)
			}
		}
	}
}

func TestViolation(t *testing.T) {
	s := mustOpen(t, newDatabase(t))
	ctx := context.Background()
	exec(t, s, "INSERT INTO room (name, capacity) VALUES ('A', 10)")
	cases := []struct {
		name, sql string
		want      data.Violation
	}{
		{"Unique", "INSERT INTO room (name, capacity) VALUES ('A', 5)", data.UniqueViolation},
		{"ForeignKey", "INSERT INTO participant_day (participant_id, day) VALUES (999999, DATE '2021-11-25')", data.ForeignKeyViolation},
		{"Syntax", "INSERT INTO", data.NoViolation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.pool.Exec(ctx, c.sql)
			if err == nil {
				t.Fatalf("%s: no error", c.sql)
			}
			if got := (Dialect{}).Violation(err); got != c.want {
				t.Errorf("Violation(%v) = %v, want %v", err, got, c.want)
			}
		})
	}
	if got := (Dialect{}).Violation(context.Canceled); got != data.NoViolation {
		t.Errorf("Violation(context.Canceled) = %v", got)
	}
}
