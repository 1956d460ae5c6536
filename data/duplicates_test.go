package data_test

import (
	"slices"
	"testing"

	. "congres/data"
)

func TestDuplicatesBeforeSave(t *testing.T) {
	s := mustOpen(t)
	eric := deskPerson(t, s, "Éric", "Béasse", func(p *Participant) { p.Email, p.Organisation = "eric@jardins.fr", "Les Jardins" })
	jean := addPerson(t, s, "Jean", "Dupont")
	twin := addPerson(t, s, "JEAN", "DUPONT") // a duplicate the organiser already knows of
	cases := []struct {
		name string
		p    Participant
		want []int64
	}{
		{"NameAndOrganisationIgnoringCaseAndAccents", Participant{FirstName: "ERIC", LastName: "beasse", Organisation: "LÉS JARDINS"}, []int64{eric.ID}},
		{"HyphensAndSpaces", Participant{FirstName: " éric ", LastName: "béasse", Organisation: "les-jardins"}, []int64{eric.ID}},
		{"EmailIgnoringCase", Participant{FirstName: "Marie", LastName: "Curie", Email: " Eric@Jardins.FR "}, []int64{eric.ID}},
		{"SameNameOtherOrganisation", Participant{FirstName: "Éric", LastName: "Béasse", Organisation: "Coop Sud"}, nil},
		{"SameNameNoOrganisation", Participant{FirstName: "Eric", LastName: "Beasse"}, nil},
		{"Nobody", Participant{FirstName: "Zoé", LastName: "Martin", Email: "zoe@x.fr"}, nil},
		{"NotThemselves", eric, nil},
		{"EditKnownDuplicateNothingNew", func() Participant { p := jean; p.FeeCents = 9000; return p }(), nil},
		{"EditToAnotherEmail", func() Participant { p := jean; p.Email = "ERIC@jardins.fr"; return p }(), []int64{eric.ID}},
		{"NewTwinWarnsOfBoth", Participant{FirstName: "Jean", LastName: "Dupont"}, []int64{jean.ID, twin.ID}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.DuplicatesBeforeSave(ctx, c.p)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, d := range got {
				ids = append(ids, d.ID)
			}
			if len(ids) != len(c.want) || (len(ids) > 0 && (ids[0] != c.want[0] || ids[len(ids)-1] != c.want[len(c.want)-1])) {
				t.Fatalf("duplicates %v, want %v", ids, c.want)
			}
		})
	}
}

// orderExport is a HelloAsso export of one order for three tickets, all
// under the payer's email: Éric Bonnet's, and two in the name of Inès
// Morel.
var orderExport = []string{
	"\ufeffNuméro de commande;Date de la commande;Statut de la commande ;Nom participant;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant tarif;Numéro de billet",
	"1006;06/10/2021 11:30;Validé;BONNET;Éric;BONNET;Éric;eric.bonnet@example.org;;Carte bancaire;Presse;1 200,50;34050",
	"1006;06/10/2021 11:30;Validé;MOREL;Inès;BONNET;Éric;eric.bonnet@example.org;;Carte bancaire;Non-adhérent·e;180,00;34051",
	"1006;06/10/2021 11:30;Validé;MOREL;Inès;BONNET;Éric;eric.bonnet@example.org;;Carte bancaire;Intervenant.e;0,00;34052",
}

// TestDuplicatesOrderColleagues imports one order whose tickets share the
// payer's email: Éric and Inès are not possible duplicates of each other
// (each holds a ticket under another name); Inès's two tickets are, and
// the import's warning says "the same name but another ticket", not
// "another email". A record without a ticket, typed with that email,
// still finds all of them.
func TestDuplicatesOrderColleagues(t *testing.T) {
	s := mustOpen(t)
	r := previewed(t, s, exportFile(t, "helloasso.csv", false, false, orderExport...), ImportOptions{CreateCategories: true}, nil)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	if r.PossibleDuplicates != 1 || len(r.Issues) != 1 || r.Issues[0].Line != 4 {
		t.Fatalf("%+v", r)
	}
	for lang, want := range map[string]string{
		"en": "Possible duplicate: Inès MOREL has the same name but another ticket. The row was imported as a new person; merge them in Participants if it is the same person.",
		"fr": "Doublon possible : Inès MOREL a le même nom mais un autre billet. La ligne a été importée comme une nouvelle personne ; fusionnez-les dans Participants s'il s'agit de la même personne.",
	} {
		if got := Message(r.Issues[0].Err, lang); got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
	all := people(t, s)
	byName := map[string][]Participant{}
	for _, p := range all {
		byName[p.FirstName] = append(byName[p.FirstName], p)
	}
	dupNames := func(p Participant) []string {
		t.Helper()
		dups, err := s.PossibleDuplicates(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, d := range dups {
			names = append(names, d.FullName()+" ("+d.Reason+")")
		}
		return names
	}
	if got := dupNames(byName["Éric"][0]); len(got) != 0 {
		t.Errorf("Éric's possible duplicates: %q, want none (colleagues of his order)", got)
	}
	if got := dupNames(byName["Inès"][0]); len(got) != 1 || got[0] != "Inès MOREL (email)" {
		t.Errorf("Inès's possible duplicates: %q, want her other ticket only", got)
	}
	if got := dupNames(Participant{FirstName: "Paul", LastName: "Neuf", Email: "ERIC.BONNET@example.org"}); len(got) != 3 {
		t.Errorf("a new record with the order's email finds %q, want all three", got)
	}
	// Over the whole file: Inès's two tickets (by email, by name), never
	// Éric.
	groups, err := s.DuplicateGroups(ctx)
	ines := []int64{byName["Inès"][0].ID, byName["Inès"][1].ID}
	slices.Sort(ines)
	if err != nil || len(groups) != 2 || !slices.Equal(groups[0], ines) || !slices.Equal(groups[1], ines) {
		t.Errorf("groups %v, %v; want Inès's two records (%v) twice", groups, err, ines)
	}
}
