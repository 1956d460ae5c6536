package sqlite

import (
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/sqlite/sqlitetest"
)

// TestCloseLeavesTheFileWhole: "the last connection checkpoints the WAL
// into it". Since the split, the copier's pool (backups, checkpoints)
// closes after the writer's rather than before: whichever is last, a
// closed congress is one file, with nothing beside it, that holds every
// write (a file sent by email, or copied to a USB key, is whole).
func TestCloseLeavesTheFileWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entier"+data.Extension)
	s, err := Create(ctx, path, sqlitetest.Congress)
	if err != nil {
		t.Fatal(err)
	}
	sqlitetest.AddPerson(t, s, "Anne", "Martin")
	if _, err := s.Backup(ctx); err != nil { // the copier's connection, and a full check
		t.Fatal(err)
	}
	if err := s.SaveCopy(ctx, filepath.Join(t.TempDir(), "copie"+data.Extension)); err != nil {
		t.Fatal(err)
	}
	sqlitetest.AddPerson(t, s, "Paul", "Durand") // in the WAL only
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"-wal", "-shm", "-journal", lockSuffix, data.HeldSuffix} {
		if _, err := os.Stat(path + c); err == nil {
			t.Errorf("%s left beside the closed file", c)
		}
	}
	// The file alone, elsewhere, holds both.
	alone := filepath.Join(t.TempDir(), "seul"+data.Extension)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, b, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, alone)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rows, err := r.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != 2 {
		t.Fatalf("%d people in the file alone, %v", len(rows), err)
	}
}
