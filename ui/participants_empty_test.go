package ui

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// TestParticipantsEmptyCongressSaysWhatToDo (eye-74): a new congress's
// participants screen says nobody is registered yet and offers "Import
// registrations…" and "Add a person…", in both languages; "Add a person…"
// opens the form. A search that finds nobody in a full congress does not
// show it.
func TestParticipantsEmptyCongressSaysWhatToDo(t *testing.T) {
	for _, tc := range []struct{ language, importText, addText, message string }{
		{"en", "Import registrations…", "Add a person…", "Nobody is registered yet."},
		{"fr", "Importer des inscriptions…", "Ajouter une personne…", "Personne n'est encore inscrit·e."},
	} {
		t.Run(tc.language, func(t *testing.T) {
			if tc.language == "fr" {
				inFrench(t)
			}
			a := test.NewTempApp(t)
			st, err := stores.Create(t.Context(), filepath.Join(t.TempDir(), "new"+data.Extension),
				data.Congress{Name: "Assises", Days: []data.Day{"2026-06-01"}})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			e := newTestEnv(t)
			s := newParticipantsScreen(e, st, newBadgePrinter(e, st, a.Preferences()))
			e.win.SetContent(s.build())
			e.win.Resize(fyne.NewSize(1100, 700))
			s.loadAsync()
			waitIdle(t, e.tasks)
			if !s.empty.Visible() || !shownLabelStarts(e.win.Content(), tc.message) {
				t.Fatalf("an empty congress shows no %q", tc.message)
			}
			var texts []string
			for _, b := range ptFind[*widget.Button](s.empty) {
				texts = append(texts, b.Text)
			}
			if !slices.Contains(texts, tc.importText) || !slices.Contains(texts, tc.addText) {
				t.Fatalf("buttons %q, want %q and %q", texts, tc.importText, tc.addText)
			}
			ptTap(t, s.empty, tc.addText)
			waitIdle(t, e.tasks)
			if e.win.Canvas().Overlays().Top() == nil {
				t.Error("Add a person… opened nothing")
			}
		})
	}
	t.Run("a search that finds nobody", func(t *testing.T) {
		_, e, s := newParticipantsTest(t, 20)
		if s.empty.Visible() {
			t.Fatal("a congress of 20 says nobody is registered")
		}
		test.Type(s.search, "zzzqqq")
		waitFor(t, "the search listed", e.tasks, func() bool { return len(s.table.rows.ids) == 0 })
		waitIdle(t, e.tasks)
		if s.empty.Visible() {
			t.Error("a search that finds nobody says nobody is registered")
		}
	})
}

// shownLabelStarts tells whether a visible label of o starts with text.
func shownLabelStarts(o fyne.CanvasObject, text string) bool {
	for _, l := range ptFind[*widget.Label](o) {
		if len(l.Text) >= len(text) && l.Text[:len(text)] == text {
			return true
		}
	}
	return false
}
