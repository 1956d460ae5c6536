package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

const importHeader = "Prénom,Nom,E-mail,Organisation,Catégorie,Jours,Régime"

var importRows = []string{
	importHeader,
	"Éric,Béasse,eric.beasse@coopsud.fr,Coop Sud,Adhérent·e,2021-11-25; 2021-11-26,Végétarien",
	"Hélène,Dupont,,Recyclerie du Nord,PARTENAIRE,2021-11-25,",
	"Karim,Benali,karim@envie.fr,Envie,Presse,2021-11-26,Halal",
}

func TestImportTwice(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, importRows...)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	before := people(t, s)
	r = importLines(t, s, ImportOptions{}, importRows...)
	wantCounts(t, r, 3, 0, 0, 3, 0, 0)
	r = importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, importRows...)
	wantCounts(t, r, 3, 0, 0, 3, 0, 0)
	after := people(t, s)
	if len(after) != 3 || fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("the second import changed people:\n%v\n%v", before, after)
	}
	p := after[0] // Béasse
	if p.FirstName != "Éric" || p.Organisation != "Coop Sud" || p.Diet != "Végétarien" ||
		p.CategoryID != category(t, s, "Adhérent·e") || len(p.Days) != 2 || !ValidCode(p.Code) {
		t.Fatalf("imported as %+v", p)
	}
	if after[2].CategoryID != category(t, s, "Partenaire ESS") { // Dupont
		t.Fatalf("the badge label PARTENAIRE gave category %d", after[2].CategoryID)
	}
}

func TestImportOnMatch(t *testing.T) {
	// Stored: Éric with no diet, on day 1, pending. The file: another
	// diet, day 2, confirmed, and a new phone.
	header := "Prénom,Nom,E-mail,Téléphone,Régime,Jours,Statut"
	row := "Eric,BEASSE,Eric.Beasse@CoopSud.fr,06 12 34 56 78,Vegan,2021-11-26,confirmé"
	setup := func(t *testing.T) (*Store, Participant) {
		s := mustOpen(t)
		p := newPerson(t, s, "Éric", "Béasse")
		p.Email, p.Diet, p.Status, p.Days = "eric.beasse@coopsud.fr", "Végétarien", StatusPending, []Day{day1}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return s, p
	}
	t.Run("Fill", func(t *testing.T) {
		s, p := setup(t)
		wantCounts(t, importLines(t, s, ImportOptions{OnMatch: MatchFill}, header, row), 1, 0, 1, 0, 0, 0)
		got, _ := s.Participant(ctx, p.ID)
		// The file's days are theirs (issue 19: a re-import replaces them).
		if got.FirstName != "Éric" || got.Diet != "Végétarien" || got.Status != StatusPending ||
			got.Phone == "" || fmt.Sprint(got.Days) != fmt.Sprint([]Day{day2}) {
			t.Fatalf("filled as %+v", got)
		}
	})
	t.Run("Overwrite", func(t *testing.T) {
		s, p := setup(t)
		wantCounts(t, importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, header, row), 1, 0, 1, 0, 0, 0)
		got, _ := s.Participant(ctx, p.ID)
		if got.FirstName != "Eric" || got.LastName != "BEASSE" || got.Diet != "Vegan" || got.Status != StatusConfirmed ||
			got.Code != p.Code || fmt.Sprint(got.Days) != fmt.Sprint([]Day{day2}) {
			t.Fatalf("overwritten as %+v", got)
		}
	})
	t.Run("Skip", func(t *testing.T) {
		s, p := setup(t)
		wantCounts(t, importLines(t, s, ImportOptions{OnMatch: MatchSkip}, header, row), 1, 0, 0, 0, 1, 0)
		got, _ := s.Participant(ctx, p.ID)
		if fmt.Sprint(got) != fmt.Sprint(p) {
			t.Fatalf("skipped, yet changed:\n%+v\n%+v", got, p)
		}
	})
	t.Run("Create", func(t *testing.T) {
		s, _ := setup(t)
		wantCounts(t, importLines(t, s, ImportOptions{OnMatch: MatchCreate}, header, row), 1, 1, 0, 0, 0, 0)
		if n := len(people(t, s)); n != 2 {
			t.Fatalf("%d participants, want 2", n)
		}
	})
}

func TestImportMatching(t *testing.T) {
	t.Run("NameAndOrganisation", func(t *testing.T) {
		s := mustOpen(t)
		p := newPerson(t, s, "Éric", "Béasse")
		p.Organisation = "Coop Sud"
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Organisation,Régime",
			"eric,beasse,COOP SUD,Sans porc",
			"Éric,Béasse,Coop Nord,")
		wantCounts(t, r, 2, 1, 1, 0, 0, 0)
		got, _ := s.Participant(ctx, p.ID)
		if got.Diet != "Sans porc" || got.Organisation != "Coop Sud" {
			t.Fatalf("matched as %+v", got)
		}
	})
	t.Run("OrganisationAccents", func(t *testing.T) {
		s := mustOpen(t)
		importLines(t, s, ImportOptions{}, "Prénom,Nom,Organisation", "Zoé,Martin,Coopérative Élan")
		r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Organisation", "Zoe,MARTIN,COOPERATIVE ELAN", "Léa,Petit,cooperative elan")
		wantCounts(t, r, 2, 1, 0, 1, 0, 0)
		list := people(t, s)
		if len(list) != 2 || list[0].Organisation != "Coopérative Élan" || list[0].OrganisationID != list[1].OrganisationID {
			t.Fatalf("organisations %+v", list)
		}
	})
	t.Run("Email", func(t *testing.T) {
		s := mustOpen(t)
		p := newPerson(t, s, "Hélène", "Dupont")
		p.Email = "helene@envie.fr"
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Organisation",
			"Hélène,Dupont-Martin,HELENE@Envie.fr,Envie", // same email, another name
			"Hélène,Dupont,helene.dupont@autre.fr,")      // same name, another email: another person
		wantCounts(t, r, 2, 1, 1, 0, 0, 0)
		got, _ := s.Participant(ctx, p.ID)
		if got.LastName != "Dupont" || got.Organisation != "Envie" {
			t.Fatalf("matched as %+v", got)
		}
	})
	t.Run("Code", func(t *testing.T) {
		s := mustOpen(t)
		p := addPerson(t, s, "Karim", "Benali")
		r := importLines(t, s, ImportOptions{}, "Code,Prénom,Nom,Régime", strings.ToLower(p.Code)+",K.,Benali,Halal")
		wantCounts(t, r, 1, 0, 1, 0, 0, 0)
		if got, _ := s.Participant(ctx, p.ID); got.Diet != "Halal" || got.FirstName != "Karim" {
			t.Fatalf("matched as %+v", got)
		}
	})
	t.Run("TwiceInTheFile", func(t *testing.T) {
		s := mustOpen(t)
		r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Organisation,Jours,Régime",
			"Éric,Béasse,,Coop Sud,2021-11-25,",
			"ERIC,BEASSE,eric@coopsud.fr,coop sud,2021-11-26,Vegan",
			"Eric,Béasse,ERIC@coopsud.fr,,,")
		wantCounts(t, r, 3, 1, 1, 1, 0, 0)
		list := people(t, s)
		if len(list) != 1 || list[0].Email != "eric@coopsud.fr" || list[0].Diet != "Vegan" || len(list[0].Days) != 2 {
			t.Fatalf("people %+v", list)
		}
	})
}

func TestImportCategories(t *testing.T) {
	rows := []string{"Prénom,Nom,Catégorie", "Anne,Ader,Mécène", "Paul,Baud,", "Jean,Caron,MECENE", "Inès,Diop,Grand public"}
	t.Run("Reject", func(t *testing.T) {
		s := mustOpen(t)
		r := importLines(t, s, ImportOptions{}, rows...)
		wantCounts(t, r, 4, 1, 0, 0, 0, 3)
		if fmt.Sprint(r.UnknownCategories) != "[Mécène Grand public]" {
			t.Fatalf("unknown categories %q", r.UnknownCategories)
		}
		if r.Issues[0].Line != 2 || r.Issues[1].Line != 4 || r.Issues[2].Line != 5 || r.Issues[0].Column != "Catégorie" {
			t.Fatalf("issues %+v", r.Issues)
		}
		wantErr(t, r.Issues[0].Err, ErrImportCategory)
		if p := people(t, s)[0]; p.CategoryID != category(t, s, "Adhérent·e") {
			t.Fatalf("no category gave %d, want the first", p.CategoryID)
		}
	})
	t.Run("Map", func(t *testing.T) {
		s := mustOpen(t)
		press := category(t, s, "Presse")
		r := importLines(t, s, ImportOptions{CategoryMap: map[string]int64{"mecene": press, "grand public": press},
			DefaultCategoryID: category(t, s, "Bénévole")}, rows...)
		wantCounts(t, r, 4, 4, 0, 0, 0, 0)
		if len(r.UnknownCategories) != 0 {
			t.Fatalf("mapped categories reported unknown: %q", r.UnknownCategories)
		}
		for _, p := range people(t, s) {
			want := press
			if p.LastName == "Baud" { // no category: the default one
				want = category(t, s, "Bénévole")
			}
			if p.CategoryID != want {
				t.Fatalf("%s in category %d, want %d", p.LastName, p.CategoryID, want)
			}
		}
	})
	t.Run("Create", func(t *testing.T) {
		s := mustOpen(t)
		before, _ := s.Categories(ctx)
		r := importLines(t, s, ImportOptions{CreateCategories: true}, rows...)
		wantCounts(t, r, 4, 4, 0, 0, 0, 0)
		after, _ := s.Categories(ctx)
		if len(after) != len(before)+2 {
			t.Fatalf("%d categories, want %d", len(after), len(before)+2)
		}
		c := after[len(before)]
		if c.Name != "Mécène" || c.Position != len(before)+1 || !colourRe.MatchString(c.Colour) || after[len(before)+1].Colour == c.Colour {
			t.Fatalf("created %+v, %+v", c, after[len(before)+1])
		}
		list := people(t, s)
		if list[0].CategoryID != c.ID || list[2].CategoryID != c.ID { // Ader, Caron
			t.Fatalf("people %+v", list)
		}
	})
}

func TestImportWorkshops(t *testing.T) {
	s := mustOpen(t)
	small := addRoom(t, s, "Salle 1", 1)
	big := addRoom(t, s, "Salle 2", 50)
	compost := addSession(t, s, "Composter en ville", day1, "10:00", "11:00", small.ID)
	velo := addSession(t, s, "Réparer son vélo", day1, "10:30", "11:30", big.ID)
	later := addSession(t, s, "Financer l'insertion", day2, "14:00", "15:00", big.ID)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Ateliers",
		"Anne,Ader,composter en ville; "+fmt.Sprint(later.ID),
		"Paul,Baud,Composter en ville",
		"Jean,Caron,Réparer son vélo;Composter en ville;Atelier inconnu",
		"Anne,Ader,Financer l'insertion")
	wantCounts(t, r, 4, 3, 0, 1, 0, 0)
	if r.Enrolments != 3 {
		t.Errorf("%d places taken, want 3 (Ader twice, Caron once)", r.Enrolments)
	}
	var lines []string
	for _, is := range r.Issues {
		if !is.Warning || is.Column != "Ateliers" {
			t.Errorf("issue %+v is not a warning on Ateliers", is)
		}
		lines = append(lines, fmt.Sprintf("%d:%s", is.Line, errCode(is.Err)))
	}
	if want := "[3:import_waitlisted 4:clash 4:import_workshop]"; fmt.Sprint(lines) != want {
		t.Fatalf("issues %v, want %s", lines, want)
	}
	for _, is := range r.Issues {
		var e *Error
		if errors.As(is.Err, &e) && (e.Message("fr") == "" || e.Message("fr") == e.Message("en")) {
			t.Errorf("%s has no French", e.Code)
		}
	}
	list, _ := s.SessionEnrolments(ctx, compost.ID)
	if len(list) != 2 || list[0].Status != Enrolled || list[1].Status != Waitlisted || list[1].ParticipantName != "Paul Baud" {
		t.Fatalf("composting: %+v", list)
	}
	if list, _ := s.SessionEnrolments(ctx, velo.ID); len(list) != 1 {
		t.Fatalf("bikes: %+v", list)
	}
}

func TestImportDryRun(t *testing.T) {
	s := mustOpen(t)
	addPerson(t, s, "Éric", "Béasse")
	var before []byte
	if !onServer() { // the file, byte for byte (a server keeps no file of ours)
		if err := s.Close(); err != nil { // checkpoints: the file holds everything
			t.Fatal(err)
		}
		var err error
		before, err = os.ReadFile(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		s, err = Open(ctx, s.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
	}
	rev := revision(t, s)
	rows := append([]string{"Prénom,Nom,Catégorie"}, "Éric,Béasse,Mécène", "Anne,Ader,Mécène", "Paul,,")
	dry := importLines(t, s, ImportOptions{DryRun: true, CreateCategories: true}, rows...)
	wantCounts(t, dry, 3, 1, 0, 0, 0, 1)
	if dry.Kept != 1 { // Éric's category, Mécène, is not his: the mode keeps his
		t.Fatalf("kept %d, want 1", dry.Kept)
	}
	if got := revision(t, s); got != rev {
		t.Fatalf("revision %d after a dry run, was %d", got, rev)
	}
	if n := len(people(t, s)); n != 1 {
		t.Fatalf("%d participants after a dry run", n)
	}
	if cats, _ := s.Categories(ctx); len(cats) != len(DefaultCategories()) {
		t.Fatalf("a dry run created categories")
	}
	if after, _ := os.ReadFile(s.Path()); !onServer() && string(after) != string(before) {
		t.Fatal("a dry run changed the file")
	}
	done := importLines(t, s, ImportOptions{CreateCategories: true}, rows...)
	if fmt.Sprint(done) != fmt.Sprint(dry) {
		t.Fatalf("the import did\n%+v\nthe dry run said\n%+v", done, dry)
	}
}

func TestImportRejects(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Jours,Remarque",
		"Anne,Ader,anne@ader.fr,2021-11-25,",
		"Paul,Baud,paul@@baud,,",
		",,,,une ligne sans nom",
		"Jean,"+strings.Repeat("Très-long-", 60)+",,,",
		"Inès,Diop,,2021-12-01,")
	wantCounts(t, r, 5, 1, 0, 0, 0, 4)
	var got []string
	for _, is := range r.Issues {
		if is.Warning {
			t.Errorf("rejection %+v is a warning", is)
		}
		got = append(got, fmt.Sprintf("%d:%s:%s", is.Line, is.Column, errCode(is.Err)))
	}
	if len(got) != 4 || !strings.HasPrefix(got[0], "3:E-mail:") || !strings.HasPrefix(got[1], "4:") ||
		got[2] != "5:Nom:too_long" || !strings.HasPrefix(got[3], "6:Jours:") {
		t.Fatalf("issues %v", got)
	}
}

func TestImportMapping(t *testing.T) {
	s := mustOpen(t)
	path := csvFile(t, "Nom complet,Courriel,Structure", "Éric Béasse,eric@coopsud.fr,Coop Sud")
	pv, err := s.PreviewImport(ctx, spreadsheet.Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Remembered || len(pv.Sample) != 1 || len(pv.Mapping) != 3 || pv.Format != "csv" {
		t.Fatalf("preview %+v", pv)
	}
	_, err = s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{Mapping: []ImportField{FieldFullName}})
	wantErr(t, err, ErrImportMappingLength)
	wantErr(t, s.SaveImportMapping(ctx, pv.Header, []ImportField{FieldFullName, "shoe_size", ""}), ErrImportFieldUnknown)
	mine := []ImportField{FieldFullName, FieldEmail, FieldIgnore}
	if err := s.SaveImportMapping(ctx, pv.Header, mine); err != nil {
		t.Fatal(err)
	}
	// The same columns, spelt otherwise.
	other := csvFile(t, "NOM COMPLET,courriel,structure", "Anne Ader,anne@ader.fr,Envie")
	pv, err = s.PreviewImport(ctx, spreadsheet.Source{Path: other})
	if err != nil {
		t.Fatal(err)
	}
	if !pv.Remembered || fmt.Sprint(pv.Mapping) != fmt.Sprint(mine) {
		t.Fatalf("remembered %v %v", pv.Remembered, pv.Mapping)
	}
	r, err := s.Import(ctx, spreadsheet.Source{Path: other}, ImportOptions{})
	if err != nil || r.New != 1 {
		t.Fatal(r, err)
	}
	if p := people(t, s)[0]; p.Organisation != "" || p.Email != "anne@ader.fr" {
		t.Fatalf("imported under the remembered mapping as %+v", p)
	}
	// An import given a mapping remembers it.
	given := []ImportField{FieldFullName, FieldIgnore, FieldOrganisation}
	if _, err := s.Import(ctx, spreadsheet.Source{Path: other}, ImportOptions{Mapping: given}); err != nil {
		t.Fatal(err)
	}
	if pv, _ = s.PreviewImport(ctx, spreadsheet.Source{Path: path}); fmt.Sprint(pv.Mapping) != fmt.Sprint(given) {
		t.Fatalf("remembered %v, want %v", pv.Mapping, given)
	}
}

func TestImportCancel(t *testing.T) {
	s := mustOpen(t)
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := writeRegistrationsCSV(path, 5000, 1); err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	c, cancel := context.WithCancel(ctx)
	defer cancel()
	var calls int
	_, err := s.Import(c, spreadsheet.Source{Path: path}, ImportOptions{Mapping: importBenchMapping, Progress: func(done, total int64) {
		calls++
		cancel()
	}})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("err %v after %d progress reports", err, calls)
	}
	if n := len(people(t, s)); n != 0 || revision(t, s) != rev {
		t.Fatalf("%d participants after a cancelled import", n)
	}
	// Progress is reported along the way and at the end.
	var last [2]int64
	calls = 0
	r, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{Mapping: importBenchMapping, Progress: func(done, total int64) {
		calls++
		last = [2]int64{done, total}
	}})
	if err != nil || r.Rows != 5000 || calls != 6 || last[0] != last[1] || last[0] == 0 {
		t.Fatalf("err %v, %d rows, %d progress reports, last %v", err, r.Rows, calls, last)
	}
}

// TestImportKeys checks the import's keys are those of the rest of the store.
func TestImportKeys(t *testing.T) {
	for _, n := range [][2]string{{"Éric", "Béasse"}, {"", "N'Diaye"}, {"Jean-", "-Pierre"}, {"--", "Łukasz"},
		{"Trần Văn", "Đức"}, {"Anne  Laure", ""}, {"'", "'"}, {"ÉRIC", "de l'Écluse"}} {
		p := Participant{FirstName: n[0], LastName: n[1]}
		sk, nk := ImportKeys(&p)
		if sk != sortKey(&p) || nk != Fold(p.FirstName+" "+p.LastName) {
			t.Errorf("%q: keys %q %q, want %q %q", n, sk, nk, sortKey(&p), Fold(p.FirstName+" "+p.LastName))
		}
	}
}

func TestImportWithoutDays(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail", "Awa,Diallo,awa@example.org")
	wantCounts(t, r, 1, 1, 0, 0, 0, 0)
	c, err := s.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := people(t, s)[0].Days; fmt.Sprint(got) != fmt.Sprint(c.Days) || len(got) == 0 {
		t.Fatalf("a registration without days is for %v, want every congress day %v", got, c.Days)
	}
	// Importing it again changes nothing: the days were not in the file.
	r = importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, "Prénom,Nom,E-mail", "Awa,Diallo,awa@example.org")
	wantCounts(t, r, 1, 0, 0, 1, 0, 0)
}

// TestImportTooManyRows: a file past the limit is refused as soon as the
// limit is passed, without reading the rest, and nothing is written.
func TestImportTooManyRows(t *testing.T) {
	SetMaxImportRows(t, 1000)
	s := mustOpen(t)
	path := filepath.Join(t.TempDir(), "huge.csv")
	if err := writeRegistrationsCSV(path, 50_000, 3); err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	var done, total int64
	_, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{Mapping: importBenchMapping, Progress: func(d, tot int64) {
		done, total = d, tot
	}})
	wantErr(t, err, ErrImportTooManyRows)
	if msg := Message(err, "fr"); !strings.Contains(msg, "1000 lignes") {
		t.Fatalf("French message %q", msg)
	}
	if n := len(people(t, s)); n != 0 || revision(t, s) != rev {
		t.Fatalf("%d participants, revision %d → %d after a refused import", n, rev, revision(t, s))
	}
	if done == 0 || done > total/10 {
		t.Fatalf("read %d of %d bytes before refusing: the file should not be read past the limit", done, total)
	}
	// Up to the limit, the file is taken.
	small := filepath.Join(t.TempDir(), "limit.csv")
	if err := writeRegistrationsCSV(small, 1000, 3); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Import(ctx, spreadsheet.Source{Path: small}, ImportOptions{Mapping: importBenchMapping}); err != nil || r.Rows != 1000 {
		t.Fatalf("%+v, %v", r, err)
	}
}
