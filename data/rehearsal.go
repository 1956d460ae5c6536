package data

import (
	"context"
	"slices"
)

// The rehearsal (issue 15): outside the congress days the desk records its
// scans as a rehearsal, the volunteers' try-out the evening before. A
// rehearsal entry is an entry of the check-in log like any other — the desk
// shows it, warns "already in", undoes it — but it is kept in a table of its
// own, rehearsal_checkin, that no count, list, sheet, workbook or
// certificate reads; ClearRehearsal empties it. The desk's rules (desk.go)
// are written once and run on either table: an entryLog names which.

// entryLog is a table of the check-in log: realLog, which every count and
// export reads, or rehearsalLog. Both have the same columns.
type entryLog string

const (
	realLog      entryLog = "checkin"
	rehearsalLog entryLog = "rehearsal_checkin"
)

// logFor is the rehearsal's log when rehearsal is true, else the real one.
func logFor(rehearsal bool) entryLog {
	if rehearsal {
		return rehearsalLog
	}
	return realLog
}

// columns are what scanCheckin reads, from the log's table aliased c.
func (l entryLog) columns() string {
	return `c.id, c.participant_id, c.kind, c.day, coalesce(c.session_id, 0), coalesce(c.cancels, 0), c.at, c.desk,
	EXISTS (SELECT 1 FROM ` + string(l) + ` u WHERE u.cancels = c.id)`
}

// open is the condition that no undo cancels the entry c of the log.
func (l entryLog) open() string {
	return "NOT EXISTS (SELECT 1 FROM " + string(l) + " u WHERE u.cancels = c.id)"
}

// RehearsalDeskCard is DeskCard for the rehearsal: the person's entries are
// those of the rehearsal's log (Card.Rehearsal is true).
func (s *Store) RehearsalDeskCard(ctx context.Context, participantID int64, day Day, sessionID int64) (DeskCard, error) {
	return s.deskCardIn(ctx, rehearsalLog, participantID, day, sessionID)
}

// UndoLastRehearsalEntry is UndoLastEntry for the rehearsal: it takes back
// the person's latest rehearsal entry that no undo cancels.
func (s *Store) UndoLastRehearsalEntry(ctx context.Context, participantID int64, desk string) (Checkin, error) {
	return s.undoLastEntry(ctx, rehearsalLog, participantID, desk)
}

// RehearsalDeskCounts is DeskCounts for the rehearsal: Arrived counts the
// rehearsal's arrivals on day that no undo cancels.
func (s *Store) RehearsalDeskCounts(ctx context.Context, day Day) ([]DeskCount, error) {
	return s.deskCounts(ctx, rehearsalLog, day)
}

// RehearsalDoorCounts is DoorCounts for the rehearsal: Inside counts the
// rehearsal's entries into the session.
func (s *Store) RehearsalDoorCounts(ctx context.Context, sessionID int64) (DoorCount, error) {
	return s.doorCounts(ctx, rehearsalLog, sessionID)
}

// sessionInside counts the people with an entry into the session in the
// log l that no undo cancels: who is in, at the door's counters and for its
// "full" warning.
func sessionInside(ctx context.Context, tx *sqlTx, l entryLog, sessionID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(DISTINCT c.participant_id) FROM "+string(l)+` c
		WHERE c.session_id = ? AND c.kind = 'session' AND `+l.open(), sessionID).Scan(&n)
	return n, err
}

// ClearRehearsal deletes every entry of the rehearsal, and returns how many
// there were (arrivals, session entries and their undos). The real log is
// not touched.
func (s *Store) ClearRehearsal(ctx context.Context) (int, error) {
	var n int
	err := s.write(ctx, func(tx *sqlTx) error {
		// Counted first: the undos go with what they cancel (ON DELETE
		// CASCADE), which SQLite's count of changes leaves out.
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+string(rehearsalLog)).Scan(&n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM "+string(rehearsalLog))
		return err
	})
	return n, err
}

// RehearsalLog returns a participant's rehearsal entries, oldest first, as
// CheckinLog returns their real ones.
func (s *Store) RehearsalLog(ctx context.Context, participantID int64) ([]Checkin, error) {
	return s.checkinLog(ctx, rehearsalLog, participantID)
}

// DeskDay is the day a desk records when the calendar says today: today,
// for real, when it is a day of the congress; otherwise the first congress
// day, as a rehearsal (rehearsal true). With no congress day, it is today,
// as a rehearsal.
func DeskDay(days []Day, today Day) (day Day, rehearsal bool) {
	switch {
	case slices.Contains(days, today):
		return today, false
	case len(days) > 0:
		return days[0], true
	}
	return today, true
}
