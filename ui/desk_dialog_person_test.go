package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestDeskDialogsKeepTheirPerson: the desk's dialogs about the person on
// the card that a scan recorded behind them leaves open name that person
// and act on them, never on the one the card shows since. "Already
// printed" (a question without a field: a badge scanned goes to the desk,
// which checks it in) still names the first person, and "Print another"
// prints their badge. The payment dialog takes a scan into its amount
// (TestDeskPaymentScanIgnored); one that the desk recorded behind it (a
// scan queued before Ctrl+M) leaves it recording the payment of the person
// it names, the card showing the one scanned.
func TestDeskDialogsKeepTheirPerson(t *testing.T) { testDeskDialogsKeepTheirPerson(t, demoOnFile) }

func testDeskDialogsKeepTheirPerson(t *testing.T, open deskOpen) {
	t.Run("Already printed", func(t *testing.T) {
		f, clock := newPrintingDeskOn(t, deskMorning, true, open)
		c := f.e.win.Canvas()
		who, top := f.askAlreadyPrinted(t, clock)
		other := f.person(t, "", who.ID)
		prints := func(id int64) int {
			t.Helper()
			list, err := f.st.BadgePrints(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		printed := prints(other.ID)
		time.Sleep(formBurstPause)
		*clock = clock.Add(5 * time.Second)
		typeInWindow(c, other.Code+"\n")
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, other.ID) != 1 || f.s.shown == nil || f.s.shown.Participant.ID != other.ID {
			t.Fatalf("%s scanned under the question: %d arrivals, the desk says %q", other.Code, f.arrivals(t, other.ID), deskSays(f))
		}
		if c.Overlays().Top() != top || !strings.Contains(strings.Join(ptFindLabels(top), " "), who.FullName()+" already has a badge") {
			t.Fatalf("the question now says %q", ptFindLabels(c.Overlays().Top()))
		}
		test.Tap(ptFindButton(t, top, "Print another"))
		waitIdle(t, f.e.tasks)
		if n := prints(who.ID); n != 2 || len(f.fake.lpCalls()) != 2 {
			t.Errorf("%s's badge printed %d times (lp ran %d times), want 2", who.FullName(), n, len(f.fake.lpCalls()))
		}
		if n := prints(other.ID); n != printed {
			t.Errorf("the badge of %s, on the card, printed %d times, were %d", other.FullName(), n, printed)
		}
		// The result is told, with whose badge it was; the card stays the
		// one scanned.
		if got := f.s.status.Text; !strings.Contains(got, "Badge of "+who.FullName()) || !f.s.status.Visible() {
			t.Errorf("the desk says %q (shown %v), not whose badge was printed", got, f.s.status.Visible())
		}
		if f.s.shown == nil || f.s.shown.Participant.ID != other.ID {
			t.Errorf("the card no longer shows %s", other.FullName())
		}
	})

	t.Run("Payment", func(t *testing.T) {
		f := newDeskFixtureOn(t, open)
		who := f.owing(t)
		other := f.person(t, "", who.ID)
		pd := f.openPayment(t, who)
		f.s.onScanned(other.Code) // the desk's queue: a scan taken before the dialog opened
		waitIdle(t, f.e.tasks)
		if f.s.shown == nil || f.s.shown.Participant.ID != other.ID || f.e.win.Canvas().Overlays().Top() == nil {
			t.Fatalf("the card shows %+v, the dialog open %v", f.s.shown, f.e.win.Canvas().Overlays().Top() != nil)
		}
		if f.e.win.Canvas().Focused() != fyne.Focusable(pd.amount) {
			t.Fatalf("%T has the keyboard, not the amount", f.e.win.Canvas().Focused())
		}
		f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn) // the volunteer's Enter
		if list := f.payments(t, who.ID); len(list) != 1 || list[0].AmountCents != who.FeeCents {
			t.Fatalf("payments of %s: %+v", who.FullName(), list)
		}
		if list := f.payments(t, other.ID); len(list) != 0 {
			t.Fatalf("payments of %s, on the card: %+v", other.FullName(), list)
		}
		if !strings.Contains(f.s.status.Text, who.FullName()+" paid") {
			t.Errorf("the desk says %q", f.s.status.Text)
		}
	})
}
