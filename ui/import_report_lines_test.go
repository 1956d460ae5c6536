package ui

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestImportSummaryKeepsCountsWithWords (issue 19): the import's summary,
// wrapped at any width, never ends a line with a count alone ("… 12" then
// "rows" on the next line), in English or French, and puts no French
// colon or semicolon at the start of a line; and it shows the whole text.
func TestImportSummaryKeepsCountsWithWords(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { loadTranslations("en") })
	r := data.ImportReport{Rows: 12345, New: 12, Updated: 3, Unchanged: 1048, Kept: 2, Skipped: 7, Rejected: 19,
		Enrolments: 240, Tickets: 31, PossibleDuplicates: 4, IgnoredColumns: []string{"Souhaitez-vous recevoir la lettre ?"}}
	for _, language := range []string{"en", "fr"} {
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		text := reportText(r)
		l := newReportLabel(fyne.TextStyle{Bold: true})
		l.SetText(text)
		w := test.NewTempWindow(t, l)
		checked := 0
		for width := float32(180); width <= 720; width += 7 {
			w.Resize(fyne.NewSize(width, 400))
			l.Resize(fyne.NewSize(width, l.MinSize().Height))
			var lines []string
			for _, o := range shownObjects(l) {
				if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
					lines = append(lines, tx.Text)
				}
			}
			if got := strings.Join(lines, " "); got != text {
				t.Fatalf("%s, %v px: shows %q, want %q", language, width, got, text)
			}
			for i, line := range lines[:len(lines)-1] {
				if words := strings.Fields(line); isCount(words[len(words)-1]) {
					t.Errorf("%s, %v px: a line ends with a count: %q then %q", language, width, line, lines[i+1])
				}
				if strings.ContainsRune(":;", []rune(lines[i+1])[0]) {
					t.Errorf("%s, %v px: a line starts with punctuation: %q", language, width, lines[i+1])
				}
			}
			checked += len(lines)
		}
		if checked < 200 {
			t.Errorf("%s: only %d lines", language, checked)
		}
	}
}

// isCount: s is a number, with its thousands separators ("12,345",
// "12 345").
func isCount(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '\u00a0' && r != '\u202f' {
			return false
		}
	}
	return s != ""
}
