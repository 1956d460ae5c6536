package data

import (
	"context"
	"database/sql"
)

// SetCategoryMany puts these participants in one category, all or none.
func (s *Store) SetCategoryMany(ctx context.Context, ids []int64, categoryID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM category WHERE id = ?", categoryID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return withField(notFound(lACategory), "category")
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
		return nil
	})
}

// SetStatusMany changes these participants' status, all or none;
// cancelling frees their places.
func (s *Store) SetStatusMany(ctx context.Context, ids []int64, st Status) error {
	switch st {
	case StatusPending, StatusConfirmed, StatusCancelled:
	default:
		return ErrStatusInvalid.With(st)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if err := s.setStatus(ctx, tx, id, st); err != nil {
				return err
			}
		}
		return nil
	})
}

// EnrolResult is what enrolling one person of a group gave.
type EnrolResult struct {
	ParticipantID int64
	Status        EnrolmentStatus // empty when Err is set
	Err           error           // a clash, a cancelled participant…
}

// EnrolMany enrols these participants in a session (on its waiting list
// when full). Those who cannot be enrolled are reported one by one; the
// others are enrolled.
func (s *Store) EnrolMany(ctx context.Context, ids []int64, sessionID int64) ([]EnrolResult, error) {
	var results []EnrolResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := loadSession(ctx, tx, sessionID); err != nil {
			return err
		}
		for _, id := range ids {
			st, err := s.enrol(ctx, tx, id, sessionID)
			if err != nil && KindOf(err) == KindInternal {
				return err
			}
			results = append(results, EnrolResult{ParticipantID: id, Status: st, Err: err})
		}
		return nil
	})
	return results, err
}

// Regions lists the regions participants come from, for filters.
func (s *Store) Regions(ctx context.Context) ([]string, error) {
	var list []string
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT DISTINCT region FROM participant WHERE region <> '' ORDER BY region COLLATE NOCASE")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r string
			if err := rows.Scan(&r); err != nil {
				return err
			}
			list = append(list, r)
		}
		return rows.Err()
	})
	return list, err
}
