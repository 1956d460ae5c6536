package data_test

import (
	"fmt"
	"testing"

	. "congres/data"
)

// An import that brings nothing new writes nothing: the revision (which
// the backups follow) does not move.
func TestImportNothingNewWritesNothing(t *testing.T) {
	s := mustOpen(t)
	lines := manyLines(20)
	importLines(t, s, ImportOptions{}, lines...)
	rev := revision(t, s)
	for _, m := range []OnMatch{MatchFill, MatchOverwrite, MatchSkip} {
		r := importLines(t, s, ImportOptions{OnMatch: m}, lines...)
		if r.New+r.Updated != 0 {
			t.Fatalf("%v: %+v", m, r)
		}
		if got := revision(t, s); got != rev {
			t.Errorf("%v: revision %d after an import that changed nothing, was %d", m, got, rev)
		}
	}
}

// A dry run foresees the enrolments without writing them: the same places,
// waiting lists, clashes, unknown sessions and cancelled people as the
// import then makes.
func TestImportDryRunForeseesEnrolments(t *testing.T) {
	s := mustOpen(t)
	small := addRoom(t, s, "Salle 1", 1)
	big := addRoom(t, s, "Salle 2", 50)
	compost := addSession(t, s, "Composter en ville", day1, "10:00", "11:00", small.ID)
	addSession(t, s, "Réparer son vélo", day1, "10:30", "11:30", big.ID)
	later := addSession(t, s, "Financer l'insertion", day2, "14:00", "15:00", big.ID)
	already := addPerson(t, s, "Éric", "Béasse")
	if _, err := s.Enrol(ctx, already.ID, later.ID); err != nil {
		t.Fatal(err)
	}
	rows := []string{"Prénom,Nom,Ateliers,Statut",
		"Anne,Ader,composter en ville; " + fmt.Sprint(later.ID) + ",",
		"Paul,Baud,Composter en ville,",
		"Jean,Caron,Réparer son vélo;Composter en ville;Atelier inconnu,",
		"Anne,Ader,Financer l'insertion,",
		"Éric,Béasse,Financer l'insertion;Réparer son vélo,",
		"Zoé,Zèbre,Réparer son vélo,Annulé",
	}
	rev := revision(t, s)
	dry := importLines(t, s, ImportOptions{DryRun: true}, rows...)
	if got := revision(t, s); got != rev {
		t.Fatalf("revision %d after a dry run, was %d", got, rev)
	}
	if list, _ := s.SessionEnrolments(ctx, compost.ID); len(list) != 0 {
		t.Fatalf("the dry run enrolled %+v", list)
	}
	done := importLines(t, s, ImportOptions{}, rows...)
	if fmt.Sprint(done) != fmt.Sprint(dry) {
		t.Fatalf("the import did\n%+v\nthe dry run said\n%+v", done, dry)
	}
	var issues []string
	for _, is := range done.Issues {
		issues = append(issues, fmt.Sprintf("%d:%s", is.Line, errCode(is.Err)))
	}
	if want := "[3:import_waitlisted 4:clash 4:import_workshop 7:participant_cancelled]"; fmt.Sprint(issues) != want || done.Enrolments != 4 {
		t.Errorf("issues %v, want %s; %d places", issues, want, done.Enrolments)
	}
}
