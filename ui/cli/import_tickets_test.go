package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestCLIImportSaysTickets: congres import says how many e-tickets it kept
// for the desk, in the user's language, and says nothing of tickets when
// the file has none.
func TestCLIImportSaysTickets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "billets.congres")
	s, err := stores.Create(context.Background(), file, data.Congress{Name: "Congrès", Days: []data.Day{"2021-11-25"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tickets := write("helloasso.csv", "Nom participant;Prénom participant;Email;Numéro de billet\n"+
		"Lefèvre;Hélène;helene@example.org;48213377\nDupont;Jean;jean@example.org;48213378\n")
	one := write("one.csv", "Nom participant;Prénom participant;Email;Numéro de billet\nMartin;Léa;lea@example.org;48213379\n")
	none := write("none.csv", "Nom;Prénom;Email\nNoël;Ana;ana@example.org\n")

	for _, c := range []struct{ lang, path, want string }{
		{"en", tickets, "2 e-tickets kept for the desk."},
		{"fr", one, "1 billet électronique gardé pour l'accueil."},
	} {
		out, err := runIn(t, c.lang, "import", file, c.path, "--dry-run")
		if err != nil || !strings.Contains(out, "\n"+c.want+"\n") {
			t.Errorf("%s: %q, %v; want a line %q", c.lang, out, err, c.want)
		}
	}
	out, err := runCLI(t, "import", file, tickets)
	if err != nil || !strings.Contains(out, "2 e-tickets kept for the desk.") {
		t.Errorf("%q, %v", out, err)
	}
	out, err = runCLI(t, "import", file, none)
	if err != nil || strings.Contains(out, "ticket") {
		t.Errorf("a file without tickets: %q, %v", out, err)
	}
}
