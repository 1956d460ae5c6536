package data_test

import (
	"slices"
	"testing"

	. "congres/data"
)

// TestImportCategoriesByMeaning checks that a file's category finds the
// congress's whatever its case, accents, inclusive endings and plural,
// never by a part of it: "Non adhérent" is asked for.
func TestImportCategoriesByMeaning(t *testing.T) {
	s := mustOpen(t)
	lines := []string{"Prénom;Nom;Tarif"}
	want := map[string]string{}
	for i, c := range []struct{ text, category string }{
		{"Adhérent", "Adhérent·e"}, {"adhérents", "Adhérent·e"}, {"ADHERENTES", "Adhérent·e"},
		{"Adhérent(e)", "Adhérent·e"}, {"adhérent.e", "Adhérent·e"}, {"Adhérent-e", "Adhérent·e"},
		{"Elu", "Élu·e"}, {"élue", "Élu·e"}, {"ÉLU·E", "Élu·e"}, {"Élus", "Élu·e"}, {"élu·e·s", "Élu·e"},
		{"Institutionnelle", "Institutionnel·le"}, {"Intervenants", "Intervenant·e"},
		{"Bénévoles", "Bénévole"}, {"partenaire", "Partenaire ESS"},
	} {
		first := "P" + itoa(i)
		lines = append(lines, first+";Test;"+c.text)
		want[first] = c.category
	}
	lines = append(lines, "Zoé;Test;Non adhérent", "Yves;Test;Non-adhérents")
	r := importLines(t, s, ImportOptions{Mapping: []ImportField{FieldFirstName, FieldLastName, FieldCategory}}, lines...)
	wantCounts(t, r, len(want)+2, len(want), 0, 0, 0, 2)
	if !slices.Equal(r.UnknownCategories, []string{"Non adhérent"}) {
		t.Fatalf("unknown %q", r.UnknownCategories)
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	for _, c := range cats {
		name[c.ID] = c.Name
	}
	for _, p := range people(t, s) {
		if name[p.CategoryID] != want[p.FirstName] {
			t.Errorf("%s: %s, want %s", p.FirstName, name[p.CategoryID], want[p.FirstName])
		}
	}
	// Mapped as asked, "Non adhérent" and its plural go where they are told.
	r = importLines(t, s, ImportOptions{Mapping: []ImportField{FieldFirstName, FieldLastName, FieldCategory},
		CategoryMap: map[string]int64{Fold("Non adhérent"): category(t, s, "Partenaire ESS")}},
		"Prénom;Nom;Tarif", "Zoé;Test;Non adhérent", "Yves;Test;Non-adhérents")
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
}
