package cli

import (
	"context"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestCLIImportKeepsEdits: a name corrected by hand since the last
// import, next week's export (names recased) keeps it and says so, in the
// user's language, with a warning naming the line; the other person takes
// the file's recased name. A French dry run with a rejected row says it
// all in French.
func TestCLIImportKeepsEdits(t *testing.T) {
	dir, file := newImportCongress(t)
	header := "Nom participant;Prénom participant;Email;Numéro de billet\n"
	week1 := writeFile(t, dir, "semaine1.csv", header+"LEFEVRE;Hélène;helene@example.org;48213377\nDUPONT;Jean;jean@example.org;48213378\n")
	week2 := writeFile(t, dir, "semaine2.csv", header+"Lefevre;Hélène;helene@example.org;48213377\nDupont;Jean;jean@example.org;48213378\n"+
		"Noël;;pas-un-email;\n")
	if _, err := runIn(t, "en", "import", file, week1); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.ParticipantIDs(ctx, data.ParticipantQuery{Search: "Hélène"})
	if err != nil || len(ids) != 1 {
		t.Fatalf("%v, %v", ids, err)
	}
	p, err := s.Participant(ctx, ids[0])
	if err == nil {
		p.LastName = "Lefèvre"
		err = s.UpdateParticipant(ctx, &p)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, count, says, warning, english string }{
		{"en", "3 rows: 0 new, 1 updated, 0 unchanged, 1 kept as they were, 0 skipped, 1 rejected", "1 row keeps your edits (see the warnings).",
			"line 2, warning: Kept your edit of Hélène Lefèvre: last name “Lefèvre”, the file says “Lefevre”.", ""},
		{"fr", "3 lignes : 0 nouvelle, 1 mise à jour, 0 inchangée, 1 gardée telle quelle, 0 ignorée, 1 rejetée", "1 ligne garde vos corrections (voir les avertissements).",
			"ligne 2, attention : Votre correction de Hélène Lefèvre est gardée : nom «Lefèvre», le fichier dit «Lefevre».", "rejected"},
	} {
		out, err := runIn(t, c.lang, "import", file, week2, "--dry-run")
		if err == nil || !strings.Contains(out, c.count) || !strings.Contains(out, "\n"+c.says+"\n") || !strings.Contains(out, "\n"+c.warning+"\n") {
			t.Errorf("%s: %q, %v; want %q, %q and %q", c.lang, out, err, c.count, c.says, c.warning)
		}
		if c.english != "" && (strings.Contains(out, c.english) || strings.Contains(err.Error(), c.english)) {
			t.Errorf("%s: %q, %v says %q", c.lang, out, err, c.english)
		}
	}
	if _, err := runIn(t, "en", "import", file, week2); err == nil {
		t.Fatal("a rejected row, and no failure")
	}
	s, err = stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []int64{ids[0], ids[0] + 1} {
		p, err := s.Participant(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"Hélène": "Lefèvre", "Jean": "Dupont"}[p.FirstName]; p.LastName != want {
			t.Errorf("%s, want %s", p.FullName(), want)
		}
	}
}
