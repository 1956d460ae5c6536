package ui

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// statusLabel is a registration status as a person reads it.
func statusLabel(s data.Status) string {
	switch s {
	case data.StatusPending:
		return lang.L("Pending")
	case data.StatusConfirmed:
		return lang.L("Confirmed")
	case data.StatusCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

// kindLabel is a kind of session as a person reads it.
func kindLabel(k data.SessionKind) string {
	switch k {
	case data.KindPlenary:
		return lang.X("kind.plenary", "Plenary")
	case data.KindWorkshop:
		return lang.X("kind.workshop", "Workshop")
	case data.KindOther:
		return lang.X("kind.other", "Other")
	}
	return string(k)
}

func weekdayName(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.L("Monday")
	case time.Tuesday:
		return lang.L("Tuesday")
	case time.Wednesday:
		return lang.L("Wednesday")
	case time.Thursday:
		return lang.L("Thursday")
	case time.Friday:
		return lang.L("Friday")
	case time.Saturday:
		return lang.L("Saturday")
	}
	return lang.L("Sunday")
}

// computerDayFirst is whether this computer is English of a country that
// writes the day first (en_GB): read once per loadTranslations, as the
// tables write thousands of dates.
var computerDayFirst atomic.Bool

// recallDateOrder reads the computer's locale for dateShown.
func recallDateOrder() {
	computerDayFirst.Store(englishDayFirst(lang.SystemLocale().LanguageString()))
}

// dateShown chooses the layout of a date shown, between the language's
// (key "date.layout", "date.short" or "date.time") and its day-first
// version (the same key ending in ".day-first"), in the order dates are
// typed (dateLayout): English puts the month first ("Nov 25, 2021"), but
// the day first on a day-first English computer ("25 Nov 2021"), where
// 25/11/2021 is typed.
func dateShown(layout, dayFirst string) string {
	if computerDayFirst.Load() && uiLanguage() == "en" {
		return dayFirst
	}
	return layout
}

// dayLong writes a congress day in full: "Tuesday 16/06/2026".
func dayLong(d data.Day) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return weekdayName(t.Weekday()) + " " + t.Format(dateShown(lang.X("date.layout", "2006-01-02"), lang.X("date.layout.day-first", "2006-01-02")))
}

// dayShort writes a congress day in a table cell: "16/06".
func dayShort(d data.Day) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return t.Format(dateShown(lang.X("date.short", "01-02"), lang.X("date.short.day-first", "02-01")))
}

// daysShort writes a list of days for a table cell.
func daysShort(days []data.Day) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = dayShort(d)
	}
	return strings.Join(parts, ", ")
}

// dateTime writes a moment (a backup's, say) in local time.
func dateTime(t time.Time) string {
	return t.Local().Format(dateShown(lang.X("date.time", "2006-01-02 15:04"), lang.X("date.time.day-first", "2006-01-02 15:04")))
}

// fileSize writes a size in bytes for people.
func fileSize(n int64) string {
	const unit = 1024
	switch {
	case n < unit:
		return lang.L("{{.N}} B", map[string]any{"N": n})
	case n < unit*unit:
		return lang.L("{{.N}} KB", map[string]any{"N": n / unit})
	}
	return lang.L("{{.N}} MB", map[string]any{"N": fmtFloat(float64(n) / (unit * unit))})
}

// fmtFloat writes one decimal with the decimal separator of the language.
func fmtFloat(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", lang.X("number.decimal", "."), 1)
}

// formatCount writes a whole number with the thousands separator of the
// language: "50,000" in English, "50 000" in French.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "," // English; French writes a space, where its decimal point is a comma
	if lang.X("number.decimal", ".") == "," {
		sep = "\u00a0" // no-break: a number is never cut at the end of a line
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
