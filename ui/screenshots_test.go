package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
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
				writePNG(t, filepath.Join(out, name+".png"), u.win)
			}
		})
	}
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
