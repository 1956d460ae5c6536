package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"congres/data"
	"congres/data/stores"
)

// TestWriteScreenshots writes a PNG of every screen, on the demo congress,
// in English and French, into $CONGRES_SCREENSHOTS (make screenshots). It
// draws with fyne's software painter: no display is needed.
func TestWriteScreenshots(t *testing.T) {
	dir := os.Getenv("CONGRES_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CONGRES_SCREENSHOTS to a folder to write the screenshots (make screenshots)")
	}
	names := []string{"dashboard", "participants", "programme", "stands", "desk", "exports", "settings"}
	path := demoFile(t, 530)
	addScreenshotLists(t, path)
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			screenshotLocale(t, language)
			if err := loadTranslations(language); err != nil {
				t.Fatal(err)
			}
			defer loadTranslations("en")
			u := newTestUI(t)
			u.app.Settings().SetTheme(theme.DefaultTheme())
			u.win.Resize(fyne.NewSize(1280, 800))
			u.openAsync(path)
			waitIdle(t, &u.tasks)
			if u.view == nil {
				t.Fatal("the demo did not open")
			}
			out := filepath.Join(dir, language)
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			for i, name := range names {
				u.view.show(i)
				waitIdle(t, &u.tasks)
				if name == "desk" {
					showDeskScreenshot(t, u)
				}
				writePNG(t, filepath.Join(out, name+".png"), u.win)
			}
			writeExportsScreenshots(t, u, out)
		})
	}
}

// screenshotLocales are the system locales the screenshots of each
// language are taken under: dates are typed in the locale's format
// (date_input.go), so that a French screen shows 31/12/2026, as the real
// window does under a French system, whatever the machine making them.
var screenshotLocales = map[string]string{"en": "en_US.UTF-8", "fr": "fr_FR.UTF-8"}

// screenshotLocale puts the system locale of language in the environment,
// where fyne reads it, for the rest of the test.
func screenshotLocale(t *testing.T, language string) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		t.Setenv(name, screenshotLocales[language])
	}
}

// TestScreenshotsUseTheLanguagesLocale (issue 19): under LANG=C.UTF-8
// (make screenshots on a build machine, which assets/locale.go turns into
// en_US.UTF-8), the French shots showed the US date example 12/31/2026
// where the real French window shows 31/12/2026.
func TestScreenshotsUseTheLanguagesLocale(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LANGUAGE", "")
	for language, want := range map[string]string{"en": "12/31/2026", "fr": "31/12/2026"} {
		t.Run(language, func(t *testing.T) {
			screenshotLocale(t, language)
			if language == "fr" {
				inFrench(t) // the screenshots' French window; dates follow its language (date_input.go)
			}
			if got := dateEntryExample(); got != want {
				t.Errorf("the date example is %q, want %q", got, want)
			}
		})
	}
}

// showDeskScreenshot puts the desk on the first morning of the demo, with
// someone scanned who has not paid their fee yet.
func showDeskScreenshot(t *testing.T, u *ui) {
	t.Helper()
	d := u.view.pages[deskPage].screen.(*deskScreen)
	d.now = func() time.Time { return deskMorning }
	d.loadAsync()
	waitIdle(t, &u.tasks)
	ctx := context.Background()
	ids, err := d.store.(*data.Store).ParticipantIDs(ctx, data.ParticipantQuery{Sort: data.SortName})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		c, err := d.store.DeskCard(ctx, id, deskDay, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Warnings) == 1 && c.Warnings[0].Kind == data.WarnUnpaid && len(c.Sessions) > 2 {
			d.admitAsync(id, nil)
			waitIdle(t, &u.tasks)
			return
		}
	}
	t.Fatal("the demo has nobody who has not paid")
}

// addScreenshotLists saves two lists in the congress file at path, for the
// Lists tab of the exports.
func addScreenshotLists(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, p := range []data.ListPreset{
		{Name: "Traiteur", Columns: []string{"last_name", "first_name", "organisation", "diet", "days"},
			Filter: data.ParticipantQuery{SkipCancelled: true, Sort: data.SortName}},
		{Name: "Hôtel", Columns: []string{"last_name", "first_name", "days", "accessibility", "phone"},
			Filter: data.ParticipantQuery{Status: data.StatusConfirmed, Sort: data.SortName}},
	} {
		if err := st.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
}

// writeExportsScreenshots writes the tabs of the exports screen other than
// the badges, and the form of a list.
func writeExportsScreenshots(t *testing.T, u *ui, out string) {
	t.Helper()
	s := u.view.show(exportsPage).(*exportsScreen)
	waitIdle(t, &u.tasks)
	for _, tab := range []struct {
		index int
		name  string
	}{
		{attendanceTab, "exports-attendance"},
		{listsTab, "exports-lists"},
		{signInTab, "exports-signin"},
		{certificatesTab, "exports-certificates"},
	} {
		s.tabs.SelectIndex(tab.index)
		if tab.index == signInTab {
			s.signIn.session.SetSelectedIndex(min(3, len(s.signIn.sessions)-1))
		}
		waitIdle(t, &u.tasks)
		writePNG(t, filepath.Join(out, tab.name+".png"), u.win)
	}
	s.tabs.SelectIndex(listsTab)
	s.lists.onEditTapped()
	writePNG(t, filepath.Join(out, "exports-list-form.png"), u.win)
	s.lists.form.dialog.dialog.Hide()
	s.tabs.SelectIndex(badgesTab)
}

func writePNG(t *testing.T, path string, w fyne.Window) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
