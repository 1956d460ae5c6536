package postgres

import (
	"context"
	"errors"
	"testing"

	"congres/data"
)

// TestReviewDeskOpensOlderSchema: after an update of Congrès that brings a
// migration, the first laptop to open the congress may be a desk's (or an
// organiser's), which may not change the schema: it must get a sentence
// that says who can bring it up to date, never a driver's error.
func TestReviewDeskOpensOlderSchema(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	owner, err := Create(ctx, dbURL, data.Congress{Name: "Revue", Days: []data.Day{"2026-05-21"}})
	if err != nil {
		t.Fatal(err)
	}
	owner.Close()
	desk := newUser(t, dbURL, RoleDesk)
	org := newUser(t, dbURL, RoleOrganiser)
	// The schema as the previous version of Congrès left it: without its
	// last migration (0011 changes nothing on a server).
	s := mustOpen(t, dbURL)
	exec(t, s, "DELETE FROM schema_migration WHERE version = (SELECT max(version) FROM schema_migration)")
	for _, u := range []string{desk, org} {
		st, err := OpenStore(ctx, u)
		if err == nil {
			if u == desk {
				t.Error("a desk account brought the schema up to date")
			}
			st.Close()
			continue
		}
		if u == desk && !errors.Is(err, ErrServerNeedsOwner) {
			t.Errorf("a desk account opens an older congress: want ErrServerNeedsOwner, got %v", err)
		}
		var e *data.Error
		if !errors.As(err, &e) {
			t.Errorf("an account that may not migrate opens an older congress: not a sentence: %v", err)
		}
	}
}
