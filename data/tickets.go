package data

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
)

// Tickets (issue 15, migration 0009): the identifiers of the e-tickets a
// ticketing platform sent (HelloAsso's "Numéro de billet", Eventbrite's
// "Barcode #", Weezevent's "Code-barre"…), kept by the import so that the
// desk checks a person in by scanning the ticket they bring, as by their
// Congrès code. A person may hold several tickets; a ticket belongs to one
// person.

// NormaliseTicket is a ticket identifier as the desk compares it: upper
// case, without spaces (a number copied from a printed ticket often has
// some). Platforms' barcodes are digits or letters and digits; case never
// tells two tickets apart.
func NormaliseTicket(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// MaxTicket bounds a ticket identifier, in bytes: longer text in a ticket
// column is not a ticket (Eventbrite's barcodes, the longest known, have
// some 22 digits).
const MaxTicket = 64

// scanOwnerID is the SQL of the ID of the person whose code (or merged
// alias) is ?1, or else who holds the ticket ?2; NULL when nobody. Each
// part is one lookup in a unique index.
const scanOwnerID = `coalesce(` + codeOwnerID + `,
	(SELECT participant_id FROM ticket WHERE code = ?2))`

// ParticipantIDByScan returns the ID of the person a scan (or typed text)
// identifies: their Congrès code, the code of a record merged into theirs,
// or a ticket they hold, as typed or scanned (case and spaces do not
// matter); ErrUnknownCode when nobody. A code comes before a ticket that
// happens to read the same.
func (s *Store) ParticipantIDByScan(ctx context.Context, text string) (int64, error) {
	var id sql.NullInt64
	err := s.read(ctx, func(tx *sqlTx) error {
		err := tx.QueryRowContext(ctx, "SELECT "+scanOwnerID, NormaliseCode(text), NormaliseTicket(text)).Scan(&id)
		if err == nil && !id.Valid {
			return ErrUnknownCode.With(clean(text))
		}
		return err
	})
	return id.Int64, err
}

// Ticket is an e-ticket a person holds.
type Ticket struct {
	Code   string // as the desk compares it (NormaliseTicket)
	Source string // the column it was read from, e.g. "Numéro de billet"
}

// Tickets returns the tickets a participant holds, in the order they were
// recorded.
func (s *Store) Tickets(ctx context.Context, participantID int64) ([]Ticket, error) {
	var ts []Ticket
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx,
			"SELECT code, source FROM ticket WHERE participant_id = ? ORDER BY at, code", participantID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t Ticket
			if err := rows.Scan(&t.Code, &t.Source); err != nil {
				return err
			}
			ts = append(ts, t)
		}
		return rows.Err()
	})
	return ts, err
}

// insertTicket gives a ticket (normalised) to a participant.
func insertTicket(ctx context.Context, tx *sqlTx, participantID int64, code, source, at string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO ticket (code, participant_id, source, at) VALUES (?, ?, ?, ?)",
		code, participantID, source, at)
	return err
}
