package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The day the desk records: the congress days offered, the one chosen, and
// the line that says which it is.

// newDayNote is the line that says the day checked in for is not today.
func newDayNote() *widget.Label {
	l := widget.NewLabel(lang.L("Today is not a day of the congress: check-ins go to the day chosen on the right."))
	l.Importance = widget.WarningImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setDays offers the congress days, today's first when it is one.
func (s *deskScreen) setDays(days []data.Day, sessions []data.Session) {
	s.days = days
	s.sessions = sessions
	var labels []string
	for _, d := range days {
		labels = append(labels, dayLong(d))
	}
	s.day.SetOptions(labels)
	today := data.Day(s.now().Format(time.DateOnly))
	i := slices.Index(days, today)
	switch {
	case len(days) == 0:
		return
	case i < 0 && s.day.SelectedIndex() >= 0:
		s.onDayChanged("") // keep the day chosen; read the sessions again
	case i < 0:
		s.day.SetSelectedIndex(0)
	default:
		s.day.SetSelectedIndex(i)
	}
}

// today is the day people are checked in for.
func (s *deskScreen) today() data.Day {
	if i := s.day.SelectedIndex(); i >= 0 && i < len(s.days) {
		return s.days[i]
	}
	return data.Day(s.now().Format(time.DateOnly))
}

// onDayChanged offers the doors of the day's sessions and counts its arrivals.
func (s *deskScreen) onDayChanged(string) {
	day := s.today()
	if note := day != data.Day(s.now().Format(time.DateOnly)); note != s.dayNote.Visible() {
		showIf(s.dayNote, note)
		s.root.Refresh() // the top grew or shrank
	}
	options := []string{lang.L("Arrivals")}
	s.doors = s.doors[:0]
	for _, se := range s.sessions {
		if se.Day == day {
			options = append(options, lang.L("Door: {{.Time}} {{.Title}}", map[string]any{
				"Time": se.Start.String(), "Title": se.Title}))
			s.doors = append(s.doors, se.ID)
		}
	}
	s.door.SetOptions(options)
	s.door.SetSelectedIndex(slices.Index(s.doors, s.session) + 1)
	s.countAsync()
	s.focus()
}
