package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"congres/data"
)

// TestParticipantDetailPayments: the participant page lists the fees paid
// at the desk — when, how much, how, at which desk — and says which were
// undone, in both languages.
func TestParticipantDetailPayments(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	ctx := context.Background()
	at := time.Date(2021, 11, 25, 9, 14, 0, 0, time.Local)
	st.SetClock(func() time.Time { return at })
	var id int64
	for _, c := range s.table.rows.ids {
		card, err := st.DeskCard(ctx, c, "2021-11-25", 0)
		if err != nil {
			t.Fatal(err)
		}
		if card.FeeDueCents >= 2000 {
			id = c
			break
		}
	}
	if id == 0 {
		t.Fatal("nobody in the demo owes 20 € or more")
	}
	for _, r := range []data.PaymentRequest{{ParticipantID: id, AmountCents: 1000, Method: data.PayCash, Desk: "Desk A"},
		{ParticipantID: id, AmountCents: 550, Method: data.PayCard, Desk: "Desk B"}} {
		if _, err := st.RecordPayment(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	at = at.Add(2 * time.Minute)
	if _, err := st.UndoPayment(ctx, id); err != nil { // the card payment
		t.Fatal(err)
	}
	ptPick(t, e, s, id)
	d := s.detail
	paid, undone := dateTime(at.Add(-2*time.Minute)), dateTime(at)
	want := [][]string{{paid, "10.00\u00a0€", "Cash", "Desk A", ""}, {paid, "5.50\u00a0€", "Card", "Desk B", "Undone on " + undone}}
	if d.tabPay.Text != "Payments (2)" || !slices.EqualFunc(d.payments.rows, want, slices.Equal) {
		t.Fatalf("tab %q, rows %q, want %q", d.tabPay.Text, d.payments.rows, want)
	}
	if got := d.payments.headers; !slices.Equal(got, []string{"Date and time", "Amount", "Method", "Desk", "Undone"}) {
		t.Errorf("headers %q", got)
	}

	t.Run("French", func(t *testing.T) {
		if err := loadTranslations("fr"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { loadTranslations("en") })
		d.reloadAsync()
		waitIdle(t, e.tasks)
		paid := dateTime(at.Add(-2 * time.Minute)) // in French
		want := [][]string{{paid, "10,00\u00a0€", "Espèces", "Desk A", ""},
			{paid, "5,50\u00a0€", "Carte", "Desk B", "Annulé le " + dateTime(at)}}
		if d.tabPay.Text != "Paiements (2)" || !slices.EqualFunc(d.payments.rows, want, slices.Equal) {
			t.Fatalf("tab %q, rows %q, want %q", d.tabPay.Text, d.payments.rows, want)
		}
	})
	t.Run("NoPayments", func(t *testing.T) {
		other := s.table.rows.ids[0]
		if other == id {
			other = s.table.rows.ids[1]
		}
		ptPick(t, e, s, other)
		if d.tabPay.Text != "Payments (0)" || len(d.payments.rows) != 0 {
			t.Errorf("tab %q, rows %q", d.tabPay.Text, d.payments.rows)
		}
	})
}
