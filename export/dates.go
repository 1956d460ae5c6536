package export

import (
	"fmt"
	"time"

	"congres/data"
)

var (
	monthsEN      = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsFR      = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	weekdaysEN    = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	weekdaysFR    = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
	monthsShortEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsShortFR = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
)

// dateRange writes the congress's days as a badge shows them: "25–26 November
// 2021", "30 November – 1 December 2021", "25 novembre 2021".
func dateRange(days []data.Day, lang string) string {
	if len(days) == 0 {
		return ""
	}
	a, b := days[0].Time(), days[len(days)-1].Time()
	if a.IsZero() || b.IsZero() {
		return string(days[0])
	}
	months := monthsEN
	if lang == "fr" {
		months = monthsFR
	}
	day := func(t time.Time) string {
		if lang == "fr" && t.Day() == 1 {
			return "1er"
		}
		return fmt.Sprint(t.Day())
	}
	switch {
	case a.Equal(b):
		return fmt.Sprintf("%s %s %d", day(a), months[a.Month()-1], a.Year())
	case a.Year() != b.Year():
		return fmt.Sprintf("%s %s %d – %s %s %d", day(a), months[a.Month()-1], a.Year(), day(b), months[b.Month()-1], b.Year())
	case a.Month() != b.Month():
		return fmt.Sprintf("%s %s – %s %s %d", day(a), months[a.Month()-1], day(b), months[b.Month()-1], b.Year())
	}
	return fmt.Sprintf("%s–%s %s %d", day(a), day(b), months[a.Month()-1], a.Year())
}

// dayShort writes a day for the programme on the back of a badge: "Thu 25
// Nov", "jeu. 25 nov.".
func dayShort(d data.Day, lang string) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	if lang == "fr" {
		return fmt.Sprintf("%s %d %s", weekdaysFR[t.Weekday()], t.Day(), monthsShortFR[t.Month()-1])
	}
	return fmt.Sprintf("%s %d %s", weekdaysEN[t.Weekday()], t.Day(), monthsShortEN[t.Month()-1])
}
