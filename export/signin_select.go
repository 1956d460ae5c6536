package export

import (
	"context"
	"fmt"
	"slices"

	"congres/data"
)

// SignInSelection says which sign-in sheets to print: one session's, one
// day's (everyone expected that day), or, when both are zero, every
// session's, in programme order.
type SignInSelection struct {
	SessionID int64
	Day       data.Day
}

// SignInStore is what loading sign-in sheets reads from a congress.
// *data.Store is one.
type SignInStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Sessions(ctx context.Context) ([]data.Session, error)
	Session(ctx context.Context, id int64) (data.Session, error)
	SessionAttendees(ctx context.Context, sessionID int64) ([]data.SessionAttendee, error)
	EachAttendee(ctx context.Context, q data.ParticipantQuery, fn func(*data.Attendee) error) error
	Participant(ctx context.Context, id int64) (data.Participant, error) // a speaker or facilitator
}

// LoadSignIn reads the sheets of a selection, with the congress.
//
// A session's sheet lists its enrolled people and its walk-ins, and names
// its speakers and facilitators. A plenary nobody is enrolled in (everyone
// is expected at plenaries) lists everyone expected that day instead,
// followed by whoever entered without being expected. A day's sheet has
// the time slots of its morning and afternoon, from the day's programme.
func LoadSignIn(ctx context.Context, st SignInStore, sel SignInSelection) (SignInInput, error) {
	c, err := st.Congress(ctx)
	if err != nil {
		return SignInInput{}, err
	}
	in := SignInInput{Congress: c}
	var sessions []data.Session
	switch {
	case sel.SessionID != 0:
		se, err := st.Session(ctx, sel.SessionID)
		if err != nil {
			return SignInInput{}, err
		}
		sessions = []data.Session{se}
	case sel.Day != "":
		people, err := dayAttendees(ctx, st, c.Days, sel.Day)
		if err != nil {
			return SignInInput{}, err
		}
		all, err := st.Sessions(ctx)
		if err != nil {
			return SignInInput{}, err
		}
		sh := SignInSheet{Day: sel.Day, People: people}
		sh.Morning, sh.Afternoon = HalfDaySlots(all, sel.Day)
		in.Sheets = []SignInSheet{sh}
		return in, nil
	default:
		if sessions, err = st.Sessions(ctx); err != nil {
			return SignInInput{}, err
		}
	}
	for _, se := range sessions {
		sh, err := sessionSheet(ctx, st, c.Days, se)
		if err != nil {
			return SignInInput{}, err
		}
		in.Sheets = append(in.Sheets, sh)
	}
	return in, nil
}

// sessionSheet reads a session's sheet (see LoadSignIn).
func sessionSheet(ctx context.Context, st SignInStore, days []data.Day, se data.Session) (SignInSheet, error) {
	people, err := st.SessionAttendees(ctx, se.ID)
	if err != nil {
		return SignInSheet{}, err
	}
	sh := SignInSheet{Session: &se, Day: se.Day, People: people}
	if sh.Speakers, err = speakers(ctx, st, &se); err != nil {
		return SignInSheet{}, err
	}
	if se.Kind != data.KindPlenary || slices.ContainsFunc(people, func(a data.SessionAttendee) bool { return a.Enrolled }) {
		return sh, nil
	}
	expected, err := dayAttendees(ctx, st, days, se.Day)
	if err != nil {
		return SignInSheet{}, err
	}
	entered := make(map[int64]data.SessionAttendee, len(people))
	for _, a := range people {
		entered[a.ParticipantID] = a
	}
	for i := range expected {
		a, ok := entered[expected[i].ParticipantID]
		expected[i].Attended, expected[i].At = a.Attended, a.At
		if ok {
			delete(entered, a.ParticipantID)
		}
	}
	for _, a := range people { // in their order: by name
		if _, ok := entered[a.ParticipantID]; ok {
			expected = append(expected, a)
		}
	}
	sh.People, sh.Expected = expected, true
	return sh, nil
}

// dayAttendees lists everyone expected on day (registered for it, not
// cancelled) by name, as enrolled; those who have arrived that day are
// marked attended.
func dayAttendees(ctx context.Context, st SignInStore, days []data.Day, day data.Day) ([]data.SessionAttendee, error) {
	k := slices.Index(days, day)
	if k < 0 {
		return nil, &Error{Code: ErrSignInDay.Code,
			EN: fmt.Sprintf(ErrSignInDay.EN, dayLong(day, "en")),
			FR: fmt.Sprintf(ErrSignInDay.FR, dayLong(day, "fr"))}
	}
	var people []data.SessionAttendee
	q := data.ParticipantQuery{Day: day, SkipCancelled: true, Sort: data.SortName}
	err := st.EachAttendee(ctx, q, func(a *data.Attendee) error {
		sa := data.SessionAttendee{
			ParticipantID: a.ID, Code: a.Code, FirstName: a.FirstName, LastName: a.LastName,
			Organisation: a.Organisation, Category: a.Category, Enrolled: true,
		}
		if k < len(a.Arrivals) && !a.Arrivals[k].IsZero() {
			sa.Attended, sa.At = true, a.Arrivals[k]
		}
		people = append(people, sa)
		return nil
	})
	return people, err
}

// speakers names a session's speakers, then its facilitators, in the
// programme's order.
func speakers(ctx context.Context, st SignInStore, se *data.Session) ([]SignInSpeaker, error) {
	var out []SignInSpeaker
	for k, ids := range [][]int64{se.Speakers, se.Facilitators} {
		for _, id := range ids {
			p, err := st.Participant(ctx, id)
			if err != nil {
				return nil, err
			}
			out = append(out, SignInSpeaker{FirstName: p.FirstName, LastName: p.LastName,
				Organisation: p.Organisation, Facilitator: k == 1})
		}
	}
	return out, nil
}

// HalfDaySlots are a day's morning and afternoon, from its programme:
// from the first start to the last end of the sessions starting before
// 13:00, and of those starting at 13:00 or later. A half-day without a
// session is zero.
func HalfDaySlots(sessions []data.Session, day data.Day) (morning, afternoon TimeSlot) {
	for _, se := range sessions {
		if se.Day != day || se.End <= se.Start {
			continue
		}
		ts := &morning
		if se.Start >= signInNoonClock {
			ts = &afternoon
		}
		if ts.IsZero() {
			*ts = TimeSlot{se.Start, se.End}
			continue
		}
		ts.Start, ts.End = min(ts.Start, se.Start), max(ts.End, se.End)
	}
	return morning, afternoon
}
