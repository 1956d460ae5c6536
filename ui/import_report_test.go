package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestImportDialogSaysIgnoredColumns: the dialog's summary lists the
// columns the import leaves out, in both languages.
func TestImportDialogSaysIgnoredColumns(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	path := filepath.Join(t.TempDir(), "google.csv")
	text := "Horodateur,Adresse e-mail,Nom,Prénom,\"Souhaitez-vous recevoir\nla lettre ?\"\r\n" +
		"2026/09/10 9:15:02 AM UTC+2,zoe.zenith@example.org,Zénith,Zoé,Oui\r\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	if want := " Columns not imported: Souhaitez-vous recevoir la lettre ?."; !strings.HasSuffix(d.summary.Text, want) {
		t.Errorf("summary %q, want it to end with %q", d.summary.Text, want)
	}
	d.dlg.Hide()
	if err := loadTranslations("fr"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { loadTranslations("en") })
	d = openImportTest(t, e, st, path, nil)
	if want := " Colonnes non importées : Souhaitez-vous recevoir la lettre ?."; !strings.HasSuffix(d.summary.Text, want) {
		t.Errorf("summary %q, want it to end with %q", d.summary.Text, want)
	}
}
