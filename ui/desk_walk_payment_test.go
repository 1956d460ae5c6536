package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The amount offered is selected: the volunteer who types the amount
// replaces it ("40" records 40 €, not "40,0040", which is none).
func TestDeskPaymentTypedReplacesOffer(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	pd := f.openPayment(t, who)
	if pd.amount.SelectedText() != feeCentsText(who.FeeCents) {
		t.Fatalf("the amount offered %q is not selected (selected: %q)", pd.amount.Text, pd.amount.SelectedText())
	}
	f.typeKeys(t, "25", 300*time.Millisecond, fyne.KeyReturn)
	if f.e.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog is still open: %q (amount %q)", pd.message.Text, pd.amount.Text)
	}
	if list := f.payments(t, who.ID); len(list) != 1 || list[0].AmountCents != 2500 {
		t.Fatalf("payments %+v, want one of 25 €", list)
	}
}

// A code scanned into the dialog whose first key the window let come
// alone, a little ahead of the others: the whole code is quoted, and none
// of it stays in the amount, which gets back the fee, selected.
func TestDeskPaymentScanFirstKeyAhead(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	other := f.person(t, "", who.ID)
	pd := f.openPayment(t, who)
	at := time.Now()
	steps := []time.Duration{0, 90 * time.Millisecond} // the first key, then the burst
	i := 0
	f.s.payment.now = func() time.Time {
		if i < len(steps) {
			at = at.Add(steps[i])
		} else {
			at = at.Add(time.Millisecond)
		}
		i++
		return at
	}
	for _, r := range other.Code {
		pd.amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(strings.ToUpper(string(r)))})
		pd.amount.TypedRune(r)
	}
	pd.amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if !strings.Contains(pd.message.Text, "“"+other.Code+"” was a badge scan") {
		t.Errorf("the dialog says %q, want the whole code %q quoted", pd.message.Text, other.Code)
	}
	if pd.amount.Text != feeCentsText(who.FeeCents) || pd.amount.SelectedText() != pd.amount.Text {
		t.Errorf("the amount reads %q (selected %q) after the scan", pd.amount.Text, pd.amount.SelectedText())
	}
	if len(f.payments(t, who.ID)) != 0 {
		t.Fatal("the scan recorded a payment")
	}
}

// A payment recorded for someone not checked in yet is said in the
// banner's neutral colours, not in the green that means "checked in";
// Enter then checks them in, in green.
func TestDeskPaymentBannerNotGreen(t *testing.T) {
	f := newDeskFixture(t)
	who := f.owing(t)
	f.openPayment(t, who)
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if len(f.payments(t, who.ID)) != 1 {
		t.Fatal("the payment was not recorded")
	}
	b := f.s.card.result
	if bg, _ := b.colours(); !strings.Contains(b.Text, "paid") || b.Importance == widget.SuccessImportance || bg == bannerGreen {
		t.Fatalf("the banner reads %q in %v, want the payment not in green", b.Text, b.Importance)
	}
	if f.arrivals(t, who.ID) != 0 {
		t.Fatal("paying checked the person in")
	}
	f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, who.ID) != 1 || b.Importance != widget.SuccessImportance {
		t.Fatalf("Enter: %d arrivals, banner %q in %v", f.arrivals(t, who.ID), b.Text, b.Importance)
	}
}
