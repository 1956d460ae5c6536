package data

import (
	"context"
	"testing"
	"time"
)

// The import's concurrency on the file: these cases hold SQLite's write lock
// (or lean on the single writer), so they stay with the file's store while
// the rest of import_concurrency_test.go runs against every store.

// A dry run reads while another connection holds the file's write lock.
func TestImportDryRunTakesNoWriteLock(t *testing.T) {
	s := mustOpen(t)
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.w.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	lines := manyLines(50)
	c, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	r, err := s.Import(c, sheetFile(csvFile(t, lines...)), ImportOptions{DryRun: true, Mapping: mappingOf(lines[0])})
	if err != nil {
		t.Fatalf("dry run under another's write lock: %v", err)
	}
	wantCounts(t, r, 50, 50, 0, 0, 0, 0)
}

// A check-in made while an import reads its file goes through at once, and
// a participant created meanwhile is matched by the import, which decides
// its rows again inside the write transaction.
func TestImportLeavesTheDeskFree(t *testing.T) {
	s := mustOpen(t)
	guest := addPerson(t, s, "Paul", "Porte")
	lines := manyLines(3000)
	var admitted, created bool
	opts := ImportOptions{Mapping: mappingOf(lines[0]), Progress: func(done, total int64) {
		if admitted {
			return
		}
		admitted = true
		c, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if _, err := s.Admit(c, AdmitRequest{ParticipantID: guest.ID, Day: day1, Desk: "Accueil"}); err != nil {
			t.Errorf("check-in during the import: %v", err)
		}
		// Someone registered at the desk meanwhile, who is also in the file.
		p := newPerson(t, s, "Anne2500", "Ader2500")
		p.Email = "anne2500@example.org"
		if err := s.CreateParticipant(c, &p); err != nil {
			t.Errorf("creating a participant during the import: %v", err)
		}
		created = true
	}}
	r, err := s.Import(ctx, sheetFile(csvFile(t, lines...)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !admitted || !created {
		t.Fatal("the import reported no progress")
	}
	wantCounts(t, r, 3000, 2999, 0, 1, 0, 0) // matched, nothing to fill
	if n := len(people(t, s)); n != 3001 {
		t.Errorf("%d people, want 3001 (no one twice)", n)
	}
}
