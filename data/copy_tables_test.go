package data

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCopyTablesCoverTheSchema: every table of a congress file is either
// copied by a copy or left out on purpose (copy.go says why), so that a
// table added by a new migration is never silently left behind.
func TestCopyTablesCoverTheSchema(t *testing.T) {
	s, err := Create(ctx, filepath.Join(t.TempDir(), "t"+Extension), Congress{Name: "T", Days: []Day{"2026-05-21"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var tables []string
	err = s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return err
			}
			tables = append(tables, n)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	notCopied := []string{"schema_migration", "revision", "replica_of"}
	for _, n := range tables {
		if strings.HasPrefix(n, "participant_fts") || slices.Contains(notCopied, n) {
			continue
		}
		if !slices.Contains(copyTables, n) {
			t.Errorf("table %s is neither copied nor left out on purpose (copy.go)", n)
		}
	}
	for _, n := range copyTables {
		if !slices.Contains(tables, n) {
			t.Errorf("copyTables names %s, which the schema does not have", n)
		}
	}
}
