package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
