package data

import (
	"context"
	"database/sql"
	"time"
)

// The organiser's "to review" list (issue 17, docs/offline-desks.md,
// "Conflicts are kept and shown, never lost"): what desks did that the
// congress kept, and counted once, but that an organiser should look at.
// Its rows are written inside the transaction that writes what they are
// about (noteReview), and an organiser marks them reviewed (ResolveReview);
// they are never deleted.

// ReviewKind says what an entry of the list is about.
type ReviewKind string

const (
	// ReviewSecondArrival: an arrival for someone already in that day
	// (two desks, one of them offline). The arrival counts once, with the
	// earlier scan; the later scan is the one under review.
	ReviewSecondArrival ReviewKind = "second_arrival"
	// ReviewSecondEntry: the same for an entry into a session.
	ReviewSecondEntry ReviewKind = "second_entry"
	// ReviewWalkInDuplicate: the same person registered as a walk-in at
	// two offline desks (ParticipantID and OtherParticipantID).
	ReviewWalkInDuplicate ReviewKind = "walkin_duplicate"
	// ReviewSeatRequest: a workshop seat (or a waiting-list place) asked
	// for at an offline desk, noted for the organiser to decide.
	ReviewSeatRequest ReviewKind = "seat_request"
)

// Valid reports whether k is one of the kinds above.
func (k ReviewKind) Valid() bool {
	switch k {
	case ReviewSecondArrival, ReviewSecondEntry, ReviewWalkInDuplicate, ReviewSeatRequest:
		return true
	}
	return false
}

// Review is one entry of the organiser's "to review" list.
type Review struct {
	ID                 int64
	Kind               ReviewKind
	ParticipantID      int64
	OtherParticipantID int64     // a walk-in's possible duplicate; 0 otherwise
	Day                Day       // the day of the arrival or entry; "" when none
	SessionID          int64     // the session entered or asked for; 0 when none
	Desk               string    // the desk of the scan (or request) under review
	At                 time.Time // its scan time, as the desk's clock gave it
	Op                 string    // its desk action's id, when it had one
	KeptDesk           string    // second arrival or entry: the desk of the entry that counts
	KeptAt             time.Time // and its scan time
	Note               string
	CreatedAt          time.Time // when the congress noted it
	ResolvedAt         time.Time // zero until an organiser marks it reviewed
	ResolvedBy         string

	// Read by ToReview, for the list's sentences: the people's names and
	// the session's title ("" when the row names none, or it is gone).
	Name, OtherName, SessionTitle string
}

// Resolved reports whether an organiser marked the entry reviewed.
func (r Review) Resolved() bool { return !r.ResolvedAt.IsZero() }

// lReview names an entry of the list in sentences.
var lReview = label{"The entry to review", "L'entrée à revoir"}

// ErrReviewKind: noteReview was given a kind that is not one of the list's.
var ErrReviewKind = newErr(KindInvalid, "review_kind", "",
	"%q is not a kind of entry to review.",
	"«%s» n'est pas un genre d'entrée à revoir.")

// noteReview adds r to the list, in tx (the transaction that writes what r
// is about). r.CreatedAt, when zero, is now; r.At, when zero, is
// r.CreatedAt.
func noteReview(ctx context.Context, tx *sqlTx, r Review) error {
	if !r.Kind.Valid() {
		return ErrReviewKind.With(string(r.Kind))
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now()
	}
	if r.At.IsZero() {
		r.At = r.CreatedAt
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO review (kind, participant_id, other_participant_id, day, session_id,
		desk, at, op, kept_desk, kept_at, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Kind, r.ParticipantID, nullID(r.OtherParticipantID), sql.NullString{String: string(r.Day), Valid: r.Day != ""},
		nullID(r.SessionID), r.Desk, formatTime(r.At), r.Op, r.KeptDesk, nullTime(r.KeptAt), r.Note, formatTime(r.CreatedAt))
	return err
}

// nullTime is t as a column takes it, or NULL when it is zero.
func nullTime(t time.Time) sql.NullString {
	return sql.NullString{String: formatTime(t), Valid: !t.IsZero()}
}

// ToReview lists the organiser's "to review" list: the entries not yet
// reviewed first, then the others, the newest first in each.
func (s *Store) ToReview(ctx context.Context) ([]Review, error) {
	var list []Review
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.kind, r.participant_id, coalesce(r.other_participant_id, 0),
			r.day, coalesce(r.session_id, 0), r.desk, r.at, r.op, r.kept_desk, r.kept_at, r.note, r.created_at,
			r.resolved_at, r.resolved_by, coalesce(p.first_name, ''), coalesce(p.last_name, ''),
			coalesce(o.first_name, ''), coalesce(o.last_name, ''), coalesce(se.title, '')
			FROM review r LEFT JOIN participant p ON p.id = r.participant_id
			LEFT JOIN participant o ON o.id = r.other_participant_id
			LEFT JOIN session se ON se.id = r.session_id
			ORDER BY CASE WHEN r.resolved_at IS NULL THEN 0 ELSE 1 END, r.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r Review
			var at, keptAt, created, resolved timeText
			var p, o Participant
			if err := rows.Scan(&r.ID, &r.Kind, &r.ParticipantID, &r.OtherParticipantID, (*nullDay)(&r.Day), &r.SessionID,
				&r.Desk, &at, &r.Op, &r.KeptDesk, &keptAt, &r.Note, &created, &resolved, &r.ResolvedBy,
				&p.FirstName, &p.LastName, &o.FirstName, &o.LastName, &r.SessionTitle); err != nil {
				return err
			}
			r.At, r.KeptAt, r.CreatedAt, r.ResolvedAt = at.time(), keptAt.time(), created.time(), resolved.time()
			r.Name, r.OtherName = p.FullName(), o.FullName()
			list = append(list, r)
		}
		return rows.Err()
	})
	return list, err
}

// nullDay reads a day column that may be NULL (a server's date, or a
// file's text): "" when it is.
type nullDay Day

func (n *nullDay) Scan(src any) error {
	if src == nil {
		*n = ""
		return nil
	}
	return (*Day)(n).Scan(src)
}

// CountToReview says how many entries of the list are not yet reviewed:
// the dashboard's "N entries to review".
func (s *Store) CountToReview(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sqlTx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM review WHERE resolved_at IS NULL").Scan(&n)
	})
	return n, err
}

// ResolveReview marks the entry id reviewed by by (the organiser's name,
// or the desk's). An entry reviewed already keeps its first mark.
func (s *Store) ResolveReview(ctx context.Context, id int64, by string) error {
	return s.write(ctx, func(tx *sqlTx) error {
		res, err := tx.ExecContext(ctx, "UPDATE review SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL",
			formatTime(s.now()), clean(by), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		var known bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM review WHERE id = ?)", id).Scan(&known); err != nil {
			return err
		}
		if !known {
			return notFound(lReview)
		}
		return nil
	})
}
