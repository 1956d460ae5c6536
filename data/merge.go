package data

import (
	"context"
	"database/sql"
	"strings"
)

// MergeReport says what a merge did with the dropped record's places.
type MergeReport struct {
	Moved   int      // enrolments moved onto the kept record
	Dropped []string // sessions given up: the kept person was already down for them, or for another at the same time
}

// MergeParticipants makes two records of one person one: the kept record
// takes the other's enrolments, check-ins, badge prints, roles and stand
// places, and fills its own empty fields from it; the other is deleted. The
// merge is recorded.
func (s *Store) MergeParticipants(ctx context.Context, keepID, dropID int64) (MergeReport, error) {
	var rep MergeReport
	if keepID == dropID {
		return rep, ErrMergeSelf
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		keep, err := loadParticipant(ctx, tx, "p.id = ?", keepID)
		if err != nil {
			return err
		}
		drop, err := loadParticipant(ctx, tx, "p.id = ?", dropID)
		if err != nil {
			return err
		}
		if rep, err = s.mergeEnrolments(ctx, tx, keep, drop); err != nil {
			return err
		}
		for _, q := range []string{
			"UPDATE checkin SET participant_id = ?1 WHERE participant_id = ?2",
			"UPDATE badge_print SET participant_id = ?1 WHERE participant_id = ?2",
			"UPDATE OR IGNORE session_person SET participant_id = ?1 WHERE participant_id = ?2",
			"UPDATE OR IGNORE stand_staff SET participant_id = ?1 WHERE participant_id = ?2",
			"UPDATE stand SET contact_id = ?1 WHERE contact_id = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, keepID, dropID); err != nil {
				return err
			}
		}
		fillBlanks(&keep, &drop)
		if _, err := tx.ExecContext(ctx, `UPDATE participant SET email = ?, phone = ?, job_title = ?, region = ?,
			diet = ?, accessibility = ?, notes = ?, fee_cents = ?, paid = ?, image_consent = ?, updated_at = ? WHERE id = ?`,
			keep.Email, keep.Phone, keep.JobTitle, keep.Region, keep.Diet, keep.Accessibility, keep.Notes,
			keep.FeeCents, keep.Paid, keep.ImageConsent, formatTime(s.now()), keepID); err != nil {
			return err
		}
		if keep.Organisation == "" && drop.Organisation != "" {
			if _, err := tx.ExecContext(ctx, "UPDATE participant SET organisation_id = ? WHERE id = ?", drop.OrganisationID, keepID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO participant_day (participant_id, day) SELECT ?, day FROM participant_day WHERE participant_id = ?",
			keepID, dropID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", dropID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO merge_log (kept_id, dropped_code, dropped_name, at) VALUES (?, ?, ?, ?)",
			keepID, drop.Code, drop.FullName(), formatTime(s.now()))
		return err
	})
	return rep, err
}

// mergeEnrolments moves the dropped record's places onto the kept one,
// unless the kept person already has that session or another at that time.
func (s *Store) mergeEnrolments(ctx context.Context, tx *sql.Tx, keep, drop Participant) (MergeReport, error) {
	var rep MergeReport
	list, err := queryEnrolments(ctx, tx, "e.participant_id = ? AND e.status <> 'cancelled'", "s.day, s.start_min, s.id", drop.ID)
	if err != nil {
		return rep, err
	}
	for _, e := range list {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM enrolment k JOIN session s ON s.id = k.session_id
			WHERE k.participant_id = ? AND k.status <> 'cancelled' AND s.day = ? AND s.start_min < ? AND s.end_min > ?`,
			keep.ID, e.Day, e.End, e.Start).Scan(&n)
		if err != nil {
			return rep, err
		}
		if n > 0 {
			rep.Dropped = append(rep.Dropped, e.SessionTitle)
			continue // left to be cancelled with the dropped record below
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM enrolment WHERE participant_id = ? AND session_id = ?", keep.ID, e.SessionID); err != nil {
			return rep, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET participant_id = ? WHERE participant_id = ? AND session_id = ?",
			keep.ID, drop.ID, e.SessionID); err != nil {
			return rep, err
		}
		rep.Moved++
	}
	return rep, s.freePlaces(ctx, tx, drop.ID)
}

// fillBlanks fills keep's empty fields from drop's.
func fillBlanks(keep, drop *Participant) {
	for _, f := range []struct{ k, d *string }{
		{&keep.Email, &drop.Email}, {&keep.Phone, &drop.Phone}, {&keep.JobTitle, &drop.JobTitle},
		{&keep.Region, &drop.Region}, {&keep.Diet, &drop.Diet}, {&keep.Accessibility, &drop.Accessibility},
	} {
		if *f.k == "" {
			*f.k = *f.d
		}
	}
	if drop.Notes != "" && !strings.Contains(keep.Notes, drop.Notes) {
		keep.Notes = strings.TrimSpace(keep.Notes + "\n" + drop.Notes)
	}
	if keep.FeeCents == 0 {
		keep.FeeCents, keep.Paid = drop.FeeCents, drop.Paid
	}
	keep.Paid = keep.Paid || drop.Paid
	keep.ImageConsent = keep.ImageConsent && drop.ImageConsent // the more careful answer
}
