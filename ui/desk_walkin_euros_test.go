package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// The walk-in's fee is read as the import reads amounts (data.ParseEuros):
// "EUR 45" is 45 €, and an amount that is none says data's sentence and
// registers nobody.
func TestDeskWalkInFeeEuros(t *testing.T) {
	f := newDeskFixture(t)
	ctx := context.Background()
	form := f.openWalkIn(t, "Inès", "Montant", "")
	form.fee.SetText("12-5")
	test.Tap(form.submit)
	waitIdle(t, f.e.tasks)
	if msg := form.errs["fee"]; !msg.Visible() || msg.Text != "This is not an amount in euros: write for instance 40 or 40.50." {
		t.Fatalf("the form says %q under the fee", msg.Text)
	}
	if rows, _ := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Montant"}); len(rows) != 0 {
		t.Fatal("registered with a fee that is no amount")
	}
	form.fee.SetText("EUR 45")
	test.Tap(form.submit)
	waitFor(t, "the walk-in to be registered", f.e.tasks, func() bool {
		rows, _ := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Montant"})
		return len(rows) == 1
	})
	waitIdle(t, f.e.tasks)
	rows, _ := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Montant"})
	p, _ := f.st.Participant(ctx, rows[0].ID)
	if p.FeeCents != 4500 || !strings.Contains(f.s.card.values[cardFee].Text, "45") {
		t.Fatalf("fee %d; the card reads %q", p.FeeCents, f.s.card.values[cardFee].Text)
	}
}
