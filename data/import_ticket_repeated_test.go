package data_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportTicketRepeated imports a HelloAsso export where two rows give
// ticket 9001 to two people: the second is rejected, saying which line
// and whom the ticket went to, in both languages and in the rejected rows'
// file; nobody vanishes. The same person's row repeated is no conflict.
func TestImportTicketRepeated(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "dup-tickets.csv", false, false,
		"Numéro de billet;Nom participant;Prénom participant;Email payeur;Tarif;Statut de la commande;Montant tarif",
		"9001;Alpha;Anne;a@x.example;Adhérent;Validé;120,00",
		"9001;Beta;Bruno;b@x.example;Adhérent;Validé;120,00",
		"9002;Gamma;Gil;g@x.example;Adhérent;Validé;120,00",
		"9002;GAMMA;Gil;g@x.example;Adhérent;Validé;120,00")
	src := spreadsheet.Source{Path: path}
	r := previewed(t, s, path, ImportOptions{CreateCategories: true}, nil)
	wantCounts(t, r, 4, 2, 0, 1, 0, 1)
	var rejected []ImportIssue
	for _, is := range r.Issues {
		if !is.Warning {
			rejected = append(rejected, is)
		}
	}
	if len(rejected) != 1 || rejected[0].Line != 3 || rejected[0].Column != "Numéro de billet" ||
		!errors.Is(rejected[0].Err, ErrImportTicketRepeated) {
		t.Fatalf("rejected %+v", rejected)
	}
	for lang, want := range map[string]string{
		"en": "Ticket 9001 is already used on line 2 by Anne Alpha: one ticket is one person.",
		"fr": "Billet 9001 déjà utilisé ligne 2 par Anne Alpha : un billet est une seule personne.",
	} {
		if got := Message(rejected[0].Err, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	var names []string
	for _, p := range people(t, s) {
		names = append(names, p.FullName())
	}
	if strings.Join(names, ", ") != "Anne Alpha, Gil Gamma" {
		t.Errorf("people %q, want Anne Alpha and Gil Gamma (Bruno rejected)", names)
	}
	var b bytes.Buffer
	if err := WriteRejectedRows(ctx, &b, src, r, "fr"); err != nil {
		t.Fatal(err)
	}
	if want := "3;Numéro de billet : Billet 9001 déjà utilisé ligne 2 par Anne Alpha : un billet est une seule personne.;'9001;Beta;Bruno"; !strings.Contains(b.String(), want) {
		t.Errorf("rejected rows:\n%s\nwant a row starting %q", b.String(), want)
	}
}
