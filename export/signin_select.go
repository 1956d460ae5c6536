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
}

// LoadSignIn reads the sheets of a selection, with the congress.
//
// A session's sheet lists its enrolled people and its walk-ins. A plenary
// nobody is enrolled in (everyone is expected at plenaries) lists everyone
// expected that day instead, followed by whoever entered without being
// expected.
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
		in.Sheets = []SignInSheet{{Day: sel.Day, People: people}}
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
