package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestImportDialogTickets: the import dialog's summary and its result say
// how many e-tickets the import keeps for the desk, in both languages, and
// nothing of tickets when it keeps none.
func TestImportDialogTickets(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	write := func(text string) string {
		p := filepath.Join(t.TempDir(), "helloasso.csv")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	path := write("Nom participant;Prénom participant;Email;Numéro de billet\n" +
		"Lefèvre;Hélène;helene@example.org;48213377\nDupont;Jean;jean@example.org;48213378\n")

	d := openImportTest(t, e, st, path, nil)
	if want := "2 rows: 2 new, 0 updated, 0 unchanged, 0 skipped, 0 rejected; 0 workshop places. 2 e-tickets kept for the desk."; d.summary.Text != want {
		t.Fatalf("summary %q, want %q", d.summary.Text, want)
	}
	tapDialogButton(t, e.win.Canvas(), "Import")
	ptTopDialog(t, e, "2 e-tickets kept for the desk.")
	waitIdle(t, e.tasks)
	e.win.Canvas().Overlays().Top().Hide()

	t.Run("NoneKeptNoneSaid", func(t *testing.T) {
		again := openImportTest(t, e, st, path, nil) // the same tickets, already theirs
		if strings.Contains(again.summary.Text, "ticket") {
			t.Errorf("summary %q", again.summary.Text)
		}
		again.dlg.Hide()
	})
	t.Run("French", func(t *testing.T) {
		if err := loadTranslations("fr"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { loadTranslations("en") })
		d := openImportTest(t, e, st, write("Nom participant;Prénom participant;Email;Numéro de billet\n"+
			"Martin;Léa;lea@example.org;48213379\n"), nil)
		if want := "1 billet électronique gardé pour l'accueil."; !strings.HasSuffix(d.summary.Text, " "+want) {
			t.Errorf("summary %q, want it to end with %q", d.summary.Text, want)
		}
	})
}
