package data

import (
	"slices"
	"testing"
)

func init() {
	// Migration 5 replaced the search index of migration 1 (a copy of the
	// text, positions, prefixes of 1, 2 and 3 letters) by a leaner one.
	undoMigration[5] = []string{
		"DROP TRIGGER participant_fts_insert", "DROP TRIGGER participant_fts_update", "DROP TRIGGER participant_fts_delete",
		"DROP TRIGGER organisation_fts_rename", "DROP TRIGGER organisation_fts_delete", "DROP TABLE participant_fts",
		`CREATE VIRTUAL TABLE participant_fts USING fts5 (first_name, last_name, organisation, email, code, name_key,
			tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`,
		`INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
			SELECT p.id, p.first_name, p.last_name, coalesce(o.name, ''), p.email, p.code, p.name_key
			FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id`,
		`CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
			INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
			VALUES (new.id, new.first_name, new.last_name, coalesce((SELECT name FROM organisation WHERE id = new.organisation_id), ''),
				new.email, new.code, new.name_key); END`,
		`CREATE TRIGGER participant_fts_update AFTER UPDATE OF first_name, last_name, organisation_id, email, code, name_key ON participant BEGIN
			UPDATE participant_fts SET first_name = new.first_name, last_name = new.last_name,
				organisation = coalesce((SELECT name FROM organisation WHERE id = new.organisation_id), ''),
				email = new.email, code = new.code, name_key = new.name_key WHERE rowid = old.id; END`,
		`CREATE TRIGGER participant_fts_delete AFTER DELETE ON participant BEGIN
			DELETE FROM participant_fts WHERE rowid = old.id; END`,
		`CREATE TRIGGER organisation_fts_rename AFTER UPDATE OF name ON organisation BEGIN
			UPDATE participant_fts SET organisation = new.name WHERE rowid IN (SELECT id FROM participant WHERE organisation_id = new.id); END`,
		`CREATE TRIGGER organisation_fts_delete BEFORE DELETE ON organisation BEGIN
			UPDATE participant_fts SET organisation = '' WHERE rowid IN (SELECT id FROM participant WHERE organisation_id = old.id); END`,
	}
}

// TestSearchIndex follows one file from the format before migration 5
// through the changes that must reach the search index.
func TestSearchIndex(t *testing.T) {
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
		if _, err := s.w.ExecContext(ctx, "UPDATE organisation SET name = 'Ressourcerie du Nord' WHERE name = 'Recyclerie du Nord'"); err != nil {
			t.Fatal(err)
		}
		find(t, "recyclerie")
		find(t, "ressourcerie", amina)
		find(t, "haddad", amina)
	})
	t.Run("OrganisationDeleted", func(t *testing.T) {
		if _, err := s.w.ExecContext(ctx, "DELETE FROM organisation WHERE name = 'Ressourcerie du Nord'"); err != nil {
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
