package data_test

import (
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

// Two columns of a platform's export that claim one field: the better one
// is imported, the other listed as not imported.

// TestImportMicrosoftFormsAnonymous imports a Microsoft Forms export of an
// anonymous form asking "Nom" and "Prénom": Forms' own "Name" is empty, so
// the form's questions give the name.
func TestImportMicrosoftFormsAnonymous(t *testing.T) {
	s := mustOpen(t)
	rows := [][]any{{"ID", "Start time", "Completion time", "Email", "Name", "Nom", "Prénom", "Catégorie"},
		{1, "10/1/21 9:00:00", "10/1/21 9:01:00", "anonymous", "", "Henry", "Léa", "Bénévole"},
		{2, "10/1/21 9:10:00", "10/1/21 9:11:00", "anonymous", "", "Morel", "Jules", "Élu·e"}}
	r := previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if !slices.Contains(r.IgnoredColumns, "Name") || slices.Contains(r.IgnoredColumns, "Nom") {
		t.Errorf("columns not imported: %q", r.IgnoredColumns)
	}
	ps := people(t, s)
	if len(ps) != 2 || ps[0].LastName != "Henry" || ps[0].FirstName != "Léa" || ps[1].LastName != "Morel" {
		t.Fatalf("%+v", ps)
	}
	if ps[0].CategoryID != category(t, s, "Bénévole") || ps[1].CategoryID != category(t, s, "Élu·e") {
		t.Errorf("categories %d, %d", ps[0].CategoryID, ps[1].CategoryID)
	}
	// A form that is not anonymous: Forms' "Name" is still a guess beside
	// the form's own questions.
	s = mustOpen(t)
	rows[1][4], rows[2][4] = "Léa Henry", "Jules Morel"
	rows[1][5] = "HENRY-DUVAL"
	r = previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if ps := people(t, s); ps[0].LastName != "HENRY-DUVAL" || !slices.Contains(r.IgnoredColumns, "Name") {
		t.Errorf("%+v, not imported %q", ps[0], r.IgnoredColumns)
	}
}

// TestImportCategoryOverTicketType checks that a file with both a ticket
// type ("Tarif") and a category ("Catégorie") takes the category from the
// category column, unless that one is empty (HelloAsso's optional field).
func TestImportCategoryOverTicketType(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "weezevent.csv", true, false,
		"barcode;Nom;Prénom;Email;Tarif;Catégorie;Date de commande",
		"WZ111;Bernard;Julie;julie.bernard@asso.fr;Plein tarif;Élu·e;01/10/2021 08:00",
		"WZ112;Thomas;Hugo;hugo.thomas@asso.fr;Tarif réduit;Bénévole;01/10/2021 08:05")
	r := previewed(t, s, path, ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if !slices.Contains(r.IgnoredColumns, "Tarif") || slices.Contains(r.IgnoredColumns, "Catégorie") {
		t.Errorf("columns not imported: %q", r.IgnoredColumns)
	}
	ps := people(t, s)
	if len(ps) != 2 || ps[0].CategoryID != category(t, s, "Élu·e") || ps[1].CategoryID != category(t, s, "Bénévole") {
		t.Fatalf("%+v", ps)
	}
	// The category column left empty: the ticket type gives it.
	s = mustOpen(t)
	path = exportFile(t, "helloasso.csv", true, false,
		"Référence commande;Nom participant;Prénom participant;Tarif;Numéro de billet;Catégorie",
		"1001;Martin;Claire;Élu·e;HA-0001;", "1002;Leroy;Sophie;Bénévole;HA-0002;")
	r = previewed(t, s, path, ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if ps := people(t, s); ps[1].LastName != "Martin" || ps[1].CategoryID != category(t, s, "Élu·e") || !slices.Contains(r.IgnoredColumns, "Catégorie") {
		t.Errorf("%+v, not imported %q", ps[1], r.IgnoredColumns)
	}
}

// TestImportHelloAssoPayerEmail imports HelloAsso's export, which has no
// email per participant: the payer's is each participant's contact email,
// shared by the people of one order, who stay distinct (their tickets say
// who they are) and are not called duplicates of one another; the payer,
// registered by hand, is not taken for one of them; next week's export
// (payers' emails corrected) updates the same people.
func TestImportHelloAssoPayerEmail(t *testing.T) {
	s := mustOpen(t)
	payer := newPerson(t, s, "Zoé", "Payeur")
	payer.Email = "tresorerie1041@example.org"
	if err := s.CreateParticipant(ctx, &payer); err != nil {
		t.Fatal(err)
	}
	r := previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, nil)
	if slices.Contains(r.IgnoredColumns, "Email payeur") {
		t.Errorf("columns not imported: %q", r.IgnoredColumns)
	}
	wantCounts(t, r, 39, 39, 0, 0, 0, 0)
	// Only the five namesakes in other orders are possible duplicates.
	if r.PossibleDuplicates != 5 || r.Tickets != 39 {
		t.Errorf("%d possible duplicates, %d tickets", r.PossibleDuplicates, r.Tickets)
	}
	byEmail := map[string]int{}
	ps := people(t, s)
	for _, p := range ps {
		if p.ID == payer.ID {
			if p.FirstName != "Zoé" || p.LastName != "Payeur" {
				t.Errorf("the payer became %+v", p)
			}
			continue
		}
		if !strings.HasPrefix(p.Email, "tresorerie") {
			t.Errorf("%s %s: email %q", p.FirstName, p.LastName, p.Email)
		}
		byEmail[p.Email]++
	}
	if len(ps) != 40 || byEmail["tresorerie1043@example.org"] != 3 {
		t.Fatalf("%d people; by email %v", len(ps), byEmail)
	}
	r = previewed(t, s, helloAssoExport(t, 2), ImportOptions{OnMatch: MatchOverwrite}, nil)
	wantCounts(t, r, 39, 0, 39, 0, 0, 0)
	for _, p := range people(t, s) {
		if p.ID != payer.ID && !strings.HasPrefix(p.Email, "compta") {
			t.Errorf("%s %s: email %q after the second week", p.FirstName, p.LastName, p.Email)
		}
	}
}
