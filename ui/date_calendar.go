package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarPicker is the month a date input's calendar shows, in the
// interface's language ("décembre 2026", LUN MAR…). fyne's
// widget.Calendar writes its month with time.Format ("December 2026",
// English whatever the language) and always opens on today's month, so
// the window has its own. UI thread only.
type calendarPicker struct {
	month    time.Time  // the first of the month shown
	selected *time.Time // the field's date, shown in the accent colour; may be nil
	onPick   func(time.Time)
	label    *widget.Label
	grid     *fyne.Container
}

func newCalendarPicker(month time.Time, selected *time.Time, onPick func(time.Time)) *calendarPicker {
	return &calendarPicker{month: firstOfMonth(month), selected: selected, onPick: onPick}
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local)
}

func (c *calendarPicker) build() fyne.CanvasObject {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.onMonthTapped(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.onMonthTapped(1) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	c.label = widget.NewLabel("")
	c.label.Alignment = fyne.TextAlignCenter
	c.grid = container.NewGridWithColumns(7)
	c.show()
	return container.NewBorder(container.NewBorder(nil, nil, prev, next, c.label), nil, nil, nil, c.grid)
}

func (c *calendarPicker) onMonthTapped(delta int) {
	c.month = c.month.AddDate(0, delta, 0)
	c.show()
}

// show fills the grid with the month's days under the week's days.
func (c *calendarPicker) show() {
	c.label.SetText(monthName(c.month.Month()) + " " + strconv.Itoa(c.month.Year()))
	first := weekStart()
	var cells []fyne.CanvasObject
	for i := range 7 {
		h := widget.NewLabel(strings.ToUpper(shortWeekday(time.Weekday((int(first) + i) % 7))))
		h.Alignment = fyne.TextAlignCenter
		cells = append(cells, h)
	}
	for range (int(c.month.Weekday()) - int(first) + 7) % 7 {
		cells = append(cells, widget.NewLabel(""))
	}
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.onPick(d) })
		b.Importance = widget.LowImportance
		if c.selected != nil && sameDay(*c.selected, d) {
			b.Importance = widget.HighImportance
		}
		cells = append(cells, b)
	}
	c.grid.Objects = cells
	c.grid.Refresh()
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// shortWeekday is a week's day in three letters: "lun", "Mon".
func shortWeekday(d time.Weekday) string {
	r := []rune(weekdayName(d))
	if len(r) > 3 {
		r = r[:3]
	}
	return string(r)
}

// weekStart is the first day of the week in the calendars of the
// interface's language: Monday in French on any computer; in English, the
// computer's when its language is English (Sunday in the Americas and
// Japan, as fyne's Calendar has it), else Monday. As dates typed
// (dateLayout), the computer's locale counts only in its own language: a
// French interface on an en_US computer started its weeks on Sunday.
func weekStart() time.Weekday {
	l := lang.SystemLocale().LanguageString()
	if uiLanguage() == "fr" || !strings.HasPrefix(strings.ToLower(l), "en") {
		return time.Monday
	}
	if i := strings.LastIndex(l, "-"); i >= 0 {
		switch strings.ToUpper(l[i+1:]) {
		case "US", "CA", "BR", "BZ", "CO", "DO", "GT", "JP", "MX", "NI", "PE", "PA", "PY", "VE", "ZA":
			return time.Sunday
		}
	}
	return time.Monday
}

func monthName(m time.Month) string {
	switch m {
	case time.January:
		return lang.L("January")
	case time.February:
		return lang.L("February")
	case time.March:
		return lang.L("March")
	case time.April:
		return lang.L("April")
	case time.May:
		return lang.L("May")
	case time.June:
		return lang.L("June")
	case time.July:
		return lang.L("July")
	case time.August:
		return lang.L("August")
	case time.September:
		return lang.L("September")
	case time.October:
		return lang.L("October")
	case time.November:
		return lang.L("November")
	}
	return lang.L("December")
}
