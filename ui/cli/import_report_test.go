package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/assets"
	"congres/data"
	"congres/data/stores"
)

// newImportCongress creates a congress file for the import's tests, with
// Jean Martin registered (jean.martin@coopsud.fr).
func newImportCongress(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	file = filepath.Join(dir, "congres.congres")
	ctx := context.Background()
	s, err := stores.Create(ctx, file, data.Congress{Name: "Congrès", Days: []data.Day{"2021-11-25"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Jean", LastName: "Martin", Email: "jean.martin@coopsud.fr",
		CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: []data.Day{"2021-11-25"}}
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// writeFile writes text into dir/name.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCLIImportSaysIgnoredColumns: congres import lists the columns it
// does not import and counts the possible duplicates, in both languages.
func TestCLIImportSaysIgnoredColumns(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "google.csv", "Horodateur,Adresse e-mail,Nom,Prénom,\"Souhaitez-vous recevoir\nla lettre ?\"\r\n"+
		"2026/09/10 9:15:02 AM UTC+2,jmartin@envie.fr,Martin,Jean,Oui\r\n")
	for _, c := range []struct{ lang, ignored, dup string }{
		{"en", "Columns not imported: Souhaitez-vous recevoir la lettre ?.", "1 possible duplicate (see the warnings)."},
		{"fr", "Colonnes non importées : Souhaitez-vous recevoir la lettre ?.", "1 doublon possible (voir les avertissements)."},
	} {
		out, err := runIn(t, c.lang, "import", file, path, "--dry-run")
		if err != nil || !strings.Contains(out, "\n"+c.ignored+"\n") || !strings.Contains(out, "\n"+c.dup+"\n") {
			t.Errorf("%s: %q, %v; want lines %q and %q", c.lang, out, err, c.ignored, c.dup)
		}
	}
}

// TestCLIImportDefaults: --default-category, --default-status,
// --default-fee and --default-days give new rows what the file does not
// say, and the report says what they got, each one.
func TestCLIImportDefaults(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "liste.csv", "Prénom;Nom;Email\nAwa;Diallo;awa@example.org\n")
	out, err := runIn(t, "en", "import", file, path, "--default-fee", "45,50", "--dry-run")
	if want := "New people, where the file says nothing: category Adhérent·e, status pending, fee 45.50\u00a0€, days 2021-11-25 (--default-category, --default-status, --default-fee, --default-days)."; err != nil || !strings.Contains(out, "\n"+want+"\n") {
		t.Fatalf("%q, %v; want a line %q", out, err, want)
	}
	out, err = runIn(t, "fr", "import", file, path, "--default-category", "presse", "--default-status", "confirmé", "--default-fee", "45,50")
	if want := "Nouvelles personnes, là où le fichier ne dit rien : catégorie Presse, statut confirmé, tarif 45,50\u00a0€, jours 2021-11-25 (--default-category, --default-status, --default-fee, --default-days)."; err != nil || !strings.Contains(out, "\n"+want+"\n") {
		t.Fatalf("%q, %v; want a line %q", out, err, want)
	}
	// The same words as the dialog's heading, in both languages.
	for _, c := range []struct{ lang, file string }{{"fr", "fr.json"}, {"en", "en.json"}} {
		b, err := assets.Translations.ReadFile("translations/" + c.file)
		var words map[string]json.RawMessage
		var heading string
		if err == nil {
			err = json.Unmarshal(b, &words)
		}
		if err == nil {
			err = json.Unmarshal(words["New people, where the file says nothing:"], &heading)
		}
		if err != nil || heading == "" {
			t.Fatalf("%s: no heading (%v)", c.file, err)
		}
		dir, file := newImportCongress(t)
		path := writeFile(t, dir, "liste.csv", "Prénom;Nom;Email\nAwa;Diallo;awa@example.org\n")
		out, err := runIn(t, c.lang, "import", file, path, "--default-status", "confirmed", "--dry-run")
		if err != nil || !strings.Contains(out, "\n"+heading+" ") {
			t.Errorf("%s: %q, %v; want a line starting %q", c.lang, out, err, heading)
		}
	}
	s, err := stores.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.ParticipantIDs(context.Background(), data.ParticipantQuery{Search: "Diallo"})
	if err != nil || len(id) != 1 {
		t.Fatal(id, err)
	}
	p, err := s.Participant(context.Background(), id[0])
	cats, _ := s.Categories(context.Background())
	name := ""
	for _, c := range cats {
		if c.ID == p.CategoryID {
			name = c.Name
		}
	}
	if err != nil || name != "Presse" || p.Status != data.StatusConfirmed || p.FeeCents != 4550 {
		t.Fatalf("%+v in %q, %v", p, name, err)
	}
	out, err = runIn(t, "en", "import", file, path, "--default-status", "maybe")
	if err == nil || !strings.Contains(err.Error()+out, "--default-status is pending, confirmed or cancelled.") {
		t.Errorf("%q, %v", out, err)
	}
}

// TestCLIImportRejects: --rejects writes the rejected rows with their line
// and reason, in the file's own columns; the exit code stays 1.
func TestCLIImportRejects(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "liste.csv", "Prénom;Nom;Email\nAwa;Diallo;awa@example.org\nBob;Durand;bob@@bad\n")
	rejects := filepath.Join(dir, "rejetees.csv")
	out, err := runIn(t, "fr", "import", file, path, "--rejects", rejects)
	if err == nil || !strings.Contains(out, "Les lignes rejetées sont dans "+rejects+", avec leur ligne et leur motif.") {
		t.Fatalf("%q, %v", out, err)
	}
	b, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeffLigne;Motif;Prénom;Nom;Email\r\n3;Email : " + data.Message(data.ErrEmailInvalid.With("bob@@bad"), "fr") + ";Bob;Durand;bob@@bad\r\n"
	if string(b) != want {
		t.Errorf("%q\nwant %q", b, want)
	}
}
