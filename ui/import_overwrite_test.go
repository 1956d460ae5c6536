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
	"congres/data/spreadsheet"
)

// helloAssoWeek writes a HelloAsso export of one order: week 2 is the
// platform's next export, the payer's email corrected and the names
// recased.
func helloAssoWeek(t *testing.T, week int) string {
	t.Helper()
	email, martin, leblanc := "s.durand@exmaple.org", "MARTIN", "LEBLANC"
	if week == 2 {
		email, martin, leblanc = "s.durand@example.org", "Martin", "Leblanc"
	}
	lines := []string{
		"\ufeffNuméro de commande;Date de la commande;Statut de la commande ;Nom participant;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant tarif;Numéro de billet",
		"1001;01/10/2021 10:20;Validé;" + martin + ";Jean;DURAND;Sophie;" + email + ";;Carte bancaire;Adhérent;120,00;34001",
		"1001;01/10/2021 10:20;Validé;" + leblanc + ";Claire;DURAND;Sophie;" + email + ";;Carte bancaire;Adhérent;120,00;34002",
	}
	path := filepath.Join(t.TempDir(), "helloasso.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportDialogOverwriteSaysWhat: Claire's name and email corrected by
// hand, next week's export filling empty fields keeps them and says so,
// and takes Jean's, which nobody edited; choosing to overwrite, the
// preview names her and each value replaced, before anything is written.
func TestImportDialogOverwriteSaysWhat(t *testing.T) {
	test.NewTempApp(t)
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
	claire.LastName, claire.Email = "Leblanc-Roy", "claire@coop.example"
	if err := st.UpdateParticipant(ctx, &claire); err != nil {
		t.Fatal(err)
	}
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1366, 768))
	d := openImportTest(t, e, st, helloAssoWeek(t, 2), nil)
	if want := "2 rows: 0 new, 1 updated, 0 unchanged, 1 kept as they were"; !strings.HasPrefix(d.summary.Text, want) ||
		!strings.Contains(d.summary.Text, "1 row keeps your edits (see the warnings).") {
		t.Errorf("filling: summary %q, want it to start with %q and say the edits kept", d.summary.Text, want)
	}
	if said, want := issuesSaid(d), "Line 3 — Kept your edit of Claire Leblanc-Roy: last name “Leblanc-Roy”, the file says “Leblanc”; "+
		"email “claire@coop.example”, the file says “s.durand@example.org”."; said != want {
		t.Errorf("filling: issues\n%s\nwant\n%s", said, want)
	}
	d.onMatchChanged(int(data.MatchOverwrite))
	waitCheck(t, e, d)
	if want := "2 rows replace values the congress holds (see the warnings)."; !strings.Contains(d.summary.Text, want) {
		t.Errorf("overwriting: summary %q, want it to say %q", d.summary.Text, want)
	}
	var said []string
	for _, is := range d.issues {
		said = append(said, issueText(is))
	}
	want := "Line 3 — The file's values replace those of Claire Leblanc-Roy: last name “Leblanc-Roy” → “Leblanc”; email “claire@coop.example” → “s.durand@example.org”."
	if !strings.Contains(strings.Join(said, "\n"), want) {
		t.Errorf("overwriting: issues\n%s\nwant\n%s", strings.Join(said, "\n"), want)
	}
	if got, _ := st.Participant(ctx, claire.ID); got.LastName != "Leblanc-Roy" {
		t.Errorf("the preview wrote %s", got.FullName())
	}
}
