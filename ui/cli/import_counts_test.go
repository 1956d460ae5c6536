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
