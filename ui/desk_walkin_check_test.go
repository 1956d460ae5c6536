package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// openEmptyWalkIn opens the walk-in form with Ctrl+N, nothing typed.
func (f *deskFixture) openEmptyWalkIn(t *testing.T) *walkInForm {
	t.Helper()
	f.s.entry.TypedShortcut(shortcutDeskWalkIn)
	waitFor(t, "the walk-in form", f.e.tasks, func() bool {
		return f.s.walkIn != nil && !f.s.walkIn.closed && f.e.win.Canvas().Overlays().Top() != nil
	})
	return f.s.walkIn
}

// TestWalkInFormErrors: the walk-in form behaves as the participant form.
// Enter with the names empty says both at once, each under its field, in
// the fields' order, and gives the first the keyboard; each message goes
// as soon as its field is corrected, the other staying.
func TestWalkInFormErrors(t *testing.T) {
	f := newDeskFixture(t)
	form := f.openEmptyWalkIn(t)
	c := f.e.win.Canvas()
	form.firstName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	first, last := form.errs["first_name"], form.errs["last_name"]
	if !first.Visible() || !last.Visible() || first.Text == "" || last.Text == "" {
		t.Fatalf("Enter with both names empty: first name %v %q, last name %v %q", first.Visible(), first.Text, last.Visible(), last.Text)
	}
	if form.message.Visible() {
		t.Errorf("a message under the form too: %q", form.message.Text)
	}
	if c.Focused() != fyne.Focusable(form.firstName) {
		t.Errorf("the keyboard is on %T, not the first name", c.Focused())
	}
	d := fyne.CurrentApp().Driver()
	y := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).Y }
	if !(y(form.firstName) < y(first) && y(first) < y(form.lastName) && y(form.lastName) < y(last) && y(last) < y(form.organisation)) {
		t.Errorf("not each under its field: first name at %v, its message %v; last name %v, its message %v; organisation %v",
			y(form.firstName), y(first), y(form.lastName), y(last), y(form.organisation))
	}
	if n := len(f.s.env.win.Canvas().Overlays().List()); n != 1 || form.closed {
		t.Fatalf("%d dialogs, form closed %v", n, form.closed)
	}

	test.Type(form.firstName, "Jeanne")
	if first.Visible() || !last.Visible() {
		t.Errorf("first name typed: its message shown %v, the last name's %v", first.Visible(), last.Visible())
	}
	test.Type(form.lastName, "Dupuis")
	if last.Visible() {
		t.Error("last name typed: its message still shown")
	}

	// The fee, and its message, under it.
	form.fee.SetText("quarante")
	test.Tap(form.submit)
	waitIdle(t, f.e.tasks)
	if fee := form.errs["fee"]; !fee.Visible() || !strings.Contains(fee.Text, "not an amount") || y(fee) < y(form.fee) {
		t.Errorf("the fee's message %v %q", fee.Visible(), fee.Text)
	}
	if c.Focused() != fyne.Focusable(form.fee) {
		t.Errorf("the keyboard is on %T, not the fee", c.Focused())
	}
	form.fee.SetText("40")
	if form.errs["fee"].Visible() {
		t.Error("the fee corrected: its message still shown")
	}
}

// TestWalkInNameStaysInTheForm: a name typed fast into the walk-in form
// and Enter, a burst that reads as a code ("Jeanne"), is not a scan: the
// form stays open with the name in its field and says what is missing;
// the desk's field gets nothing and nobody is looked up as "Jeanne" (the
// tester saw the form close and the desk say "Unknown code: “Jeanne”"),
// whether the first name had the keyboard or nothing had, after a click
// on the form's button, and after the desk asked for the keyboard back.
func TestWalkInNameStaysInTheForm(t *testing.T) {
	f := newDeskFixture(t)
	c := f.e.win.Canvas()
	before, _ := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
	for _, tc := range []struct {
		name string
		take func(form *walkInForm)
	}{
		{"first name", func(form *walkInForm) { c.Focus(form.firstName) }},
		{"nothing", func(*walkInForm) { c.Unfocus() }},
		{"the desk asks the keyboard back", func(form *walkInForm) { // as its refreshes and timers do
			c.Focus(form.firstName)
			f.s.focus()
			f.s.reclaimFocus()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := f.openEmptyWalkIn(t)
			test.Tap(form.submit) // the error click
			waitIdle(t, f.e.tasks)
			tc.take(form)
			typeInWindow(c, "Jeanne\n") // in one burst
			waitIdle(t, f.e.tasks)
			if form.closed || c.Overlays().Top() == nil {
				t.Fatalf("the form closed; the desk says %q", deskSays(f))
			}
			if form.firstName.Text != "Jeanne" || f.s.entry.Text != "" {
				t.Errorf("first name %q, the desk's field %q", form.firstName.Text, f.s.entry.Text)
			}
			if !form.errs["last_name"].Visible() || form.errs["first_name"].Visible() {
				t.Errorf("the form says: first name %q (%v), last name %q (%v)", form.errs["first_name"].Text,
					form.errs["first_name"].Visible(), form.errs["last_name"].Text, form.errs["last_name"].Visible())
			}
			if got := deskSays(f); strings.Contains(got, "Jeanne") {
				t.Errorf("the desk says %q", got)
			}
			form.leave() // closed, what was typed not asked about
			waitIdle(t, f.e.tasks)
		})
	}
	// The form complete, the last name typed fast: not registered on that
	// Enter (it may have been a scanner's, of a code nobody has), but on
	// the next.
	form := f.openEmptyWalkIn(t)
	test.Type(form.firstName, "Nour")
	c.Focus(form.lastName)
	typeInWindow(c, "Jeanne\n")
	waitIdle(t, f.e.tasks)
	if form.closed || !form.message.Visible() || !strings.Contains(form.message.Text, "Press Enter again") {
		t.Fatalf("closed %v, the form says %q", form.closed, form.message.Text)
	}
	if after, _ := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{}); len(after) != len(before) {
		t.Fatalf("%d people, were %d", len(after), len(before))
	}
	time.Sleep(2 * scanGap) // a person's Enter, after reading
	form.lastName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the walk-in to be registered", f.e.tasks, func() bool {
		rows, _ := f.st.ListParticipants(context.Background(), data.ParticipantQuery{Search: "Nour"})
		for _, r := range rows {
			if r.LastName == "Jeanne" {
				return true
			}
		}
		return false
	})
	waitIdle(t, f.e.tasks)
}

// deskSays is what the desk's banner says.
func deskSays(f *deskFixture) string {
	lines, _ := bannerLines(f.s.card.result)
	return strings.Join(lines, " ")
}

// TestWalkInMessageKeepsItsSizeWhileTyping (issue 19): the walk-in form
// keeps a message's words while the same fault is typed on, as the
// participant form does (TestParticipantFormMessageKeepsItsSizeWhileTyping):
// the message quotes the email checked, and rewritten at each key it grew
// to two lines and pushed the form's buttons down, off a 1024×600 screen.
// Another fault gets its own message; the fault corrected, it goes.
func TestWalkInMessageKeepsItsSizeWhileTyping(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			f := deskFitsIn(t, language)
			form := f.openEmptyWalkIn(t)
			test.Type(form.firstName, "Ana")
			test.Type(form.lastName, "Lima")
			test.Type(form.email, "pas-un-email")
			test.Tap(form.submit)
			waitIdle(t, f.e.tasks)
			msg := form.errs["email"]
			shown := msg.Text
			// what is wrong, without quoting the value, which would go stale
			if !msg.Visible() || strings.Contains(shown, "pas-un-email") || !strings.Contains(shown, map[string]string{"en": "not a valid email", "fr": "pas une adresse e-mail valide"}[language]) {
				t.Fatalf("under the email: %v %q", msg.Visible(), shown)
			}
			top := f.e.win.Canvas().Overlays().Top()
			relayoutAll(top)
			d := fyne.CurrentApp().Driver()
			submit := d.AbsolutePositionForObject(form.submit)

			test.Type(form.email, ".une-adresse-bien-trop-longue-pour-tenir-sur-une-ligne-de-message-sous-le-champ")
			relayoutAll(top)
			if msg.Text != shown || !msg.Visible() {
				t.Errorf("while typing, the message became %q (visible %v)", msg.Text, msg.Visible())
			}
			if got := d.AbsolutePositionForObject(form.submit); got != submit {
				t.Errorf("the form's button moved from %v to %v while the email was typed", submit, got)
			}
			if bottom := d.AbsolutePositionForObject(form.submit).Y + form.submit.Size().Height; bottom > deskSmallWindow.Height-deskMenuBar {
				t.Errorf("the form's button ends at y=%v, below the window", bottom)
			}

			// "Paid now" with no fee: data's fault, with its own code, under
			// the fee; kept while the fee stays nothing, gone once there is one.
			form.fee.SetText("0")
			form.paidNow.SetChecked(true)
			test.Tap(form.submit)
			waitIdle(t, f.e.tasks)
			fee := form.errs["fee"]
			want := data.Message(data.ErrWalkInPaidNoFee, language)
			if !fee.Visible() || fee.Text != want {
				t.Fatalf("under the fee: %v %q, want %q", fee.Visible(), fee.Text, want)
			}
			form.fee.SetText("0,00")
			if !fee.Visible() || fee.Text != want {
				t.Errorf("still no fee: %v %q", fee.Visible(), fee.Text)
			}
			form.fee.SetText("1x") // another fault: its own message
			if !fee.Visible() || fee.Text == want || !strings.Contains(fee.Text, map[string]string{"en": "not an amount in euros", "fr": "pas un montant en euros"}[language]) {
				t.Errorf("a fee that is no amount: %v %q", fee.Visible(), fee.Text)
			}
			form.fee.SetText("12")
			if fee.Visible() {
				t.Errorf("a fee to pay: the message stays, %q", fee.Text)
			}
			form.email.SetText("ana.lima@example.org")
			if msg.Visible() {
				t.Error("the message stays once the email is right")
			}
		})
	}
}
