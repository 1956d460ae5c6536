package postgres

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/spreadsheet"
	"congres/data/sqlite"
)

// TestReviewNULText: a NUL in a text a file accepts, on a server.
func TestReviewNULText(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2026-05-21")
	server, err := Create(ctx, newDatabase(t), data.Congress{Name: "Revue", Days: []data.Day{day}})
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	cats, _ := server.Categories(ctx)
	p := data.Participant{FirstName: "Nul", LastName: "Octet", CategoryID: cats[0].ID, Status: data.StatusConfirmed, Notes: "a\x00b"}
	err = server.CreateParticipant(ctx, &p)
	var e *data.Error
	if err != nil && !errors.As(err, &e) {
		t.Errorf("a NUL in a note on a server: not a sentence: %v", err)
	}

	f, err := sqlite.Open(ctx, demoFile(t, 5))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cats, _ = f.Categories(ctx)
	p = data.Participant{FirstName: "Nul", LastName: "Octet", CategoryID: cats[0].ID, Status: data.StatusConfirmed, Notes: "a\x00b"}
	t.Logf("file: %v", f.CreateParticipant(ctx, &p))
	s2, err := OpenStore(ctx, newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := f.CopyInto(ctx, s2, nil); err != nil {
		t.Errorf("a file the server cannot take: %v", err)
	}
}

// TestReviewNULFromCSV: a CSV cell holding a NUL byte, imported into a
// server's congress.
func TestReviewNULFromCSV(t *testing.T) {
	ctx := context.Background()
	server, err := Create(ctx, newDatabase(t), data.Congress{Name: "Revue", Days: []data.Day{"2026-05-21"}})
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	csv := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csv, []byte("Prénom;Nom;Organisation\nÉric;Béa\x00sse;Université\nAwa;Diallo;CNRS\n"), 0o600)
	rep, err := server.Import(ctx, spreadsheet.Source{Path: csv}, data.ImportOptions{})
	var e *data.Error
	if err != nil && !errors.As(err, &e) {
		t.Errorf("a NUL in a CSV imported onto a server: not a sentence: %v", err)
	}
	t.Logf("%+v %v", rep, err)
}
