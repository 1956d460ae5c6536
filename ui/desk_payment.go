package ui

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// Payment at the desk (issue 15): Ctrl+M opens a small dialog on the
// person on the card, with the fee due and how it is paid; Enter records
// it, Esc cancels. "Undo payment" takes the last one back. Ctrl+Z stays
// "undo check-in": one key, one meaning, and money is taken back only with
// a button that says so.

// deskPaymentStore is what the desk's payments need.
type deskPaymentStore interface {
	RecordPayment(ctx context.Context, req data.PaymentRequest) (data.Payment, error)
	UndoPayment(ctx context.Context, participantID int64) (data.Payment, error)
	CategoryFees(ctx context.Context) (map[int64]int64, error)
}

// The payment's shortcuts, shown on its buttons: M as in money (Ctrl+P,
// Z, E, N and Enter are the desk's already).
var (
	shortcutDeskPay     = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskUndoPay = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// deskPayment is the desk's payment buttons and dialog. UI thread only.
type deskPayment struct {
	s      *deskScreen
	pay    *widget.Button
	undo   *widget.Button
	method data.PaymentMethod // chosen last at this desk: offered first next time
	dialog *paymentDialog     // the dialog opened last
	now    func() time.Time   // when keys are typed, to tell a scanner from a person
}

func newDeskPayment(s *deskScreen) *deskPayment {
	p := &deskPayment{s: s, method: data.PayCash, now: time.Now}
	p.pay = widget.NewButtonWithIcon(lang.L("Mark paid (Ctrl+M)"), theme.ConfirmIcon(), p.onPayTapped)
	p.undo = widget.NewButtonWithIcon(lang.L("Undo payment (Ctrl+Shift+M)"), theme.ContentUndoIcon(), p.onUndoTapped)
	return p
}

// show sets the buttons for the card c (nil: nobody).
func (p *deskPayment) show(c *data.DeskCard) {
	setEnabled(p.pay, c != nil && c.FeeDueCents > 0)
	setEnabled(p.undo, c != nil && len(c.Payments) > 0 && !c.Rehearsal)
}

// paymentMethodNames are the methods as the dialog offers them.
func paymentMethodNames() []string {
	return []string{lang.L("Cash"), lang.L("Card"), lang.L("Cheque"), lang.L("Transfer")}
}

// feeLine is the card's fee: what is due, and what was paid at the desk
// ("Paid 40,00 € by card at 09:14, desk B"), and how it stands out.
func feeLine(c *data.DeskCard) (string, widget.Importance) {
	l := uiLanguage()
	var paid string
	if n := len(c.Payments); n > 0 {
		last := c.Payments[n-1]
		total, at := data.FormatEuros(data.SumPayments(c.Payments), l), last.At.Local().Format("15:04")
		if ways := data.PaymentTotals(c.Payments); len(ways) > 1 {
			// Several ways: each with its amount ("cash 20,00 €, card 20,00 €").
			parts := make([]string, len(ways))
			for i, w := range ways {
				name := string(w.Method)
				if j := slices.Index(data.PaymentMethods, w.Method); j >= 0 {
					name = strings.ToLower(paymentMethodNames()[j])
				}
				parts[i] = name + " " + data.FormatEuros(w.Cents, l)
			}
			paid = lang.L("Paid {{.Amount}} ({{.Ways}}) at {{.Time}}", map[string]any{
				"Amount": total, "Ways": strings.Join(parts, ", "), "Time": at})
		} else {
			paid = lang.L("Paid {{.Amount}} {{.How}} at {{.Time}}", map[string]any{
				"Amount": total, "How": last.Method.Words(l), "Time": at})
		}
		paid = joinNonEmpty(", ", paid, last.Desk)
	}
	switch {
	case c.FeeDueCents > 0 && paid != "":
		return lang.L("{{.Due}} still due ({{.Paid}})", map[string]any{
			"Due": data.FormatEuros(c.FeeDueCents, l), "Paid": paid}), widget.DangerImportance
	case c.FeeDueCents > 0:
		return data.FormatEuros(c.FeeDueCents, l), widget.DangerImportance
	case paid != "":
		return paid, widget.SuccessImportance
	}
	return lang.L("Nothing"), widget.MediumImportance
}

// onPayTapped opens the payment dialog on the person on the card, when
// they owe something.
func (p *deskPayment) onPayTapped() {
	c := p.s.shown
	if c == nil || c.FeeDueCents <= 0 {
		p.s.focus()
		return
	}
	p.dialog = newPaymentDialog(p, c)
	p.dialog.show()
}

// onUndoTapped takes back the last payment of the person on the card.
func (p *deskPayment) onUndoTapped() {
	s := p.s
	if s.shown == nil || len(s.shown.Payments) == 0 || s.shown.Rehearsal {
		s.focus()
		return
	}
	id, name := s.shown.Participant.ID, s.shown.Participant.FullName()
	day, session := s.today(), s.session
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		undone, err := s.store.UndoPayment(ctx, id)
		var c data.DeskCard
		if err == nil {
			c, err = s.store.DeskCard(ctx, id, day, session)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.showPaymentResult(&c, lang.L("{{.Name}}: the payment of {{.Amount}} {{.How}} was undone.", map[string]any{
				"Amount": data.FormatEuros(undone.AmountCents, uiLanguage()), "How": undone.Method.Words(uiLanguage()),
				"Name": name}), widget.WarningImportance)
		}
	})
	s.focus()
}

// showPaymentResult puts the card read after a payment (or its undo) on
// the desk, with what was done, if it is still the person on the card.
func (s *deskScreen) showPaymentResult(c *data.DeskCard, text string, importance widget.Importance) {
	if s.shown != nil && s.shown.Participant.ID != c.Participant.ID {
		s.setStatus(text, importance) // another person was scanned meanwhile
		return
	}
	s.showCard(c, len(c.ToConfirm()) > 0) // someone already in confirms nothing
	s.card.setResult(text, importance)
	s.focus()
}

// paymentDialog asks how much was paid and how: the amount, pre-filled
// with the fee due, and the method. Keyboard only: ↑ ↓ choose the method,
// Enter records, Esc cancels. A badge scanned into it (a burst of keys
// ending with Enter, told apart as the PIN dialog does) is not an amount:
// the field goes back to what it held and the dialog says so.
type paymentDialog struct {
	p       *deskPayment
	card    *data.DeskCard
	d       dialog.Dialog
	amount  *amountEntry
	method  *widget.RadioGroup
	message *widget.Label
	ok      *widget.Button
	busy    bool // recording: a second Enter does nothing
}

// amountEntry is the amount field: the PIN field's way of telling a scan
// from keys typed by a person, shown in clear, with ↑ ↓ choosing the
// method.
type amountEntry struct {
	pinEntry
	onMove func(by int)
	alone  bool // the last key began a burst and is alone in it so far
}

// scanLead is how far ahead of its burst the first key of a scan may come:
// in the real window, the first key of a code typed into the dialog came
// alone, the others after it in a burst ("K", then "SJBUVX").
const scanLead = 300 * time.Millisecond

// TypedRune replaces the amount offered (selected) with what is typed,
// and counts a key that came alone just ahead of a burst in the burst.
func (e *amountEntry) TypedRune(r rune) {
	if e.SelectedText() != "" {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // erases the selection
		e.burst = min(e.burst, len([]rune(e.Text)))
	}
	prev, start := e.last, e.burst
	e.pinEntry.TypedRune(r)
	gap := e.last.Sub(prev)
	lead := e.alone && !prev.IsZero() && gap >= scanGap && gap < scanLead
	if lead {
		e.burst = start
	}
	e.alone = !lead && e.burst == len([]rune(e.Text))-1
}

func newAmountEntry(now func() time.Time) *amountEntry {
	e := &amountEntry{}
	e.now = now
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

func (e *amountEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		e.onMove(-1)
	case fyne.KeyDown:
		e.onMove(1)
	default:
		e.pinEntry.TypedKey(ev)
	}
}

// prefill puts text in the field as typed by nobody, selected: Enter
// right away records it as it is, a key typed replaces it.
func (e *amountEntry) prefill(text string) {
	e.SetText(text)
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.last, e.burst, e.alone = time.Time{}, len([]rune(text)), false
}

func newPaymentDialog(p *deskPayment, c *data.DeskCard) *paymentDialog {
	return &paymentDialog{p: p, card: c}
}

func (pd *paymentDialog) show() {
	s := pd.p.s
	pd.amount = newAmountEntry(func() time.Time { return pd.p.now() })
	pd.amount.prefill(feeCentsText(pd.card.FeeDueCents))
	pd.amount.OnSubmitted = func(string) { pd.onSubmit() }
	pd.amount.onEscape = func() { pd.d.Hide() }
	pd.amount.onMove = pd.moveMethod
	pd.method = widget.NewRadioGroup(paymentMethodNames(), nil)
	pd.method.Horizontal = true
	pd.method.Required = true
	pd.setMethod(pd.p.method)
	pd.message = widget.NewLabel("")
	pd.message.Importance = widget.DangerImportance
	pd.message.Wrapping = fyne.TextWrapWord
	pd.message.Hide()
	due := widget.NewLabel(lang.L("{{.Name}} owes {{.Amount}}.", map[string]any{
		"Name": pd.card.Participant.FullName(), "Amount": data.FormatEuros(pd.card.FeeDueCents, uiLanguage())}))
	due.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("↑ ↓ choose how it was paid; Enter records the payment, Esc cancels."))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Amount (euros)"), pd.amount),
		widget.NewFormItem(lang.L("Paid by"), pd.method),
	)
	pd.ok = widget.NewButton(lang.L("Record the payment (Enter)"), pd.onSubmit)
	pd.ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel (Esc)"), func() { pd.d.Hide() })
	content := container.NewVBox(due, form, hint, pd.message, container.NewHBox(cancel, pd.ok))
	pd.d = dialog.NewCustomWithoutButtons(lang.L("Payment"), content, s.env.win)
	pd.d.SetOnClosed(s.focus)
	pd.d.Resize(fyne.NewSize(520, 0))
	pd.d.Show()
	s.env.win.Canvas().Focus(pd.amount)
}

func (pd *paymentDialog) setMethod(m data.PaymentMethod) {
	for i, x := range data.PaymentMethods {
		if x == m {
			pd.method.SetSelected(paymentMethodNames()[i])
		}
	}
}

// chosen is the method selected.
func (pd *paymentDialog) chosen() data.PaymentMethod {
	for i, n := range paymentMethodNames() {
		if n == pd.method.Selected {
			return data.PaymentMethods[i]
		}
	}
	return ""
}

// moveMethod chooses the method before or after the one selected.
func (pd *paymentDialog) moveMethod(by int) {
	i := 0
	for j, m := range data.PaymentMethods {
		if m == pd.chosen() {
			i = j
		}
	}
	n := len(data.PaymentMethods)
	pd.setMethod(data.PaymentMethods[((i+by)%n+n)%n])
}

func (pd *paymentDialog) say(text string) {
	pd.message.SetText(text)
	pd.message.Show()
	pd.d.Resize(fyne.NewSize(520, 0)) // laid out again, taller
	pd.p.s.env.win.Canvas().Focus(pd.amount)
}

// onSubmit records the payment; a scan, an amount that is not one, or a
// refusal keeps the dialog open with the reason.
func (pd *paymentDialog) onSubmit() {
	if pd.busy {
		return
	}
	typed := pd.amount.Text
	scan, burst := pd.amount.scanned()
	if burst || strings.ContainsFunc(typed, unicode.IsLetter) && len(strings.TrimSpace(typed)) >= 3 {
		// Letters are never an amount: a badge's code, whatever pauses the
		// window put between its keys. The field gets back what it held.
		before := feeCentsText(pd.card.FeeDueCents)
		if !burst {
			scan = strings.TrimSpace(typed)
		} else if rs := []rune(typed); pd.amount.burst > 0 {
			before = string(rs[:pd.amount.burst])
		}
		pd.amount.prefill(before)
		pd.say(lang.L("“{{.Code}}” was a badge scan, not an amount: it was not counted. Record this payment (Enter) or cancel it (Esc), then scan the badge again.",
			map[string]any{"Code": scan}))
		return
	}
	cents, err := data.ParseEurosTyped(typed, uiLanguage())
	if err != nil {
		pd.say(data.Message(err, uiLanguage()))
		pd.amount.prefill(typed)
		return
	}
	s := pd.p.s
	m := pd.chosen()
	if pd.card.Rehearsal { // practised, not recorded: no money changes hands
		pd.d.Hide()
		s.card.setResult(lang.L("Rehearsal: the payment of {{.Amount}} {{.How}} was not recorded.", map[string]any{
			"Amount": data.FormatEuros(cents, uiLanguage()), "How": m.Words(uiLanguage())}), widget.WarningImportance)
		return
	}
	req := data.PaymentRequest{ParticipantID: pd.card.Participant.ID, AmountCents: cents, Method: m, Desk: deskName(s.prefs)}
	name := pd.card.Participant.FullName()
	day, session := s.today(), s.session
	pd.busy = true
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		paid, err := s.store.RecordPayment(ctx, req)
		var c data.DeskCard
		var cardErr error
		if err == nil {
			c, cardErr = s.store.DeskCard(ctx, req.ParticipantID, day, session)
		}
		return func() {
			pd.busy = false
			if err != nil {
				pd.say(data.Message(err, uiLanguage()))
				return
			}
			pd.p.method = m
			pd.d.Hide()
			if cardErr != nil {
				showError(s.env.win, cardErr)
				return
			}
			s.showPaymentResult(&c, lang.L("✓ {{.Name}} paid {{.Amount}} {{.How}} at {{.Time}}.", map[string]any{
				"Amount": data.FormatEuros(paid.AmountCents, uiLanguage()), "How": paid.Method.Words(uiLanguage()),
				"Name": name, "Time": paid.At.Local().Format("15:04")}), widget.MediumImportance) // green says "checked in", which paying is not
		}
	})
}
