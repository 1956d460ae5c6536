package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestImportLeaveRowsOutTakesTheKeys (issue 19): "Leave rows out?" asks
// before importing a file with rows that cannot be imported; Enter
// imports the others, as its main button does, and Esc goes back to the
// preview, importing nothing. Before, Enter did nothing there.
func TestImportLeaveRowsOutTakesTheKeys(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			test.NewTempApp(t)
			if language == "fr" {
				inFrench(t)
			}
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			e.win.Resize(fyne.NewSize(1100, 800))
			c := e.win.Canvas()
			done := 0
			d := openImportTest(t, e, st, importCSV(t), func() { done++ })
			if d.report.Rejected == 0 {
				t.Fatal("no row is left out")
			}
			preview := c.Overlays().Top()

			test.Tap(d.importBtn)
			if c.Overlays().Top() == preview || c.Focused() == nil {
				t.Fatalf("no question, or nothing has the keyboard (%T)", c.Focused())
			}
			if !escapeFromFocus(c) || c.Overlays().Top() != preview || done != 0 {
				t.Fatalf("Esc: back to the preview %v, imported %d times", c.Overlays().Top() == preview, done)
			}

			test.Tap(d.importBtn)
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			waitIdle(t, e.tasks)
			if done != 1 {
				t.Fatalf("Enter did not import (%d)", done)
			}
			want := map[string]string{"en": "Import finished", "fr": "Import terminé"}[language]
			if texts := labelTexts(c.Overlays().Top()); !slices.Contains(texts, want) {
				t.Errorf("after Enter the window shows %q", texts)
			}
		})
	}
}
