package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// helloAssoCSV writes a HelloAsso export as organisers get it: an unknown
// category ("Non adhérent"), a possible duplicate (Jean MARTIN twice, in
// two orders) and a ticket without a name (rejected).
func helloAssoCSV(t *testing.T) string {
	t.Helper()
	lines := []string{
		"\ufeffNuméro de billet;Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant du tarif;Code Promo",
		"10000001;R1;01/10/2021 10:20;Validé;MARTIN;Jean;Durand;Paul;paul.durand@exemple.fr;;Carte bancaire;Adhérent;120,00;",
		"10000002;R1;01/10/2021 10:20;Validé;LEFEBVRE;Claire;Durand;Paul;paul.durand@exemple.fr;;Carte bancaire;Adhérent;120,00;",
		"10000003;R1;01/10/2021 10:20;Validé;DUPONT;Marc;Durand;Paul;paul.durand@exemple.fr;;Carte bancaire;Non adhérent;180,00;",
		"10000004;R2;02/10/2021 14:05;Validé;MARTIN;Jean;Leroy;Anne;anne.leroy@exemple.fr;;Carte bancaire;ÉLU·E;0,00;",
		"10000005;R2;02/10/2021 14:05;En attente;PETIT;Sophie;Leroy;Anne;anne.leroy@exemple.fr;;Virement;élue;0,00;",
		"10000006;R3;03/10/2021 09:00;Validé;MOREAU;Léa;Moreau;Léa;lea.moreau@exemple.fr;;Carte bancaire;Elu;0,00;",
		"10000007;R4;05/10/2021 08:10;Validé;;;Bonnet;Emma;emma.bonnet@exemple.fr;;Carte bancaire;Adhérent;120,00;",
	}
	path := filepath.Join(t.TempDir(), "helloasso.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// inFrench reads the window in French for the rest of the test.
func inFrench(t *testing.T) {
	t.Helper()
	if err := loadTranslations("fr"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { loadTranslations("en") })
}

// TestImportDialogReasonsHaveRoom: with the "Unknown categories" block, the
// warnings and rejected rows still have several lines at 1180×700 and
// 1366×768 (8 px and one line before), each reason wrapped whole; the wheel
// over the list scrolls the list, then the column around it.
func TestImportDialogReasonsHaveRoom(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1180, Height: 700}, {Width: 1366, Height: 768}} {
		t.Run(strings.ReplaceAll(sizeName(size), " ", ""), func(t *testing.T) {
			test.NewTempApp(t)
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			e.win.Resize(size)
			d := openImportTest(t, e, st, helloAssoCSV(t), nil)
			if !d.unknownBox.Visible() || len(d.catSelects) == 0 {
				t.Fatal("no unknown category is asked about")
			}
			if len(d.issues) < 2 {
				t.Fatalf("issues %v", d.issues)
			}
			test.LaidOutObjects(e.win.Canvas().Overlays().Top()) // lays the dialog out
			least := 5 * issueLineHeight()
			if h := d.issueList.Size().Height; h < least {
				t.Errorf("the reasons have %v px, want at least %v (5 lines)", h, least)
			}
			// Each row shown is as tall as its reason wrapped at the list's
			// width.
			for i, is := range d.issues {
				item := newIssueItem()
				item.Resize(fyne.NewSize(d.issueList.Size().Width, 100))
				d.updateIssueItem(i, item)
				label := item.(*fyne.Container).Objects[0].(*widget.Label)
				if label.Text != issueText(is) || label.Wrapping != fyne.TextWrapWord {
					t.Errorf("row %d shows %q", i, label.Text)
				}
				if want := issueTextHeight(issueText(is), d.issueList.Size().Width); d.issueHeights[i] < want {
					t.Errorf("row %d is %v px for %v px of text", i, d.issueHeights[i], want)
				}
			}
		})
	}
}

func sizeName(s fyne.Size) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmtFloat(float64(s.Width)), ".0"), ",0") + "x" +
		strings.TrimSuffix(strings.TrimSuffix(fmtFloat(float64(s.Height)), ".0"), ",0")
}

// TestImportDialogWheelChains: the wheel over the reasons, down, brings the
// whole list into sight first (the column scrolls), then scrolls the list;
// up, the list first, then the column: it never stops at the end of one.
func TestImportDialogWheelChains(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1180, 700))
	path := filepath.Join(t.TempDir(), "many.csv")
	lines := []string{"Prénom;Nom;E-mail"}
	for i := range 30 {
		lines = append(lines, "Zoé;Zénith;zoe"+strings.Repeat("@", 2)+"bad"+string(rune('a'+i%26))+".fr")
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	test.LaidOutObjects(e.win.Canvas().Overlays().Top())
	// The column is made short, so that it scrolls.
	d.issueScroll.Resize(fyne.NewSize(d.issueScroll.Size().Width, 150))
	var wheel *wheelChain
	for _, o := range d.issueArea.Objects {
		if w, ok := o.(*wheelChain); ok {
			wheel = w
		}
	}
	if wheel == nil {
		t.Fatal("no wheel over the list")
	}
	down, up := &fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}}, &fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 40}}
	wheel.Scrolled(down)
	if d.issueScroll.Offset.Y == 0 || d.issueList.GetScrollOffset() != 0 {
		t.Fatalf("down: the column is at %v, the list at %v; want the column first", d.issueScroll.Offset.Y,
			d.issueList.GetScrollOffset())
	}
	for range 100 {
		wheel.Scrolled(down)
	}
	if d.issueList.GetScrollOffset() == 0 {
		t.Fatal("down: the list never scrolled")
	}
	column := d.issueScroll.Offset.Y
	wheel.Scrolled(up)
	if d.issueScroll.Offset.Y != column {
		t.Errorf("up: the column moved before the list")
	}
	for range 200 {
		wheel.Scrolled(up)
	}
	if d.issueScroll.Offset.Y != 0 || d.issueList.GetScrollOffset() != 0 {
		t.Errorf("up: the column is at %v, the list at %v; want both at the top", d.issueScroll.Offset.Y,
			d.issueList.GetScrollOffset())
	}
}

// TestImportFinishedShowsReasons: "Import finished" shows the warnings it
// speaks of, each whole, and closes with Esc or Enter.
func TestImportFinishedShowsReasons(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		t.Run(string(key), func(t *testing.T) {
			test.NewTempApp(t)
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			e.win.Resize(fyne.NewSize(1180, 700))
			d := openImportTest(t, e, st, helloAssoCSV(t), nil)
			d.catSelects[0].SetSelected("Partenaire ESS")
			waitCheck(t, e, d)
			tapDialogButton(t, e.win.Canvas(), "Import")
			tapDialogButton(t, e.win.Canvas(), "Import") // leave the rejected row out
			top := ptTopDialog(t, e, "Import finished")
			waitIdle(t, e.tasks)
			labels := strings.Join(ptFindLabels(top), "\n")
			if !strings.Contains(labels, "(see the warnings)") {
				t.Fatalf("the dialog says %q", labels)
			}
			r := d.report
			for _, is := range r.Issues {
				if !strings.Contains(labels, issueText(is)) {
					t.Errorf("%q is not shown whole in %q", issueText(is), labels)
				}
			}
			e.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
			if e.win.Canvas().Overlays().Top() != nil {
				t.Errorf("%s did not close it", key)
			}
		})
	}
}

// TestImportRejectsBesideTheFile: "Save the rejected rows…" proposes the
// imported file's folder and "<file>-rejected.csv" ("-rejetées" in French),
// not the last export's folder, then says the saved file's whole path.
func TestImportRejectsBesideTheFile(t *testing.T) {
	for _, c := range []struct{ lang, name, said string }{
		{"en", "helloasso-rejected.csv", "The rejected rows were saved in "},
		{"fr", "helloasso-rejetées.csv", "Les lignes rejetées ont été enregistrées dans "},
	} {
		t.Run(c.lang, func(t *testing.T) {
			a := test.NewTempApp(t)
			if c.lang == "fr" {
				inFrench(t)
			}
			a.Preferences().SetString(prefExportFolder, t.TempDir()) // an export made elsewhere
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			e.win.Resize(fyne.NewSize(1180, 700))
			path := helloAssoCSV(t)
			d := openImportTest(t, e, st, path, nil)
			test.Tap(d.rejectsBtn)
			form := e.win.Canvas().Overlays().Top()
			var texts []string
			for _, en := range ptFind[*widgets.Entry](form) {
				texts = append(texts, en.Text)
			}
			if len(texts) != 2 || texts[0] != filepath.Dir(path) || texts[1] != c.name {
				t.Fatalf("the chooser proposes %q, want %q and %q", texts, filepath.Dir(path), c.name)
			}
			tapDialogButton(t, e.win.Canvas(), map[string]string{"en": "Save", "fr": "Enregistrer"}[c.lang])
			want := filepath.Join(filepath.Dir(path), c.name)
			ptTopDialog(t, e, c.said+want+".")
			if _, err := os.Stat(want); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestImportCountsAgree: each count of the import's sentences agrees with
// its noun in both languages ("1 nouvelle", "1 rejetée", "1 ligne").
func TestImportCountsAgree(t *testing.T) {
	test.NewTempApp(t)
	one := data.ImportReport{Rows: 1, New: 1, Updated: 1, Unchanged: 1, Skipped: 1, Rejected: 1, Enrolments: 1,
		Tickets: 1, PossibleDuplicates: 1}
	two := data.ImportReport{Rows: 2, New: 2, Updated: 2, Unchanged: 2, Skipped: 2, Rejected: 2, Enrolments: 2,
		Tickets: 2, PossibleDuplicates: 2}
	// Zero is left out: its form follows the system's language (French
	// says "0 mise à jour", English "0 updated"), the tests run in English.
	big := data.ImportReport{Rows: 50000, New: 49999, Updated: 2, Unchanged: 2, Skipped: 2, Rejected: 1, Enrolments: 1}
	kept := data.ImportReport{Rows: 5, New: 1, Updated: 1, Unchanged: 1, Kept: 1, Skipped: 1, Rejected: 2, Enrolments: 2}
	cases := []struct {
		r      data.ImportReport
		en, fr string
	}{
		{one, "1 row: 1 new, 1 updated, 1 unchanged, 1 skipped, 1 rejected; 1 workshop place. 1 e-ticket kept for the desk. 1 possible duplicate (see the warnings).",
			"1 ligne : 1 nouvelle, 1 mise à jour, 1 inchangée, 1 ignorée, 1 rejetée ; 1 place en atelier. 1 billet électronique gardé pour l'accueil. 1 doublon possible (voir les avertissements)."},
		{two, "2 rows: 2 new, 2 updated, 2 unchanged, 2 skipped, 2 rejected; 2 workshop places. 2 e-tickets kept for the desk. 2 possible duplicates (see the warnings).",
			"2 lignes : 2 nouvelles, 2 mises à jour, 2 inchangées, 2 ignorées, 2 rejetées ; 2 places en atelier. 2 billets électroniques gardés pour l'accueil. 2 doublons possibles (voir les avertissements)."},
		{big, "50,000 rows: 49,999 new, 2 updated, 2 unchanged, 2 skipped, 1 rejected; 1 workshop place.",
			"50\u00a0000 lignes : 49\u00a0999 nouvelles, 2 mises à jour, 2 inchangées, 2 ignorées, 1 rejetée ; 1 place en atelier."},
		{kept, "5 rows: 1 new, 1 updated, 1 unchanged, 1 kept as they were, 1 skipped, 2 rejected; 2 workshop places.",
			"5 lignes : 1 nouvelle, 1 mise à jour, 1 inchangée, 1 gardée telle quelle, 1 ignorée, 2 rejetées ; 2 places en atelier."},
	}
	for _, c := range cases {
		if got := reportText(c.r); got != c.en {
			t.Errorf("en: %q\nwant %q", got, c.en)
		}
	}
	inFrench(t)
	for _, c := range cases {
		if got := reportText(c.r); got != c.fr {
			t.Errorf("fr: %q\nwant %q", got, c.fr)
		}
	}
}

// TestImportDialogCountsInFrench: the dialog's summary, its question
// before leaving rows out and "Import terminé" agree in number in French.
func TestImportDialogCountsInFrench(t *testing.T) {
	test.NewTempApp(t)
	inFrench(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1366, 768))
	path := filepath.Join(t.TempDir(), "deux.csv")
	text := "Prénom;Nom;E-mail\nZoé;Zénith;zoe@zenith.fr\nYves;Yonne;yves@@bad\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openImportTest(t, e, st, path, nil)
	if want := "2 lignes : 1 nouvelle, "; !strings.HasPrefix(d.summary.Text, want) || !strings.Contains(d.summary.Text, ", 1 rejetée ; ") {
		t.Errorf("summary %q, want %q… 1 rejetée", d.summary.Text, want)
	}
	tapDialogButton(t, e.win.Canvas(), "Importer")
	ptTopDialog(t, e, "1 ligne sera laissée de côté (voir l'aperçu). Importer les autres\u00a0?")
	tapDialogButton(t, e.win.Canvas(), "Importer")
	done := strings.Join(ptFindLabels(ptTopDialog(t, e, "2 lignes : 1 nouvelle, ")), "\n")
	if !strings.Contains(done, ", 1 rejetée ; ") {
		t.Errorf("Import terminé says %q", done)
	}
	waitIdle(t, e.tasks)
}

// clickTarget is what a click at pos (absolute) in o reaches in the real
// window: the topmost object under it that takes taps or the keyboard, as
// fyne's driver finds it (the test's Tap skips that search).
func clickTarget(o fyne.CanvasObject, pos fyne.Position) fyne.CanvasObject {
	var found fyne.CanvasObject
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		at := origin.Add(o.Position())
		inside := pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+o.Size().Width && pos.Y < at.Y+o.Size().Height
		if !inside {
			return
		}
		switch o.(type) {
		case fyne.Tappable, fyne.Focusable:
			found = o
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, at)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, at)
			}
		}
	}
	walk(o, fyne.Position{})
	return found
}

// TestImportFinishedSaveTakesClicks: "Save the rejected rows…" of "Import
// finished" gets the click in the real window (the keys laid over the
// whole dialog took it, and nothing happened).
func TestImportFinishedSaveTakesClicks(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1180, 700))
	d := openImportTest(t, e, st, helloAssoCSV(t), nil)
	d.catSelects[0].SetSelected("Partenaire ESS")
	waitCheck(t, e, d)
	tapDialogButton(t, e.win.Canvas(), "Import")
	tapDialogButton(t, e.win.Canvas(), "Import")
	top := ptTopDialog(t, e, "Import finished")
	waitIdle(t, e.tasks)
	save := ptFindButton(t, top, "Save the rejected rows…")
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(save).Add(fyne.NewPos(save.Size().Width/2, save.Size().Height/2))
	if got := clickTarget(top, at); got != save {
		t.Fatalf("a click on Save the rejected rows… goes to %T", got)
	}
	e.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close it")
	}
}
