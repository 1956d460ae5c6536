package data

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// manyLines is a header and n registrations with emails.
func manyLines(n int) []string {
	lines := []string{"Prénom,Nom,E-mail"}
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf("Anne%d,Ader%d,anne%d@example.org", i, i, i))
	}
	return lines
}

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

// A dry run reads while another connection holds the file's write lock.
func TestImportDryRunTakesNoWriteLock(t *testing.T) {
	s := mustOpen(t)
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.w.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	lines := manyLines(50)
	c, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	r, err := s.Import(c, ImportSource{Path: csvFile(t, lines...)}, ImportOptions{DryRun: true, Mapping: mappingOf(lines[0])})
	if err != nil {
		t.Fatalf("dry run under another's write lock: %v", err)
	}
	wantCounts(t, r, 50, 50, 0, 0, 0, 0)
}

// A check-in made while an import reads its file goes through at once, and
// a participant created meanwhile is matched by the import, which decides
// its rows again inside the write transaction.
func TestImportLeavesTheDeskFree(t *testing.T) {
	s := mustOpen(t)
	guest := addPerson(t, s, "Paul", "Porte")
	lines := manyLines(3000)
	var admitted, created bool
	opts := ImportOptions{Mapping: mappingOf(lines[0]), Progress: func(done, total int64) {
		if admitted {
			return
		}
		admitted = true
		c, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if _, err := s.Admit(c, AdmitRequest{ParticipantID: guest.ID, Day: day1, Desk: "Accueil"}); err != nil {
			t.Errorf("check-in during the import: %v", err)
		}
		// Someone registered at the desk meanwhile, who is also in the file.
		p := newPerson(t, s, "Anne2500", "Ader2500")
		p.Email = "anne2500@example.org"
		if err := s.CreateParticipant(c, &p); err != nil {
			t.Errorf("creating a participant during the import: %v", err)
		}
		created = true
	}}
	r, err := s.Import(ctx, ImportSource{Path: csvFile(t, lines...)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !admitted || !created {
		t.Fatal("the import reported no progress")
	}
	wantCounts(t, r, 3000, 2999, 0, 1, 0, 0) // matched, nothing to fill
	if n := len(people(t, s)); n != 3001 {
		t.Errorf("%d people, want 3001 (no one twice)", n)
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
