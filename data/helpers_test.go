package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var ctx = context.Background()

// The tests speak to the store only through its exported API, so that a
// second backend can run the same suite.

const (
	day1 Day = "2021-11-25"
	day2 Day = "2021-11-26"
)

// mustOpen creates a new congress file in a temporary folder.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Create(ctx, filepath.Join(tb.TempDir(), "test"+Extension), Congress{
		Name: "Congrès de test", Edition: "19e", City: "Lille", Days: []Day{day1, day2},
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func category(tb testing.TB, s *Store, name string) int64 {
	tb.Helper()
	cats, err := s.Categories(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cats {
		if c.Name == name {
			return c.ID
		}
	}
	tb.Fatalf("no category %q", name)
	return 0
}

// newPerson returns a valid participant, not saved.
func newPerson(tb testing.TB, s *Store, first, last string) Participant {
	tb.Helper()
	return Participant{FirstName: first, LastName: last, CategoryID: category(tb, s, "Adhérent·e"),
		Status: StatusConfirmed, Days: []Day{day1, day2}}
}

// addPerson saves a participant.
func addPerson(tb testing.TB, s *Store, first, last string) Participant {
	tb.Helper()
	p := newPerson(tb, s, first, last)
	if err := s.CreateParticipant(ctx, &p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func addRoom(tb testing.TB, s *Store, name string, capacity int) Room {
	tb.Helper()
	r := Room{Name: name, Capacity: capacity}
	if err := s.SaveRoom(ctx, &r); err != nil {
		tb.Fatal(err)
	}
	return r
}

func addSession(tb testing.TB, s *Store, title string, day Day, start, end string, roomID int64) Session {
	tb.Helper()
	se := Session{Kind: KindWorkshop, Title: title, Day: day, Start: clock(tb, start), End: clock(tb, end), RoomID: roomID}
	if err := s.SaveSession(ctx, &se); err != nil {
		tb.Fatal(err)
	}
	return se
}

func clock(tb testing.TB, s string) Clock {
	tb.Helper()
	c, err := ParseClock(s)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wantErr checks that err is the template want, with a message in both
// languages.
func wantErr(tb testing.TB, err error, want *Error) {
	tb.Helper()
	if !errors.Is(err, want) {
		tb.Fatalf("got error %v, want %s", err, want.Code)
	}
	var e *Error
	errors.As(err, &e)
	if e.Message("fr") == "" || e.Message("en") == "" || e.Message("fr") == e.Message("en") {
		tb.Fatalf("error %s lacks a message in both languages: fr=%q en=%q", e.Code, e.Message("fr"), e.Message("en"))
	}
}

func fixedClock(s *Store, t time.Time) *time.Time {
	now := t
	s.SetClock(func() time.Time { return now })
	return &now
}

// undoMigration reverses each migration, for tests that open a file an
// older version wrote.
var undoMigration = map[int][]string{
	2: {"DROP TABLE badge_settings"},
	3: {"DROP TABLE list_preset", "DROP INDEX checkin_session",
		"ALTER TABLE congress DROP COLUMN signature", "ALTER TABLE congress DROP COLUMN signatory"},
	9:  {"DROP TABLE ticket", "DROP TABLE rehearsal_checkin", "DROP TABLE payment"},
	10: {"DROP TABLE desk_op"},
	12: {"DROP TABLE replica_of"},
	13: {"DROP TABLE review"},
	// 0014 built congress again with output_language before row_sum: back
	// to 0011's columns and triggers.
	14: {"DROP TRIGGER congress_sum_insert", "DROP TRIGGER congress_sum_update",
		"ALTER TABLE congress DROP COLUMN output_language",
		`CREATE TRIGGER congress_sum_insert AFTER INSERT ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory) WHERE rowid = NEW.rowid;
END`,
		`CREATE TRIGGER congress_sum_update AFTER UPDATE OF id, name, edition, venue, city, logo, signature, signatory ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory) WHERE rowid = NEW.rowid;
END`,
		"UPDATE congress SET row_sum = congres_sum(id, name, edition, venue, city, logo, signature, signatory)"},
	15: {"DROP INDEX participant_organisation_sort", "DROP INDEX participant_category_sort", "DROP INDEX participant_status_sort",
		"CREATE INDEX participant_organisation ON participant (organisation_id)",
		"CREATE INDEX participant_category ON participant (category_id)"},
	16: {"DROP INDEX participant_sort", "DROP INDEX participant_organisation_sort", "DROP INDEX participant_status_sort",
		"CREATE INDEX participant_sort ON participant (sort_key, id)",
		"CREATE INDEX participant_organisation_sort ON participant (organisation_id, sort_key, id)",
		"CREATE INDEX participant_status_sort ON participant (status, sort_key, id)"},
	// 0017 built ticket again with imported before row_sum: back to
	// 0011's columns and triggers.
	17: {"DROP TRIGGER ticket_sum_insert", "DROP TRIGGER ticket_sum_update",
		"ALTER TABLE ticket DROP COLUMN imported",
		`CREATE TRIGGER ticket_sum_insert AFTER INSERT ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at) WHERE code = NEW.code;
END`,
		`CREATE TRIGGER ticket_sum_update AFTER UPDATE OF code, participant_id, source, at ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at) WHERE code = NEW.code;
END`,
		"UPDATE ticket SET row_sum = congres_sum(code, participant_id, source, at)"},
	18: {"DROP TABLE ticket_deleted"},
}

// downgrade turns the file into one of an older format, as that version
// wrote it.
func downgrade(tb testing.TB, s *Store, version int) {
	tb.Helper()
	for v := SchemaVersion(); v > version; v-- {
		undo, ok := undoMigration[v]
		if !ok {
			tb.Fatalf("no undo for migration %d", v)
		}
		for _, q := range append(undo, fmt.Sprintf("DELETE FROM schema_migration WHERE version = %d", v),
			fmt.Sprintf("PRAGMA user_version = %d", v-1)) {
			if _, err := s.w.ExecContext(ctx, q); err != nil {
				tb.Fatalf("undo migration %d: %s: %v", v, q, err)
			}
		}
	}
}

// The helpers below are copies of the behaviour suite's (package data_test:
// suite_helpers_test.go and the suite's files), for the SQLite-only tests
// that stay in package data until they move to data/sqlite (split plan,
// step 7).

// searchFixture registers a few people whom "bea" finds in different ways.
type searchFixture struct {
	s                                                  *Store
	beasse, beaumont, dupont, fontaine, martin, legoff Participant
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	s := mustOpen(t)
	add := func(first, last string, edit func(p *Participant)) Participant {
		t.Helper()
		p := newPerson(t, s, first, last)
		edit(&p)
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f := &searchFixture{s: s}
	f.martin = add("Zoé", "Martin", func(p *Participant) {
		p.Code = "BEASSE" // a code that is also a name
		p.Organisation = "Béarn Insertion"
		p.Email = "zoe.martin@bearn.fr"
	})
	f.beasse = add("Éric", "Béasse", func(p *Participant) {
		p.Organisation = "Les Jardins de Cocagne"
		p.Email = "eric.beasse@cocagne.fr"
		p.Region = "Hauts-de-France"
		p.Days = []Day{day2, day1}
	})
	f.dupont = add("Bernard", "Dupont", func(p *Participant) {
		p.Email = "bea.dupont@exemple.fr"
		p.CategoryID = category(t, s, "Presse")
	})
	f.fontaine = add("Claire", "Fontaine", func(p *Participant) { p.Code = "BEA234" })
	f.beaumont = add("Anne", "Beaumont", func(p *Participant) {
		p.Organisation = "Ville de Lille"
		p.Status = StatusPending
		p.Days = []Day{day2}
	})
	f.legoff = add("Jean-Pierre", "Le Goff", func(p *Participant) { p.Organisation = "Ville de Lille" })
	return f
}

func (f *searchFixture) names(t *testing.T, q ParticipantQuery) []string {
	t.Helper()
	rows, err := f.s.ListParticipants(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.FirstName + " " + r.LastName
	}
	return names
}

// The undos of the migrations whose tests became the behaviour suite
// (package data_test), which cannot reach undoMigration.
func init() {
	// Migration 6 added the organiser's PIN.
	undoMigration[6] = []string{"DROP TABLE desk_pin"}
	// Migration 4 added the remembered mapping of an import.
	undoMigration[4] = []string{"DROP TABLE import_mapping"}
	// Migration 8 added the log of bulk changes and the desk's lock.
	undoMigration[8] = []string{"DROP TABLE bulk_change_enrolment", "DROP TABLE bulk_change_participant",
		"DROP TABLE bulk_change", "ALTER TABLE desk_pin DROP COLUMN locked"}
	// Migration 7 added code aliases and whole rows in the merge log.
	undoMigration[7] = []string{"DROP TRIGGER participant_code_not_alias", "DROP TRIGGER participant_recode_not_alias",
		"DROP TABLE code_alias", "ALTER TABLE merge_log DROP COLUMN dropped_id",
		"ALTER TABLE merge_log DROP COLUMN kept_row", "ALTER TABLE merge_log DROP COLUMN dropped_row"}
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

// admit lets someone in, accepting the kinds given, and fails the test
// unless they are.
func admit(tb testing.TB, s *Store, req AdmitRequest) AdmitResult {
	tb.Helper()
	r, err := s.Admit(ctx, req)
	if err != nil {
		tb.Fatal(err)
	}
	if !r.Admitted {
		tb.Fatalf("not admitted: %v", kinds(r.Pending))
	}
	return r
}

func kinds(ws []DeskWarning) []DeskWarningKind {
	var k []DeskWarningKind
	for _, w := range ws {
		k = append(k, w.Kind)
	}
	return k
}

func card(tb testing.TB, s *Store, id int64, day Day, sessionID int64) DeskCard {
	tb.Helper()
	c, err := s.DeskCard(ctx, id, day, sessionID)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// importColumns maps the header names of the tests' files to fields.
var importColumns = map[string]ImportField{
	"Code": FieldCode, "Prénom": FieldFirstName, "Nom": FieldLastName, "E-mail": FieldEmail,
	"Téléphone": FieldPhone, "Organisation": FieldOrganisation, "Catégorie": FieldCategory,
	"Jours": FieldDays, "Ateliers": FieldWorkshops, "Régime": FieldDiet, "Statut": FieldStatus,
	"Remarque": FieldNotes,
}

// csvFile writes a CSV file of these lines into a temporary folder.
func csvFile(tb testing.TB, lines ...string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "inscriptions.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// mappingOf maps a header line of the tests' files.
func mappingOf(header string) []ImportField {
	var m []ImportField
	for _, h := range strings.Split(header, ",") {
		m = append(m, importColumns[h])
	}
	return m
}

// importLines imports a CSV file of these lines (the first the header)
// under the header's mapping unless opts gives one.
func importLines(tb testing.TB, s *Store, opts ImportOptions, lines ...string) ImportReport {
	tb.Helper()
	if opts.Mapping == nil {
		opts.Mapping = mappingOf(lines[0])
	}
	r, err := s.Import(ctx, sheetFile(csvFile(tb, lines...)), opts)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func wantCounts(tb testing.TB, r ImportReport, rows, created, updated, unchanged, skipped, rejected int) {
	tb.Helper()
	got := [6]int{r.Rows, r.New, r.Updated, r.Unchanged, r.Skipped, r.Rejected}
	if want := [6]int{rows, created, updated, unchanged, skipped, rejected}; got != want {
		tb.Fatalf("rows, new, updated, unchanged, skipped, rejected = %v, want %v; issues %v", got, want, r.Issues)
	}
}

// people returns everyone registered, by name.
func people(tb testing.TB, s *Store) []Participant {
	tb.Helper()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Sort: SortName})
	if err != nil {
		tb.Fatal(err)
	}
	var list []Participant
	for _, id := range ids {
		p, err := s.Participant(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		list = append(list, p)
	}
	return list
}

func revision(tb testing.TB, s *Store) int64 {
	tb.Helper()
	var n int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

const importHeader = "Prénom,Nom,E-mail,Organisation,Catégorie,Jours,Régime"

var importRows = []string{
	importHeader,
	"Éric,Béasse,eric.beasse@coopsud.fr,Coop Sud,Adhérent·e,2021-11-25; 2021-11-26,Végétarien",
	"Hélène,Dupont,,Recyclerie du Nord,PARTENAIRE,2021-11-25,",
	"Karim,Benali,karim@envie.fr,Envie,Presse,2021-11-26,Halal",
}

// manyLines is a header and n registrations with emails.
func manyLines(n int) []string {
	lines := []string{"Prénom,Nom,E-mail"}
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf("Anne%d,Ader%d,anne%d@example.org", i, i, i))
	}
	return lines
}

// importRefused imports path and checks it is refused with want, the
// congress unchanged.
func importRefused(t *testing.T, path string, want *Error) {
	t.Helper()
	s := mustOpen(t)
	rev := revision(t, s)
	_, err := s.Import(ctx, sheetFile(path), ImportOptions{})
	if !errors.Is(err, want) {
		t.Fatalf("import: %v, want %s", err, want.Code)
	}
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Message("fr"), "Rien n'a été importé") && want != ErrImportXLSXTooBig {
		t.Errorf("French message: %v", e.Message("fr"))
	}
	if got := revision(t, s); got != rev {
		t.Errorf("revision %d after a refused import, was %d", got, rev)
	}
	if n := len(people(t, s)); n != 0 {
		t.Errorf("%d people after a refused import", n)
	}
}
