package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestImportDialogTicketRepeated: two rows of a HelloAsso export with
// ticket 9001 (Anne Alpha, then Bruno Beta): the dialog lists the second
// as rejected, saying which line and whom the ticket went to, in English
// and French.
func TestImportDialogTicketRepeated(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1366, 768))
	path := filepath.Join(t.TempDir(), "dup-tickets.csv")
	text := "Numéro de billet;Nom participant;Prénom participant;Email payeur;Tarif;Statut de la commande;Montant tarif\r\n" +
		"9001;Alpha;Anne;a@x.example;Adhérent;Validé;120,00\r\n" +
		"9001;Beta;Bruno;b@x.example;Adhérent;Validé;120,00\r\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, summary, issue string }{
		{"en", "2 rows: 1 new, 0 updated, 0 unchanged, 0 skipped, 1 rejected",
			"Line 3 — Numéro de billet: Ticket 9001 is already used on line 2 by Anne Alpha: one ticket is one person."},
		{"fr", "2 lignes : 1 nouvelle, 0 mise à jour, 0 inchangée, 0 ignorée, 1 rejetée",
			"Ligne 3 — Numéro de billet\u00a0: Billet 9001 déjà utilisé ligne 2 par Anne Alpha : un billet est une seule personne."},
	} {
		if c.lang == "fr" {
			inFrench(t)
		}
		d := openImportTest(t, e, st, path, nil)
		if !strings.HasPrefix(d.summary.Text, c.summary) || len(d.issues) != 1 || issueText(d.issues[0]) != c.issue {
			var got []string
			for _, is := range d.issues {
				got = append(got, issueText(is))
			}
			t.Errorf("%s: summary %q, issues %q; want %q and %q", c.lang, d.summary.Text, got, c.summary, c.issue)
		}
		d.dlg.Hide()
	}
}
