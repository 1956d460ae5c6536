package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestImportDialogDefaults: new rows that give no category, status, fee
// or days get the ones chosen in the dialog; a choice whose field a
// column gives is not shown.
func TestImportDialogDefaults(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "liste.csv")
	if err := os.WriteFile(path, []byte("Prénom;Nom;Email\nZoé;Zénith;zoe@zenith.fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	df := &d.defaults
	for f, o := range df.rows {
		if !o.Visible() {
			t.Errorf("%s hidden", f)
		}
	}
	df.category.SetSelected("Presse")
	waitCheck(t, e, d)
	df.status.SetSelected("Confirmed")
	waitCheck(t, e, d)
	test.Type(df.fee, "45,50")
	waitCheck(t, e, d)
	c, err := st.Congress(ctx)
	if err != nil || len(c.Days) < 2 {
		t.Fatal(c.Days, err)
	}
	df.dayChecks.SetSelected([]string{dayShort(c.Days[1])})
	waitCheck(t, e, d)
	tapDialogButton(t, e.win.Canvas(), "Import")
	ptTopDialog(t, e, "1 new")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Zénith"})
	if len(ids) != 1 {
		t.Fatal(ids)
	}
	p, err := st.Participant(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	cats, _ := st.Categories(ctx)
	presse := slices.IndexFunc(cats, func(c data.Category) bool { return c.Name == "Presse" })
	if presse < 0 || p.CategoryID != cats[presse].ID || p.Status != data.StatusConfirmed || p.FeeCents != 4550 ||
		!slices.Equal(p.Days, c.Days[1:2]) {
		t.Fatalf("%+v", p)
	}
	e.win.Canvas().Overlays().Top().Hide()

	// A file that gives the category and the days: those choices hide.
	path = filepath.Join(t.TempDir(), "liste2.csv")
	if err := os.WriteFile(path, []byte("Prénom;Nom;Catégorie;Jours\nYves;Yonne;Presse;"+string(c.Days[0])+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d = openImportTest(t, e, st, path, nil)
	if d.defaults.rows[data.FieldCategory].Visible() || d.defaults.rows[data.FieldDays].Visible() ||
		!d.defaults.rows[data.FieldStatus].Visible() {
		t.Error("the choices shown do not follow the file's columns")
	}
}

// TestImportDialogDefaultCategoryOfEmptyCells: a file whose category
// column is empty on a row offers the default category too, and the
// summary says how many new people get it.
func TestImportDialogDefaultCategoryOfEmptyCells(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	path := filepath.Join(t.TempDir(), "emptycat.csv")
	if err := os.WriteFile(path, []byte("Nom;Prénom;Email;Catégorie\nA;Un;u1@ex.example;Élu·e\nB;Deux;u2@ex.example;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	if !d.defaults.rows[data.FieldCategory].Visible() || !d.defaults.rows[data.FieldDays].Visible() {
		t.Fatal("no choice of the category for the row that gives none")
	}
	if want := "1 new person gets the category Adhérent·e: the file gives none."; !strings.Contains(d.summary.Text, want) {
		t.Errorf("summary %q, want %q in it", d.summary.Text, want)
	}
	if ph := d.defaults.fee.PlaceHolder; ph != "0.00" {
		t.Errorf("the amount's placeholder in English is %q, want 0.00", ph)
	}
	d.defaults.category.SetSelected("Presse")
	waitCheck(t, e, d)
	if !d.defaults.rows[data.FieldCategory].Visible() || !strings.Contains(d.summary.Text, "the category Presse") {
		t.Errorf("after choosing: %q", d.summary.Text)
	}
	tapDialogButton(t, e.win.Canvas(), "Import")
	ptTopDialog(t, e, "2 new")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "u2@ex.example"})
	if len(ids) != 1 {
		t.Fatal(ids)
	}
	p, err := st.Participant(context.Background(), ids[0])
	cats, _ := st.Categories(context.Background())
	presse := slices.IndexFunc(cats, func(c data.Category) bool { return c.Name == "Presse" })
	if err != nil || presse < 0 || p.CategoryID != cats[presse].ID {
		t.Fatalf("%+v, %v", p, err)
	}
}
