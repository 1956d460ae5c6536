package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// dateEntryExample is a date in the format typed (31/12/2026,
// 12/31/2026…): the placeholder that shows how to type one.
func dateEntryExample() string {
	return time.Date(2026, 12, 31, 0, 0, 0, 0, time.Local).Format(dateLayout()) // fixed: the screen looks the same every year
}

// dateLayout is the format dates are typed in, as a Go layout: the
// interface language's, and the computer's only when its language is the
// one chosen. French puts the day first ("02/01/2006": JJ/MM/AAAA) on any
// computer. English puts the month first ("01/02/2006"), as the window
// writes English dates (Nov 25, 2021), except on an English computer of a
// country that puts the day first (en_GB, en_AU…). fyne's date entry
// followed the computer alone: 12/31/2026 for a French interface on a C
// computer, where 03/11 was read as 11 March.
func dateLayout() string {
	if uiLanguage() == "fr" {
		return "02/01/2006"
	}
	if englishDayFirst(lang.SystemLocale().LanguageString()) {
		return "02/01/2006"
	}
	return "01/02/2006"
}

// englishDayFirst tells whether a computer's locale ("en-GB") is English
// of a country that writes the day before the month. English with no
// country (C, POSIX) or of the United States and its neighbours writes
// the month first.
func englishDayFirst(locale string) bool {
	language, region, ok := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
	if !ok || !strings.EqualFold(language, "en") {
		return false
	}
	if i := strings.IndexAny(region, "-.@"); i >= 0 {
		region = region[:i]
	}
	switch strings.ToUpper(region) {
	case "", "US", "CA", "PH", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PW":
		return false
	}
	return true
}

// dateFormatWords is the format typed in the letters of a language:
// "MM/DD/YYYY" in English, "MM/JJ/AAAA" in French for the same format.
func dateFormatWords(language string) string {
	day, month, year := "DD", "MM", "YYYY"
	if language == "fr" {
		day, year = "JJ", "AAAA"
	}
	return strings.NewReplacer("2006", year, "01", month, "02", day).Replace(dateLayout())
}

// parseTypedDate reads a date typed in dateLayout's format; one digit is
// enough for a day or a month (1/3/2027). A text that does not read is
// ErrDateTyped, which says the format expected in both languages.
func parseTypedDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	lenient := strings.NewReplacer("01", "1", "02", "2").Replace(dateLayout())
	t, err := time.ParseInLocation(lenient, s, time.Local)
	if err != nil {
		return time.Time{}, data.ErrDateTyped.WithWords(
			[]any{s, dateFormatWords("en"), dateEntryExample()},
			[]any{s, dateFormatWords("fr"), dateEntryExample()})
	}
	return t, nil
}

// dateInput is a date typed in dateLayout's format or picked on a
// calendar (date_calendar.go) in the interface's language. Unlike fyne's
// DateEntry, a text that does not read is an error (its validator says
// the format expected), never the last date that did read.
type dateInput struct {
	widget.Entry
	// optional: an empty field is valid (Settings' day to add); else it
	// is required (New's first day).
	optional bool
	// openOn is the month the calendar opens on when the field has no
	// date: the congress's first day, else today.
	openOn func() time.Time
	popUp  *widget.PopUp
}

func newDateInput(optional bool) *dateInput {
	d := &dateInput{optional: optional}
	d.ExtendBaseWidget(d)
	d.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	d.SetPlaceHolder(dateEntryExample())
	d.Validator = d.check
	pick := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), d.onPickTapped)
	pick.Importance = widget.LowImportance
	d.ActionItem = pick
	return d
}

// check is the field's validator: the sentence in the interface's language.
func (d *dateInput) check(s string) error {
	if strings.TrimSpace(s) == "" {
		if d.optional {
			return nil
		}
		return required(s)
	}
	if _, err := parseTypedDate(s); err != nil {
		return errors.New(data.Message(err, uiLanguage()))
	}
	return nil
}

// date is the date the field holds: ok is false when it is empty or does
// not read (err then says why, in both languages, for inline errors).
func (d *dateInput) date() (t time.Time, err error) {
	if strings.TrimSpace(d.Text) == "" {
		return time.Time{}, data.ErrDateTyped.WithWords(
			[]any{"", dateFormatWords("en"), dateEntryExample()},
			[]any{"", dateFormatWords("fr"), dateEntryExample()})
	}
	return parseTypedDate(d.Text)
}

// setDate writes t in dateLayout's format; nil empties the field.
func (d *dateInput) setDate(t *time.Time) {
	if t == nil {
		d.SetText("")
		return
	}
	d.SetText(t.Format(dateLayout()))
}

// onPickTapped shows the calendar under the field, on the field's date,
// else on openOn's month.
func (d *dateInput) onPickTapped() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	var selected *time.Time
	month := time.Now()
	if t, err := d.date(); err == nil {
		selected, month = &t, t
	} else if d.openOn != nil {
		month = d.openOn()
	}
	cal := newCalendarPicker(month, selected, func(t time.Time) {
		d.setDate(&t)
		if d.popUp != nil {
			d.popUp.Hide()
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil {
			c.Focus(d)
		}
	})
	d.popUp = widget.NewPopUp(cal.build(), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d)
	d.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, d.Size().Height)))
	d.popUp.Resize(fyne.NewSize(d.Size().Width, d.popUp.MinSize().Height))
}
