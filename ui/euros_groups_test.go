package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// An amount whose thousands separators do not stand between groups of
// three digits ("12,3,4", "1,5,0") is refused by the participant form and
// by the desk's walk-in, with the sentence they give for any wrong amount;
// "1 200,50" is 1 200,50 €.

func TestParticipantFormFeeGroups(t *testing.T) {
	st, e, s := newParticipantsTest(t, 5)
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Zoé")
	test.Type(f.lastName, "Groupes")
	test.Type(f.fee, "12,3,4")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	if got := f.errs["fee"].Text; !f.errs["fee"].Visible() || got != "This is not an amount in euros: write for instance 40 or 40.50." {
		t.Fatalf("under the fee: %q", got)
	}
	if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Groupes"}); len(ids) != 0 {
		t.Fatal("saved with a fee that is no amount")
	}
	f.fee.SetText("1 200,50")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Groupes"})
	if len(ids) != 1 {
		t.Fatalf("%d saved", len(ids))
	}
	if p, _ := st.Participant(context.Background(), ids[0]); p.FeeCents != 120050 {
		t.Fatalf("fee %d", p.FeeCents)
	}
}

func TestDeskWalkInFeeGroups(t *testing.T) {
	f := newDeskFixture(t)
	ctx := context.Background()
	form := f.openWalkIn(t, "Inès", "Groupes", "")
	form.fee.SetText("1,5,0")
	test.Tap(form.submit)
	waitIdle(t, f.e.tasks)
	if msg := form.errs["fee"]; !msg.Visible() || msg.Text != "This is not an amount in euros: write for instance 40 or 40.50." {
		t.Fatalf("the form says %q under the fee", msg.Text)
	}
	if rows, _ := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Groupes"}); len(rows) != 0 {
		t.Fatal("registered with a fee that is no amount")
	}
}
