package data_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestWriteRejectedRows checks that the rows an import rejects are written
// again with their line and whole reason, in the file's own columns and
// delimiter, in both languages: its header cells as the file writes them
// (a trailing space kept), "Tarif : " in French.
func TestWriteRejectedRows(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "helloasso.csv", true, false,
		"Export HelloAsso du 12/09/2026;;;;;", ";;;;;",
		"Référence commande;Nom participant;Prénom participant;Email;Tarif;Numéro de billet ",
		"1041;Lefèvre;Hélène;helene@example.org;Adhérent·e;48213377",
		"1042;Dupont;Jean;jean@@example;Adhérent·e;", // no ticket: the email says who it is (with one, imported without it)
		"1043;Benali;Karim;karim@example.org;Mécène;48213379",
		"1044;Roux;Camille;camille@example.org;Adhérent·e;48213380")
	src := spreadsheet.Source{Path: path}
	r, err := s.Import(ctx, src, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 4, 2, 0, 0, 0, 2)
	for _, c := range []struct{ lang, line, reason, email, category string }{
		{"fr", "Ligne", "Motif", "Email : " + Message(ErrEmailInvalid.With("jean@@example"), "fr"),
			"Tarif : " + Message(ErrImportCategory.With("Mécène"), "fr")},
		{"en", "Line", "Reason", "Email: " + Message(ErrEmailInvalid.With("jean@@example"), "en"),
			"Tarif: " + Message(ErrImportCategory.With("Mécène"), "en")},
	} {
		var b bytes.Buffer
		if err := WriteRejectedRows(ctx, &b, src, r, c.lang); err != nil {
			t.Fatal(err)
		}
		text, ok := strings.CutPrefix(b.String(), "\ufeff")
		if !ok {
			t.Fatalf("no BOM: %q", b.String())
		}
		rd := csv.NewReader(strings.NewReader(text))
		rd.Comma = ';'
		rows, err := rd.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{c.line, c.reason, "Référence commande", "Nom participant", "Prénom participant", "Email", "Tarif", "Numéro de billet "},
			{"5", c.email, "1042", "Dupont", "Jean", "jean@@example", "Adhérent·e", ""},
			{"6", c.category, "1043", "Benali", "Karim", "karim@example.org", "Mécène", "48213379"},
		}
		if len(rows) != len(want) {
			t.Fatalf("%s: %q", c.lang, rows)
		}
		for i := range want {
			if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
				t.Errorf("%s row %d: %q, want %q", c.lang, i, rows[i], want[i])
			}
		}
	}
}
