package data

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Reading the days a person attends, as forms and spreadsheets write them:
// ISO dates, 15/10/2026, 15 octobre 2026, jeudi 15 octobre, October 15,
// 2026, 15 Oct 2026, an Excel date number, "Les deux jours", "Both days",
// "Tous", "Jour 1", "Day 2", "J1", "jeudi"; several separated by ; , / "et"
// "and" or new lines.

var (
	ErrImportDayUnreadable = newErr(KindInvalid, "import_day_unreadable", "days",
		"“%s” in the column “%s” is not a date nor a day of the congress (expected e.g. 2026-10-15, 15/10/2026, “Day 1” or “Both days”).",
		"«%s» dans la colonne «%s» n'est ni une date ni un jour du congrès (par exemple 2026-10-15, 15/10/2026, «Jour 1» ou «Les deux jours»).")
	ErrImportNotCongressDay = newErr(KindInvalid, "import_not_congress_day", "days",
		"%s, in the column “%s”, is not a day of the congress (%s).",
		"Le %s, dans la colonne «%s», n'est pas un jour du congrès (%s).")
	ErrImportDayNumber = newErr(KindInvalid, "import_day_number", "days",
		"“%s” in the column “%s”: the congress has %d day(s).",
		"«%s» dans la colonne «%s» : le congrès compte %d jour(s).")
)

type dayKey struct {
	col int
	v   string
}

type dayResult struct {
	days []Day
	err  error
}

// days reads a days cell, from the memo when the text was seen before.
func (rp *RecordParser) days(c recordCol, v string) ([]Day, error) {
	p := rp.prep
	k := dayKey{c.idx, v}
	r, ok := p.dayCache[k]
	if !ok {
		r.days, r.err = rp.readDays(c.header, v)
		if len(p.dayCache) < cacheLimit {
			p.dayCache[k] = r
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return append([]Day(nil), r.days...), nil
}

// A token of a days cell.
type dayToken struct {
	kind byte   // 'n' number, 'w' word, '-' '/' '.' date separators, ':' time, ',' list separator
	num  int    // for 'n'
	ndig int    // for 'n': digits written
	word string // for 'w': folded
}

func tokeniseDays(s string) []dayToken {
	var toks []dayToken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			j, n := i, 0
			for ; j < len(rs) && rs[j] >= '0' && rs[j] <= '9'; j++ {
				if j-i < 9 {
					n = n*10 + int(rs[j]-'0')
				}
			}
			toks = append(toks, dayToken{kind: 'n', num: n, ndig: j - i})
			i = j
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i
			for ; j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.Is(unicode.Mn, rs[j])); j++ {
			}
			toks = append(toks, dayToken{kind: 'w', word: Fold(string(rs[i:j]))})
			i = j
		default:
			switch r {
			case '-', '/', '.', '–':
				if r == '–' {
					r = '-'
				}
				toks = append(toks, dayToken{kind: byte(r)})
			case ':':
				toks = append(toks, dayToken{kind: ':'})
			case ',', ';', '|', '\n', '\r', '&', '+':
				toks = append(toks, dayToken{kind: ','})
			}
			i++
		}
	}
	return toks
}

var monthWords = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [][]string{
		{"janvier", "janv", "jan", "january"}, {"fevrier", "fevr", "fev", "feb", "february"},
		{"mars", "mar", "march"}, {"avril", "avr", "apr", "april"}, {"mai", "may"},
		{"juin", "jun", "june"}, {"juillet", "juil", "jul", "july"}, {"aout", "aug", "august"},
		{"septembre", "sept", "sep", "september"}, {"octobre", "oct", "october"},
		{"novembre", "nov", "november"}, {"decembre", "dec", "december"},
	} {
		for _, n := range names {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

var weekdayWords = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i, names := range [][]string{
		{"dimanche", "dim", "sunday", "sun"}, {"lundi", "lun", "monday", "mon"},
		{"mardi", "tuesday", "tue", "tues"}, {"mercredi", "mer", "wednesday", "wed"},
		{"jeudi", "jeu", "thursday", "thu", "thur", "thurs"}, {"vendredi", "ven", "friday", "fri"},
		{"samedi", "sam", "saturday", "sat"},
	} {
		for _, n := range names {
			m[n] = time.Weekday(i)
		}
	}
	return m
}()

var (
	allDayWords = map[string]bool{"tous": true, "toutes": true, "tout": true, "all": true,
		"both": true, "ensemble": true, "integralite": true, "totalite": true, "complet": true,
		"complete": true, "entier": true, "every": true, "everyday": true}
	dayWords = map[string]bool{"jour": true, "jours": true, "day": true, "days": true, "j": true,
		"d": true, "journee": true, "journees": true}
	ordinalSuffixes = map[string]bool{"er": true, "ere": true, "e": true, "eme": true, "nd": true,
		"st": true, "rd": true, "th": true, "de": false}
	ordinalWords = map[string]int{"premier": 1, "premiere": 1, "first": 1, "deuxieme": 2, "second": 2,
		"seconde": 2, "troisieme": 3, "third": 3, "quatrieme": 4, "fourth": 4, "dernier": -1,
		"derniere": -1, "last": -1}
	countWords = map[string]int{"deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4}
	noDayWords = map[string]bool{"aucun": true, "aucune": true, "none": true, "non": true, "no": true,
		"rien": true, "pas": true, "nul": true}
	fillerWords = map[string]bool{"et": true, "and": true, "les": true, "le": true, "la": true,
		"l": true, "the": true, "of": true, "de": true, "du": true, "des": true, "on": true, "en": true,
		"a": true, "au": true, "ou": true, "or": true, "t": true, "am": true, "pm": true}
)

// readDays reads a days cell into congress days.
func (rp *RecordParser) readDays(column, v string) ([]Day, error) {
	toks := tokeniseDays(v)
	at := func(i int) dayToken {
		if i < len(toks) {
			return toks[i]
		}
		return dayToken{}
	}
	var out []Day
	none, unknown, positional := false, 0, false
	var err error
	setErr := func(e error) {
		if err == nil {
			err = e
		}
	}
	position := func(n int) {
		positional = true
		if n == -1 {
			n = len(rp.Days)
		}
		if n < 1 || n > len(rp.Days) {
			setErr(ErrImportDayNumber.With(shown(v), column, len(rp.Days)))
			return
		}
		out = append(out, rp.Days[n-1])
	}
	date := func(y, m, d int) {
		day, e := rp.congressDay(column, v, y, m, d)
		if e != nil {
			setErr(e)
			return
		}
		out = append(out, day)
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case 'n':
			next := at(i + 1)
			switch {
			case next.kind == ':' || (next.kind == 'w' && next.word == "h"): // a time of day: 09:30, 9h30
				i++ // the ':' or 'h'
				for k := 0; k < 2 && at(i+1).kind == 'n'; k++ {
					i++ // minutes, then seconds
					if at(i+1).kind != ':' {
						break
					}
					i++
				}
			case t.ndig == 4 && isDateSep(next.kind) && at(i+2).kind == 'n' && isDateSep(at(i+3).kind) && at(i+4).kind == 'n':
				date(t.num, at(i+2).num, at(i+4).num) // 2026-10-15
				i += 4
			case t.ndig <= 2 && isDateSep(next.kind) && at(i+2).kind == 'n' && at(i+2).ndig <= 2:
				a, b, y := t.num, at(i+2).num, 0
				i += 2
				if isDateSep(at(i+1).kind) && at(i+2).kind == 'n' && (at(i+2).ndig == 2 || at(i+2).ndig == 4) {
					y = at(i + 2).num
					if at(i+2).ndig == 2 {
						y += 2000
					}
					i += 2
				}
				rp.dayMonth(column, v, y, a, b, &out, setErr)
			case t.ndig <= 2 && (next.kind == 'w' || next.kind == '.'):
				j := i + 1
				if next.kind == '.' {
					j++
				}
				if w := at(j); w.kind == 'w' && ordinalSuffixes[w.word] {
					j++
				}
				w := at(j)
				if w.kind == '.' {
					j++
					w = at(j)
				}
				if m, ok := monthWords[w.word]; ok && w.kind == 'w' {
					y := 0
					if at(j+1).kind == '.' {
						j++
					}
					if yt := at(j + 1); yt.kind == 'n' && yt.ndig == 4 {
						y = yt.num
						j++
					}
					date(y, int(m), t.num) // 15 octobre 2026, 15 Oct 2026
					i = j
				} else if w.kind == 'w' && dayWords[w.word] {
					if t.num == len(rp.Days) && (w.word == "jours" || w.word == "days" || w.word == "journees") {
						out = append(out, rp.Days...) // "2 jours"
					} else {
						position(t.num) // "1er jour", "2nd day"
					}
					i = j
				} else if positional {
					position(t.num)
				} else {
					unknown++
				}
			case t.ndig == 5 && t.num >= 20000 && t.num <= 80000:
				d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, t.num)
				date(d.Year(), int(d.Month()), d.Day()) // an Excel date number
			case positional && t.ndig <= 2:
				position(t.num) // "Jours 1 et 2"
			default:
				unknown++
			}
		case 'w':
			next := at(i + 1)
			switch w := t.word; {
			case allDayWords[w]:
				out = append(out, rp.Days...)
				if dayWords[next.word] {
					i++
				}
			case countWords[w] > 0 && next.kind == 'w' && dayWords[next.word]:
				if countWords[w] == len(rp.Days) {
					out = append(out, rp.Days...)
				} else {
					setErr(ErrImportDayNumber.With(shown(v), column, len(rp.Days)))
				}
				i++
			case dayWords[w] && next.kind == 'n' && next.ndig <= 2:
				position(next.num) // "Jour 1", "J1", "Day 2"
				i++
			case ordinalWords[w] != 0 && next.kind == 'w' && dayWords[next.word]:
				position(ordinalWords[w]) // "premier jour", "last day"
				i++
			case monthWords[w] != 0 && next.kind == 'n' && next.ndig <= 2:
				j := i + 1
				if s := at(j + 1); s.kind == 'w' && ordinalSuffixes[s.word] {
					j++
				}
				y := 0
				if at(j+1).kind == ',' && at(j+2).kind == 'n' && at(j+2).ndig == 4 {
					j++
				}
				if yt := at(j + 1); yt.kind == 'n' && yt.ndig == 4 {
					y = yt.num
					j++
				}
				date(y, int(monthWords[w]), next.num) // October 15, 2026
				i = j
			case isWeekday(w):
				j := i + 1
				if at(j).kind == ',' || at(j).kind == '.' {
					j++
				}
				if n := at(j); n.kind == 'n' || (n.kind == 'w' && monthWords[n.word] != 0) {
					i = j - 1 // the date follows: "jeudi 15 octobre", "Thursday, October 15"
					continue
				}
				rp.weekday(column, v, weekdayWords[w], &out, setErr)
			case noDayWords[w]:
				none = true
			case fillerWords[w], dayWords[w]:
			default:
				unknown++
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if len(out) == 0 && !none && unknown > 0 {
		return nil, ErrImportDayUnreadable.With(shown(v), column)
	}
	return sortDays(out), nil
}

func isDateSep(k byte) bool { return k == '-' || k == '/' || k == '.' }

func isWeekday(w string) bool {
	_, ok := weekdayWords[w]
	return ok
}

// dayMonth reads a/b[/y]: as the parser's DateOrder says; otherwise day
// first, as in French, unless only month first makes sense (10/15/2026)
// or only month first is a congress day. A cell whose both readings are
// congress days follows the column's other cells (one that only reads one
// way decides), else is read day first and the column noted ambiguous.
func (rp *RecordParser) dayMonth(column, v string, y, a, b int, out *[]Day, setErr func(error)) {
	order := rp.DateOrder
	if order == DateOrderAuto {
		order = rp.prep.orders[column]
	}
	switch order {
	case DateDayFirst, DateMonthFirst:
		if order == DateMonthFirst {
			a, b = b, a
		}
		if day, err := rp.congressDay(column, v, y, b, a); err != nil {
			setErr(err)
		} else {
			*out = append(*out, day)
		}
		return
	}
	dayFirst, dfErr := rp.congressDay(column, v, y, b, a)
	if dfErr == nil {
		if a != b && a <= 12 {
			if _, err := rp.congressDay(column, v, y, a, b); err == nil {
				rp.noteAmbiguous(column)
			}
		}
		*out = append(*out, dayFirst)
		return
	}
	if a > 12 || b > 12 {
		rp.noteHint(column, a > 12)
	}
	if a <= 12 {
		if monthFirst, err := rp.congressDay(column, v, y, a, b); err == nil {
			if b > 12 && rp.prep.orders[column] == DateOrderAuto {
				rp.prep.orders[column] = DateMonthFirst // 10/15/2026: the column is month first
			}
			*out = append(*out, monthFirst)
			return
		} else if b > 12 {
			setErr(err)
			return
		} else if a != b && rp.monthFirstColumn(column) {
			setErr(err) // described as the column writes its dates: 10/1/21 is 1 October
			return
		}
	}
	setErr(dfErr)
}

// noteHint notes the order of a column's date that reads only one way
// (15/10: day first; 10/15: month first), the first one found: it says
// which day another date of the column, fitting no congress day either
// way, is described as.
func (rp *RecordParser) noteHint(column string, dayFirst bool) {
	if _, ok := rp.prep.hints[column]; ok {
		return
	}
	if rp.prep.hints == nil {
		rp.prep.hints = map[string]DateOrder{}
	}
	rp.prep.hints[column] = DateMonthFirst
	if dayFirst {
		rp.prep.hints[column] = DateDayFirst
	}
}

// monthFirstColumn reports whether a column writes its dates month first,
// as far as can be told: a date of the column that read only so, else the
// platform (Eventbrite writes 10/1/21 9:00 for 1 October, and names its
// columns "Attendee #", "Attendee Status").
func (rp *RecordParser) monthFirstColumn(column string) bool {
	if o, ok := rp.prep.hints[column]; ok {
		return o == DateMonthFirst
	}
	for _, h := range rp.Header {
		if f := Fold(h); f == "attendee" || f == "attendee status" || f == "attendee no" {
			return true
		}
	}
	return false
}

// weekday finds the one congress day on that day of the week.
func (rp *RecordParser) weekday(column, v string, wd time.Weekday, out *[]Day, setErr func(error)) {
	found := Day("")
	for _, d := range rp.Days {
		if d.Time().Weekday() == wd {
			if found != "" {
				setErr(ErrImportDayUnreadable.With(shown(v), column))
				return
			}
			found = d
		}
	}
	if found == "" {
		e := ErrImportNotCongressDay.With(shown(v), column, rp.dayList("en"))
		e.frArgs = []any{shown(v), column, rp.dayList("fr")}
		setErr(e)
		return
	}
	*out = append(*out, found)
}

// congressDay makes y-m-d a congress day; a missing year (0) is the
// congress's. Without congress days any real date is taken.
func (rp *RecordParser) congressDay(column, v string, y, m, d int) (Day, error) {
	if y == 0 {
		for _, cd := range rp.Days {
			t := cd.Time()
			if int(t.Month()) == m && t.Day() == d {
				y = t.Year()
				break
			}
		}
	}
	if y == 0 {
		y = time.Now().Year()
		if len(rp.Days) > 0 {
			y = rp.Days[0].Time().Year()
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || y < 1900 || y > 2200 {
		return "", ErrImportDayUnreadable.With(shown(v), column)
	}
	day := Day(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	if len(rp.Days) == 0 {
		return day, nil
	}
	if _, ok := rp.prep.days[day]; !ok {
		e := ErrImportNotCongressDay.With(day.words("en"), column, rp.dayList("en"))
		e.frArgs = []any{day.words("fr"), column, rp.dayList("fr")}
		return "", e
	}
	return day, nil
}

func (rp *RecordParser) dayList(lang string) string {
	words := make([]string, len(rp.Days))
	for i, d := range rp.Days {
		words[i] = d.words(lang)
	}
	return strings.Join(words, ", ")
}

// sortDays sorts days and drops repeats, in place.
func sortDays(days []Day) []Day {
	if len(days) < 2 {
		return days
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	out := days[:1]
	for _, d := range days[1:] {
		if d != out[len(out)-1] {
			out = append(out, d)
		}
	}
	return out
}

// DateOrder says how a date such as 03/02/2026 is read.
type DateOrder string

const (
	DateOrderAuto  DateOrder = ""    // day first unless only month first is a congress day
	DateDayFirst   DateOrder = "dmy" // 03/02/2026 is 3 February (France)
	DateMonthFirst DateOrder = "mdy" // 03/02/2026 is 2 March (United States, Eventbrite)
)

// noteAmbiguous notes a column with a date that reads as two congress
// days: its rows were read day first, unless a cell of the column read
// only month first, and the report asks (ImportReport.AmbiguousDates).
func (rp *RecordParser) noteAmbiguous(column string) {
	if rp.prep.orders[column] == DateOrderAuto && !slices.Contains(rp.Ambiguous, column) {
		rp.Ambiguous = append(rp.Ambiguous, column)
	}
}
