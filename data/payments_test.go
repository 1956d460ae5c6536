package data_test

import (
	"errors"
	"testing"
	"time"

	. "congres/data"
)

// A payment at the desk is logged with its desk and the store's time, and
// marks the person paid once it covers the fee: the card then owes
// nothing and warns of nothing unpaid.
func TestPaymentRecord(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2021, 11, 25, 9, 14, 0, 0, time.UTC)
	fixedClock(s, at)
	p := payer(t, s, "Awa", "Diallo", 4000)
	if c := card(t, s, p.ID, day1, 0); c.FeeDueCents != 4000 {
		t.Fatalf("fee due %d before paying", c.FeeDueCents)
	}
	got := pay(t, s, p.ID, 4000, PayCard, " Desk B ")
	if got.ID == 0 || got.AmountCents != 4000 || got.Method != PayCard || got.Desk != "Desk B" || !got.At.Equal(at) || got.Undone() {
		t.Fatalf("payment %+v", got)
	}
	if !paidFlag(t, s, p.ID) {
		t.Fatal("not marked paid")
	}
	c := card(t, s, p.ID, day1, 0)
	if c.FeeDueCents != 0 || len(c.Payments) != 1 || c.Payments[0].ID != got.ID {
		t.Fatalf("card: due %d, payments %+v", c.FeeDueCents, c.Payments)
	}
	if _, ok := c.Warning(WarnUnpaid); ok {
		t.Error("the card still warns of an unpaid fee")
	}
	list, err := s.Payments(ctx, p.ID)
	if err != nil || len(list) != 1 || list[0] != got {
		t.Fatalf("Payments: %+v, %v", list, err)
	}
	// Reopened, the congress still has it.
	s2 := reopen(t, s)
	if list, err := s2.Payments(ctx, p.ID); err != nil || len(list) != 1 || list[0].At != got.At {
		t.Fatalf("after reopening: %+v, %v", list, err)
	}
}

// Two payments in parts: the fee due goes down, and the person is paid
// with the second.
func TestPaymentInParts(t *testing.T) {
	s := mustOpen(t)
	p := payer(t, s, "Awa", "Diallo", 4000)
	pay(t, s, p.ID, 1500, PayCash, "A")
	if paidFlag(t, s, p.ID) {
		t.Fatal("paid after a part")
	}
	c := card(t, s, p.ID, day1, 0)
	w, ok := c.Warning(WarnUnpaid)
	if c.FeeDueCents != 2500 || !ok || w.FeeDueCents != 2500 {
		t.Fatalf("due %d, warning %+v", c.FeeDueCents, w)
	}
	pay(t, s, p.ID, 2500, PayCheque, "A")
	if !paidFlag(t, s, p.ID) || card(t, s, p.ID, day1, 0).FeeDueCents != 0 {
		t.Fatal("not paid after the second part")
	}
}

// What a payment is refused for, with a sentence in both languages, and
// nothing written.
func TestPaymentRefused(t *testing.T) {
	s := mustOpen(t)
	p := payer(t, s, "Awa", "Diallo", 4000)
	free := payer(t, s, "Jean", "Gratuit", 0)
	paid := deskPerson(t, s, "Léa", "Payée", func(p *Participant) { p.FeeCents, p.Paid = 4000, true })
	for _, c := range []struct {
		name string
		req  PaymentRequest
		want *Error
	}{
		{"ErrPaymentAmountZero", PaymentRequest{ParticipantID: p.ID, Method: PayCash}, ErrPaymentAmount},
		{"ErrPaymentAmountNegative", PaymentRequest{ParticipantID: p.ID, AmountCents: -100, Method: PayCash}, ErrPaymentAmount},
		{"ErrPaymentMethod", PaymentRequest{ParticipantID: p.ID, AmountCents: 100, Method: "bitcoin"}, ErrPaymentMethod},
		{"ErrPaymentMethodEmpty", PaymentRequest{ParticipantID: p.ID, AmountCents: 100}, ErrPaymentMethod},
		{"ErrPaymentTooMuch", PaymentRequest{ParticipantID: p.ID, AmountCents: 40000, Method: PayCard}, ErrPaymentTooMuch},
		{"ErrNothingDueFree", PaymentRequest{ParticipantID: free.ID, AmountCents: 100, Method: PayCash}, ErrNothingDue},
		{"ErrNothingDuePaid", PaymentRequest{ParticipantID: paid.ID, AmountCents: 100, Method: PayCash}, ErrNothingDue},
		{"ErrNotFound", PaymentRequest{ParticipantID: 99999, AmountCents: 100, Method: PayCash}, ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.RecordPayment(ctx, c.req)
			wantErr(t, err, c.want)
		})
	}
	var e *Error
	_, err := s.RecordPayment(ctx, PaymentRequest{ParticipantID: p.ID, AmountCents: 40000, Method: PayCard})
	if errors.As(err, &e); e.Message("fr") != "400,00\u00a0€ dépasse le tarif dû (40,00\u00a0€) : rien n'a été enregistré. Vérifiez le montant, ou modifiez d'abord le tarif." {
		t.Errorf("fr: %q", e.Message("fr"))
	}
	lines, err := s.PaymentLines(ctx)
	if err != nil || len(lines) != 0 || paidFlag(t, s, p.ID) {
		t.Fatalf("something was written: %+v, %v", lines, err)
	}
}

// Undo takes back the last payment not undone: it stays in the log,
// marked undone, and the person owes the fee again; with none left, a
// sentence.
func TestPaymentUndo(t *testing.T) {
	s := mustOpen(t)
	now := fixedClock(s, time.Date(2021, 11, 25, 9, 14, 0, 0, time.UTC))
	p := payer(t, s, "Awa", "Diallo", 4000)
	first := pay(t, s, p.ID, 1000, PayCash, "A")
	second := pay(t, s, p.ID, 3000, PayCard, "B")
	*now = now.Add(2 * time.Minute)
	u, err := s.UndoPayment(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != second.ID || !u.UndoneAt.Equal(*now) {
		t.Fatalf("undid %+v, want payment %d undone at %v", u, second.ID, *now)
	}
	if paidFlag(t, s, p.ID) {
		t.Fatal("still paid after the undo")
	}
	c := card(t, s, p.ID, day1, 0)
	if c.FeeDueCents != 3000 || len(c.Payments) != 1 || c.Payments[0].ID != first.ID {
		t.Fatalf("card: due %d, payments %+v", c.FeeDueCents, c.Payments)
	}
	list, _ := s.Payments(ctx, p.ID)
	if len(list) != 2 || list[0].Undone() || !list[1].Undone() {
		t.Fatalf("log %+v", list)
	}
	if _, err := s.UndoPayment(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.UndoPayment(ctx, p.ID)
	wantErr(t, err, ErrNoPaymentToUndo)
	if c := card(t, s, p.ID, day1, 0); c.FeeDueCents != 4000 || len(c.Payments) != 0 {
		t.Fatalf("card after undoing all: due %d, %+v", c.FeeDueCents, c.Payments)
	}
	// Paid again afterwards: a new payment, the undone ones kept.
	pay(t, s, p.ID, 4000, PayTransfer, "A")
	if list, _ := s.Payments(ctx, p.ID); len(list) != 3 || !paidFlag(t, s, p.ID) {
		t.Fatalf("log %+v", list)
	}
}

// Someone who paid at the desk is not deleted: a sentence says why (not
// the foreign key's internal error), and they are still there.
func TestPaymentDeleteRefused(t *testing.T) {
	s := mustOpen(t)
	p := payer(t, s, "Awa", "Diallo", 4000)
	pay(t, s, p.ID, 4000, PayCash, "A")
	err := s.DeleteParticipant(ctx, p.ID)
	wantErr(t, err, ErrHasPayments)
	if KindOf(err) != KindConflict {
		t.Errorf("kind %v", KindOf(err))
	}
	if _, err := s.Participant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	// An undone payment is still in the accounts.
	if _, err := s.UndoPayment(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.DeleteParticipant(ctx, p.ID), ErrHasPayments)
	// Someone who never paid is deleted as before.
	q := payer(t, s, "Jean", "Sanspayer", 4000)
	if err := s.DeleteParticipant(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
}

// Merging two records of one person moves the payments to the one kept.
func TestPaymentMerge(t *testing.T) {
	s := mustOpen(t)
	keep := payer(t, s, "Awa", "Diallo", 4000)
	drop := payer(t, s, "Awa", "Diallo", 4000)
	got := pay(t, s, drop.ID, 4000, PayCard, "B")
	if _, err := s.MergeParticipants(ctx, keep.ID, drop.ID, map[MergeField]MergeSource{MergeFee: FromDropped}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Payments(ctx, keep.ID)
	if err != nil || len(list) != 1 || list[0].ID != got.ID || list[0].ParticipantID != keep.ID {
		t.Fatalf("payments of the kept record: %+v, %v", list, err)
	}
	if !paidFlag(t, s, keep.ID) {
		t.Error("the kept record is not paid")
	}
	if _, err := s.UndoPayment(ctx, keep.ID); err != nil {
		t.Fatal(err)
	}
}

// The accounts list every payment in order, with the person, undone ones
// marked.
func TestPaymentLines(t *testing.T) {
	s := mustOpen(t)
	now := fixedClock(s, time.Date(2021, 11, 25, 9, 0, 0, 0, time.UTC))
	a := payer(t, s, "Awa", "Diallo", 4000)
	b := payer(t, s, "Jean", "Martin", 2500)
	pay(t, s, a.ID, 4000, PayCard, "A")
	*now = now.Add(time.Minute)
	pay(t, s, b.ID, 2500, PayCash, "B")
	*now = now.Add(time.Minute)
	if _, err := s.UndoPayment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	lines, err := s.PaymentLines(ctx)
	if err != nil || len(lines) != 2 {
		t.Fatalf("%+v, %v", lines, err)
	}
	if l := lines[0]; l.LastName != "Diallo" || l.Code != a.Code || l.Category != "Adhérent·e" || !l.Undone() || l.Method != PayCard {
		t.Errorf("first line %+v", l)
	}
	if l := lines[1]; l.LastName != "Martin" || l.AmountCents != 2500 || l.Undone() || l.Desk != "B" {
		t.Errorf("second line %+v", l)
	}
}

// A category's fee is the one most of its people pay.
func TestPaymentCategoryFees(t *testing.T) {
	s := mustOpen(t)
	for i, fee := range []int64{4000, 4000, 9000, 0} {
		payer(t, s, "P", string(rune('A'+i)), fee)
	}
	deskPerson(t, s, "Annulé", "X", func(p *Participant) { p.FeeCents, p.Status = 9000, StatusCancelled })
	deskPerson(t, s, "Annulé", "Y", func(p *Participant) { p.FeeCents, p.Status = 9000, StatusCancelled })
	fees, err := s.CategoryFees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := fees[category(t, s, "Adhérent·e")]; got != 4000 || len(fees) != 1 {
		t.Fatalf("fees %v", fees)
	}
}

func TestPaymentMethodWords(t *testing.T) {
	for _, m := range PaymentMethods {
		if !m.Valid() || m.Words("en") == m.Words("fr") || m.Words("en") == string(m) {
			t.Errorf("%s: %q / %q", m, m.Words("en"), m.Words("fr"))
		}
	}
	if PaymentMethod("x").Valid() {
		t.Error("x is a method")
	}
}
