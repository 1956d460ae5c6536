package data_test

import (
	"errors"
	"slices"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportDefaults checks that new rows the file gives no category,
// status, fee or days get the options' ones, that rows which give them
// keep theirs, and that the report says what the new rows got.
func TestImportDefaults(t *testing.T) {
	s := mustOpen(t)
	header := "Prénom,Nom,E-mail"
	r := importLines(t, s, ImportOptions{}, header, "Awa,Diallo,awa@example.org")
	if r.DefaultCategory != "Adhérent·e" || r.DefaultStatus != StatusPending {
		t.Fatalf("without options: %q, %q", r.DefaultCategory, r.DefaultStatus)
	}
	presse := category(t, s, "Presse")
	opts := ImportOptions{DefaultCategoryID: presse, DefaultStatus: StatusConfirmed, DefaultFeeCents: 4500,
		DefaultDays: []Day{day2}}
	r = importLines(t, s, opts, header, "Bob,Durand,bob@example.org")
	if r.New != 1 || r.DefaultCategory != "Presse" || r.DefaultStatus != StatusConfirmed {
		t.Fatalf("%+v", r)
	}
	r = importLines(t, s, opts, "Prénom,Nom,E-mail,Catégorie,Statut,Jours",
		"Chloé,Martin,chloe@example.org,Élue,en attente,2021-11-25")
	if r.New != 1 || r.DefaultCategory != "" || r.DefaultStatus != "" {
		t.Fatalf("%+v", r)
	}
	for _, p := range people(t, s) {
		switch p.FirstName {
		case "Bob":
			if p.CategoryID != presse || p.Status != StatusConfirmed || p.FeeCents != 4500 || !slices.Equal(p.Days, []Day{day2}) {
				t.Errorf("%+v", p)
			}
		case "Chloé":
			if p.CategoryID != category(t, s, "Élu·e") || p.Status != StatusPending || p.FeeCents != 4500 ||
				!slices.Equal(p.Days, []Day{day1}) {
				t.Errorf("%+v", p)
			}
		case "Awa":
			if p.Status != StatusPending || p.FeeCents != 0 || len(p.Days) != 2 {
				t.Errorf("%+v", p)
			}
		}
	}
	// A day that is not the congress's is refused before anything is read.
	_, err := s.Import(ctx, spreadsheet.Source{Path: csvFile(t, header, "Dan,Roux,")},
		ImportOptions{Mapping: mappingOf(header), DefaultDays: []Day{"2020-01-01"}})
	if !errors.Is(err, ErrNotCongressDay) {
		t.Fatal("a default day outside the congress:", err)
	}
}

// TestImportDefaultCategoryOfEmptyCells: a file with a category column
// whose cell is empty on some rows gives those new rows the chosen
// default category, and the report counts them.
func TestImportDefaultCategoryOfEmptyCells(t *testing.T) {
	s := mustOpen(t)
	presse := category(t, s, "Presse")
	header := "Prénom,Nom,E-mail,Catégorie"
	r := importLines(t, s, ImportOptions{DefaultCategoryID: presse}, header,
		"Un,A,u1@ex.example,Élu·e", "Deux,B,u2@ex.example,", "Trois,C,u3@ex.example,")
	if r.New != 3 || r.DefaultCategory != "Presse" || r.DefaultCategoryRows != 2 {
		t.Fatalf("%+v", r)
	}
	for _, p := range people(t, s) {
		if want := map[string]string{"Un": "Élu·e", "Deux": "Presse", "Trois": "Presse"}[p.FirstName]; p.CategoryID != category(t, s, want) {
			t.Errorf("%s: category %d, want %s", p.FirstName, p.CategoryID, want)
		}
	}
}
