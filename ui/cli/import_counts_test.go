package cli

import (
	"strings"
	"testing"
)

// TestCLIImportCountsAgree: the report's counts agree in number in French
// ("1 ligne : 1 nouvelle"), and the failure line too.
func TestCLIImportCountsAgree(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "un.csv", "Prénom,Nom,E-mail\r\nAwa,Diallo,awa@example.org\r\n")
	for _, c := range []struct{ lang, want string }{
		{"fr", "1 ligne : 1 nouvelle, 0 mise à jour, 0 inchangée, 0 ignorée, 0 rejetée ; 0 place en atelier.\n"},
		{"en", "1 row: 1 new, 0 updated, 0 unchanged, 0 skipped, 0 rejected; 0 workshop places.\n"},
	} {
		out, err := runIn(t, c.lang, "import", file, path, "--dry-run")
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("%s: %q, %v; want %q", c.lang, out, err, c.want)
		}
	}
	path = writeFile(t, dir, "deux.csv", "Prénom,Nom,E-mail\r\nAwa,Diallo,awa@example.org\r\nLéo,Bardin,leo@@x\r\n")
	out, err := runIn(t, "fr", "import", file, path, "--dry-run")
	if err == nil || !strings.Contains(out, "2 lignes : 1 nouvelle, 0 mise à jour, 0 inchangée, 0 ignorée, 1 rejetée ; 0 place en atelier.\n") ||
		!strings.Contains(err.Error(), "1 ligne rejetée.") {
		t.Errorf("%q, %v", out, err)
	}
}

// TestCLIImportKept: a row whose values differ from the congress's, which
// --on-match fill keeps, is counted as kept with a sentence, in both
// languages.
func TestCLIImportKept(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "regime.csv", "Prénom,Nom,E-mail,Régime\r\nJean,Martin,jean.martin@coopsud.fr,Vegan\r\n")
	if _, err := runIn(t, "en", "import", file, path); err != nil {
		t.Fatal(err)
	}
	path = writeFile(t, dir, "regime2.csv", "Prénom,Nom,E-mail,Régime\r\nJean,Martin,jean.martin@coopsud.fr,Halal\r\n")
	for _, c := range []struct{ lang, count, says string }{
		{"en", "1 row: 0 new, 0 updated, 0 unchanged, 1 kept as they were, 0 skipped", "--on-match overwrite takes the file's values"},
		{"fr", "1 ligne : 0 nouvelle, 0 mise à jour, 0 inchangée, 1 gardée telle quelle, 0 ignorée", "--on-match overwrite prend les valeurs du fichier"},
	} {
		out, err := runIn(t, c.lang, "import", file, path, "--dry-run")
		if err != nil || !strings.Contains(out, c.count) || !strings.Contains(out, c.says) {
			t.Errorf("%s: %q, %v", c.lang, out, err)
		}
	}
}
