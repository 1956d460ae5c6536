package ui

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// dayHeading names a day above its sessions in the list, with a capital
// as its button has it: "Jeudi 25/11/2021" ("jeudi 25/11/2021" under a
// "Jeudi 25/11" button before). dayLong keeps the small letter a day
// takes within a sentence in French.
func dayHeading(d data.Day) string { return capitalised(dayLong(d)) }

// capitalised is s with a capital first letter: a heading or a button.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// The programme's list view: its places column is as wide as its widest
// value ("≈ 43 591 / 1 500" is never cut), and a title cut at the end of
// its column shows whole under the list while the pointer is over it, as
// the timetable shows it under the grid.

// programmePlacesColumn is the index of the places in a list line.
const programmePlacesColumn = 4

// fitPlacesColumn makes the places column as wide as its widest value or
// its heading. UI thread.
func (s *programmeScreen) fitPlacesColumn() {
	if s.columns == nil {
		return
	}
	style := fyne.TextStyle{Bold: true}
	widest := fyne.MeasureText(lang.L("Places"), theme.TextSize(), style).Width
	for _, r := range s.rows {
		if r.heading == "" {
			widest = max(widest, fyne.MeasureText(r.cells[programmePlacesColumn], theme.TextSize(), fyne.TextStyle{}).Width)
		}
	}
	w := max(programmeColumns.widths[programmePlacesColumn], widest+2*theme.InnerPadding()+2)
	if w == s.columns.widths[programmePlacesColumn] {
		return
	}
	s.columns.widths[programmePlacesColumn] = w
	if s.listView != nil {
		s.listView.Refresh()
	}
}

func newProgrammeListStatus() *widget.Label {
	l := widget.NewLabel(lang.L("Click a session to open it."))
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignTrailing
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// onListHover shows the whole title under the pointer under the list, or
// the hint when the pointer left.
func (s *programmeScreen) onListHover(text string) {
	s.listStatus.Importance = widget.MediumImportance
	if text == "" {
		text = lang.L("Click a session to open it.")
		s.listStatus.Importance = widget.LowImportance
	}
	s.listStatus.SetText(text)
}
