package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A field's message says what is wrong without quoting the value: the
// field shows the value, and a quote of the value saved went stale as
// soon as it was corrected (a tester read «jean@» under «jean@exa»).
func TestParticipantFormMessagesDoNotQuoteTheValue(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	inFrench(t)
	s.newParticipant()
	top := ptTopDialog(t, e, "Prénom").(*widget.PopUp)
	f := s.form
	test.Type(f.firstName, "Ana")
	test.Type(f.lastName, "Lima")
	test.Type(f.email, "ana@")
	test.Type(f.code, "O0I1L2")
	test.Type(f.fee, "douze")
	ptTap(t, top, "Enregistrer")
	waitIdle(t, e.tasks)
	for field, want := range map[string]string{
		"email": "Ce n'est pas une adresse e-mail valide : écrivez-la sous la forme nom@exemple.fr.",
		"code":  "Ce n'est pas un code valide : de 6 à 8 lettres et chiffres, sans O, 0, I, 1 ni L.",
		"fee":   "Ce n'est pas un montant en euros : écrivez par exemple 40 ou 40,50.",
	} {
		if msg := f.errs[field]; !msg.Visible() || msg.Text != want {
			t.Errorf("under the %s: %q (visible %v), want %q", field, msg.Text, msg.Visible(), want)
		}
	}
	test.Type(f.email, "exa")
	if msg := f.errs["email"]; !msg.Visible() || strings.Contains(msg.Text, "ana@") {
		t.Errorf("while the email is corrected: %q", msg.Text)
	}
}

// "12,345" typed in a French form is refused, not saved as 12 345 € (a
// tester's finding); "12,35" is saved.
func TestParticipantFormFeeWithThreeDecimalsInFrench(t *testing.T) {
	st, e, s := newParticipantsTest(t, 5)
	inFrench(t)
	s.newParticipant()
	top := ptTopDialog(t, e, "Prénom").(*widget.PopUp)
	f := s.form
	test.Type(f.firstName, "Jean")
	test.Type(f.lastName, "Testeur")
	test.Type(f.fee, "12,345")
	ptTap(t, top, "Enregistrer")
	waitIdle(t, e.tasks)
	want := "Trois chiffres après la virgule : écrivez le montant sans séparateur (12345) ou avec deux décimales (12,35)."
	if msg := f.errs["fee"]; !msg.Visible() || msg.Text != want {
		t.Fatalf("under the fee: %q (visible %v)", msg.Text, msg.Visible())
	}
	if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Testeur"}); len(ids) != 0 {
		t.Fatal("saved with an amount read two ways")
	}
	f.fee.SetText("12,35")
	ptTap(t, top, "Enregistrer")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Testeur"})
	if len(ids) != 1 {
		t.Fatalf("%d saved", len(ids))
	}
	if p, _ := st.Participant(context.Background(), ids[0]); p.FeeCents != 1235 {
		t.Errorf("fee %d cents, want 1235", p.FeeCents)
	}
}
