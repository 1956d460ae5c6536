package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/spreadsheet"
	"congres/data/stores"
)

// TestCLICheckinByTicket checks a person in by the number of the e-ticket
// an import kept, as by their code.
func TestCLICheckinByTicket(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "billets.congres")
	s, err := stores.Create(ctx, file, data.Congress{Name: "Congrès", Days: []data.Day{"2021-11-25", "2021-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "helloasso.csv")
	if err := os.WriteFile(csv, []byte("Nom participant;Prénom participant;Email;Numéro de billet\n"+
		"Lefèvre;Hélène;helene@example.org;48213377\nDupont;Jean;jean@example.org;48213378\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := s.Import(ctx, spreadsheet.Source{Path: csv}, data.ImportOptions{})
	if err != nil || r.New != 2 || r.Tickets != 2 {
		t.Fatalf("%+v, %v", r, err)
	}
	s.Close()

	out, err := runCLI(t, "checkin", file, "48213377", "--day", "2021-11-25", "--desk", "A")
	if err != nil || !strings.Contains(out, "Hélène Lefèvre") || !strings.Contains(out, "Checked in on 2021-11-25") {
		t.Fatalf("%q, %v", out, err)
	}
	// As typed from the printed ticket, spaces and all.
	out, err = runCLI(t, "checkin", file, " 4821 3378 ", "--day", "2021-11-25", "--desk", "A")
	if err != nil || !strings.Contains(out, "Jean Dupont") {
		t.Fatalf("%q, %v", out, err)
	}
	if _, err := runCLI(t, "undo", file, "48213378", "--desk", "A"); err != nil {
		t.Fatal(err)
	}
	_, err = runCLI(t, "checkin", file, "48213399", "--day", "2021-11-25")
	if exitCode(err) != 3 || !strings.Contains(message(err), "Unknown code: “48213399”") {
		t.Fatalf("unknown ticket: %v", err)
	}
}
