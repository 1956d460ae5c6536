package data_test

import (
	"errors"
	"testing"

	. "congres/data"
)

// Imports as an organiser runs them (issue 19, "Imports from the
// platforms, as they really are"): files shaped like the platforms'
// exports, with rows of our own.

// TestImportFeeGroups checks that an amount whose thousands separators do
// not stand between groups of three digits is refused with the import's
// sentence for a wrong amount, and that real groups are read.
func TestImportFeeGroups(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{OnMatch: MatchCreate, Mapping: []ImportField{FieldFirstName, FieldLastName, FieldFee}}, "Prénom,Nom,Montant",
		`Ana,Un,"12,3,4"`, `Ben,Deux,"1,5,0"`, `Cleo,Trois,12.05.2022`, `Dan,Quatre,"1 200,50"`, `Eva,Cinq,"1,200.00"`)
	wantCounts(t, r, 5, 2, 0, 0, 0, 3)
	for i, is := range r.Issues[:3] {
		if !errors.Is(is.Err, ErrImportFeeInvalid) || is.Column != "Montant" || is.Line != i+2 {
			t.Errorf("issue %d: %+v", i, is)
		}
	}
	fees := map[string]int64{}
	for _, p := range people(t, s) {
		fees[p.LastName] = p.FeeCents
	}
	if fees["Quatre"] != 120050 || fees["Cinq"] != 120000 {
		t.Fatalf("fees %v", fees)
	}
}

// TestImportFormsAnonymous checks that "anonymous", which Microsoft Forms
// writes as the email of a form that collects none, is read as no email.
func TestImportFormsAnonymous(t *testing.T) {
	s := mustOpen(t)
	header := []any{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Heure de la dernière modification", "Prénom", "Nom de famille", "Structure"}
	rows := [][]any{header,
		{1, "10/1/21 10:20:33", "10/1/21 10:22:00", "anonymous", "", "", "Nadia", "Ferrand", "Org M"},
		{2, "10/1/21 11:20:33", "10/1/21 11:22:00", "Anonymous", "", "", "Tom", "Vidal", "Org M"}}
	r := previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	for _, p := range people(t, s) {
		if p.Email != "" {
			t.Errorf("%s has the email %q", p.FullName(), p.Email)
		}
	}
}
