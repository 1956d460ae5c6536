package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"congres/data"
)

// importCSV writes registrations into a temporary CSV file: one bad email,
// one unknown category.
func importCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inscriptions.csv")
	lines := []string{
		"Prénom;Nom;E-mail;Structure;Catégorie",
		"Zoé;Zénith;zoe@zenith.fr;Coop Z;Adhérent·e",
		"Yves;Yonne;yves@@bad;Coop Y;Adhérent·e",
		"Xavier;Xérus;xavier@xerus.fr;Coop X;Mécène",
		"Wanda;Wolf;wanda@wolf.fr;Coop W;Adhérent·e",
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openImportTest opens the import dialog on path and waits for its dry run.
func openImportTest(t *testing.T, e *env, st *data.Store, path string, done func()) *importDialog {
	t.Helper()
	d := newImportDialog(e, st, path, done)
	d.openAsync()
	waitFor(t, "the dry run", e.tasks, func() bool { return d.report != nil && !d.checking })
	return d
}

// waitCheck waits for the dry run started by a change.
func waitCheck(t *testing.T, e *env, d *importDialog) {
	t.Helper()
	waitIdle(t, e.tasks)
	if d.checking || d.report == nil {
		t.Fatal("the dry run did not end")
	}
}

func TestImportDialog(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	ctx := context.Background()
	path := importCSV(t)
	refreshed := 0

	d := openImportTest(t, e, st, path, func() { refreshed++ })
	if !strings.Contains(d.detected.Text, "UTF-8") || !strings.Contains(d.detected.Text, "semicolons") {
		t.Errorf("detected: %q", d.detected.Text)
	}
	if len(d.fields) != 5 || d.fields[2].Selected != "Email" {
		t.Fatalf("%d columns, the third mapped to %q", len(d.fields), d.fields[2].Selected)
	}
	want := "4 rows: 2 new, 0 updated, 0 unchanged, 0 skipped, 2 rejected; 0 workshop places."
	if d.summary.Text != want {
		t.Errorf("summary %q, want %q", d.summary.Text, want)
	}
	if len(d.issues) != 2 {
		t.Fatalf("issues %v", d.issues)
	}
	if got := issueText(d.issues[0]); !strings.HasPrefix(got, "Line 3 — E-mail: ") || !strings.Contains(got, "yves@@bad") {
		t.Errorf("first issue %q", got)
	}
	if got := issueText(d.issues[1]); !strings.HasPrefix(got, "Line 4 — ") || !strings.Contains(got, "Mécène") {
		t.Errorf("second issue %q", got)
	}
	if d.issueList.Length() != 2 {
		t.Errorf("the list shows %d issues", d.issueList.Length())
	}
	if len(d.catSelects) != 1 || !d.unknownBox.Visible() {
		t.Fatalf("%d unknown categories listed", len(d.catSelects))
	}

	t.Run("MappingChanged", func(t *testing.T) {
		d.fields[2].SetSelectedIndex(0) // E-mail: do not import
		waitCheck(t, e, d)
		if want := "4 rows: 3 new, 0 updated, 0 unchanged, 0 skipped, 1 rejected; 0 workshop places. Columns not imported: E-mail."; d.summary.Text != want {
			t.Errorf("summary %q, want %q", d.summary.Text, want)
		}
		d.fields[2].SetSelected("Email")
		waitCheck(t, e, d)
	})

	t.Run("CreateCategory", func(t *testing.T) {
		for _, c := range ptFind[*widget.Check](e.win.Canvas().Overlays().Top()) {
			if c.Text == "Create them" {
				test.Tap(c)
			}
		}
		waitCheck(t, e, d)
		if !d.createCats || d.catSelects[0].Selected != "Create it" {
			t.Fatalf("create %v, the category's choice %q", d.createCats, d.catSelects[0].Selected)
		}
		if want := "4 rows: 3 new, 0 updated, 0 unchanged, 0 skipped, 1 rejected; 0 workshop places."; d.summary.Text != want {
			t.Errorf("summary %q, want %q", d.summary.Text, want)
		}
	})

	t.Run("Import", func(t *testing.T) {
		if d.importBtn.Disabled() {
			t.Fatal("Import is disabled")
		}
		tapDialogButton(t, e.win.Canvas(), "Import")
		ptTopDialog(t, e, "1 row will be left out")
		tapDialogButton(t, e.win.Canvas(), "Import")
		ptTopDialog(t, e, "3 new")
		waitIdle(t, e.tasks)
		if refreshed != 1 {
			t.Errorf("the list was refreshed %d times", refreshed)
		}
		for _, name := range []string{"Zénith", "Xérus", "Wolf"} {
			if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: name}); len(ids) != 1 {
				t.Errorf("%s: %d participants", name, len(ids))
			}
		}
		if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Yonne"}); len(ids) != 0 {
			t.Errorf("the rejected row was imported")
		}
		cats, err := st.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range cats {
			found = found || c.Name == "Mécène"
		}
		if !found {
			t.Errorf("no category Mécène in %v", cats)
		}
	})

	t.Run("Again", func(t *testing.T) {
		again := openImportTest(t, e, st, path, nil)
		if want := "4 rows: 0 new, 0 updated, 3 unchanged, 0 skipped, 1 rejected; 0 workshop places."; again.summary.Text != want {
			t.Errorf("summary %q, want %q", again.summary.Text, want)
		}
		if !again.importBtn.Disabled() {
			t.Error("Import is enabled with nothing to write")
		}
		if !strings.Contains(again.detected.Text, "remembered") {
			t.Errorf("detected: %q", again.detected.Text)
		}
	})
}

func TestImportDialogUnreadable(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 0))
	e := newTestEnv(t)
	d := newImportDialog(e, st, filepath.Join(t.TempDir(), "missing.csv"), nil)
	d.openAsync()
	waitIdle(t, e.tasks)
	if d.dlg != nil {
		t.Error("the dialog was shown for a file that cannot be read")
	}
}

func TestImportDialogSheets(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 0))
	e := newTestEnv(t)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Notes")
	f.SetCellValue("Notes", "A1", "Rien à importer")
	f.NewSheet("Inscrits")
	for i, row := range [][]any{{"Prénom", "Nom", "E-mail"}, {"Zoé", "Zénith", "zoe@zenith.fr"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Inscrits", cell, &row)
	}
	path := filepath.Join(t.TempDir(), "inscriptions.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	d := newImportDialog(e, st, path, nil)
	d.openAsync()
	waitFor(t, "the preview", e.tasks, func() bool { return d.dlg != nil })
	waitIdle(t, e.tasks)
	if !d.sheetRow.Visible() || len(d.sheets.Options) != 2 {
		t.Fatalf("sheets %v shown %v", d.sheets.Options, d.sheetRow.Visible())
	}
	d.sheets.SetSelected("Inscrits")
	waitCheck(t, e, d)
	if d.preview.Sheet != "Inscrits" || len(d.fields) != 3 || !strings.Contains(d.detected.Text, "“Inscrits”") {
		t.Fatalf("sheet %q, %d columns, %q", d.preview.Sheet, len(d.fields), d.detected.Text)
	}
	if d.report.New != 1 {
		t.Errorf("summary %q", d.summary.Text)
	}
}

// A stray quote and an unclosed one: the dialog's dry run counts every row
// and names the line of the unclosed quote.
func TestImportDialogQuotes(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	path := filepath.Join(t.TempDir(), "inscriptions.csv")
	lines := []string{
		"Prénom,Nom,E-mail",
		`Jo,"Jo" Martin,jo@example.org`,
		`Jean,"Martin,jean@example.org`,
		"Léa,Lune,lea@example.org",
		"Paul,Porte,paul@example.org",
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, func() {})
	if want := "4 rows: 4 new, 0 updated, 0 unchanged, 0 skipped, 0 rejected; 0 workshop places."; d.summary.Text != want {
		t.Errorf("summary %q, want %q", d.summary.Text, want)
	}
	if len(d.issues) != 1 || !d.issues[0].Warning || !strings.HasPrefix(issueText(d.issues[0]), "Line 3 — ") ||
		!strings.Contains(issueText(d.issues[0]), "quote") {
		t.Errorf("issues %v", d.issues)
	}
}
