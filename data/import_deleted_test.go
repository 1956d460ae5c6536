package data_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

// TestImportLeavesOutTheDeleted: someone an organiser deleted is still in
// the platform's export; its next import leaves their row out, says why
// (their ticket, their name, the day), and registers nobody (a person
// deleted came back with the next import). Their row alone, imported with
// "Create a new record anyway", registers them again with their ticket,
// and the export after that finds them by it.
func TestImportLeavesOutTheDeleted(t *testing.T) {
	s := mustOpen(t)
	r := previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, nil)
	if r.New != 39 || r.Tickets != 39 {
		t.Fatalf("first import: %+v", r)
	}
	paul := findPerson(t, s, "Paul", "Moreau")
	if err := s.DeleteParticipant(ctx, paul.ID); err != nil {
		t.Fatal(err)
	}

	week2 := helloAssoExport(t, 2)
	r = previewed(t, s, week2, ImportOptions{}, nil)
	if r.New != 0 || r.Skipped != 1 || r.Rejected != 0 || len(people(t, s)) != 38 {
		t.Fatalf("the export a week later: %+v, %d people", r, len(people(t, s)))
	}
	var said *ImportIssue
	for i := range r.Issues {
		if errors.Is(r.Issues[i].Err, ErrImportTicketDeleted) {
			said = &r.Issues[i]
		}
	}
	if said == nil || !said.Warning || said.Column != "Numéro de billet" || said.Line != 4+7 {
		t.Fatalf("the row left out said %+v; issues %v", said, r.Issues)
	}
	day := time.Now().Format("02/01/2006")
	for lang, want := range map[string]string{
		"en": "Ticket 48213307 (Paul MOREAU): this person was deleted from the congress on " + time.Now().Format("2 January 2006") + ", and the row was left out.",
		"fr": "Billet 48213307 (Paul MOREAU) : cette personne a été supprimée du congrès le " + day + ", et la ligne a été laissée de côté.",
	} {
		if got := Message(said.Err, lang); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to begin %q", lang, got, want)
		}
	}

	// Their row alone, created anyway: registered again, with the ticket.
	header, rows := csvRows(t, week2)
	alone := exportFile(t, "paul.csv", false, false, header, rows[7])
	r = previewed(t, s, alone, ImportOptions{OnMatch: MatchCreate}, nil)
	if r.New != 1 || r.Tickets != 1 || r.Skipped != 0 {
		t.Fatalf("their row alone, created anyway: %+v", r)
	}
	again := findPerson(t, s, "Paul", "MOREAU")
	// The next export finds them by their ticket, and leaves nobody out.
	r = previewed(t, s, week2, ImportOptions{}, nil)
	if r.New != 0 || r.Skipped != 0 || len(people(t, s)) != 39 {
		t.Fatalf("the export after: %+v, %d people", r, len(people(t, s)))
	}
	if got := findPerson(t, s, "Paul", "MOREAU"); got.ID != again.ID {
		t.Errorf("Paul is now %d, was %d", got.ID, again.ID)
	}
}

// findPerson is the one person of that name.
func findPerson(tb testing.TB, s *Store, first, last string) Participant {
	tb.Helper()
	var found []Participant
	for _, p := range people(tb, s) {
		if p.FirstName == first && p.LastName == last {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		tb.Fatalf("%d people named %s %s", len(found), first, last)
	}
	return found[0]
}

// csvRows is the header line and the data lines of an export written by
// exportFile (after its two lines of title).
func csvRows(tb testing.TB, path string) (string, []string) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(strings.TrimPrefix(string(b), "\ufeff"), "\r\n"), "\r\n")
	return lines[2], lines[3:]
}

// TestImportLeavesOutTheDeletedAnswer: the same for a form's answer,
// named by the person's name (its identifier is no ticket anyone reads).
func TestImportLeavesOutTheDeletedAnswer(t *testing.T) {
	s := mustOpen(t)
	form := googleAnswers(t, 3)
	previewed(t, s, form, ImportOptions{}, nil)
	ines := findPerson(t, s, "Inès", "Haddad")
	if err := s.DeleteParticipant(ctx, ines.ID); err != nil {
		t.Fatal(err)
	}
	r := previewed(t, s, form, ImportOptions{}, nil)
	if r.New != 0 || r.Skipped != 1 || len(people(t, s)) != 1 {
		t.Fatalf("the form again: %+v, %d people", r, len(people(t, s)))
	}
	var said *ImportIssue
	for i := range r.Issues {
		if errors.Is(r.Issues[i].Err, ErrImportAnswerDeleted) {
			said = &r.Issues[i]
		}
	}
	if said == nil || said.Line != 5 || !said.Warning {
		t.Fatalf("issues %v", r.Issues)
	}
	for lang, want := range map[string]string{
		"en": "Form answer (Inès Haddad): this person was deleted from the congress on " + time.Now().Format("2 January 2006") + ", and the row was left out.",
		"fr": "Réponse au formulaire (Inès Haddad) : cette personne a été supprimée du congrès le " + time.Now().Format("02/01/2006") + ", et la ligne a été laissée de côté.",
	} {
		if got := Message(said.Err, lang); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to begin %q", lang, got, want)
		}
	}
}

// TestImportLeavesOutTheDeletedAnsweredTwice: someone deleted who had
// answered the form twice stays out: the import kept one answer of theirs,
// and the later one follows it in the file (it registered them again).
func TestImportLeavesOutTheDeletedAnsweredTwice(t *testing.T) {
	s := mustOpen(t)
	form := googleAnswers(t, 3)
	previewed(t, s, form, ImportOptions{}, nil)
	paul := findPerson(t, s, "Paul", "Roy")
	if err := s.DeleteParticipant(ctx, paul.ID); err != nil {
		t.Fatal(err)
	}
	r := previewed(t, s, form, ImportOptions{}, nil)
	if r.New != 0 || r.Skipped != 2 || len(people(t, s)) != 1 {
		t.Fatalf("the form again: %+v, %d people", r, len(people(t, s)))
	}
}

// TestImportFindsTheDeletedRegisteredAgain: someone deleted by mistake and
// registered again by hand (same name and email) is found by the next
// export as anyone is, and gets their ticket back (it was left out, and
// the ticket with it, so that their e-ticket did not scan).
func TestImportFindsTheDeletedRegisteredAgain(t *testing.T) {
	s := mustOpen(t)
	previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, nil)
	paul := findPerson(t, s, "Paul", "Moreau")
	if err := s.DeleteParticipant(ctx, paul.ID); err != nil {
		t.Fatal(err)
	}
	again := Participant{FirstName: paul.FirstName, LastName: paul.LastName, Email: paul.Email,
		CategoryID: paul.CategoryID, Status: paul.Status, Days: paul.Days}
	if err := s.CreateParticipant(ctx, &again); err != nil {
		t.Fatal(err)
	}
	r := previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, nil)
	ks, err := s.Tickets(ctx, again.ID)
	if err != nil || r.Skipped != 0 || r.New != 0 || len(ks) != 1 || ks[0].Code != "48213307" {
		t.Fatalf("Paul registered again by hand: %+v; his tickets %v, %v", r, ks, err)
	}
	r = previewed(t, s, helloAssoExport(t, 2), ImportOptions{}, nil)
	if r.Skipped != 0 || r.New != 0 || len(people(t, s)) != 39 {
		t.Fatalf("the export a week later: %+v", r)
	}
}

// TestImportDeletedNamesakeIsAPossibleDuplicate: someone deleted, then
// registered again by hand under another email, is not taken for them by
// the export (only their name is the same): the row is not left out as
// deleted but imported and reported as a possible duplicate, to merge.
func TestImportDeletedNamesakeIsAPossibleDuplicate(t *testing.T) {
	s := mustOpen(t)
	previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, nil)
	paul := findPerson(t, s, "Paul", "Moreau")
	if err := s.DeleteParticipant(ctx, paul.ID); err != nil {
		t.Fatal(err)
	}
	again := Participant{FirstName: "Paul", LastName: "Moreau", Email: "paul.moreau@example.org",
		CategoryID: paul.CategoryID, Status: paul.Status, Days: paul.Days}
	if err := s.CreateParticipant(ctx, &again); err != nil {
		t.Fatal(err)
	}
	r := previewed(t, s, helloAssoExport(t, 2), ImportOptions{}, nil)
	if r.Skipped != 0 || r.New != 1 || r.PossibleDuplicates != 1 {
		t.Fatalf("Paul registered again by hand under another email: %+v", r)
	}
}
