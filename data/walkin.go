package data

import (
	"context"
)

// ErrWalkInRehearsal refuses to register a walk-in during a rehearsal,
// which records nobody.
var ErrWalkInRehearsal = newErr(KindInvalid, "walk_in_rehearsal", "",
	"A rehearsal registers nobody: the walk-in was not registered.",
	"Une répétition n'inscrit personne : la personne n'a pas été inscrite.")

// ErrWalkInPaidNoFee refuses a walk-in marked as paying now whose fee is
// nothing: there is nothing to pay.
var ErrWalkInPaidNoFee = newErr(KindInvalid, "walk_in_paid_no_fee", "fee",
	"“Paid now” needs a fee to pay.",
	"«Payé maintenant» demande un tarif à payer.")

// WalkIn is someone registered at the desk (issue 15): the person, what
// they pay now (nil when nothing), and their check-in. Payment's and
// Admit's ParticipantID are the new person's, filled in by RegisterWalkIn;
// a payment's amount 0 means the whole fee.
type WalkIn struct {
	Participant Participant
	Payment     *PaymentRequest
	Admit       AdmitRequest
}

// RegisterWalkIn registers a walk-in, records their payment and checks
// them in, in one write transaction, with the rules of CreateParticipant,
// RecordPayment and Admit: when any step is refused (a day that is not a
// congress day, a payment refused, the file busy or read-only), nothing is
// written, so the person is not half registered and Save again does not
// register them twice. A rehearsal registers nobody and is refused. When
// Admit leaves a warning pending (not in Admit.Accept), nothing is written
// and the result's Admitted is false. w.Participant comes back with its ID
// and code.
func (s *Store) RegisterWalkIn(ctx context.Context, w *WalkIn) (AdmitResult, error) {
	if w.Admit.Rehearsal {
		return AdmitResult{}, ErrWalkInRehearsal
	}
	if err := w.Participant.Validate(); err != nil {
		return AdmitResult{}, err
	}
	var pay PaymentRequest
	if w.Payment != nil {
		pay = *w.Payment
		if pay.AmountCents == 0 {
			pay.AmountCents = w.Participant.FeeCents
		}
		if pay.AmountCents == 0 {
			return AdmitResult{}, ErrWalkInPaidNoFee
		}
		if err := pay.Validate(); err != nil {
			return AdmitResult{}, err
		}
	}
	if s.holdsOnly() {
		// A desk's replica: held for the server (desk_held_actions.go).
		var held *PaymentRequest
		if w.Payment != nil {
			held = &pay
		}
		return s.registerWalkInHeld(ctx, w, held)
	}
	var r AdmitResult
	var saved Participant
	err := s.writeDesk(ctx, func(tx *sqlTx) error {
		p := w.Participant // each try starts from the person as given
		p.ID = 0
		if err := s.insertParticipant(ctx, tx, &p); err != nil {
			return err
		}
		if w.Payment != nil {
			pay.ParticipantID = p.ID
			if _, err := s.recordPayment(ctx, tx, pay); err != nil {
				return err
			}
		}
		req := w.Admit
		req.ParticipantID = p.ID
		var err error
		l := logFor(req.Rehearsal)
		if r, err = s.admit(ctx, tx, req, nil, intoFile(ctx, tx, l)); err != nil {
			return err // errNoWrite too: a pending warning leaves nobody registered
		}
		saved = p
		return nil
	})
	if err == errNoWrite {
		return r, nil
	}
	if err != nil {
		return AdmitResult{}, err
	}
	w.Participant = saved
	return r, nil
}
