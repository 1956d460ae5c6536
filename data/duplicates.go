package data

import (
	"context"
)

// DuplicatesBeforeSave returns the people that saving p would make one more
// record of: those who have p's email, or p's first name, last name and
// organisation ignoring case and accents (PossibleDuplicates). For a
// participant already saved (p.ID set), the people their stored record
// already matched are left out, so that editing someone's fee does not
// warn again of a duplicate the organiser already knows. p need not be
// valid nor saved.
func (s *Store) DuplicatesBeforeSave(ctx context.Context, p Participant) ([]Duplicate, error) {
	var out []Duplicate
	err := s.read(ctx, func(tx *sqlTx) error {
		dups, err := possibleDuplicates(ctx, tx, p)
		if err != nil || len(dups) == 0 || p.ID == 0 {
			out = dups
			return err
		}
		stored, err := loadParticipant(ctx, tx, "p.id = ?", p.ID)
		if KindOf(err) == KindNotFound {
			out = dups
			return nil
		}
		if err != nil {
			return err
		}
		known, err := possibleDuplicates(ctx, tx, stored)
		if err != nil {
			return err
		}
		already := map[int64]bool{}
		for _, d := range known {
			already[d.ID] = true
		}
		for _, d := range dups {
			if !already[d.ID] {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// orderColleagues reports whether d, who has p's email, is someone else
// of the same order: a ticketing platform gives every ticket of an order
// the payer's email, and each ticket says who holds it. Two people who
// each hold a ticket (or a form's response) and whose names differ are
// two people, not one registered twice. A record without a ticket (one
// being typed, a walk-in) still finds everyone with its email.
func orderColleagues(ctx context.Context, tx *sqlTx, p, d *Participant) (bool, error) {
	if p.ID == 0 || Fold(p.FirstName+" "+p.LastName) == Fold(d.FirstName+" "+d.LastName) {
		return false, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(DISTINCT participant_id) FROM ticket WHERE participant_id IN (?, ?)", p.ID, d.ID).Scan(&n)
	return n == 2, err
}

// ticketHolders are the participants who hold a ticket (or a form's
// response).
func ticketHolders(ctx context.Context, tx *sqlTx) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, tx, "SELECT DISTINCT participant_id FROM ticket")
	if err != nil {
		return nil, err
	}
	held := make(map[int64]bool, len(ids))
	for _, id := range ids {
		held[id] = true
	}
	return held, nil
}

// sameEmailDuplicates keeps, of the people who share an email, those who
// may be someone else of them: not when both hold a ticket under other
// names (orderColleagues). names are their folded names.
func sameEmailDuplicates(ids []int64, names map[int64]string, ticketed map[int64]bool) []int64 {
	var out []int64
	for _, i := range ids {
		for _, j := range ids {
			if i != j && !(ticketed[i] && ticketed[j] && names[i] != names[j]) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
