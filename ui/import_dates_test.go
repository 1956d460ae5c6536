package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// TestImportDialogAsksDateOrder: when a date column reads as two congress
// days, the dialog asks how its dates are written, Import waits for the
// answer, and the answer is how the import reads them.
func TestImportDialogAsksDateOrder(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "cycle"+data.Extension)
	s, err := stores.Create(ctx, file, data.Congress{Name: "Cycle", Days: []data.Day{"2026-02-03", "2026-03-02"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	st := mustOpen(t, file)
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	path := filepath.Join(t.TempDir(), "liste.csv")
	if err := os.WriteFile(path, []byte("Prénom;Nom;Jours\nAwa;Diallo;03/02/2026 10:20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	if !d.dates.box.Visible() || !strings.Contains(d.dates.label.Text, "“Jours”") {
		t.Fatalf("not asked: %q", d.dates.label.Text)
	}
	// Unanswered, nothing is imported: the button waits, and says why.
	if !d.importBtn.Disabled() || !strings.HasSuffix(d.summary.Text, " Say how the dates are written to import the file.") {
		t.Fatalf("Import enabled %v before the dates are told; summary %q", !d.importBtn.Disabled(), d.summary.Text)
	}
	d.onImportTapped()
	waitIdle(t, e.tasks)
	if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Diallo"}); len(ids) != 0 {
		t.Fatalf("imported unanswered: %v", ids)
	}
	d.dates.order.SetSelected("Month first (03/02 is March 2)")
	waitCheck(t, e, d)
	tapDialogButton(t, e.win.Canvas(), "Import")
	ptTopDialog(t, e, "1 new")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Diallo"})
	if len(ids) != 1 {
		t.Fatal(ids)
	}
	if p, err := st.Participant(ctx, ids[0]); err != nil || len(p.Days) != 1 || p.Days[0] != "2026-03-02" {
		t.Fatalf("%+v, %v", p, err)
	}
}
