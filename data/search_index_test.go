package data_test

import (
	"slices"
	"testing"

	. "congres/data"
)

// TestSearchIndex follows one file from the format before migration 5
// through the changes that must reach the search index.
func TestSearchIndex(t *testing.T) {
	skipOnServer(t, "the file's search index (FTS5) across its migrations; the server's is data/postgres's TestSearch")
	s := mustOpen(t)
	add := func(first, last, org, email string) Participant {
		t.Helper()
		p := newPerson(t, s, first, last)
		p.Organisation, p.Email = org, email
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lukasz := add("Łukasz", "Wiśniewski", "Recyclerie du Nord", "lukasz@recyclerie.fr")
	amina := add("Amina", "Haddad", "Recyclerie du Nord", "")
	paul := add("Paul", "Bernard", "Jardins de Cocagne", "paul@cocagne.fr")
	downgrade(t, s, 4)
	s.Close()
	s, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	find := func(t *testing.T, text string, want ...Participant) {
		t.Helper()
		rows, err := s.ListParticipants(ctx, ParticipantQuery{Search: text, Sort: SortName})
		if err != nil {
			t.Fatal(err)
		}
		var got, ids []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		for _, p := range want {
			ids = append(ids, p.ID)
		}
		slices.Sort(got)
		slices.Sort(ids)
		if !slices.Equal(got, ids) {
			t.Fatalf("%q found %v, want %v", text, got, ids)
		}
	}
	t.Run("MigratedFromFormat4", func(t *testing.T) {
		find(t, "lukasz", lukasz)
		find(t, "wiś", lukasz)
		find(t, "rec", lukasz, amina)
		find(t, "re no", lukasz, amina)
		find(t, "cocagne", paul)
		find(t, "paul@coc", paul)
		find(t, lukasz.Code, lukasz)
	})
	t.Run("UpdatedName", func(t *testing.T) {
		lukasz.FirstName, lukasz.Organisation, lukasz.Email = "Lucas", "Atelier Vélo", "lucas@velo.fr"
		if err := s.UpdateParticipant(ctx, &lukasz); err != nil {
			t.Fatal(err)
		}
		find(t, "łukasz")
		find(t, "lucas wis", lukasz)
		find(t, "atelier", lukasz)
		find(t, "velo", lukasz)
		find(t, "recyclerie", amina)
	})
	t.Run("OrganisationRenamed", func(t *testing.T) {
		if err := s.ExecForTest(ctx, "UPDATE organisation SET name = 'Ressourcerie du Nord' WHERE name = 'Recyclerie du Nord'"); err != nil {
			t.Fatal(err)
		}
		find(t, "recyclerie")
		find(t, "ressourcerie", amina)
		find(t, "haddad", amina)
	})
	t.Run("OrganisationDeleted", func(t *testing.T) {
		if err := s.ExecForTest(ctx, "DELETE FROM organisation WHERE name = 'Ressourcerie du Nord'"); err != nil {
			t.Fatal(err)
		}
		find(t, "ressourcerie")
		find(t, "amina", amina)
	})
	t.Run("Deleted", func(t *testing.T) {
		if err := s.DeleteParticipant(ctx, amina.ID); err != nil {
			t.Fatal(err)
		}
		find(t, "amina")
		find(t, "haddad")
	})
}
