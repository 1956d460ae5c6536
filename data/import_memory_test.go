package data_test

import (
	"errors"
	"strings"
	"testing"

	. "congres/data"
)

// The three-way re-import (issue 19, "Re-importing next week's export
// updates those people and adds nobody"): each ticket remembers what the
// platform gave for it, so that filling empty fields takes the platform's
// corrections of values nobody touched and keeps the organiser's edits.

// payerEmail maps HelloAsso's "Email payeur" to the email.
func payerEmail(h []string, m []ImportField) { mapColumn(h, m, "Email payeur", FieldEmail) }

// personNamed finds the one participant of that first name.
func personNamed(tb testing.TB, s *Store, first string) Participant {
	tb.Helper()
	for _, p := range people(tb, s) {
		if p.FirstName == first {
			return p
		}
	}
	tb.Fatalf("nobody named %s", first)
	return Participant{}
}

// keptEdits are the messages of the report's warnings about edits kept.
func keptEdits(r ImportReport, lang string) []string {
	var said []string
	for _, is := range r.Issues {
		if errors.Is(is.Err, ErrImportKeptEdits) {
			said = append(said, Message(is.Err, lang))
		}
	}
	return said
}

// TestImportNextWeekKeepsEdits imports a HelloAsso export, edits one
// name by hand, then imports next week's export (the payer's email
// corrected, the names recased), filling empty fields: the corrected
// values are taken, the hand edit is kept and reported (a dry run, the
// dialog's preview, says it first and writes nothing), nobody is added.
// The same file again writes nothing and keeps the edit.
func TestImportNextWeekKeepsEdits(t *testing.T) {
	s := mustOpen(t)
	opts := ImportOptions{CreateCategories: true}
	r := previewed(t, s, exportFile(t, "semaine1.csv", false, false, helloAssoWeeks[0]...), opts, payerEmail)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	before := people(t, s)
	tom := personNamed(t, s, "Tom")
	tom.LastName = "Vidal-Roy"
	if err := s.UpdateParticipant(ctx, &tom); err != nil {
		t.Fatal(err)
	}
	week2 := exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...)
	wantEN := "Kept your edit of Tom Vidal-Roy: last name “Vidal-Roy”, the file says “Vidal”."
	wantFR := "Votre correction de Tom Vidal-Roy est gardée : nom «Vidal-Roy», le fichier dit «Vidal»."
	for _, dry := range []bool{true, false} {
		opts.DryRun = dry
		r = previewed(t, s, week2, opts, payerEmail)
		wantCounts(t, r, 3, 0, 3, 0, 0, 0)
		if r.EditsKept != 1 || r.Overwritten != 0 || len(r.Issues) != 1 || r.Issues[0].Line != 3 || !r.Issues[0].Warning {
			t.Fatalf("dry run %v: %+v", dry, r)
		}
		if en, fr := keptEdits(r, "en"), keptEdits(r, "fr"); len(en) != 1 || en[0] != wantEN || fr[0] != wantFR {
			t.Fatalf("dry run %v: got %q %q\nwant %q %q", dry, en, fr, wantEN, wantFR)
		}
		if dry && personNamed(t, s, "Hugo").LastName != "ROY" {
			t.Fatal("the dry run wrote")
		}
	}
	after := people(t, s)
	if len(after) != len(before) {
		t.Fatalf("%d people, were %d", len(after), len(before))
	}
	want := map[string][2]string{"Hugo": {"Roy", "lina.roy@example.org"}, "Tom": {"Vidal-Roy", "lina.roy@example.org"},
		"Zoé": {"Arnaud", "leo.faure@example.org"}}
	for i, p := range after {
		if p.ID != before[i].ID || want[p.FirstName] != [2]string{p.LastName, p.Email} {
			t.Errorf("%s <%s> (ID %d), want %v (ID %d)", p.FullName(), p.Email, p.ID, want[p.FirstName], before[i].ID)
		}
		if p.FirstName == "Zoé" && p.Status != StatusConfirmed {
			t.Errorf("Zoé Arnaud, validated since, is %s", p.Status)
		}
	}
	// Once more: the tickets remember next week's values, nothing is
	// written, Tom's edit is kept again.
	r = previewed(t, s, week2, opts, payerEmail)
	wantCounts(t, r, 3, 0, 0, 2, 0, 0)
	if r.Kept != 1 || r.EditsKept != 1 {
		t.Fatalf("again: %+v", r)
	}
	if got := personNamed(t, s, "Tom"); got.LastName != "Vidal-Roy" {
		t.Fatalf("Tom is %s", got.FullName())
	}
}

// TestImportNextWeekWithoutMemory re-imports next week's export for
// tickets imported before the tickets remembered their values (the
// migration leaves their memory empty): filling empty fields keeps every
// value the congress holds, as before, and takes the platform's status.
// Overwriting afterwards gives them a memory: the week after, an edit
// made since is kept.
func TestImportNextWeekWithoutMemory(t *testing.T) {
	s := mustOpen(t)
	opts := ImportOptions{CreateCategories: true}
	previewed(t, s, exportFile(t, "semaine1.csv", false, false, helloAssoWeeks[0]...), opts, payerEmail)
	if err := s.ExecForTest(ctx, "UPDATE ticket SET imported = ''"); err != nil {
		t.Fatal(err)
	}
	before := people(t, s)
	week2 := exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...)
	r := previewed(t, s, week2, opts, payerEmail)
	wantCounts(t, r, 3, 0, 1, 0, 0, 0)
	if r.Kept != 2 || r.EditsKept != 0 || len(r.Issues) != 0 {
		t.Fatalf("filling: %+v", r)
	}
	for i, p := range people(t, s) {
		if p.Email != before[i].Email || p.LastName != before[i].LastName {
			t.Errorf("%s <%s>, was %s <%s>", p.FullName(), p.Email, before[i].FullName(), before[i].Email)
		}
		if p.FirstName == "Zoé" && p.Status != StatusConfirmed {
			t.Errorf("Zoé, validated since, is %s", p.Status)
		}
	}
	opts.OnMatch = MatchOverwrite
	previewed(t, s, week2, opts, payerEmail)
	hugo := personNamed(t, s, "Hugo")
	hugo.FirstName = "Hugues"
	if err := s.UpdateParticipant(ctx, &hugo); err != nil {
		t.Fatal(err)
	}
	week3 := make([]string, len(helloAssoWeeks[1]))
	for i, l := range helloAssoWeeks[1] {
		week3[i] = strings.ReplaceAll(l, ";Roy;Hugo;", ";ROY;HUGO;")
	}
	opts.OnMatch = MatchFill
	r = previewed(t, s, exportFile(t, "semaine3.csv", false, false, week3...), opts, payerEmail)
	if got := personNamed(t, s, "Hugues"); got.LastName != "ROY" {
		t.Errorf("Hugues is %s: the last name nobody edited is the file's", got.FullName())
	}
	if en := keptEdits(r, "en"); len(en) != 1 || en[0] != "Kept your edit of Hugues Roy: first name “Hugues”, the file says “HUGO”." {
		t.Errorf("kept: %q", en)
	}
}

// TestImportPayerEmailInvalid imports a HelloAsso row whose payer's email
// is none: its ticket and its participant's name say who it is, so it is
// imported without the email, with a warning naming its line; a row with
// no ticket is still rejected for it.
func TestImportPayerEmailInvalid(t *testing.T) {
	s := mustOpen(t)
	lines := append([]string(nil), helloAssoWeeks[0]...)
	lines[2] = strings.ReplaceAll(lines[2], "lina.roy@exemple.fr", "lina.roy@exemple")
	lines = append(lines, ";R3;02/10/2021 14:05;Validé;BLIN;Marc;Blin;Marc;marc@;;Virement;Adhérent;120,00;")
	r := previewed(t, s, exportFile(t, "semaine1.csv", false, false, lines...), ImportOptions{CreateCategories: true}, payerEmail)
	wantCounts(t, r, 4, 3, 0, 0, 0, 1)
	if len(r.Issues) != 2 {
		t.Fatalf("issues %v", r.Issues)
	}
	left, rejected := r.Issues[0], r.Issues[1]
	if !left.Warning || left.Line != 3 || left.Column != "Email payeur" || !errors.Is(left.Err, ErrImportEmailLeftOut) {
		t.Errorf("warning %+v", left)
	}
	if got, want := Message(left.Err, "fr"), "«lina.roy@exemple» dans la colonne «Email payeur» n'est pas une adresse e-mail valide : la ligne a été importée sans elle."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if rejected.Warning || rejected.Line != 5 || !errors.Is(rejected.Err, ErrEmailInvalid) {
		t.Errorf("rejected %+v", rejected)
	}
	if tom := personNamed(t, s, "Tom"); tom.Email != "" || tom.LastName != "VIDAL" {
		t.Errorf("Tom is %s <%s>", tom.FullName(), tom.Email)
	}
}
