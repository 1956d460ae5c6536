package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// checkLastLine fails when the hint's text is not all shown, or when its
// last line is one word alone; it returns how many lines it shows.
func checkLastLine(t *testing.T, what string, k fyne.CanvasObject, text string) int {
	t.Helper()
	var lines []string
	for _, o := range shownObjects(k) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			lines = append(lines, tx.Text)
		}
	}
	// (A word wider than a line is cut where it must, in a path say.)
	if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
		t.Fatalf("%s: shows %q, want %q", what, got, text)
	}
	if n := len(lines); n > 1 && len(strings.Fields(lines[n-1])) < 2 {
		t.Errorf("%s: the last line is one word alone: %q then %q", what, lines[n-2], lines[n-1])
	}
	return len(lines)
}

// TestHintsKeepTheirLastWordsTogether (issue 19): the hints under the lists
// and on the exports, and the messages of the dialogs, wrapped at any
// width in English and French, never end with one word alone on their last
// line ("… ses badges" then "imprimés."), and show their whole text.
func TestHintsKeepTheirLastWordsTogether(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { loadTranslations("en") })
	texts := []string{
		"Choose a participant in the list to see their enrolments, check-ins and badge prints.",
		"Nobody is registered yet. Import the registrations from a ticketing platform or a form (a CSV or XLSX file), or add people one by one.",
		"On a sheet already partly used: the number of the first free label, counted across then down.",
		"One page per person: the congress and its dates, the person, the days attended with their hours from the programme, the sessions attended with their durations, the place and date, and the signature (or a line to sign by hand).",
		"A list has the columns you choose, for the people you choose (the caterer's, the hotel's…). Lists are kept in the congress file.",
		"{{.Path}} already exists. Replace it?",
	}
	for _, language := range []string{"en", "fr"} {
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		for _, key := range texts {
			text := lang.L(key, map[string]any{"Path": "/home/anne/congrès/attendance.xlsx"})
			for _, align := range []fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignCenter} {
				l := widget.NewLabel(text)
				l.Wrapping, l.Alignment = fyne.TextWrapWord, align
				k := keepLastWords(l)
				w := test.NewTempWindow(t, k)
				lines := 0
				for width := float32(160); width <= 1000; width += 9 {
					w.Resize(fyne.NewSize(width, 600))
					k.Resize(fyne.NewSize(width, k.MinSize().Height))
					what := language + ", " + strings.Fields(text)[0] + "…, " + fmtWidth(width)
					lines += checkLastLine(t, what, l, text)
					if l.Position().X < 0 || l.Position().X+l.Size().Width > width+0.5 {
						t.Errorf("%s: the label is at %v, %v wide, out of its space", what, l.Position(), l.Size().Width)
					}
				}
				if lines < 100 {
					t.Errorf("%s: %q wrapped in only %d lines over all widths", language, text, lines)
				}
			}
		}
	}
}

// TestParticipantsHintKeepsItsLastWords: the hint under the participants
// list, in French, in the window at widths a 1366×768 screen gives it
// (with the window's borders, a side panel), never ends with "imprimés."
// alone.
func TestParticipantsHintKeepsItsLastWords(t *testing.T) {
	t.Cleanup(func() { loadTranslations("en") })
	for _, language := range []string{"fr", "en"} {
		a := test.NewTempApp(t)
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		st := mustOpen(t, demoFile(t, 10))
		e := newTestEnv(t)
		s := newParticipantsScreen(e, st, newBadgePrinter(e, st, a.Preferences()))
		e.win.SetContent(s.build())
		s.loadAsync()
		waitIdle(t, e.tasks)
		wrapped := 0
		for width := float32(520); width <= 1366; width += 12 {
			e.win.Resize(fyne.NewSize(width, 768))
			if !s.detail.empty.Visible() {
				t.Fatal("the hint is not shown while nobody is chosen")
			}
			if checkLastLine(t, language+", window "+fmtWidth(width), s.detail.empty, s.detail.empty.Text) > 1 {
				wrapped++
			}
		}
		if wrapped == 0 {
			t.Errorf("%s: the hint wrapped at no width", language)
		}
	}
}

func fmtWidth(w float32) string { return formatCount(int(w)) + " px" }

// TestImportSummaryKeepsItsLastWords: the import's report, which breaks its
// lines itself (reportLabel), never ends with one word alone either.
func TestImportSummaryKeepsItsLastWords(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { loadTranslations("en") })
	r := data.ImportReport{Rows: 39, New: 12, Updated: 3, Unchanged: 20, Skipped: 1, Rejected: 3, Enrolments: 24, Tickets: 31}
	for _, language := range []string{"en", "fr"} {
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		l := newReportLabel(fyne.TextStyle{Bold: true})
		l.SetText(reportText(r))
		w := test.NewTempWindow(t, l)
		for width := float32(160); width <= 900; width += 7 {
			w.Resize(fyne.NewSize(width, 400))
			l.Resize(fyne.NewSize(width, l.MinSize().Height))
			checkLastLine(t, language+", "+fmtWidth(width), l, l.Text)
		}
	}
}
