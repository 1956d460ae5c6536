package ui

import (
	"context"
	"strings"
	"testing"

	"congres/data"
)

// A fee paid in two ways says both with their amounts, not the total with
// the last way only ("Paid 40,00 € by card" after 20 € cash and 20 € card).
func TestDeskPaymentSeveralWays(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	ctx := context.Background()
	for _, m := range []data.PaymentMethod{data.PayCash, data.PayCard} {
		if _, err := f.st.RecordPayment(ctx, data.PaymentRequest{ParticipantID: who.ID, AmountCents: 2000, Method: m, Desk: "Desk 2"}); err != nil {
			t.Fatal(err)
		}
	}
	f.scan(t, who.Code)
	got := f.s.card.values[cardFee].Text
	e := func(c int64) string { return data.FormatEuros(c, "en") }
	if !strings.HasPrefix(got, "Paid "+e(4000)+" (cash "+e(2000)+", card "+e(2000)+") at ") || !strings.HasSuffix(got, ", Desk 2") {
		t.Fatalf("the card's fee reads %q", got)
	}
}
