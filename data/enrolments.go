package data

import (
	"context"
	"database/sql"
	"time"
)

// EnrolmentStatus is where a person stands for a session.
type EnrolmentStatus string

const (
	Enrolled   EnrolmentStatus = "enrolled"
	Waitlisted EnrolmentStatus = "waitlisted"
	Withdrawn  EnrolmentStatus = "cancelled"
)

// Enrolment is one person's place (or place in the queue) for one session.
type Enrolment struct {
	ParticipantID int64
	SessionID     int64
	Status        EnrolmentStatus
	At            time.Time // when they took their place in the queue
	// Read only: who and what, for lists.
	ParticipantName string
	Organisation    string
	SessionTitle    string
	Day             Day
	Start, End      Clock
	Position        int // 1-based place in the waiting list; 0 when enrolled
}

// Enrol puts a participant in a session, or on its waiting list when it is
// full. Enrolling twice is harmless. Someone who holds a seat in another
// session at the same time gets ErrClash; a place on a waiting list at the
// same time is no clash (see EnrolLeavingWaitlists to give it up). A
// cancelled participant gets ErrParticipantCancelled.
func (s *Store) Enrol(ctx context.Context, participantID, sessionID int64) (EnrolmentStatus, error) {
	var st EnrolmentStatus
	err := s.write(ctx, func(tx *sqlTx) error {
		var err error
		st, err = s.enrol(ctx, tx, participantID, sessionID)
		return err
	})
	return st, err
}

func (s *Store) enrol(ctx context.Context, tx *sqlTx, participantID, sessionID int64) (EnrolmentStatus, error) {
	p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
	if err != nil {
		return "", err
	}
	if p.Status == StatusCancelled {
		return "", ErrParticipantCancelled.With(p.FullName())
	}
	se, err := loadSession(ctx, tx, sessionID)
	if err != nil {
		return "", err
	}
	var current EnrolmentStatus
	err = tx.QueryRowContext(ctx, "SELECT status FROM enrolment WHERE participant_id = ? AND session_id = ?",
		participantID, sessionID).Scan(&current)
	if err != nil && err != sql.ErrNoRows {
		return "", err
	}
	if current == Enrolled || current == Waitlisted {
		return current, nil
	}
	seats, err := placesOn(ctx, tx, participantID, se.Day, Enrolled)
	if err != nil {
		return "", err
	}
	if c := firstClash(&se, seats); c != nil {
		return "", ErrClash.With(p.FullName(), c.Title, c.Start, c.End)
	}
	st := Enrolled
	if waits(&se) {
		st = Waitlisted
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO enrolment (participant_id, session_id, status, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (participant_id, session_id) DO UPDATE SET status = excluded.status, at = excluded.at`,
		participantID, sessionID, st, formatTime(s.now()))
	if err != nil || st == Enrolled || se.Enrolled >= se.EffectiveCapacity {
		return st, err
	}
	// A free seat, yet people wait: those passed over (seated elsewhere at
	// that time) do not keep it from the newcomer.
	if err := promote(ctx, tx, sessionID); err != nil {
		return "", err
	}
	err = tx.QueryRowContext(ctx, "SELECT status FROM enrolment WHERE participant_id = ? AND session_id = ?",
		participantID, sessionID).Scan(&st)
	return st, err
}

// The rules of an enrolment, which Enrol applies and an import's dry run
// foresees (see dryEnrol).

// clash tells whether a person seated in session o cannot take a place in
// se too: another session, the same day, at times that overlap. Only seats
// clash: a place on a waiting list holds nobody anywhere.
func clash(se, o *Session) bool {
	return o.Day == se.Day && o.ID != se.ID && o.Start < se.End && o.End > se.Start
}

// firstClash is the earliest of the sessions a person is down for that
// clashes with se, or nil.
func firstClash(se *Session, down []*Session) *Session {
	var first *Session
	for _, o := range down {
		if clash(se, o) && (first == nil || o.Start < first.Start) {
			first = o
		}
	}
	return first
}

// waits tells whether a new enrolment in se goes to its waiting list: the
// session is full, or people already wait for a place.
func waits(se *Session) bool {
	return se.EffectiveCapacity > 0 && (se.Enrolled >= se.EffectiveCapacity || se.Waitlisted > 0)
}

// placesOn lists the sessions of that day where a participant stands
// as st: a seat (Enrolled) or a place on the waiting list (their ID,
// title, day and times).
func placesOn(ctx context.Context, tx *sqlTx, participantID int64, day Day, st EnrolmentStatus) ([]*Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.title, s.day, s.start_min, s.end_min FROM enrolment e
		JOIN session s ON s.id = e.session_id
		WHERE e.participant_id = ? AND e.status = ? AND s.day = ?`, participantID, st, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*Session
	for rows.Next() {
		o := &Session{}
		if err := rows.Scan(&o.ID, &o.Title, &o.Day, &o.Start, &o.End); err != nil {
			return nil, err
		}
		list = append(list, o)
	}
	return list, rows.Err()
}

// EnrolStrict enrols like Enrol but refuses a full session with
// ErrSessionFull instead of queueing (imports use it when asked to).
func (s *Store) EnrolStrict(ctx context.Context, participantID, sessionID int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		st, err := s.enrol(ctx, tx, participantID, sessionID)
		if err != nil {
			return err
		}
		if st == Waitlisted {
			se, err := loadSession(ctx, tx, sessionID)
			if err != nil {
				return err
			}
			return ErrSessionFull.With(se.Title, se.EffectiveCapacity)
		}
		return nil
	})
}

// CancelEnrolment takes a participant out of a session (or its waiting
// list); the first person waiting gets the place.
func (s *Store) CancelEnrolment(ctx context.Context, participantID, sessionID int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		res, err := tx.ExecContext(ctx, "UPDATE enrolment SET status = 'cancelled' WHERE participant_id = ? AND session_id = ? AND status <> 'cancelled'",
			participantID, sessionID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, label{"Enrolment", "Inscription"}); err != nil {
			return err
		}
		if err := promote(ctx, tx, sessionID); err != nil {
			return err
		}
		// A seat given up may let them have one they wait for at that time.
		return promoteAll(ctx, tx, "SELECT session_id FROM enrolment WHERE participant_id = ? AND status = 'waitlisted'", participantID)
	})
}

// PromoteFromWaitlist moves one person from the waiting list to the
// session, even above capacity (the organiser decides), unless they hold a
// seat elsewhere at that time (ErrClash).
func (s *Store) PromoteFromWaitlist(ctx context.Context, participantID, sessionID int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		if err := promotionClash(ctx, tx, participantID, sessionID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "UPDATE enrolment SET status = 'enrolled' WHERE participant_id = ? AND session_id = ? AND status = 'waitlisted'",
			participantID, sessionID)
		if err != nil {
			return err
		}
		return mustAffect(res, label{"Waiting-list place", "Place en liste d'attente"})
	})
}

// PromotionClash tells, before asking anything, whether
// PromoteFromWaitlist would refuse someone for a seat elsewhere at that
// time (ErrClash), or nil.
func (s *Store) PromotionClash(ctx context.Context, participantID, sessionID int64) error {
	return s.read(ctx, func(tx *sqlTx) error { return promotionClash(ctx, tx, participantID, sessionID) })
}

// promotionClash is ErrClash when the participant holds a seat elsewhere
// at the time of the session.
func promotionClash(ctx context.Context, tx *sqlTx, participantID, sessionID int64) error {
	se, err := loadSession(ctx, tx, sessionID)
	if err != nil {
		return err
	}
	seats, err := placesOn(ctx, tx, participantID, se.Day, Enrolled)
	if err != nil {
		return err
	}
	if c := firstClash(&se, seats); c != nil {
		p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
		if err != nil {
			return err
		}
		return ErrClash.With(p.FullName(), c.Title, c.Start, c.End)
	}
	return nil
}

// promote gives free places of a session to the people waiting, in order,
// passing over those seated elsewhere at that time (they keep their place
// in the queue).
func promote(ctx context.Context, tx *sqlTx, sessionID int64) error {
	se, err := loadSession(ctx, tx, sessionID)
	if err != nil {
		return err
	}
	free := se.EffectiveCapacity - se.Enrolled
	if se.EffectiveCapacity == 0 {
		free = se.Waitlisted
	}
	if free <= 0 || se.Waitlisted == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, "UPDATE enrolment SET status = 'enrolled' WHERE id IN ("+nextWaitingSQL+")",
		nextWaitingArgs(&se, free)...)
	return err
}

// nextWaitingSQL is who gets a free place of a session (the rule promote
// applies, which NextOnWaitlist foretells): the people waiting, in order,
// passing over those seated elsewhere at that time; the IDs of their
// enrolment rows, at most n (see nextWaitingArgs).
const nextWaitingSQL = `SELECT w.id FROM enrolment w WHERE w.session_id = ? AND w.status = 'waitlisted' AND NOT EXISTS (
			SELECT 1 FROM enrolment x JOIN session o ON o.id = x.session_id
			WHERE x.participant_id = w.participant_id AND x.status = 'enrolled' AND o.id <> ?
			AND o.day = ? AND o.start_min < ? AND o.end_min > ?)
		ORDER BY w.at, w.id LIMIT ?`

func nextWaitingArgs(se *Session, n int) []any {
	return []any{se.ID, se.ID, se.Day, se.End, se.Start, n}
}

// NextOnWaitlist tells who would get a place of the session freed now (by
// the rule promote applies), with their position on the waiting list;
// found is false when nobody waiting can take it.
func (s *Store) NextOnWaitlist(ctx context.Context, sessionID int64) (e Enrolment, found bool, err error) {
	err = s.read(ctx, func(tx *sqlTx) error {
		se, err := loadSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		ids, err := queryIDs(ctx, tx, nextWaitingSQL, nextWaitingArgs(&se, 1)...)
		if err != nil || len(ids) == 0 {
			return err
		}
		list, err := queryEnrolments(ctx, tx, "e.id = ?", "e.id", ids[0])
		if err != nil || len(list) == 0 {
			return err
		}
		e, found = list[0], true
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM enrolment w, enrolment e
			WHERE e.id = ? AND w.session_id = e.session_id AND w.status = 'waitlisted'
			AND (w.at < e.at OR (w.at = e.at AND w.id <= e.id))`, ids[0]).Scan(&e.Position)
	})
	return e, found, err
}

// promoteAll promotes in every session the query returns.
func promoteAll(ctx context.Context, tx *sqlTx, query string, args ...any) error {
	ids, err := queryIDs(ctx, tx, query, args...)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := promote(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// freePlaces withdraws a participant from every session and hands their
// places on.
func (s *Store) freePlaces(ctx context.Context, tx *sqlTx, participantID int64) error {
	ids, err := queryIDs(ctx, tx, "SELECT session_id FROM enrolment WHERE participant_id = ? AND status <> 'cancelled'", participantID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET status = 'cancelled' WHERE participant_id = ? AND status <> 'cancelled'", participantID); err != nil {
		return err
	}
	for _, id := range ids {
		if err := promote(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

const enrolmentColumns = `e.participant_id, e.session_id, e.status, e.at,
	p.first_name || ' ' || p.last_name, coalesce(o.name, ''), s.title, s.day, s.start_min, s.end_min`

const enrolmentFrom = ` FROM enrolment e JOIN participant p ON p.id = e.participant_id
	LEFT JOIN organisation o ON o.id = p.organisation_id JOIN session s ON s.id = e.session_id`

func queryEnrolments(ctx context.Context, tx *sqlTx, where, order string, arg any) ([]Enrolment, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+enrolmentColumns+enrolmentFrom+" WHERE "+where+" ORDER BY "+order, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Enrolment
	for rows.Next() {
		var e Enrolment
		var at string
		if err := rows.Scan(&e.ParticipantID, &e.SessionID, &e.Status, &at, &e.ParticipantName, &e.Organisation,
			&e.SessionTitle, &e.Day, &e.Start, &e.End); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		list = append(list, e)
	}
	return list, rows.Err()
}

// SessionEnrolments lists a session's people: those enrolled by name, then
// the waiting list in order (Position 1, 2, …). Withdrawn people are left out.
func (s *Store) SessionEnrolments(ctx context.Context, sessionID int64) ([]Enrolment, error) {
	var list []Enrolment
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = queryEnrolments(ctx, tx, "e.session_id = ? AND e.status <> 'cancelled'",
			"e.status = 'waitlisted', CASE WHEN e.status = 'enrolled' THEN p.sort_key END, e.at, e.id", sessionID)
		return err
	})
	pos := 0
	for i := range list {
		if list[i].Status == Waitlisted {
			pos++
			list[i].Position = pos
		}
	}
	return list, err
}

// ParticipantEnrolments lists a participant's sessions in time order, with
// their place on waiting lists.
func (s *Store) ParticipantEnrolments(ctx context.Context, participantID int64) ([]Enrolment, error) {
	var list []Enrolment
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = queryEnrolments(ctx, tx, "e.participant_id = ?", "s.day, s.start_min, s.id", participantID)
		if err != nil {
			return err
		}
		for i := range list {
			if list[i].Status != Waitlisted {
				continue
			}
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM enrolment w, enrolment e
				WHERE e.participant_id = ? AND e.session_id = ? AND w.session_id = e.session_id AND w.status = 'waitlisted'
				AND (w.at < e.at OR (w.at = e.at AND w.id <= e.id))`,
				participantID, list[i].SessionID).Scan(&list[i].Position); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}
