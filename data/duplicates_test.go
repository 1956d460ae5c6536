package data_test

import (
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
