package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"
)

// The registration desk (issue 7): a volunteer scans a badge or picks a
// name, sees the person's card and what needs confirming, and lets them in;
// at a session's door the same, for the session. Everything goes into the
// append-only check-in log (checkins.go).

// DeskCard is what the desk shows of one person on one day, or at one
// session's door.
type DeskCard struct {
	Participant Participant
	Category    Category  // name, colour, badge label
	FeeDueCents int64     // 0 when paid (or free) or cancelled; less what was paid at the desk
	Payments    []Payment // paid at the desk and not undone, oldest first
	// Sessions is the person's programme that day, in time order: the
	// sessions they are enrolled in (not those they wait for), those where
	// they speak or facilitate, and the day's plenaries when they are
	// registered for the day — as on the back of their badge. Their
	// Enrolled and Waitlisted counts are not read (0).
	Sessions     []Session
	BadgePrinted bool
	Arrival      *Checkin // the day's arrival that no undo cancels, if any
	LastEntry    *Checkin // the latest arrival or session entry (any day) that no undo cancels: what Undo takes back
	// Warnings are what a volunteer must confirm before letting the person
	// in — arriving on the day, or entering the session — in the order of
	// DeskWarningKinds.
	Warnings []DeskWarning
	// Rehearsal says that Arrival and LastEntry come from the rehearsal's
	// log (rehearsal.go), which counts nowhere.
	Rehearsal bool
}

// Warning returns the card's warning of that kind, if any.
func (c *DeskCard) Warning(kind DeskWarningKind) (DeskWarning, bool) {
	for _, w := range c.Warnings {
		if w.Kind == kind {
			return w, true
		}
	}
	return DeskWarning{}, false
}

// DeskCard returns the card of a person arriving on day (sessionID 0), or
// entering the session sessionID (then day is the session's, whatever is
// passed). A day that is not a congress day is refused.
func (s *Store) DeskCard(ctx context.Context, participantID int64, day Day, sessionID int64) (DeskCard, error) {
	return s.deskCardIn(ctx, realLog, participantID, day, sessionID)
}

// deskCardIn is DeskCard with the person's entries read from the log l.
func (s *Store) deskCardIn(ctx context.Context, l entryLog, participantID int64, day Day, sessionID int64) (DeskCard, error) {
	var c DeskCard
	hv, err := s.viewHeld(ctx, nil, l, participantID, sessionID)
	if err != nil {
		return c, s.heldCondition(err)
	}
	err = s.read(ctx, func(tx *sqlTx) error {
		var err error
		c, _, _, err = s.deskCard(ctx, tx, l, participantID, day, sessionID, hv)
		return err
	})
	return c, err
}

// ParticipantIDByCode returns the ID of the person with that code, as typed
// or scanned (case and spaces do not matter), or with that code as an alias
// (the code of a record merged into theirs); ErrUnknownCode when nobody
// has it.
func (s *Store) ParticipantIDByCode(ctx context.Context, code string) (int64, error) {
	var id sql.NullInt64
	err := s.read(ctx, func(tx *sqlTx) error {
		err := tx.QueryRowContext(ctx, "SELECT "+codeOwnerID, NormaliseCode(code)).Scan(&id)
		if err == nil && !id.Valid {
			return ErrUnknownCode.With(clean(code))
		}
		return err
	})
	return id.Int64, err
}

// AdmitRequest asks to let a person in: arriving on Day (SessionID 0) or
// entering SessionID, at Desk, with the warnings the volunteer confirmed.
// With Rehearsal, everything — the card, its warnings, the entry written —
// is in the rehearsal's log (rehearsal.go), which counts nowhere.
type AdmitRequest struct {
	ParticipantID int64
	Day           Day
	SessionID     int64
	Desk          string
	Accept        []DeskWarningKind
	Rehearsal     bool
}

// AdmitResult says what Admit did. When Admitted is false, nothing was
// written and Pending holds the warnings not in Accept (Card.Warnings holds
// them all). When Admitted is true, Checkin is the entry that lets the
// person in: a new one (New), or the one already there; Card shows the
// person as they are now, with the warnings that were accepted.
type AdmitResult struct {
	Card     DeskCard
	Checkin  Checkin
	Admitted bool
	New      bool
	Pending  []DeskWarning
}

// errNoWrite ends a write transaction that has nothing to write.
var errNoWrite = errors.New("nothing to write")

// Admit lets a person in, in one write transaction: it computes the
// warnings and, when each is in req.Accept, records the arrival (or the
// session entry); otherwise it writes nothing. Someone already in (the same
// day, or the same session) is not recorded twice: with WarnAlreadyIn
// accepted, the first entry is returned with New false. A cancelled
// registration, once accepted, is let in (CheckIn refuses it). At a
// session's door, letting in someone not enrolled records their entry as a
// walk-in; their enrolments do not change.
//
// The writer takes the file's write lock when the transaction begins
// (BEGIN IMMEDIATE), so desks in other windows or processes wait their
// turn and see each other's entries: no arrival is lost or doubled. When
// the lock is not free within heldAfter (an import writing), the entry is
// held in the desk's journal and written in when the file is free
// (Checkin.Held; desk_held.go).
func (s *Store) Admit(ctx context.Context, req AdmitRequest) (AdmitResult, error) {
	var r AdmitResult
	l := logFor(req.Rehearsal)
	// Held: read and decided before the journal's lock, checked under it
	// (desk_held_admit.go).
	var read heldRead
	var decision heldAdmit
	// The file's write folds the journal in first: it reads no journal.
	err := s.writeDeskOrHold(ctx, func(tx *sqlTx) error {
		var err error
		r, err = s.admit(ctx, tx, req, nil, intoFile(ctx, tx, l))
		return err
	}, func() {
		read = s.readBeforeHold(ctx, l, req.ParticipantID, req.SessionID, func(tx *sqlTx, hv *heldView) error {
			decision = s.decideHeldAdmit(ctx, tx, req, hv)
			return decided(decision.err)
		})
	}, func(jtx *sqlTx) error {
		var err error
		r, err = s.admitHeld(ctx, jtx, req, read, decision)
		return err
	})
	if err == errNoWrite {
		err = nil
	}
	if err != nil {
		return AdmitResult{}, err
	}
	return r, nil
}

// admit is Admit's rule, reading the file in tx and the journal's view hv,
// and writing the entry with insert (into the file, or the journal); it
// returns errNoWrite (with the result) when it has nothing to write.
func (s *Store) admit(ctx context.Context, tx *sqlTx, req AdmitRequest, hv *heldView, insert func(Checkin) (Checkin, error)) (AdmitResult, error) {
	r, c, err := s.admitDecision(ctx, tx, req, hv)
	if err != nil {
		return r, err
	}
	if c, err = insert(c); err != nil {
		return AdmitResult{}, err
	}
	return r.entered(c), nil
}

// admitDecision is what Admit decides, reading the file in tx and the
// journal's view hv: the entry to write, or errNoWrite (with the result)
// when there is nothing to write.
func (s *Store) admitDecision(ctx context.Context, tx *sqlTx, req AdmitRequest, hv *heldView) (AdmitResult, Checkin, error) {
	l := logFor(req.Rehearsal)
	card, se, existing, err := s.deskCard(ctx, tx, l, req.ParticipantID, req.Day, req.SessionID, hv)
	if err != nil {
		return AdmitResult{}, Checkin{}, err
	}
	r := AdmitResult{Card: card}
	for _, w := range card.Warnings {
		if !slices.Contains(req.Accept, w.Kind) {
			r.Pending = append(r.Pending, w)
		}
	}
	if len(r.Pending) > 0 {
		return r, Checkin{}, errNoWrite
	}
	c := Checkin{ParticipantID: req.ParticipantID, Kind: Arrival, Day: req.Day, Desk: clean(req.Desk), At: s.stamp()}
	if se != nil {
		c.Kind, c.Day, c.SessionID = SessionEntry, se.Day, se.ID
	}
	r.Admitted = true
	if existing != nil {
		r.Checkin = *existing
		return r, Checkin{}, errNoWrite
	}
	return r, c, nil
}

// entered is r once c, the entry that lets the person in, is written.
func (r AdmitResult) entered(c Checkin) AdmitResult {
	r.Checkin, r.New = c, true
	if c.Kind == Arrival {
		r.Card.Arrival = &c
	}
	r.Card.LastEntry = &c
	return r
}

// deskBusyWait is how long a desk's write waits for the file's write lock
// beyond the busy timeout.
const deskBusyWait = time.Minute

// writeDesk runs fn as write does; when another process keeps the file's
// write lock past the busy timeout (an import in another window, or a busy
// desk that keeps winning the lock), it tries again, for up to deskBusyWait
// more or until ctx is done, so that a check-in waits rather than fails.
// fn must start from nothing each time it runs.
func (s *Store) writeDesk(ctx context.Context, fn func(tx *sqlTx) error) error {
	deadline := time.Now().Add(deskBusyWait)
	for {
		err := s.write(ctx, fn)
		if !isBusy(err) || ctx.Err() != nil || time.Now().After(deadline) {
			return err
		}
	}
}

// isBusy reports whether err is the file's "database is locked", from the
// engine's codes (FileEngine.Busy).
func isBusy(err error) bool { return err != nil && files().Busy(err) }

// UndoLastEntry takes back the person's latest arrival or session entry that
// no undo cancels yet, by appending an Undo that refers to it (nothing is
// deleted); it returns the Undo. Undoing again takes back the entry before;
// with none left, ErrNothingToUndo.
func (s *Store) UndoLastEntry(ctx context.Context, participantID int64, desk string) (Checkin, error) {
	return s.undoLastEntry(ctx, realLog, participantID, desk)
}

// undoLastEntry is UndoLastEntry on the log l.
func (s *Store) undoLastEntry(ctx context.Context, l entryLog, participantID int64, desk string) (Checkin, error) {
	var u Checkin
	// last is the person's latest entry, of the file (read in tx) or of
	// the journal (hv): what the undo takes back.
	last := func(tx *sqlTx, hv *heldView) (Checkin, error) {
		p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
		if err != nil {
			return Checkin{}, err
		}
		entries, err := openEntries(ctx, tx, l, participantID)
		if err != nil {
			return Checkin{}, err
		}
		if hv, err = hv.folded(ctx, tx); err != nil {
			return Checkin{}, err
		}
		entries = hv.withHeld(entries)
		if len(entries) == 0 {
			return Checkin{}, ErrNothingToUndo.With(p.FullName())
		}
		return slices.MaxFunc(entries, func(a, b Checkin) int { return cmp.Compare(a.ID, b.ID) }), nil
	}
	// undo takes back e with insert, or undoHeld for a held one.
	undo := func(e Checkin, insert func(Checkin) (Checkin, error), undoHeld func(Checkin) (Checkin, error)) error {
		var err error
		if e.Held {
			u, err = undoHeld(e)
			return err
		}
		u, err = insert(Checkin{ParticipantID: participantID, Kind: Undo, Day: e.Day, SessionID: e.SessionID,
			Cancels: e.ID, At: s.stamp(), Desk: clean(desk)})
		return err
	}
	// Held: read before the journal's lock, checked under it
	// (desk_held_admit.go).
	var read heldRead
	var readLast Checkin
	var readErr error
	err := s.writeDeskOrHold(ctx, func(tx *sqlTx) error {
		// The file's write folds the journal in first: it reads no journal.
		e, err := last(tx, nil)
		if err != nil {
			return err
		}
		return undo(e, intoFile(ctx, tx, l), nil)
	}, func() {
		read = s.readBeforeHold(ctx, l, participantID, 0, func(tx *sqlTx, hv *heldView) error {
			readLast, readErr = last(tx, hv)
			return decided(readErr)
		})
	}, func(jtx *sqlTx) error {
		hv, same, err := s.stillHolds(ctx, jtx, read, l, participantID, 0)
		if err != nil {
			return err
		}
		if !same { // changed meanwhile: read again
			if err := s.read(ctx, func(tx *sqlTx) error {
				readLast, readErr = last(tx, hv)
				return readErr
			}); err != nil {
				return err
			}
		}
		if readErr != nil {
			return readErr
		}
		return undo(readLast, func(c Checkin) (Checkin, error) { return insertHeld(ctx, jtx, l, c) },
			func(e Checkin) (Checkin, error) { return s.undoHeld(ctx, jtx, e, desk) })
	})
	return u, err
}

// DeskCount is one category's arrivals on a day against the people expected.
type DeskCount struct {
	CategoryID       int64
	Category, Colour string
	Expected         int // registered for the day, not cancelled
	Arrived          int // with an arrival that day that no undo cancels (cancelled people who came included)
}

// DeskCounts counts, per category in the categories' order, the people
// expected on day and those arrived. It reads every person of the day:
// about 150 ms at 100,000 people (BenchmarkDeskCounts100k), so refresh it
// in the background, not on every keystroke.
func (s *Store) DeskCounts(ctx context.Context, day Day) ([]DeskCount, error) {
	return s.deskCounts(ctx, realLog, day)
}

// deskCounts is DeskCounts with the arrivals of the log l.
func (s *Store) deskCounts(ctx context.Context, l entryLog, day Day) ([]DeskCount, error) {
	var list []DeskCount
	held, err := s.heldList(ctx, "log = ? AND day = ? AND kind IN ('arrival', 'undo') AND undone_at IS NULL", l, day)
	if err != nil {
		return nil, s.heldCondition(err)
	}
	err = s.read(ctx, func(tx *sqlTx) error {
		// The file's counts are kept while it is unchanged (kept_reads.go:
		// each visit of the desk read them, 70 ms at 50,000); the held
		// actions are added to them each time.
		var err error
		list, err = keptRead(ctx, s, tx, "desk counts "+string(l)+" "+string(day), func(ctx context.Context, tx *sqlTx) ([]DeskCount, error) {
			return fileDeskCounts(ctx, tx, l, day)
		}, slices.Clone)
		if err != nil {
			return err
		}
		place := make(map[int64]int, len(list))
		for i, c := range list {
			place[c.CategoryID] = i
		}
		held, err := s.heldArrivals(ctx, tx, l, day, held)
		for id, n := range held {
			if i, ok := place[id]; ok {
				list[i].Arrived += n
			}
		}
		return err
	})
	return list, err
}

// fileDeskCounts is the expected and the arrived of day per category, in
// the log l of the file.
func fileDeskCounts(ctx context.Context, tx *sqlTx, l entryLog, day Day) ([]DeskCount, error) {
	var list []DeskCount
	err := func() error {
		cats, err := listCategories(ctx, tx)
		if err != nil {
			return err
		}
		place := make(map[int64]int, len(cats))
		for _, c := range cats {
			place[c.ID] = len(list)
			list = append(list, DeskCount{CategoryID: c.ID, Category: c.Name, Colour: c.Colour})
		}
		count := func(query string, set func(*DeskCount, int)) error {
			rows, err := tx.QueryContext(ctx, query, day)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id int64
				var n int
				if err := rows.Scan(&id, &n); err != nil {
					return err
				}
				if i, ok := place[id]; ok {
					set(&list[i], n)
				}
			}
			return rows.Err()
		}
		// Each IN list is built once. The expected are then read by rowid;
		// for the arrived, "+id" has SQLite rather scan the small index of
		// categories and look each person up in the list (at 100,000 people
		// on the first day, 80 ms instead of 170). A day's undos are few:
		// they carry the day of what they cancel.
		if err := count(`SELECT category_id, count(*) FROM participant
			WHERE status <> 'cancelled' AND id IN (SELECT participant_id FROM participant_day WHERE day = ?1)
			GROUP BY category_id`,
			func(c *DeskCount, n int) { c.Expected = n }); err != nil {
			return err
		}
		if err := count(`SELECT category_id, count(*) FROM participant
			WHERE `+tx.d.Unindexed("id")+` IN (SELECT participant_id FROM `+string(l)+` WHERE day = ?1 AND kind = 'arrival'
				AND id NOT IN (SELECT cancels FROM `+string(l)+` WHERE day = ?1 AND kind = 'undo'))
			GROUP BY category_id`,
			func(c *DeskCount, n int) { c.Arrived = n }); err != nil {
			return err
		}
		return nil
	}()
	return list, err
}

// CongressDayFor returns the day of t's date in the local time zone, and
// whether it is a day of the congress.
func (s *Store) CongressDayFor(ctx context.Context, t time.Time) (Day, bool, error) {
	d := dayOf(t)
	var n int
	err := s.read(ctx, func(tx *sqlTx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM congress_day WHERE day = ?", d).Scan(&n)
	})
	return d, n > 0, err
}

// dayOf is the local date of t.
func dayOf(t time.Time) Day { return Day(t.Local().Format(time.DateOnly)) }

// deskCard reads a person's card for arriving on day, or for entering
// sessionID (then also returned), and the entry that already lets them in
// (the day's arrival, or their entry into the session), if any, in the log l.
// hv adds what the desk's journal holds, when not nil.
func (s *Store) deskCard(ctx context.Context, tx *sqlTx, l entryLog, participantID int64, day Day, sessionID int64, hv *heldView) (DeskCard, *Session, *Checkin, error) {
	var se *Session
	if sessionID != 0 {
		x, err := loadSession(ctx, tx, sessionID)
		if err != nil {
			return DeskCard{}, nil, nil, err
		}
		se, day = &x, x.Day
	} else if err := checkCongressDay(ctx, tx, day); err != nil {
		return DeskCard{}, nil, nil, err
	}
	p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
	if err != nil {
		return DeskCard{}, nil, nil, err
	}
	c := DeskCard{Participant: p, Rehearsal: l == rehearsalLog}
	if c.Payments, err = payments(ctx, tx, p.ID, true); err != nil {
		return DeskCard{}, nil, nil, err
	}
	if err := hv.addHeldMore(ctx, tx, &c); err != nil { // payments held offline (desk_held_actions.go)
		return DeskCard{}, nil, nil, err
	}
	if !p.Paid && p.Status != StatusCancelled { // a registration cancelled or refunded owes nothing
		c.FeeDueCents = max(p.FeeCents-SumPayments(c.Payments), 0)
	}
	cat := &c.Category
	if err := tx.QueryRowContext(ctx, `SELECT id, name, badge_label, colour, position, EXISTS (SELECT 1 FROM badge_print WHERE participant_id = ?)
		FROM category WHERE id = ?`, p.ID, p.CategoryID).Scan(&cat.ID, &cat.Name, &cat.BadgeLabel, &cat.Colour, &cat.Position, &c.BadgePrinted); err != nil {
		return DeskCard{}, nil, nil, err
	}
	c.BadgePrinted = c.BadgePrinted || hv.printed()
	if c.Sessions, err = daySessions(ctx, tx, p.ID, day); err != nil {
		return DeskCard{}, nil, nil, err
	}
	entries, err := openEntries(ctx, tx, l, p.ID)
	if err != nil {
		return DeskCard{}, nil, nil, err
	}
	if hv, err = hv.folded(ctx, tx); err != nil {
		return DeskCard{}, nil, nil, err
	}
	entries = hv.withHeld(entries)
	var in *Checkin // what lets them in already
	for i := range entries {
		e := &entries[i]
		if c.LastEntry == nil || e.ID > c.LastEntry.ID {
			c.LastEntry = e
		}
		if e.Kind == Arrival && e.Day == day && (c.Arrival == nil || e.ID < c.Arrival.ID) {
			c.Arrival = e
		}
		if se != nil && e.Kind == SessionEntry && e.SessionID == se.ID && (in == nil || e.ID < in.ID) {
			in = e
		}
	}
	if se == nil {
		in = c.Arrival
		c.Warnings = s.arrivalWarnings(&c, day)
	} else if c.Warnings, err = s.doorWarnings(ctx, tx, l, &c, se, in, hv); err != nil {
		return DeskCard{}, nil, nil, err
	}
	return c, se, in, nil
}

// openEntries returns the person's arrivals and session entries that no
// undo cancels in the log l (a few lines, read through its index by
// participant).
func openEntries(ctx context.Context, tx *sqlTx, l entryLog, participantID int64) ([]Checkin, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+l.columns()+" FROM "+string(l)+` c
		WHERE c.participant_id = ? AND c.kind IN ('arrival', 'session')
		AND `+l.open()+" ORDER BY c.id", participantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Checkin
	for rows.Next() {
		c, err := scanCheckin(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// daySessions is a person's programme on a day (see DeskCard.Sessions),
// without the sessions' enrolment counts (counting a workshop's thousands
// of places at each scan would be most of its time).
func daySessions(ctx context.Context, tx *sqlTx, participantID int64, day Day) ([]Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.kind, s.title, s.description, s.day, s.start_min, s.end_min,
			coalesce(s.room_id, 0), coalesce(s.capacity, 0), coalesce(r.name, ''), coalesce(s.capacity, r.capacity, 0), 0, 0
		FROM session s LEFT JOIN room r ON r.id = s.room_id
		WHERE s.day = ?1 AND (
			s.id IN (SELECT session_id FROM enrolment WHERE participant_id = ?2 AND status = 'enrolled')
			OR s.id IN (SELECT session_id FROM session_person WHERE participant_id = ?2)
			OR s.kind = 'plenary' AND EXISTS (SELECT 1 FROM participant_day WHERE participant_id = ?2 AND day = ?1))
		ORDER BY s.start_min, s.end_min, s.title, s.id`, day, participantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Session
	for rows.Next() {
		se, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, se)
	}
	return list, rows.Err()
}

// arrivalWarnings are the warnings for arriving on day.
func (s *Store) arrivalWarnings(c *DeskCard, day Day) []DeskWarning {
	var ws []DeskWarning
	now := s.now()
	p := &c.Participant
	if a := c.Arrival; a != nil {
		ws = append(ws, DeskWarning{Kind: WarnAlreadyIn, At: a.At, Desk: a.Desk, Day: day, Today: dayOf(a.At) == dayOf(now)})
	}
	if p.Status == StatusCancelled {
		// Cancelled or refunded: that is what the volunteer needs to
		// know, not a fee due nor the days of a registration that is no
		// more.
		return append(ws, DeskWarning{Kind: WarnCancelled, Name: p.FullName()})
	}
	if c.FeeDueCents > 0 {
		ws = append(ws, DeskWarning{Kind: WarnUnpaid, FeeDueCents: c.FeeDueCents})
	}
	if !slices.Contains(p.Days, day) {
		ws = append(ws, DeskWarning{Kind: WarnNotToday, Day: day, Today: day == dayOf(now), Days: p.Days})
	}
	return ws
}

// doorWarnings are the warnings for entering the session se. Someone is
// expected at the door when enrolled (not waiting), on stage, or — for a
// plenary — registered for its day; the others are warned that they are
// not enrolled, and also that the session is full (its entries not undone
// reach its capacity) or that they are enrolled in another session at that
// time.
func (s *Store) doorWarnings(ctx context.Context, tx *sqlTx, l entryLog, c *DeskCard, se *Session, in *Checkin, hv *heldView) ([]DeskWarning, error) {
	var ws []DeskWarning
	p := &c.Participant
	if in != nil {
		ws = append(ws, DeskWarning{Kind: WarnAlreadyIn, At: in.At, Desk: in.Desk, Day: se.Day,
			Today: dayOf(in.At) == dayOf(s.now()), Session: *se})
	}
	if p.Status == StatusCancelled {
		ws = append(ws, DeskWarning{Kind: WarnCancelled, Name: p.FullName()})
	}
	var status sql.NullString
	var onStage bool
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT status FROM enrolment WHERE participant_id = ?1 AND session_id = ?2),
		EXISTS (SELECT 1 FROM session_person WHERE participant_id = ?1 AND session_id = ?2)`, p.ID, se.ID).Scan(&status, &onStage); err != nil {
		return nil, err
	}
	expected := onStage || EnrolmentStatus(status.String) == Enrolled ||
		se.Kind == KindPlenary && slices.Contains(p.Days, se.Day)
	if expected {
		return ws, nil
	}
	ws = append(ws, DeskWarning{Kind: WarnNotEnrolled, Session: *se, Waitlisted: EnrolmentStatus(status.String) == Waitlisted})
	if se.EffectiveCapacity > 0 {
		inside, err := sessionInside(ctx, tx, l, se.ID)
		if err != nil {
			return nil, err
		}
		if hv != nil {
			inside += hv.inside()
		}
		if inside >= se.EffectiveCapacity {
			ws = append(ws, DeskWarning{Kind: WarnSessionFull, Session: *se, Inside: inside})
		}
	}
	other, err := scanSession(tx.QueryRowContext(ctx, "SELECT "+sessionColumns+` FROM enrolment e
		JOIN session s ON s.id = e.session_id LEFT JOIN room r ON r.id = s.room_id
		WHERE e.participant_id = ? AND e.status = 'enrolled' AND s.day = ? AND s.id <> ?
		AND s.start_min < ? AND s.end_min > ? ORDER BY s.start_min, s.id LIMIT 1`,
		p.ID, se.Day, se.ID, se.End, se.Start))
	switch {
	case err == nil:
		ws = append(ws, DeskWarning{Kind: WarnEnrolledElsewhere, Session: other})
	case err != sql.ErrNoRows:
		return nil, err
	}
	return ws, nil
}
