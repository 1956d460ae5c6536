package data

import (
	"strconv"
	"strings"
	"time"
)

// DeskWarningKind names what a volunteer at the desk or at a session's door
// confirms before letting someone in anyway.
type DeskWarningKind string

const (
	WarnAlreadyIn         DeskWarningKind = "already_in"         // already checked in that day (or already in the session)
	WarnCancelled         DeskWarningKind = "cancelled"          // the registration is cancelled
	WarnUnpaid            DeskWarningKind = "unpaid"             // the fee is not paid (arrivals only)
	WarnNotToday          DeskWarningKind = "not_today"          // not registered for that day (arrivals only)
	WarnNotEnrolled       DeskWarningKind = "not_enrolled"       // not enrolled in the session (or only waiting)
	WarnSessionFull       DeskWarningKind = "session_full"       // the session's entries reach its capacity
	WarnEnrolledElsewhere DeskWarningKind = "enrolled_elsewhere" // enrolled in another session at that time
)

// DeskWarningKinds lists the kinds in the order a card's warnings come in.
var DeskWarningKinds = []DeskWarningKind{WarnAlreadyIn, WarnCancelled, WarnUnpaid, WarnNotToday,
	WarnNotEnrolled, WarnSessionFull, WarnEnrolledElsewhere}

// DeskWarning is one thing to confirm, with what its sentence says.
type DeskWarning struct {
	Kind DeskWarningKind

	At    time.Time // WarnAlreadyIn: when the entry was made
	Desk  string    // WarnAlreadyIn: where ("" when the log has no desk)
	Day   Day       // WarnAlreadyIn: the day of the entry; WarnNotToday: the day asked for
	Today bool      // WarnAlreadyIn: the entry was made today; WarnNotToday: the day asked for is today
	Days  []Day     // WarnNotToday: the days the person is registered for

	Name        string // WarnCancelled: the person's name
	FeeDueCents int64  // WarnUnpaid

	// Session is the session at the door (WarnAlreadyIn at a door,
	// WarnNotEnrolled, WarnSessionFull), or the other session the person
	// is enrolled in (WarnEnrolledElsewhere).
	Session    Session
	Waitlisted bool // WarnNotEnrolled: on the session's waiting list
	Inside     int  // WarnSessionFull: people in the session
}

// Message is the warning as a sentence, in French ("fr") or English:
// "Already checked in today at 08:42, at Desk 2.", "Fee not paid: 180.00 € due."
func (w DeskWarning) Message(lang string) string { return w.err().Message(lang) }

func (w DeskWarning) err() *Error {
	fill := func(tmpl *Error, en, fr []any) *Error {
		e := tmpl.With(en...)
		e.frArgs = fr
		return e
	}
	switch w.Kind {
	case WarnAlreadyIn:
		at := w.At.Local().Format("15:04")
		deskEN, deskFR := "", ""
		if w.Desk != "" {
			deskEN, deskFR = ", at "+w.Desk, ", au poste «"+w.Desk+"»"
		}
		if w.Session.ID != 0 {
			return fill(warnAlreadyEntered, []any{w.Session.Title, at, deskEN}, []any{w.Session.Title, at, deskFR})
		}
		whenEN, whenFR := w.when()
		return fill(warnAlreadyIn, []any{whenEN, at, deskEN}, []any{whenFR, at, deskFR})
	case WarnCancelled:
		return warnCancelled.With(w.Name)
	case WarnUnpaid:
		return fill(warnUnpaid, []any{FormatEuros(w.FeeDueCents, "en")}, []any{FormatEuros(w.FeeDueCents, "fr")})
	case WarnNotToday:
		whenEN, whenFR := w.when()
		daysEN, daysFR := "no day of the congress", "aucun jour du congrès"
		if len(w.Days) > 0 {
			en, fr := make([]string, len(w.Days)), make([]string, len(w.Days))
			for i, d := range w.Days {
				en[i], fr[i] = d.words("en"), "le "+d.words("fr")
			}
			daysEN, daysFR = strings.Join(en, ", "), strings.Join(fr, ", ")
		}
		return fill(warnNotToday, []any{whenEN, daysEN}, []any{whenFR, daysFR})
	case WarnNotEnrolled:
		if w.Waitlisted {
			return warnWaitlisted.With(w.Session.Title)
		}
		return warnNotEnrolled.With(w.Session.Title)
	case WarnSessionFull:
		return warnSessionFull.With(w.Session.Title, w.Inside, w.Session.EffectiveCapacity)
	case WarnEnrolledElsewhere:
		se := &w.Session
		roomEN, roomFR := "", ""
		if se.RoomName != "" {
			roomEN, roomFR = ", room "+se.RoomName, ", salle "+se.RoomName
		}
		return fill(warnEnrolledElsewhere, []any{se.Title, se.Start, se.End, roomEN}, []any{se.Title, se.Start, se.End, roomFR})
	}
	return ErrInternal
}

// when is "today" or "on Thursday 25 November 2021", in English and French.
func (w DeskWarning) when() (en, fr string) {
	if w.Today {
		return "today", "aujourd'hui"
	}
	return "on " + w.Day.words("en"), "le " + w.Day.words("fr")
}

// ToConfirm returns the card's warnings that a volunteer confirms before
// letting the person in: none when they are already in (that day, or in
// that session), for letting them in again records nothing — a re-scan
// only says since when they are in, and the card's other warnings (a fee
// still due, a registration cancelled since) remain reminders.
func (c *DeskCard) ToConfirm() []DeskWarning {
	if _, in := c.Warning(WarnAlreadyIn); in {
		return nil
	}
	return c.Warnings
}

// FormatEuros writes an amount in cents as people read it: "1,234.50 €" in
// English, "1 234,50 €" in French (with no-break spaces).
func FormatEuros(cents int64, lang string) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	thousands, decimal := ",", "."
	if lang == "fr" {
		thousands, decimal = "\u202f", ","
	}
	units := strconv.FormatInt(cents/100, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	c := cents % 100
	b.WriteString(decimal)
	b.WriteByte(byte('0' + c/10))
	b.WriteByte(byte('0' + c%10))
	b.WriteString("\u00a0€")
	return b.String()
}
