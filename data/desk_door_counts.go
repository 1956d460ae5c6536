package data

import (
	"context"
)

// DoorCount is how many people came into a session, against those
// expected there.
type DoorCount struct {
	Inside int // people with an entry into the session that no undo cancels
	// Expected are the people the door lets in without a warning and whose
	// registration is not cancelled: enrolled (not waiting), on stage, or —
	// for a plenary — registered for its day.
	Expected int
	// OnStage are those of Expected who are expected only as speakers or
	// facilitators (not enrolled): why a workshop with 60 enrolled expects 62.
	OnStage  int
	Capacity int // the session's effective capacity; 0: unlimited
}

// DoorCounts counts the entries into a session, for its door's counters.
func (s *Store) DoorCounts(ctx context.Context, sessionID int64) (DoorCount, error) {
	return s.doorCounts(ctx, realLog, sessionID)
}

// doorCounts is DoorCounts with the entries of the log l.
func (s *Store) doorCounts(ctx context.Context, l entryLog, sessionID int64) (DoorCount, error) {
	var n DoorCount
	held, err := s.heldList(ctx, "log = ? AND session_id = ? AND kind IN ('session', 'undo') AND undone_at IS NULL", l, sessionID)
	if err != nil {
		return n, s.heldCondition(err)
	}
	err = s.read(ctx, func(tx *sqlTx) error {
		se, err := loadSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		n.Capacity = se.EffectiveCapacity
		if n.Inside, err = sessionInside(ctx, tx, l, se.ID); err != nil {
			return err
		}
		held, err := unfolded(ctx, tx, held)
		if err != nil {
			return err
		}
		n.Inside += heldInside(held)
		return tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN
				p.id IN (SELECT participant_id FROM enrolment WHERE session_id = ?1 AND status = 'enrolled')
				OR ?2 AND p.id IN (SELECT participant_id FROM participant_day WHERE day = ?3) THEN 0 ELSE 1 END), 0)
			FROM participant p WHERE p.status <> 'cancelled' AND (
				p.id IN (SELECT participant_id FROM enrolment WHERE session_id = ?1 AND status = 'enrolled')
				OR p.id IN (SELECT participant_id FROM session_person WHERE session_id = ?1)
				OR ?2 AND p.id IN (SELECT participant_id FROM participant_day WHERE day = ?3))`,
			se.ID, se.Kind == KindPlenary, se.Day).Scan(&n.Expected, &n.OnStage)
	})
	return n, err
}
