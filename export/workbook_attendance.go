package export

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

// AttendanceInput is what the attendance workbook is written from. The
// people come one at a time from Attendees, so that 50,000 of them never sit
// in memory together; the rest is small.
type AttendanceInput struct {
	Congress data.Congress
	Summary  data.AttendanceSummary
	// Sessions get one sheet each (plenaries and workshops), in this order.
	Sessions []SessionSheet
	Stands   []data.StandLine
	Catering []data.CateringDay
	// Payments are the fees paid at the desks, undone ones included: a
	// sheet of their own when there are any.
	Payments []data.PaymentLine
	// Attendees calls fn for every participant, in the order of the
	// Participants sheet, and stops at fn's first error, which it returns.
	// Nil: the sheet has only its header.
	Attendees func(fn func(*data.Attendee) error) error
	// Total is how many people Attendees gives, for the progress; 0 if not
	// known.
	Total int
}

// SessionSheet is a session with its people, enrolled or walk-in.
type SessionSheet struct {
	Session   data.Session
	Attendees []data.SessionAttendee
	// Expected says that Attendees are everyone expected that day rather
	// than the session's enrolled (a plenary nobody enrols in), as on the
	// PDF sign-in sheets.
	Expected bool
	// Speakers are the session's speakers and facilitators, from the
	// programme, as the PDF sign-in sheet names them: named under the
	// title, and each with a box to sign below the table.
	Speakers []SignInSpeaker
}

// WorkbookOptions say how a workbook is written.
type WorkbookOptions struct {
	Lang string // "fr" or "en": labels, date formats, Oui/Non
	// Progress, when set, is told how many people are written out of total
	// (total is 0 when unknown), every few hundred and at the end.
	Progress func(done, total int)
	// Version is the app's version, written with its name as the file's
	// creator ("Congrès 1.4.0"); empty: "Congrès".
	Version string
	// Created is the file's creation time; zero means now.
	Created time.Time
}

// progressEvery is how often (in people) a writer reports its progress.
const progressEvery = 500

// AttendanceStore is what loading the attendance workbook reads from a
// congress. *data.Store is one.
// It reads the sessions' people as the sign-in sheets do (SignInStore).
type AttendanceStore interface {
	SignInStore
	AttendanceSummary(ctx context.Context) (data.AttendanceSummary, error)
	Catering(ctx context.Context) ([]data.CateringDay, error)
	StandLines(ctx context.Context) ([]data.StandLine, error)
	PaymentLines(ctx context.Context) ([]data.PaymentLine, error)
}

// LoadAttendance reads the attendance workbook's content from the store:
// everything but the people, whom the returned Attendees reads page by page
// (sorted by name, cancelled registrations included) when the workbook is
// written, with ctx.
func LoadAttendance(ctx context.Context, st AttendanceStore) (AttendanceInput, error) {
	var in AttendanceInput
	var err error
	if in.Congress, err = st.Congress(ctx); err != nil {
		return in, err
	}
	// The caterer's figures read the whole roll again: on another core,
	// meanwhile (the store has a pool of readers).
	var cateringErr error
	catering := make(chan struct{})
	go func() {
		defer close(catering)
		in.Catering, cateringErr = st.Catering(ctx)
	}()
	defer func() { <-catering }() // an early return does not leave it running
	if in.Summary, err = st.AttendanceSummary(ctx); err != nil {
		return in, err
	}
	for _, s := range in.Summary.Sessions {
		if s.Session.Kind != data.KindPlenary && s.Session.Kind != data.KindWorkshop {
			continue
		}
		// The people of the PDF sign-in sheet: a plenary nobody enrols in
		// lists everyone expected that day.
		sh, err := sessionSheet(ctx, st, in.Congress.Days, s.Session)
		if err != nil {
			return in, err
		}
		in.Sessions = append(in.Sessions, SessionSheet{Session: s.Session, Attendees: sh.People, Expected: sh.Expected, Speakers: sh.Speakers})
	}
	if in.Stands, err = st.StandLines(ctx); err != nil {
		return in, err
	}
	if in.Payments, err = st.PaymentLines(ctx); err != nil {
		return in, err
	}
	if <-catering; cateringErr != nil {
		return in, cateringErr
	}
	for _, c := range in.Summary.Categories {
		in.Total += c.Registered + c.Cancelled
	}
	in.Attendees = func(fn func(*data.Attendee) error) error {
		return st.EachAttendee(ctx, data.ParticipantQuery{Sort: data.SortName}, fn)
	}
	return in, nil
}

// WriteAttendance writes the attendance workbook: a summary, every
// participant, one sheet per session for signing, the stands, the
// caterer's figures and the fees paid at the desks (when any were). Dates are dates, numbers numbers; each sheet has a
// styled, frozen, filterable header row, columns as wide as their content,
// and prints on A4 landscape, one page wide, header row repeated.
func WriteAttendance(ctx context.Context, w io.Writer, in AttendanceInput, opts WorkbookOptions) error {
	x, err := newXLSX(congressTitle(in.Congress), opts)
	if err != nil {
		return err
	}
	defer x.close()
	steps := []func() error{
		func() error { return x.summarySheet(in) },
		func() error { return x.participantsSheet(ctx, in, opts.Progress) },
	}
	for i := range in.Sessions {
		steps = append(steps, func() error { return x.sessionSheet(&in.Sessions[i], in.Congress) })
	}
	steps = append(steps,
		func() error { return x.standsSheet(in.Stands) },
		func() error { return x.cateringSheet(in.Catering) },
	)
	if len(in.Payments) > 0 {
		steps = append(steps, func() error { return x.paymentsSheet(in.Payments) })
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return x.write(w)
}

// congressTitle is "Congrès de la fédération — 19e".
func congressTitle(c data.Congress) string {
	if c.Edition == "" {
		return c.Name
	}
	return c.Name + " — " + c.Edition
}

func (x *xlsx) summarySheet(in AttendanceInput) error {
	s, err := x.newSheet(x.l("sheet.summary"), "Summary", 1)
	if err != nil {
		return err
	}
	heading := func(key string) error {
		return s.title([]any{wbStyled(x.l(key), x.total)})
	}
	title := fmt.Sprintf("%s — %s", x.l("summary.title"), congressTitle(in.Congress))
	if when := dateRange(in.Congress.Days, x.lang); when != "" {
		title += ", " + when
	}
	if err := s.title([]any{x.styledText(title, x.big)}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}

	s.skip()
	if err := heading("summary.categories"); err != nil {
		return err
	}
	if err := s.header(x.l("category"), x.l("registered"), x.l("confirmed"), x.l("cancelled"), x.l("checked_in"), x.l("no_shows")); err != nil {
		return err
	}
	var tot data.CategoryAttendance
	for _, c := range in.Summary.Categories {
		tot.Registered += c.Registered
		tot.Confirmed += c.Confirmed
		tot.Cancelled += c.Cancelled
		tot.CheckedIn += c.CheckedIn
		tot.NoShows += c.NoShows
		if err := s.add([]any{x.text(c.Category.Name), c.Registered, c.Confirmed, c.Cancelled, c.CheckedIn, c.NoShows}); err != nil {
			return err
		}
	}
	b := func(v int) any { return wbStyled(v, x.total) }
	if err := s.add([]any{wbStyled(x.l("total"), x.total), b(tot.Registered), b(tot.Confirmed), b(tot.Cancelled), b(tot.CheckedIn), b(tot.NoShows)}); err != nil {
		return err
	}

	s.skip()
	if err := heading("summary.days"); err != nil {
		return err
	}
	if err := s.header(x.l("day"), x.l("expected"), x.l("checked_in"), x.l("presence_rate")); err != nil {
		return err
	}
	for _, d := range in.Summary.Days {
		if err := s.add([]any{x.dayCell(d.Day.Time()), d.Expected, d.CheckedIn, x.ratio(d.CheckedIn, d.Expected)}); err != nil {
			return err
		}
	}

	s.skip()
	if err := heading("summary.sessions"); err != nil {
		return err
	}
	err = s.header(x.l("session"), x.l("kind"), x.l("day"), x.l("start"), x.l("end"), x.l("room"),
		x.l("enrolled"), x.l("waitlisted"), x.l("attended"), x.l("walk_ins"), x.l("capacity"),
		x.l("fill_rate"), x.l("presence_rate"))
	if err != nil {
		return err
	}
	for _, sa := range in.Summary.Sessions {
		se := &sa.Session
		var capacity any
		if se.EffectiveCapacity > 0 {
			capacity = se.EffectiveCapacity
		}
		err := s.add([]any{
			x.text(se.Title), wbKind(x.lang, se.Kind), x.dayCell(se.Day.Time()),
			x.clockCell(int(se.Start)), x.clockCell(int(se.End)), x.text(se.RoomName),
			se.Enrolled, se.Waitlisted, sa.Attended, sa.WalkIns, capacity,
			x.ratio(se.Enrolled, se.EffectiveCapacity), x.ratio(sa.Attended, se.Enrolled),
		})
		if err != nil {
			return err
		}
	}
	return s.finish()
}

// participantsSheet streams the people: every field, then the arrival time
// of each congress day.
func (x *xlsx) participantsSheet(ctx context.Context, in AttendanceInput, progress func(done, total int)) error {
	s, err := x.newSheet(x.l("sheet.participants"), "Participants", 1)
	if err != nil {
		return err
	}
	s.keyCols = 3 // code, last name, first name
	days := in.Congress.Days
	labels := []string{
		x.l("code"), x.l("last_name"), x.l("first_name"), x.l("email"), x.l("phone"),
		x.l("organisation"), x.l("job_title"), x.l("category"), x.l("region"), x.l("days"),
		x.l("status"), x.l("fee"), x.l("paid"), x.l("diet"), x.l("accessibility"),
		x.l("image_consent"), x.l("badge_printed"), x.l("notes"), x.l("created"), x.l("updated"),
	}
	for _, d := range days {
		labels = append(labels, fmt.Sprintf(x.l("arrival"), dayShort(d, x.lang)))
	}
	if err := s.header(labels...); err != nil {
		return err
	}
	n := 0
	row := make([]any, 0, len(labels))
	var dayText strings.Builder
	if in.Attendees == nil {
		in.Attendees = func(func(*data.Attendee) error) error { return nil }
	}
	err = in.Attendees(func(a *data.Attendee) error {
		n++
		if n%wbCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		dayText.Reset()
		for i, d := range a.Days {
			if i > 0 {
				dayText.WriteString(", ")
			}
			dayText.WriteString(dayShort(d, x.lang))
		}
		row = append(row[:0],
			x.text(a.Code), x.text(a.LastName), x.text(a.FirstName), x.text(a.Email), x.text(a.Phone),
			x.text(a.Organisation), x.text(a.JobTitle), x.text(a.Category), x.text(a.Region), x.text(dayText.String()),
			wbStatus(x.lang, a.Status), wbStyled(float64(a.FeeCents)/100, x.money), x.yesNo(a.Paid), x.text(a.Diet), x.text(a.Accessibility),
			x.yesNo(a.ImageConsent), x.yesNo(a.BadgePrinted), x.text(a.Notes),
			x.timeCell(a.CreatedAt, x.datetime), x.timeCell(a.UpdatedAt, x.datetime),
		)
		for i := range days {
			var at any
			if i < len(a.Arrivals) {
				at = x.timeCell(a.Arrivals[i], x.clock)
			}
			row = append(row, at)
		}
		if err := s.add(row); err != nil {
			return err
		}
		if progress != nil && n%progressEvery == 0 {
			progress(n, max(in.Total, n))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.finish(); err != nil {
		return err
	}
	if progress != nil {
		progress(n, max(in.Total, n))
	}
	return nil
}

func (x *xlsx) standsSheet(stands []data.StandLine) error {
	s, err := x.newSheet(x.l("sheet.stands"), "Stands", 1)
	if err != nil {
		return err
	}
	s.keyCols = 2 // number, name
	if err := s.header(x.l("number"), x.l("name"), x.l("zone"), x.l("organisation"), x.l("contact"),
		x.l("email"), x.l("phone"), x.l("staff"), x.l("power"), x.l("tables"), x.l("chairs"), x.l("notes")); err != nil {
		return err
	}
	for i := range stands {
		st := &stands[i]
		err := s.add([]any{
			x.numberOrText(st.Number), x.text(st.Name), x.text(st.Zone), x.text(st.Organisation), x.text(st.Contact),
			x.text(st.ContactEmail), x.text(st.ContactPhone), x.text(strings.Join(st.Staff, ", ")),
			x.yesNo(st.Power), st.Tables, st.Chairs, x.text(st.Notes),
		})
		if err != nil {
			return err
		}
	}
	return s.finish()
}

func (x *xlsx) cateringSheet(days []data.CateringDay) error {
	s, err := x.newSheet(x.l("sheet.catering"), "Catering", 1)
	if err != nil {
		return err
	}
	if err := s.header(x.l("day"), x.l("diet"), x.l("expected"), x.l("checked_in")); err != nil {
		return err
	}
	for _, d := range days {
		for _, c := range d.Diets {
			diet := x.text(c.Diet)
			if c.Diet == "" {
				diet = x.l("no_diet")
			}
			if err := s.add([]any{x.dayCell(d.Day.Time()), diet, c.Expected, c.CheckedIn}); err != nil {
				return err
			}
		}
	}
	return s.finish()
}
