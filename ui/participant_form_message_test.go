package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
