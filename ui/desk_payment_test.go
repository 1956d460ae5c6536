package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

var (
	keyCtrlM      = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault}
	keyCtrlShiftM = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// openPayment scans who, then presses Ctrl+M in the search field, and
// returns the payment dialog, whose amount field has the keyboard.
func (f *deskFixture) openPayment(t *testing.T, who data.Participant) *paymentDialog {
	t.Helper()
	f.scan(t, who.Code)
	if f.s.shown == nil || f.s.shown.Participant.ID != who.ID {
		t.Fatalf("the card shows %+v, want %s", f.s.shown, who.FullName())
	}
	if f.s.payment.pay.Text != "Mark paid (Ctrl+M)" || f.s.payment.pay.Disabled() {
		t.Fatalf("Mark paid reads %q, disabled %v, on a card with a fee due", f.s.payment.pay.Text, f.s.payment.pay.Disabled())
	}
	f.s.entry.TypedShortcut(keyCtrlM)
	waitIdle(t, f.e.tasks)
	if f.e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+M opened no dialog")
	}
	pd := f.s.payment.dialog
	if f.e.win.Canvas().Focused() != pd.amount {
		t.Fatalf("the amount field does not have the keyboard: %T", f.e.win.Canvas().Focused())
	}
	return pd
}

// typeKeys types text into the focused field as the window passes keys
// (each key, then its character), one every step on the payment's clock,
// then the key end (Return, Escape…) if not empty.
func (f *deskFixture) typeKeys(t *testing.T, text string, step time.Duration, end fyne.KeyName) {
	t.Helper()
	at := time.Now()
	f.s.payment.now = func() time.Time {
		at = at.Add(step)
		return at
	}
	c := f.e.win.Canvas()
	w, ok := c.Focused().(interface {
		fyne.Focusable
	})
	if !ok {
		t.Fatal("nothing has the keyboard")
	}
	for _, r := range text {
		w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(strings.ToUpper(string(r)))})
		w.TypedRune(r)
	}
	if end != "" {
		w.TypedKey(&fyne.KeyEvent{Name: end})
	}
	waitIdle(t, f.e.tasks)
}

// owing returns someone the desk checks in with no warning but the fee
// they owe: 40 € not paid.
func (f *deskFixture) owing(t *testing.T, skip ...int64) data.Participant {
	t.Helper()
	p := f.person(t, "", skip...)
	p.FeeCents, p.Paid = 4000, false
	if err := f.st.UpdateParticipant(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *deskFixture) payments(t *testing.T, id int64) []data.Payment {
	t.Helper()
	list, err := f.st.Payments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// The whole payment by keyboard: a scan shows the fee due, Ctrl+M opens
// the dialog with it, ↓ chooses the card, Enter records it; the card says
// "Paid … by card at 08:40, Desk 2", its fee due gone, and Enter in the
// search field then checks the person in.
func TestDeskPaymentKeyboard(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	due := who.FeeCents
	pd := f.openPayment(t, who)
	if pd.amount.Text != feeCentsText(due) || pd.chosen() != data.PayCash {
		t.Fatalf("the dialog offers %q %s, want %q in cash", pd.amount.Text, pd.chosen(), feeCentsText(due))
	}
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyDown)
	if pd.chosen() != data.PayCard {
		t.Fatalf("↓ chose %s", pd.chosen())
	}
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if f.e.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog is still open: %q", pd.message.Text)
	}
	list := f.payments(t, who.ID)
	if len(list) != 1 || list[0].AmountCents != due || list[0].Method != data.PayCard || list[0].Desk != "Desk 2" || !list[0].At.Equal(deskMorning) {
		t.Fatalf("payments %+v", list)
	}
	p, _ := f.st.Participant(context.Background(), who.ID)
	if !p.Paid {
		t.Fatal("not marked paid")
	}
	want := "Paid " + data.FormatEuros(due, "en") + " by card at 08:40, Desk 2"
	if got := f.s.card.values[cardFee].Text; got != want {
		t.Errorf("the card's fee reads %q, want %q", got, want)
	}
	if f.s.shown.FeeDueCents != 0 || !strings.Contains(f.s.card.result.Text, "paid "+data.FormatEuros(due, "en")+" by card") {
		t.Errorf("fee due %d, result %q", f.s.shown.FeeDueCents, f.s.card.result.Text)
	}
	if !f.s.payment.pay.Disabled() || f.s.payment.undo.Disabled() {
		t.Error("Mark paid should be off and Undo payment on")
	}
	if f.e.win.Canvas().Focused() != f.s.entry {
		t.Fatalf("the search field lost the keyboard: %T", f.e.win.Canvas().Focused())
	}
	f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 1 {
		t.Fatal("Enter after the payment did not check the person in")
	}
}

// An amount typed by hand, with a comma, pays part of the fee; an amount
// that is none, or more than is due, keeps the dialog open with the
// reason; ↑ goes round to the transfer.
func TestDeskPaymentTypedAmount(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	pd := f.openPayment(t, who)
	slow := 300 * time.Millisecond
	for _, c := range []struct{ typed, says string }{
		{"12-5", "is not an amount in euros"},
		{"99999", "more than the fee due"},
	} {
		pd.amount.prefill("")
		f.typeKeys(t, c.typed, slow, fyne.KeyReturn)
		if f.e.win.Canvas().Overlays().Top() == nil || !strings.Contains(pd.message.Text, c.says) {
			t.Fatalf("%q: the dialog says %q", c.typed, pd.message.Text)
		}
		if len(f.payments(t, who.ID)) != 0 {
			t.Fatalf("%q was recorded", c.typed)
		}
	}
	pd.amount.prefill("")
	f.typeKeys(t, "12,5", slow, fyne.KeyUp)
	f.typeKeys(t, "", slow, fyne.KeyReturn)
	list := f.payments(t, who.ID)
	if len(list) != 1 || list[0].AmountCents != 1250 || list[0].Method != data.PayTransfer {
		t.Fatalf("payments %+v", list)
	}
	left := data.FormatEuros(who.FeeCents-1250, "en")
	if got := f.s.card.values[cardFee].Text; got != left+" still due (Paid "+data.FormatEuros(1250, "en")+" by transfer at 08:40, Desk 2)" {
		t.Errorf("the card's fee reads %q", got)
	}
	if f.s.payment.pay.Disabled() {
		t.Error("Mark paid is off with a fee still due")
	}
}

// Esc cancels: nothing is recorded and the search field has the keyboard
// again.
func TestDeskPaymentEscape(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	f.openPayment(t, who)
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyEscape)
	if f.e.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the dialog")
	}
	if len(f.payments(t, who.ID)) != 0 {
		t.Fatal("a payment was recorded")
	}
	if f.e.win.Canvas().Focused() != f.s.entry {
		t.Fatalf("the search field does not have the keyboard: %T", f.e.win.Canvas().Focused())
	}
}

// A badge scanned while the dialog is open (a burst of keys ending with
// Enter) is not typed into the amount: the field gets back the fee, the
// dialog says the scan was not counted, nothing is recorded; Enter typed
// by the volunteer then records the fee.
func TestDeskPaymentScanIgnored(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	other := f.person(t, "", who.ID)
	pd := f.openPayment(t, who)
	f.typeKeys(t, other.Code, time.Millisecond, fyne.KeyReturn)
	if f.e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the scan closed the dialog")
	}
	if !strings.Contains(pd.message.Text, "“"+other.Code+"” was a badge scan, not an amount") {
		t.Errorf("the dialog says %q", pd.message.Text)
	}
	if pd.amount.Text != feeCentsText(who.FeeCents) {
		t.Errorf("the amount reads %q after the scan", pd.amount.Text)
	}
	if len(f.payments(t, who.ID)) != 0 || f.arrivals(t, other.ID) != 0 {
		t.Fatal("the scan recorded something")
	}
	// Digits only (an e-ticket's number), scanned: not an amount either.
	f.typeKeys(t, "4006381333931", time.Millisecond, fyne.KeyReturn)
	if len(f.payments(t, who.ID)) != 0 || pd.amount.Text != feeCentsText(who.FeeCents) {
		t.Fatalf("a scanned number was taken for an amount: %q", pd.amount.Text)
	}
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if list := f.payments(t, who.ID); len(list) != 1 || list[0].AmountCents != who.FeeCents {
		t.Fatalf("payments %+v", list)
	}
}

// Undo payment (its button, or Ctrl+Shift+M) takes the payment back and
// the fee is due again; Ctrl+Z still undoes the check-in, not the payment.
func TestDeskPaymentUndo(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	f.openPayment(t, who)
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // check in
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 1 || len(f.payments(t, who.ID)) != 1 {
		t.Fatal("not checked in and paid")
	}
	f.s.entry.TypedShortcut(&fyne.ShortcutUndo{}) // Ctrl+Z
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 0 {
		t.Fatal("Ctrl+Z did not undo the check-in")
	}
	if list := f.payments(t, who.ID); len(list) != 1 || list[0].Undone() {
		t.Fatalf("Ctrl+Z touched the payment: %+v", list)
	}
	if f.s.payment.undo.Text != "Undo payment (Ctrl+Shift+M)" || f.s.payment.undo.Disabled() {
		t.Fatalf("Undo payment: %q, disabled %v", f.s.payment.undo.Text, f.s.payment.undo.Disabled())
	}
	f.s.entry.TypedShortcut(keyCtrlShiftM)
	waitIdle(t, f.e.tasks)
	if list := f.payments(t, who.ID); len(list) != 1 || !list[0].Undone() {
		t.Fatalf("payments %+v", list)
	}
	p, _ := f.st.Participant(context.Background(), who.ID)
	if p.Paid || f.s.shown.FeeDueCents != who.FeeCents {
		t.Fatalf("paid %v, fee due %d after the undo", p.Paid, f.s.shown.FeeDueCents)
	}
	if !strings.Contains(f.s.card.result.Text, "the payment of "+data.FormatEuros(who.FeeCents, "en")+" in cash was undone") {
		t.Errorf("result %q", f.s.card.result.Text)
	}
	if got := f.s.card.values[cardFee].Text; got != data.FormatEuros(who.FeeCents, "en") {
		t.Errorf("the card's fee reads %q", got)
	}
	if !f.s.payment.undo.Disabled() || f.s.payment.pay.Disabled() {
		t.Error("Undo payment should be off and Mark paid on")
	}
	test.Tap(f.s.payment.undo) // nothing left: nothing happens
	waitIdle(t, f.e.tasks)
}

// A walk-in is offered their category's usual fee; ticking "Paid now" and
// choosing the card records the payment with the registration: the
// walk-in is paid, and the card says so. Without it, they owe the fee.
func TestWalkInPaidNow(t *testing.T) {
	f := newDeskFixture(t)
	ctx := context.Background()
	fees, err := f.st.CategoryFees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	form := f.openWalkIn(t, "Nour", "Al-Khatib", "nour@velo.fr")
	cat := form.cats[form.category.SelectedIndex()]
	fee := fees[cat.ID]
	if fee == 0 {
		t.Fatalf("the demo's category %s has no fee", cat.Name)
	}
	if form.fee.Text != feeCentsText(fee) || form.paidNow.Checked {
		t.Fatalf("the form offers %q, paid now %v; want %q, not ticked", form.fee.Text, form.paidNow.Checked, feeCentsText(fee))
	}
	test.Tap(form.paidNow)
	form.method.SetSelected("Card")
	test.Tap(form.submit)
	waitFor(t, "the badge to be printed", f.e.tasks, func() bool { return len(f.fake.lpCalls()) == 1 })
	waitIdle(t, f.e.tasks)
	rows, err := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Al-Khatib"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("the walk-in was not registered: %v, %v", rows, err)
	}
	p, _ := f.st.Participant(ctx, rows[0].ID)
	if p.FeeCents != fee || !p.Paid || f.arrivals(t, p.ID) != 1 {
		t.Fatalf("walk-in: fee %d, paid %v, arrivals %d", p.FeeCents, p.Paid, f.arrivals(t, p.ID))
	}
	list := f.payments(t, p.ID)
	if len(list) != 1 || list[0].AmountCents != fee || list[0].Method != data.PayCard || list[0].Desk != "Desk 2" {
		t.Fatalf("payments %+v", list)
	}
	if got := f.s.card.values[cardFee].Text; !strings.HasPrefix(got, "Paid "+data.FormatEuros(fee, "en")+" by card") {
		t.Errorf("the card's fee reads %q", got)
	}

	// Not paid now, with a fee changed by hand: they owe it.
	form = f.openWalkIn(t, "Jean", "Sanspayer", "jean@example.org")
	form.fee.SetText("")
	test.Type(form.fee, "25,50")
	test.Tap(form.submit)
	waitFor(t, "the badge to be printed", f.e.tasks, func() bool { return len(f.fake.lpCalls()) == 2 })
	waitIdle(t, f.e.tasks)
	rows, _ = f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Sanspayer"})
	if len(rows) != 1 {
		t.Fatal("the second walk-in was not registered")
	}
	p, _ = f.st.Participant(ctx, rows[0].ID)
	if p.FeeCents != 2550 || p.Paid || len(f.payments(t, p.ID)) != 0 || f.s.shown.FeeDueCents != 2550 {
		t.Fatalf("walk-in: fee %d, paid %v", p.FeeCents, p.Paid)
	}

	// An amount that is none keeps the form open, and nobody is registered.
	form = f.openWalkIn(t, "Léa", "Montant", "")
	form.fee.SetText("quarante")
	test.Tap(form.submit)
	waitIdle(t, f.e.tasks)
	if msg := form.errs["fee"]; !msg.Visible() || !strings.Contains(msg.Text, "not an amount") {
		t.Fatalf("the form says %q under the fee", msg.Text)
	}
	if rows, _ := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Montant"}); len(rows) != 0 {
		t.Fatal("registered with a fee that is no amount")
	}
}

// Deleting someone who paid at the desk says why it cannot be done, and
// offers to cancel the registration instead, as for someone checked in.
func TestDeskPaymentDeleteRefused(t *testing.T) {
	st, e, s := newParticipantsTest(t, 100)
	ctx := context.Background()
	var id int64
	for _, x := range s.table.rows.ids {
		if log, _ := st.CheckinLog(ctx, x); len(log) == 0 {
			id = x
			break
		}
	}
	p, _ := st.Participant(ctx, id)
	p.FeeCents, p.Paid = 4000, false
	if err := st.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordPayment(ctx, data.PaymentRequest{ParticipantID: id, AmountCents: 4000, Method: data.PayCash}); err != nil {
		t.Fatal(err)
	}
	ptPick(t, e, s, id)
	ptTap(t, s.detail.content, "Delete…")
	ptTap(t, ptTopDialog(t, e, "cannot be undone"), "Delete")
	top := ptTopDialog(t, e, "has paid at the desk and cannot be deleted")
	if _, err := st.Participant(ctx, id); err != nil {
		t.Fatalf("the participant who paid was deleted: %v", err)
	}
	ptTap(t, top, "Cancel the registration")
	waitIdle(t, e.tasks)
	if p, _ := st.Participant(ctx, id); p.Status != data.StatusCancelled {
		t.Fatalf("status %q, want cancelled", p.Status)
	}
}

// At a rehearsal the dialog runs as on the day, but no money is recorded,
// and the result says so.
func TestDeskPaymentRehearsal(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	f.scan(t, who.Code)
	f.s.shown.Rehearsal = true // the card of a rehearsal
	f.s.entry.TypedShortcut(keyCtrlM)
	waitIdle(t, f.e.tasks)
	if f.e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+M opened no dialog")
	}
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if f.e.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog is still open")
	}
	if len(f.payments(t, who.ID)) != 0 {
		t.Fatal("a rehearsal recorded a payment")
	}
	if want := "Rehearsal: the payment of " + data.FormatEuros(4000, "en") + " in cash was not recorded."; f.s.card.result.Text != want {
		t.Errorf("result %q, want %q", f.s.card.result.Text, want)
	}
}

// Someone let in with their fee unpaid pays afterwards: the card shows
// them paid and already in, with nothing left to confirm.
func TestDeskPaymentAfterCheckIn(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	f.scan(t, who.Code)
	f.s.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}) // let in anyway
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 1 {
		t.Fatal("not let in")
	}
	f.s.entry.TypedShortcut(keyCtrlM)
	waitIdle(t, f.e.tasks)
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if len(f.payments(t, who.ID)) != 1 {
		t.Fatal("not paid")
	}
	if f.s.pending || f.s.buttons.confirm.Visible() {
		t.Error("the card asks to let in someone already in")
	}
	if f.s.shown.Arrival == nil || f.s.shown.FeeDueCents != 0 {
		t.Errorf("card: arrival %v, fee due %d", f.s.shown.Arrival, f.s.shown.FeeDueCents)
	}
}
