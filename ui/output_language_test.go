package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"congres/data"
)

// saveIn taps a Save… button, saves under the name proposed in dir, in
// the window's language, and returns the file written.
func saveIn(t *testing.T, e *env, button *widget.Button, dir, name string, then ...string) []byte {
	t.Helper()
	test.Tap(button)
	tapDialogButton(t, e.win.Canvas(), lang.L("Save"))
	waitIdle(t, e.tasks)
	for _, b := range then {
		tapDialogButton(t, e.win.Canvas(), b)
		waitIdle(t, e.tasks)
	}
	for top := e.win.Canvas().Overlays().Top(); top != nil; top = e.win.Canvas().Overlays().Top() { // a warning about glyphs, say
		e.win.Canvas().Overlays().Remove(top)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("%s not saved: %v", name, err)
	}
	return b
}

// TestPrintsFollowTheCongressLanguage: badges, sign-in sheets,
// certificates and the attendance workbook are written in the congress's
// language, not the window's: the demo, a French congress, in French from
// an English window; set to English, in English from a French window. The
// workbook names the app's version.
func TestPrintsFollowTheCongressLanguage(t *testing.T) {
	version := appVersion
	appVersion = func() string { return "9.8.7" } // a test's app has none
	t.Cleanup(func() { appVersion = version })
	type words struct{ badges, signin, certificates, summary string }
	for _, c := range []struct {
		congress, window string
		files            [4]string // badges, sign-in, certificates, workbook, as the window names them
		want, not        words
	}{
		{"fr", "en", [4]string{"badges.pdf", "sign-in.pdf", "certificates.pdf", "attendance.xlsx"},
			words{"25–26 novembre 2021", "Feuille d'émargement", "Attestation de présence", "Présences"},
			words{"November", "Sign-in sheet", "Certificate of attendance", "Attendance"}},
		{"en", "fr", [4]string{"badges.pdf", "emargement.pdf", "attestations.pdf", "presence.xlsx"},
			words{"25–26 November 2021", "Sign-in sheet", "Certificate of attendance", "Attendance"},
			words{"novembre", "Feuille d'émargement", "Attestation de présence", "Présences"}},
	} {
		t.Run(c.congress, func(t *testing.T) {
			if err := loadTranslations(c.window); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = loadTranslations("en") })
			st, e, s, dir := newExportsTest(t, 30)
			ctx := context.Background()
			cg, err := st.Congress(ctx)
			if err != nil || cg.OutputLanguage() != "fr" {
				t.Fatalf("the demo prints in %q, %v; want French", cg.OutputLanguage(), err)
			}
			cg.Language = c.congress
			if err := st.UpdateCongress(ctx, &cg); err != nil {
				t.Fatal(err)
			}
			s.loadAsync()
			waitIdle(t, e.tasks)
			check := func(what, text, want, not string) {
				t.Helper()
				if !strings.Contains(text, want) {
					t.Errorf("%s: no %q:\n%.1200s", what, want, text)
				}
				if strings.Contains(text, not) {
					t.Errorf("%s: %q, in the window's language", what, not)
				}
			}
			check("badges", flatText(t, saveIn(t, e, s.badges.save, dir, c.files[0], lang.L("Only the others"))), c.want.badges, c.not.badges)
			s.signIn.which.SetSelected(s.signIn.which.Options[signInDay])
			check("sign-in sheets", flatText(t, saveIn(t, e, s.signIn.save, dir, c.files[1])), c.want.signin, c.not.signin)
			check("certificates", flatText(t, saveIn(t, e, s.certificates.save, dir, c.files[2])), c.want.certificates, c.not.certificates)
			f, err := excelize.OpenReader(bytes.NewReader(saveIn(t, e, s.attendance.save, dir, c.files[3])))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a1, _ := f.GetCellValue(f.GetSheetList()[0], "A1")
			check("workbook", a1, c.want.summary, c.not.summary+" —")
			props, _ := f.GetDocProps()
			if want := "Congrès 9.8.7"; props.Creator != want {
				t.Errorf("workbook's creator %q, want %q", props.Creator, want)
			}
		})
	}
}

// TestCongressSettingsLanguage: the congress tab chooses the language of
// the prints, French for a congress that never chose.
func TestCongressSettingsLanguage(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	c := s.congress
	c.loadAsync()
	waitIdle(t, e.tasks)
	if c.language.Selected != lang.L("Français") {
		t.Fatalf("language shown %q, want French", c.language.Selected)
	}
	c.language.SetSelected(lang.L("English"))
	test.Tap(c.save)
	waitIdle(t, e.tasks)
	got, err := st.Congress(context.Background())
	if err != nil || got.Language != data.LanguageEnglish {
		t.Fatalf("saved %q, %v; want English", got.Language, err)
	}
	c.language.SetSelected(lang.L("Français"))
	c.loadAsync() // Undo the changes
	waitIdle(t, e.tasks)
	if c.language.Selected != lang.L("English") {
		t.Errorf("after undo: %q, want English as saved", c.language.Selected)
	}
}
