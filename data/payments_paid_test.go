package data_test

import (
	"testing"

	. "congres/data"
)

// The paid flag follows the payments by one rule (syncPaid) wherever they
// or the fee change: a merge that brings the payments covering the fee,
// a fee edited above or down to what was paid; a flag ticked by hand over
// a partial payment stays.
func TestPaymentPaidFollows(t *testing.T) {
	s := mustOpen(t)
	t.Run("Merge", func(t *testing.T) {
		keep := payer(t, s, "Awa", "Diallo", 4000)
		drop := payer(t, s, "Awa", "Diallo-Sy", 4000)
		pay(t, s, keep.ID, 2000, PayCash, "Desk 1")
		pay(t, s, drop.ID, 2000, PayCard, "Desk 2")
		rep, err := s.MergeParticipants(ctx, keep.ID, drop.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !paidFlag(t, s, keep.ID) || !rep.Kept.Paid {
			t.Fatal("40 € paid in two records for a 40 € fee, and not paid once merged")
		}
	})
	t.Run("FeeEdited", func(t *testing.T) {
		p := payer(t, s, "Brice", "Tarif", 4000)
		pay(t, s, p.ID, 4000, PayCash, "")
		p, _ = s.Participant(ctx, p.ID)
		p.FeeCents = 6000
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if paidFlag(t, s, p.ID) || p.Paid {
			t.Fatal("the fee raised above what was paid, and still paid")
		}
		p.FeeCents = 4000
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if !paidFlag(t, s, p.ID) || !p.Paid {
			t.Fatal("the fee lowered to what was paid, and not paid")
		}
	})
	t.Run("ByHand", func(t *testing.T) {
		p := payer(t, s, "Chloé", "Virement", 4000)
		pay(t, s, p.ID, 1000, PayCash, "")
		p, _ = s.Participant(ctx, p.ID)
		p.Paid = true // the rest came by transfer
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		p.FirstName = "Chloë"
		if err := s.UpdateParticipant(ctx, &p); err != nil || !paidFlag(t, s, p.ID) {
			t.Fatalf("paid by hand, then edited: paid %v, %v", paidFlag(t, s, p.ID), err)
		}
		if _, err := s.UndoPayment(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if !paidFlag(t, s, p.ID) {
			t.Fatal("an undo cleared a flag the payments had not set")
		}
	})
}
