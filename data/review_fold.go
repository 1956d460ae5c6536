package data

import "context"

// Conflicts kept, never lost (issue 17, docs/offline-desks.md): a held
// arrival (or session entry) folded for someone the congress already has in
// that day (or at that session) — another desk checked them in meanwhile,
// one of the two being offline — is not dropped. The person counts once,
// and the other scan goes on the organiser's "to review" list (review.go)
// with its desk, its scan time and its action's id.
//
// Which scan counts: the earlier one, so that an arrival keeps the time the
// person really came. When the held scan is the later one (the usual case:
// the offline desk's scan reaches the server after the other desk's), it
// goes to the list and nothing else changes. When it is the earlier one,
// the congress's entry is taken back by an undo (the log is append-only),
// the held scan is written in its place, and the congress's entry goes to
// the list. Both scans stay readable: the log keeps the one taken back,
// and the list says what happened.
//
// The same holds for a file congress folding its own journal (issue 14):
// there, two desks on one file see each other's held entries, so a second
// entry comes only from a true race, and keeping it for review is right
// there too. The rehearsal's log is a practice: its second entries are
// dropped as before. A held entry its desk took back is dropped as before:
// the desk undid it, there is nothing to review.

// foldSecond decides the fold of the held action h (an arrival or a session
// entry, c its entry to write) for someone with the entry existing already,
// in tx: it notes the review, takes back existing when h was scanned
// earlier, and says whether foldOne writes c.
func (s *Store) foldSecond(ctx context.Context, tx *sqlTx, h heldEntry, c Checkin, existing *Checkin) (bool, error) {
	if h.log != realLog || !h.undoneAt.IsZero() {
		return false, nil
	}
	r := Review{Kind: ReviewSecondArrival, ParticipantID: c.ParticipantID, Day: c.Day, SessionID: c.SessionID,
		Desk: c.Desk, At: c.At, Op: h.op, KeptDesk: existing.Desk, KeptAt: existing.At, CreatedAt: s.now()}
	if c.Kind == SessionEntry {
		r.Kind = ReviewSecondEntry
	}
	if !c.At.Before(existing.At) {
		return false, noteReview(ctx, tx, r)
	}
	// The held scan is the earlier: it is the arrival, and the congress's
	// later entry is the one to review.
	r.Desk, r.At, r.Op, r.KeptDesk, r.KeptAt = existing.Desk, existing.At, "", c.Desk, c.At
	if _, err := insertCheckin(ctx, tx, realLog, Checkin{ParticipantID: c.ParticipantID, Kind: Undo, Day: c.Day,
		SessionID: c.SessionID, Cancels: existing.ID, At: s.stamp(), Desk: c.Desk}); err != nil {
		return false, err
	}
	return true, noteReview(ctx, tx, r)
}
