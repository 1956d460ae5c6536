package data_test

import (
	"testing"

	. "congres/data"
)

// A walk-in is registered, paid and checked in in one transaction: when
// the check-in or the payment is refused, nobody is registered and no
// money recorded, so Save again does not make a second record.
func TestWalkInOneTransaction(t *testing.T) {
	s := mustOpen(t)
	count := func(t *testing.T, q string) int {
		t.Helper()
		var n int
		if err := s.QueryRowForTest(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	people := func(t *testing.T) int { return count(t, "SELECT count(*) FROM participant") }
	before := people(t)
	walkIn := func(first string, fee int64) WalkIn {
		p := newPerson(t, s, first, "Passant")
		p.Days, p.FeeCents = []Day{day1}, fee
		return WalkIn{Participant: p, Payment: &PaymentRequest{Method: PayCash, Desk: "Desk 2"},
			Admit: AdmitRequest{Day: day1, Desk: "Desk 2", Accept: DeskWarningKinds}}
	}
	t.Run("AllThree", func(t *testing.T) {
		w := walkIn("Nour", 4000)
		r, err := s.RegisterWalkIn(ctx, &w)
		if err != nil || !r.Admitted || !r.New || w.Participant.ID == 0 || w.Participant.Code == "" {
			t.Fatalf("RegisterWalkIn: %+v, %+v, %v", r, w.Participant, err)
		}
		if !paidFlag(t, s, w.Participant.ID) || r.Checkin.ParticipantID != w.Participant.ID {
			t.Fatal("not paid, or checked in as someone else")
		}
		list, err := s.Payments(ctx, w.Participant.ID)
		if err != nil || len(list) != 1 || list[0].AmountCents != 4000 || list[0].Method != PayCash {
			t.Fatalf("payments %+v, %v", list, err)
		}
		if c := card(t, s, w.Participant.ID, day1, 0); c.Arrival == nil {
			t.Fatal("not checked in")
		}
	})
	before = people(t)
	payments := count(t, "SELECT count(*) FROM payment")
	t.Run("ErrNotCongressDay", func(t *testing.T) {
		w := walkIn("Hors", 4000)
		w.Admit.Day = "2021-12-01"
		_, err := s.RegisterWalkIn(ctx, &w)
		wantErr(t, err, ErrNotCongressDay)
		if people(t) != before || count(t, "SELECT count(*) FROM payment") != payments || w.Participant.ID != 0 {
			t.Fatal("a check-in refused left the walk-in registered, or their payment recorded")
		}
	})
	t.Run("ErrPaymentTooMuch", func(t *testing.T) {
		w := walkIn("Trop", 4000)
		w.Payment.AmountCents = 5000
		_, err := s.RegisterWalkIn(ctx, &w)
		wantErr(t, err, ErrPaymentTooMuch)
		if people(t) != before || count(t, "SELECT count(*) FROM payment") != payments {
			t.Fatal("a payment refused left the walk-in registered")
		}
	})
	t.Run("ErrWalkInPaidNoFee", func(t *testing.T) {
		w := walkIn("Gratuit", 0) // paying now their whole fee, which is nothing
		_, err := s.RegisterWalkIn(ctx, &w)
		wantErr(t, err, ErrWalkInPaidNoFee)
		if people(t) != before || count(t, "SELECT count(*) FROM payment") != payments {
			t.Fatal("a walk-in paying nothing was registered")
		}
	})
	t.Run("ErrWalkInRehearsal", func(t *testing.T) {
		w := walkIn("Répète", 0)
		w.Payment, w.Admit.Rehearsal = nil, true
		_, err := s.RegisterWalkIn(ctx, &w)
		wantErr(t, err, ErrWalkInRehearsal)
		if people(t) != before {
			t.Fatal("a rehearsal registered someone")
		}
	})
}
