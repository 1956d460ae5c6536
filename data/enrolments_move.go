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
		waits, err := waitsAtTheSameTime(ctx, tx, participantID, sessionID)
		if err != nil {
			return err
		}
		for _, e := range waits {
			if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET status = 'cancelled' WHERE participant_id = ? AND session_id = ?",
				participantID, e.SessionID); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}
