package data_test

import (
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

// The participants sorted by organisation read as a French reader expects,
// on every store: names ignoring accents and case, as people's names are
// (Fold), "Île Verte Réunion" among the I's and not after "Ville de Lille"
// as the file's NOCASE put it; those without one last; the other way round
// descending; with a search as without.
func TestOrganisationsSortIgnoringAccents(t *testing.T) {
	s := mustOpen(t)
	for _, o := range []string{"Ville de Lille", "Île Verte Réunion", "Zèbre", "école du Nord", "", "Ecole des Mines",
		"alpha", "Éole", "Institut Pasteur", "ÉCOLE centrale", "IUT Béthune"} {
		p := newPerson(t, s, "Éric", "Béasse")
		p.Organisation = o
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"alpha", "ÉCOLE centrale", "Ecole des Mines", "école du Nord", "Éole", "Île Verte Réunion",
		"Institut Pasteur", "IUT Béthune", "Ville de Lille", "Zèbre", ""}
	for _, q := range []ParticipantQuery{{}, {Search: "beasse"}, {Limit: 7}} {
		for _, desc := range []bool{false, true} {
			q.Sort, q.Desc = SortOrganisation, desc
			ids, err := s.ParticipantIDs(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.ParticipantRows(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Organisation)
			}
			exp := slices.Clone(want)
			if desc {
				slices.Reverse(exp)
			}
			if q.Limit > 0 {
				exp = exp[:q.Limit]
			}
			if !slices.Equal(got, exp) {
				t.Errorf("%+v:\n got %s\nwant %s", q, strings.Join(got, " | "), strings.Join(exp, " | "))
			}
		}
	}
}
