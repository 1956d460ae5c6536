package data_test

import (
	"errors"
	"testing"

	. "congres/data"
)

// googleAnswers is a Google Forms export where Paul Roy answered twice,
// the second time as an elected member and without his accessibility
// need; answers is how many rows of it a test takes.
func googleAnswers(t *testing.T, answers int) string {
	lines := []string{"Horodateur,Adresse e-mail,Nom,Prénom,Structure,\"Catégorie\n(une seule réponse)\",Régime alimentaire ,Avez-vous des besoins d'accessibilité ?",
		"01/10/2021 10:20:33,paul@ex.example,Roy,Paul,Coop E,Adhérent·e,,Fauteuil roulant",
		"01/10/2021 11:20:33,paul@ex.example,Roy,Paul,Coop E,Élu·e,,",
		"02/10/2021 09:00:00,ines@ex.example,Haddad,Inès,Asso F,Adhérent·e,Halal,",
		"05/10/2021 18:00:00,PAUL@ex.example,ROY,Paul,Coop E,Adhérent·e,Végétarien,"}
	return exportFile(t, "google.csv", false, false, lines[:1+answers]...)
}

// TestImportFormAnsweredAgain checks that a later answer of the form by
// the same email and name is that person's new answer: within one file
// it wins for the fields it gives (Paul becomes Élu·e), the report names
// the line and the person, and Paul keeps one form response. Next week,
// for someone registered, the mode decides: filling empty fields keeps a
// structure corrected by hand and his category (and says so), overwriting
// takes the answer's values and names them.
func TestImportFormAnsweredAgain(t *testing.T) {
	s := mustOpen(t)
	r := previewed(t, s, googleAnswers(t, 3), ImportOptions{}, nil)
	wantCounts(t, r, 3, 2, 1, 0, 0, 0)
	if len(r.Issues) != 1 || r.Issues[0].Line != 4 || !errors.Is(r.Issues[0].Err, ErrImportAnsweredAgain) {
		t.Fatalf("%+v", r)
	}
	for lang, want := range map[string]string{
		"en": "Paul Roy answered the form again (same email and name): this later answer is theirs, not a new person.",
		"fr": "Paul Roy a répondu à nouveau au formulaire (même e-mail et même nom) : cette réponse plus récente est la sienne, pas une nouvelle personne.",
	} {
		if got := Message(r.Issues[0].Err, lang); got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
	ps := people(t, s)
	if len(ps) != 2 {
		t.Fatalf("%d people", len(ps))
	}
	paul := ps[1]
	if paul.LastName != "Roy" || paul.CategoryID != category(t, s, "Élu·e") || paul.Accessibility != "Fauteuil roulant" {
		t.Fatalf("Paul: %+v", paul)
	}
	if ks, err := s.Tickets(ctx, paul.ID); err != nil || len(ks) != 1 {
		t.Fatalf("Paul's form responses: %v, %v", ks, err)
	}
	// The organiser corrects his structure by hand; he answers a third
	// time.
	paul.Organisation = "Coopérative E"
	if err := s.UpdateParticipant(ctx, &paul); err != nil {
		t.Fatal(err)
	}
	r = previewed(t, s, googleAnswers(t, 4), ImportOptions{}, nil)
	if r.New != 0 || len(people(t, s)) != 2 {
		t.Fatalf("filling: %+v", r)
	}
	last := r.Issues[len(r.Issues)-1]
	if last.Line != 6 || !errors.Is(last.Err, ErrImportAnsweredAgainKept) {
		t.Fatalf("filling: %+v", r.Issues)
	}
	got, _ := s.Participant(ctx, paul.ID)
	if got.Organisation != "Coopérative E" || got.CategoryID != paul.CategoryID || got.Diet != "Végétarien" || got.LastName != "Roy" {
		t.Errorf("filling: Paul is %+v", got)
	}
	r = previewed(t, s, googleAnswers(t, 4), ImportOptions{OnMatch: MatchOverwrite}, nil)
	got, _ = s.Participant(ctx, paul.ID)
	if r.New != 0 || got.Organisation != "Coop E" || got.CategoryID != category(t, s, "Adhérent·e") || got.LastName != "ROY" {
		t.Errorf("overwriting: %+v, Paul is %+v", r, got)
	}
	if ks, err := s.Tickets(ctx, paul.ID); err != nil || len(ks) != 1 {
		t.Fatalf("Paul's form responses: %v, %v", ks, err)
	}
}

// TestImportFormAnsweredAgainDays: a later answer's days replace the
// earlier answer's, as its other fields do (Paul answers Thursday, then
// Friday: he comes on Friday, not both days), for someone the file
// creates and, next week, for someone registered.
func TestImportFormAnsweredAgainDays(t *testing.T) {
	s, err := newCongress(t, Congress{Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"Horodateur,Adresse e-mail,Nom,Prénom,Catégorie,Jours",
		"2021/10/01 10:20:33,paul@ex.example,Roy,Paul,Adhérent·e,Jeudi 25 novembre",
		"2021/10/01 11:20:33,paul@ex.example,Roy,Paul,Élu·e,Vendredi 26 novembre",
		"2021/10/03 08:00:00,paul@ex.example,Roy,Paul,Élu·e,Jeudi 25 novembre"}
	for _, c := range []struct {
		answers int
		want    Day
	}{{2, "2021-11-26"}, {3, "2021-11-25"}} {
		r := previewed(t, s, exportFile(t, "gf.csv", false, false, lines[:1+c.answers]...), ImportOptions{}, nil)
		ps := people(t, s)
		if r.Rejected != 0 || len(ps) != 1 || len(ps[0].Days) != 1 || ps[0].Days[0] != c.want ||
			ps[0].CategoryID != category(t, s, "Élu·e") {
			t.Fatalf("%d answers: %+v; people %+v", c.answers, r, ps)
		}
	}
}
