package data

import "context"

// WaitsAtTheSameTime lists the waiting lists a participant is on for
// sessions at the same time as session sessionID (which they may still
// take a seat in: see EnrolLeavingWaitlists).
func (s *Store) WaitsAtTheSameTime(ctx context.Context, participantID, sessionID int64) ([]Enrolment, error) {
	var list []Enrolment
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = waitsAtTheSameTime(ctx, tx, participantID, sessionID)
		return err
	})
	return list, err
}

func waitsAtTheSameTime(ctx context.Context, tx *sqlTx, participantID, sessionID int64) ([]Enrolment, error) {
	se, err := loadSession(ctx, tx, sessionID)
	if err != nil {
		return nil, err
	}
	waits, err := queryEnrolments(ctx, tx, "e.participant_id = ? AND e.status = 'waitlisted'",
		"s.day, s.start_min, s.id", participantID)
	if err != nil {
		return nil, err
	}
	var list []Enrolment
	for _, e := range waits {
		o := Session{ID: e.SessionID, Day: e.Day, Start: e.Start, End: e.End}
		if clash(&se, &o) {
			list = append(list, e)
		}
	}
	return list, nil
}

// EnrolLeavingWaitlists enrols a participant in a session as Enrol does,
// and takes them off the waiting lists of sessions at the same time: they
// move there.
func (s *Store) EnrolLeavingWaitlists(ctx context.Context, participantID, sessionID int64) (EnrolmentStatus, error) {
	var st EnrolmentStatus
	err := s.write(ctx, func(tx *sqlTx) error {
		var err error
		if st, err = s.enrol(ctx, tx, participantID, sessionID); err != nil {
			return err
		}
		_, err = leaveWaitlistsAtTheSameTime(ctx, tx, participantID, sessionID)
		return err
	})
	return st, err
}

// leaveWaitlistsAtTheSameTime takes a participant off the waiting lists of
// the sessions at the same time as sessionID, and says which they left.
func leaveWaitlistsAtTheSameTime(ctx context.Context, tx *sqlTx, participantID, sessionID int64) ([]Enrolment, error) {
	waits, err := waitsAtTheSameTime(ctx, tx, participantID, sessionID)
	if err != nil {
		return nil, err
	}
	for _, e := range waits {
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET status = 'cancelled' WHERE participant_id = ? AND session_id = ?",
			participantID, e.SessionID); err != nil {
			return nil, err
		}
	}
	return waits, nil
}

// WaitingAtTheSameTime lists the participants who wait for a place in
// another session at the same time as session sessionID and are not down
// for it yet: those a bulk enrolment asks about (move there, or keep
// both; see EnrolManyMoving).
func (s *Store) WaitingAtTheSameTime(ctx context.Context, sessionID int64) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, func(tx *sqlTx) error {
		se, err := loadSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		ids, err = queryIDs(ctx, tx, `SELECT DISTINCT e.participant_id FROM enrolment e JOIN session o ON o.id = e.session_id
			WHERE e.status = 'waitlisted' AND o.id <> ? AND o.day = ? AND o.start_min < ? AND o.end_min > ?
			AND NOT EXISTS (SELECT 1 FROM enrolment t WHERE t.participant_id = e.participant_id AND t.session_id = ? AND t.status <> 'cancelled')`,
			se.ID, se.Day, se.End, se.Start, se.ID)
		return err
	})
	return ids, err
}

// EnrolManyMoving is EnrolMany; with move, those enrolled or put on the
// waiting list leave the waiting lists of sessions at the same time (each
// result says which), and Undo gives those places back.
func (s *Store) EnrolManyMoving(ctx context.Context, ids []int64, sessionID int64, by string, move bool) (BulkChange, []EnrolResult, error) {
	return s.enrolMany(ctx, ids, sessionID, by, move)
}
