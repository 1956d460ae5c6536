package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The stands list's column titles are whole in both languages at 1366×768
// (the tester: "Équi…" for the staff in French).
func TestStandsHeadersWhole(t *testing.T) {
	for _, language := range []string{"fr", "en"} {
		t.Run(language, func(t *testing.T) {
			test.NewTempApp(t)
			if language == "fr" {
				inFrench(t)
			}
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			s := newStandsScreen(e, st)
			e.win.SetContent(s.build())
			e.win.Resize(fyne.NewSize(1366-220, 768)) // beside the screens' column
			s.loadAsync()
			waitIdle(t, e.tasks)
			markup := test.RenderToMarkup(e.win.Canvas())
			for _, h := range s.table.headers {
				if !strings.Contains(markup, ">"+h+"</text>") {
					t.Errorf("the column %q is not shown whole", h)
				}
			}
		})
	}
}
