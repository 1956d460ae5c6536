package data

import (
	"context"
	"database/sql"
	"time"
)

// CheckinKind says what a check-in records.
type CheckinKind string

const (
	Arrival      CheckinKind = "arrival" // arrival at the congress on a day
	SessionEntry CheckinKind = "session" // entry into a session
	Undo         CheckinKind = "undo"    // cancels an earlier entry
)

// Checkin is one line of the append-only check-in log.
type Checkin struct {
	ID            int64
	ParticipantID int64
	Kind          CheckinKind
	Day           Day
	SessionID     int64 // for SessionEntry
	Cancels       int64 // for Undo: the entry it cancels
	At            time.Time
	Desk          string
	Undone        bool // read only: a later Undo cancels this entry
	// Held says the entry waits in the desk's journal while the file is
	// busy (an import writing); it is written into the file, with its time,
	// as soon as the file is free (desk_held.go). Its ID is above heldBase.
	Held bool
}

// CheckIn records an arrival (Day set, SessionID 0) or a session entry
// (SessionID set; the day is the session's). It returns the new entry.
// Arriving twice the same day records nothing new and returns the first
// arrival.
func (s *Store) CheckIn(ctx context.Context, participantID int64, day Day, sessionID int64, desk string) (Checkin, error) {
	var c Checkin
	err := s.write(ctx, func(tx *sqlTx) error {
		p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
		if err != nil {
			return err
		}
		if p.Status == StatusCancelled {
			return ErrParticipantCancelled.With(p.FullName())
		}
		c = Checkin{ParticipantID: participantID, Kind: Arrival, Day: day, Desk: clean(desk), At: s.stamp()}
		if sessionID != 0 {
			se, err := loadSession(ctx, tx, sessionID)
			if err != nil {
				return err
			}
			c.Kind, c.SessionID, c.Day = SessionEntry, sessionID, se.Day
		} else if err := checkCongressDay(ctx, tx, day); err != nil {
			return err
		}
		existing, err := currentEntry(ctx, tx, realLog, participantID, c.Kind, c.Day, c.SessionID)
		if err != nil || existing != nil {
			if existing != nil {
				c = *existing
			}
			return err
		}
		c.ID, err = insertCheckin(ctx, tx, realLog, c)
		return err
	})
	return c, err
}

// currentEntry returns the person's first entry of that kind (Arrival on
// the day, or SessionEntry into the session) that no undo cancels in the
// log l, or nil. It reads the person's own lines of the log through its
// index by participant.
func currentEntry(ctx context.Context, tx *sqlTx, l entryLog, participantID int64, kind CheckinKind, day Day, sessionID int64) (*Checkin, error) {
	c, err := scanCheckin(tx.QueryRowContext(ctx, "SELECT "+l.columns()+" FROM "+string(l)+` c
		WHERE c.participant_id = ? AND `+tx.d.Unindexed("c.kind")+` = ? AND `+tx.d.Unindexed("c.day")+` = ? AND coalesce(c.session_id, 0) = ?
		AND `+l.open()+" ORDER BY c.id LIMIT 1",
		participantID, kind, day, sessionID))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// intoFile is admit's and undo's insert for the log l of the file, in tx.
func intoFile(ctx context.Context, tx *sqlTx, l entryLog) func(Checkin) (Checkin, error) {
	return func(c Checkin) (Checkin, error) {
		var err error
		c.ID, err = insertCheckin(ctx, tx, l, c)
		return c, err
	}
}

// UndoCheckIn cancels an earlier entry by appending an Undo that refers to it.
func (s *Store) UndoCheckIn(ctx context.Context, checkinID int64, desk string) (Checkin, error) {
	var u Checkin
	err := s.write(ctx, func(tx *sqlTx) error {
		c, err := loadCheckin(ctx, tx, checkinID)
		if err != nil {
			return err
		}
		if c.Kind == Undo {
			return ErrCheckinKind
		}
		if c.Undone {
			return ErrAlreadyUndone
		}
		u = Checkin{ParticipantID: c.ParticipantID, Kind: Undo, Day: c.Day, SessionID: c.SessionID, Cancels: c.ID, At: s.stamp(), Desk: clean(desk)}
		u.ID, err = insertCheckin(ctx, tx, realLog, u)
		return err
	})
	return u, err
}

// stamp is the store's time now, as the log keeps it (to the microsecond).
func (s *Store) stamp() time.Time { return parseTime(formatTime(s.now())) }

// insertCheckin appends c to the log l.
func insertCheckin(ctx context.Context, tx *sqlTx, l entryLog, c Checkin) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "INSERT INTO "+string(l)+" (participant_id, kind, day, session_id, cancels, at, desk) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		c.ParticipantID, c.Kind, c.Day, sql.NullInt64{Int64: c.SessionID, Valid: c.SessionID != 0},
		sql.NullInt64{Int64: c.Cancels, Valid: c.Cancels != 0}, formatTime(c.At), c.Desk).Scan(&id)
	if err != nil {
		return 0, fromDriver(tx.broke(err), ErrAlreadyUndone)
	}
	return id, nil
}

// checkinColumns are what scanCheckin reads from the real log, aliased c.
var checkinColumns = realLog.columns()

func scanCheckin(sc interface{ Scan(...any) error }) (Checkin, error) {
	var c Checkin
	var at timeText
	err := sc.Scan(&c.ID, &c.ParticipantID, &c.Kind, &c.Day, &c.SessionID, &c.Cancels, &at, &c.Desk, &c.Undone)
	c.At = at.time()
	return c, err
}

func loadCheckin(ctx context.Context, tx *sqlTx, id int64) (Checkin, error) {
	c, err := scanCheckin(tx.QueryRowContext(ctx, "SELECT "+checkinColumns+" FROM checkin c WHERE c.id = ?", id))
	if err == sql.ErrNoRows {
		return c, notFound(lCheckin)
	}
	return c, err
}

// CheckinLog returns a participant's check-in history, oldest first.
func (s *Store) CheckinLog(ctx context.Context, participantID int64) ([]Checkin, error) {
	return s.checkinLog(ctx, realLog, participantID)
}

func (s *Store) checkinLog(ctx context.Context, l entryLog, participantID int64) ([]Checkin, error) {
	var list []Checkin
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+l.columns()+" FROM "+string(l)+" c WHERE c.participant_id = ? ORDER BY c.id", participantID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCheckin(rows)
			if err != nil {
				return err
			}
			list = append(list, c)
		}
		return rows.Err()
	})
	return list, err
}

// BadgePrint is one line of the badge print log.
type BadgePrint struct {
	ParticipantID int64
	At            time.Time
	Layout        string
}

// RecordBadgePrints notes that badges were printed for these participants.
func (s *Store) RecordBadgePrints(ctx context.Context, layout string, participantIDs ...int64) error {
	if s.holdsOnly() {
		return s.recordBadgePrintsHeld(ctx, layout, participantIDs...) // a desk's replica (desk_held_actions.go)
	}
	return s.write(ctx, func(tx *sqlTx) error {
		at := formatTime(s.now())
		for _, id := range participantIDs {
			_, err := tx.ExecContext(ctx, "INSERT INTO badge_print (participant_id, at, layout) VALUES (?, ?, ?)", id, at, layout)
			if violated(err, ForeignKeyViolation) {
				return notFound(lParticipant)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// BadgePrints returns a participant's badge prints, oldest first.
func (s *Store) BadgePrints(ctx context.Context, participantID int64) ([]BadgePrint, error) {
	var list []BadgePrint
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT participant_id, at, layout FROM badge_print WHERE participant_id = ? ORDER BY id", participantID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b BadgePrint
			var at timeText
			if err := rows.Scan(&b.ParticipantID, &at, &b.Layout); err != nil {
				return err
			}
			b.At = at.time()
			list = append(list, b)
		}
		return rows.Err()
	})
	return list, err
}
