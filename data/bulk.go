package data

import (
	"context"
	"database/sql"
	"slices"
)

// SetCategoryMany puts these participants in one category, all or none,
// and logs the change (made by by: the desk or laptop) so that it can be
// undone.
func (s *Store) SetCategoryMany(ctx context.Context, ids []int64, categoryID int64, by string) (BulkChange, error) {
	var ch BulkChange
	err := s.write(ctx, func(tx *sqlTx) error {
		var name string
		err := tx.QueryRowContext(ctx, "SELECT name FROM category WHERE id = ?", categoryID).Scan(&name)
		if err == sql.ErrNoRows {
			return withField(notFound(lACategory), "category")
		}
		if err != nil {
			return err
		}
		before, err := snapshotPeople(ctx, tx, ids)
		if err != nil {
			return err
		}
		now := formatTime(s.now())
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, "UPDATE participant SET category_id = ?, updated_at = ? WHERE id = ?", categoryID, now, id)
			if err != nil {
				return err
			}
			if err := mustAffect(res, lParticipant); err != nil {
				return err
			}
		}
		ch, err = s.logBulk(ctx, tx, BulkCategory, name, by, ids, before, nil, nil)
		return err
	})
	return ch, err
}

// SetStatusMany changes these participants' status, all or none, and logs
// the change so that it can be undone; cancelling frees their places.
func (s *Store) SetStatusMany(ctx context.Context, ids []int64, st Status, by string) (BulkChange, error) {
	switch st {
	case StatusPending, StatusConfirmed, StatusCancelled:
	default:
		return BulkChange{}, ErrStatusInvalid.With(st)
	}
	var ch BulkChange
	err := s.write(ctx, func(tx *sqlTx) error {
		before, err := snapshotPeople(ctx, tx, ids)
		if err != nil {
			return err
		}
		// Cancelling hands places on to others: every session of these
		// people may change.
		sessions := "SELECT session_id FROM enrolment WHERE participant_id IN (SELECT value FROM " + tx.d.IDList() + " j)"
		enrolBefore, err := snapshotEnrolments(ctx, tx, sessions, idsJSON(ids))
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.setStatus(ctx, tx, id, st); err != nil {
				return err
			}
		}
		ch, err = s.logBulk(ctx, tx, BulkStatus, string(st), by, ids, before, enrolBefore, func() (map[enrolKey]enrolValues, error) {
			return snapshotEnrolments(ctx, tx, sessions, idsJSON(ids))
		})
		return err
	})
	return ch, err
}

// EnrolResult is what enrolling one person of a group gave.
type EnrolResult struct {
	ParticipantID int64
	Status        EnrolmentStatus // empty when Err is set
	Err           error           // a clash, a cancelled participant…
	Left          []Enrolment     // the waiting lists left at that time (EnrolManyMoving)
}

// EnrolMany enrols these participants in a session (on its waiting list
// when full), and logs the change so that it can be undone. Those who
// cannot be enrolled are reported one by one; the others are enrolled.
func (s *Store) EnrolMany(ctx context.Context, ids []int64, sessionID int64, by string) (BulkChange, []EnrolResult, error) {
	return s.enrolMany(ctx, ids, sessionID, by, false)
}

// enrolMany is EnrolMany; move takes them off waiting lists at that time
// (see EnrolManyMoving, enrolments_move.go).
func (s *Store) enrolMany(ctx context.Context, ids []int64, sessionID int64, by string, move bool) (BulkChange, []EnrolResult, error) {
	var results []EnrolResult
	var ch BulkChange
	err := s.write(ctx, func(tx *sqlTx) error {
		se, err := loadSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		sessions, args := "SELECT CAST(? AS bigint)", []any{sessionID}
		if move { // and the sessions at that time, whose waiting lists they leave
			sessions, args = "SELECT id FROM session WHERE day = ? AND start_min < ? AND end_min > ?", []any{se.Day, se.End, se.Start}
		}
		before, err := snapshotEnrolments(ctx, tx, sessions, args...)
		if err != nil {
			return err
		}
		for _, id := range ids {
			st, err := s.enrol(ctx, tx, id, sessionID)
			if err != nil && KindOf(err) == KindInternal {
				return err
			}
			r := EnrolResult{ParticipantID: id, Status: st, Err: err}
			if move && err == nil {
				if r.Left, err = leaveWaitlistsAtTheSameTime(ctx, tx, id, sessionID); err != nil {
					return err
				}
			}
			results = append(results, r)
		}
		ch, err = s.logBulk(ctx, tx, BulkEnrol, se.Title, by, ids, nil, before, func() (map[enrolKey]enrolValues, error) {
			return snapshotEnrolments(ctx, tx, sessions, args...)
		})
		return err
	})
	return ch, results, err
}

// Regions lists the regions participants come from, for filters.
func (s *Store) Regions(ctx context.Context) ([]string, error) {
	var list []string
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = keptRead(ctx, s, tx, "regions", readRegions, slices.Clone) // every participant read: kept (kept_reads.go)
		return err
	})
	return list, err
}

func readRegions(ctx context.Context, tx *sqlTx) ([]string, error) {
	var list []string
	rows, err := tx.QueryContext(ctx, "SELECT region FROM participant WHERE region <> '' GROUP BY region ORDER BY "+tx.d.NoCase("region"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}
