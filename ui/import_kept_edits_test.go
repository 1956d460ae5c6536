package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/spreadsheet"
)

// issuesSaid is the dialog's list of issues, one a line, as it shows them.
func issuesSaid(d *importDialog) string {
	var said []string
	for _, is := range d.issues {
		said = append(said, issueText(is))
	}
	return strings.Join(said, "\n")
}

// TestImportDialogKeptEditsInFrench: Claire's last name corrected by hand,
// the preview of next week's export (filling empty fields) says in French
// that it keeps her edit and what the file says, and counts the row; the
// import then keeps her name and takes the corrected email.
func TestImportDialogKeptEditsInFrench(t *testing.T) {
	test.NewTempApp(t)
	inFrench(t)
	st := mustOpen(t, demoFile(t, 5))
	ctx := context.Background()
	if _, err := st.Import(ctx, spreadsheet.Source{Path: helloAssoWeek(t, 1)}, data.ImportOptions{CreateCategories: true}); err != nil {
		t.Fatal(err)
	}
	ids, err := st.ParticipantIDs(ctx, data.ParticipantQuery{Search: "Claire Leblanc"})
	if err != nil || len(ids) != 1 {
		t.Fatalf("%v, %v", ids, err)
	}
	claire, err := st.Participant(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	claire.LastName = "Leblanc-Roy"
	if err := st.UpdateParticipant(ctx, &claire); err != nil {
		t.Fatal(err)
	}
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1366, 768))
	d := openImportTest(t, e, st, helloAssoWeek(t, 2), nil)
	if want := "2 lignes : 0 nouvelle, 2 mises à jour, "; !strings.HasPrefix(d.summary.Text, want) ||
		!strings.Contains(d.summary.Text, "1 ligne garde vos corrections (voir les avertissements).") {
		t.Errorf("summary %q, want it to start with %q and say the edits kept", d.summary.Text, want)
	}
	if said, want := issuesSaid(d), "Ligne 3 — Votre correction de Claire Leblanc-Roy est gardée : nom «Leblanc-Roy», le fichier dit «Leblanc»."; said != want {
		t.Errorf("issues\n%s\nwant\n%s", said, want)
	}
	tapDialogButton(t, e.win.Canvas(), "Importer")
	ptTopDialog(t, e, "2 lignes : 0 nouvelle, 2 mises à jour, ")
	waitIdle(t, e.tasks)
	got, err := st.Participant(ctx, claire.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.LastName != "Leblanc-Roy" || got.Email != "s.durand@example.org" {
		t.Errorf("Claire is %s <%s>, want Leblanc-Roy <s.durand@example.org>", got.FullName(), got.Email)
	}
}
