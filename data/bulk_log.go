package data

import (
	"context"
	"database/sql"
	"time"
)

// BulkKind is what a bulk change set.
type BulkKind string

const (
	BulkCategory BulkKind = "category" // Change category
	BulkStatus   BulkKind = "status"   // Change status
	BulkEnrol    BulkKind = "enrol"    // Enrol in a session
)

// BulkChange is one change made to several participants at once, as the
// file's log keeps it. Undoing it restores exactly the values it replaced.
type BulkChange struct {
	ID       int64
	At       time.Time
	By       string // the desk or laptop that made it
	Kind     BulkKind
	Value    string // the category's name, the status, the session's title
	People   int    // how many participants it was asked for
	UndoneAt time.Time
	UndoneBy string
}

// Undone reports whether the change was undone.
func (c BulkChange) Undone() bool { return !c.UndoneAt.IsZero() }

var (
	// ErrBulkUndone: a bulk change is undone once.
	ErrBulkUndone = newErr(KindConflict, "bulk_undone", "",
		"This change was already undone.",
		"Cette modification a déjà été annulée.")
	// ErrBulkChangedSince: an undo would overwrite later work.
	ErrBulkChangedSince = newErr(KindConflict, "bulk_changed_since", "",
		"%s was changed since: undoing this change would overwrite that, so nothing was undone.",
		"%s a été modifié·e depuis : annuler cette modification écraserait ce changement, rien n'a donc été annulé.")
)

var (
	lBulkChange     = label{"The change", "La modification"}
	lSomeoneDeleted = label{"Someone it changed (since deleted)", "Une personne qu'elle a modifiée (supprimée depuis)"}
)

// personValues are the fields of a participant a bulk change may set.
type personValues struct {
	category int64
	status   Status
	updated  string
}

// enrolKey is a person's place in a session.
type enrolKey struct{ participant, session int64 }

// enrolValues is an enrolment row; an empty status means no row.
type enrolValues struct {
	status EnrolmentStatus
	at     string
}

// snapshotPeople reads the values of these participants a bulk change may
// set; one missing is ErrNotFound.
func snapshotPeople(ctx context.Context, tx *sqlTx, ids []int64) (map[int64]personValues, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.category_id, p.status, p.updated_at
		FROM `+tx.d.IDList()+` j JOIN participant p ON p.id = j.value`, idsJSON(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := make(map[int64]personValues, len(ids))
	for rows.Next() {
		var id int64
		var v personValues
		if err := rows.Scan(&id, &v.category, &v.status, &v.updated); err != nil {
			return nil, err
		}
		m[id] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := m[id]; !ok {
			return nil, notFound(lParticipant)
		}
	}
	return m, nil
}

// snapshotEnrolments reads every enrolment row of the sessions the query
// selects.
func snapshotEnrolments(ctx context.Context, tx *sqlTx, sessions string, args ...any) (map[enrolKey]enrolValues, error) {
	rows, err := tx.QueryContext(ctx, "SELECT participant_id, session_id, status, at FROM enrolment WHERE session_id IN ("+sessions+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[enrolKey]enrolValues{}
	for rows.Next() {
		var k enrolKey
		var v enrolValues
		if err := rows.Scan(&k.participant, &k.session, &v.status, &v.at); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}

// logBulk writes a bulk change into the log: the participants' values
// before (people, nil when their rows were not written) and now, and the
// enrolment rows that changed (enrolAfter reads them again after the
// change; nil when none could change).
func (s *Store) logBulk(ctx context.Context, tx *sqlTx, kind BulkKind, value, by string, ids []int64,
	people map[int64]personValues, enrolBefore map[enrolKey]enrolValues, enrolAfter func() (map[enrolKey]enrolValues, error)) (BulkChange, error) {
	ch := BulkChange{At: s.now(), By: by, Kind: kind, Value: value, People: len(ids)}
	err := tx.QueryRowContext(ctx, `INSERT INTO bulk_change (at, "by", kind, value, people) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		formatTime(ch.At), by, kind, value, len(ids)).Scan(&ch.ID)
	if err != nil {
		return ch, tx.broke(err)
	}
	if people != nil {
		after, err := snapshotPeople(ctx, tx, ids)
		if err != nil {
			return ch, err
		}
		for id, b := range people {
			a := after[id]
			if _, err := tx.ExecContext(ctx, `INSERT INTO bulk_change_participant (change_id, participant_id,
				category_before, status_before, updated_before, category_after, status_after, updated_after)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ch.ID, id, b.category, b.status, b.updated, a.category, a.status, a.updated); err != nil {
				return ch, err
			}
		}
	}
	if enrolAfter == nil {
		return ch, nil
	}
	after, err := enrolAfter()
	if err != nil {
		return ch, err
	}
	for k, a := range after {
		if b := enrolBefore[k]; b != a {
			if err := logEnrolment(ctx, tx, ch.ID, k, b, a); err != nil {
				return ch, err
			}
		}
	}
	for k, b := range enrolBefore {
		if _, ok := after[k]; !ok {
			if err := logEnrolment(ctx, tx, ch.ID, k, b, enrolValues{}); err != nil {
				return ch, err
			}
		}
	}
	return ch, nil
}

func logEnrolment(ctx context.Context, tx *sqlTx, changeID int64, k enrolKey, b, a enrolValues) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO bulk_change_enrolment (change_id, participant_id, session_id,
		status_before, at_before, status_after, at_after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		changeID, k.participant, k.session, nullIfEmpty(string(b.status)), nullIfEmpty(b.at),
		nullIfEmpty(string(a.status)), nullIfEmpty(a.at))
	return err
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// UndoBulkChange undoes a bulk change, once: every value it set goes back
// to what it was, updated_at included, and the log says who undid it and
// when. When anything it set was changed since (a person edited, checked
// in a session, deleted…), nothing is undone: ErrBulkChangedSince.
func (s *Store) UndoBulkChange(ctx context.Context, id int64, by string) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var undone sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT undone_at FROM bulk_change WHERE id = ?", id).Scan(&undone)
		if err == sql.ErrNoRows {
			return notFound(lBulkChange)
		}
		if err != nil {
			return err
		}
		if undone.Valid {
			return ErrBulkUndone
		}
		if err := undoPeople(ctx, tx, id); err != nil {
			return err
		}
		if err := undoEnrolments(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE bulk_change SET undone_at = ?, undone_by = ? WHERE id = ?", formatTime(s.now()), by, id)
		return err
	})
}

// undoPeople puts back the participants' values a change replaced, once
// it made sure they are still those it set.
func undoPeople(ctx context.Context, tx *sqlTx, changeID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT b.participant_id, p.id IS NOT NULL,
		p.category_id IS NOT DISTINCT FROM b.category_after AND p.status IS NOT DISTINCT FROM b.status_after
		AND p.updated_at IS NOT DISTINCT FROM b.updated_after,
		b.category_before, b.status_before, b.updated_before
		FROM bulk_change_participant b LEFT JOIN participant p ON p.id = b.participant_id WHERE b.change_id = ?`, changeID)
	if err != nil {
		return err
	}
	type undo struct {
		id int64
		v  personValues
	}
	var list []undo
	for rows.Next() {
		var u undo
		var exists, same bool
		if err := rows.Scan(&u.id, &exists, &same, &u.v.category, &u.v.status, &u.v.updated); err != nil {
			rows.Close()
			return err
		}
		if !same {
			rows.Close()
			return changedSince(ctx, tx, u.id, exists)
		}
		list = append(list, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, u := range list {
		if _, err := tx.ExecContext(ctx, "UPDATE participant SET category_id = ?, status = ?, updated_at = ? WHERE id = ?",
			u.v.category, u.v.status, u.v.updated, u.id); err != nil {
			return err
		}
	}
	return nil
}

// undoEnrolments puts back the enrolment rows a change wrote, once it made
// sure they are still those it wrote.
func undoEnrolments(ctx context.Context, tx *sqlTx, changeID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT b.participant_id, b.session_id,
		e.status IS NOT DISTINCT FROM b.status_after AND e.at IS NOT DISTINCT FROM b.at_after, b.status_before, b.at_before
		FROM bulk_change_enrolment b LEFT JOIN enrolment e ON e.participant_id = b.participant_id AND e.session_id = b.session_id
		WHERE b.change_id = ?`, changeID)
	if err != nil {
		return err
	}
	type undo struct {
		k          enrolKey
		status, at sql.NullString
	}
	var list []undo
	for rows.Next() {
		var u undo
		var same bool
		if err := rows.Scan(&u.k.participant, &u.k.session, &same, &u.status, &u.at); err != nil {
			rows.Close()
			return err
		}
		if !same {
			rows.Close()
			return changedSince(ctx, tx, u.k.participant, true)
		}
		list = append(list, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, u := range list {
		if !u.status.Valid {
			_, err = tx.ExecContext(ctx, "DELETE FROM enrolment WHERE participant_id = ? AND session_id = ?", u.k.participant, u.k.session)
		} else {
			_, err = tx.ExecContext(ctx, "UPDATE enrolment SET status = ?, at = ? WHERE participant_id = ? AND session_id = ?",
				u.status.String, u.at.String, u.k.participant, u.k.session)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// changedSince is ErrBulkChangedSince naming the participant.
func changedSince(ctx context.Context, tx *sqlTx, id int64, exists bool) error {
	name := ""
	if exists {
		if p, err := loadParticipant(ctx, tx, "p.id = ?", id); err == nil {
			name = p.FullName()
		}
	}
	if name == "" {
		return localise(ErrBulkChangedSince, lSomeoneDeleted)
	}
	return ErrBulkChangedSince.With(name)
}

// BulkChanges lists the log of bulk changes, the latest first, at most
// limit of them (0: all).
func (s *Store) BulkChanges(ctx context.Context, limit int) ([]BulkChange, error) {
	q := `SELECT id, at, "by", kind, value, people, undone_at, coalesce(undone_by, '') FROM bulk_change ORDER BY id DESC`
	var args []any
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	var list []BulkChange
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c BulkChange
			var at string
			var undone sql.NullString
			if err := rows.Scan(&c.ID, &at, &c.By, &c.Kind, &c.Value, &c.People, &undone, &c.UndoneBy); err != nil {
				return err
			}
			c.At = parseTime(at)
			if undone.Valid {
				c.UndoneAt = parseTime(undone.String)
			}
			list = append(list, c)
		}
		return rows.Err()
	})
	return list, err
}
