package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"

	"congres/data"
)

// TestMigrateOutputLanguage: a congress file made before 0014 (here, built
// with the migrations up to 0013 and a congress written by hand) opens in
// French, keeps its details, and passes the full check: its row sums, the
// new column's included, are right.
func TestMigrateOutputLanguage(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old"+data.Extension)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Version >= 14 {
			break
		}
		if err := applyMigration(ctx, db, m); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		"INSERT INTO congress (id, name, edition, venue, city, logo, signature, signatory) VALUES (1, 'Congrès ancien', '18e', 'Grand Palais', 'Lille', NULL, NULL, 'Marie Dupont')",
		"INSERT INTO congress_day (day) VALUES ('2021-11-25')",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "fr" || c.Name != "Congrès ancien" || c.Edition != "18e" || c.City != "Lille" || c.Signatory != "Marie Dupont" {
		t.Errorf("after 0014: %+v", c)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("full check after 0014: %v", err)
	}
	c.Language = "en"
	if err := s.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("full check after choosing English: %v", err)
	}
}
