package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// newPrintingDeskAt is the desk on a demo congress at the time at, with a
// badge printer: lp when lp is true, else no lp and no PDF viewer.
func newPrintingDeskAt(t *testing.T, at time.Time, lp bool) (*deskFixture, *time.Time) {
	t.Helper()
	return newPrintingDeskOn(t, at, lp, demoOnFile)
}

// newPrintingDeskOn is newPrintingDeskAt on the demo congress that open
// gives: a file, or a copy on the test server.
func newPrintingDeskOn(t *testing.T, at time.Time, lp bool, open deskOpen) (*deskFixture, *time.Time) {
	t.Helper()
	f, now := newDeskBase(t, at, lp, open)
	f.s = newDeskScreen(f.e, deskStoreFor(f.e.ctx, f.st), f.prefs, newBadgePrinter(f.e, f.st, f.prefs))
	f.s.now = func() time.Time { return *now }
	f.e.win.SetContent(f.s.build())
	f.e.win.Resize(fyne.NewSize(1100, 700))
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	return f, now
}

// newDeskBase is what a desk under test stands on, without its screen: the
// app and its preferences, the demo congress that open gives with its
// clock at at, the window, and a badge printer (lp when lp is true, else no
// lp and no PDF viewer).
func newDeskBase(t *testing.T, at time.Time, lp bool, open deskOpen) (*deskFixture, *time.Time) {
	t.Helper()
	now := at
	f := &deskFixture{fake: newFakePrinting(t, lp)}
	if !lp {
		useOpener(t, []string{filepath.Join(t.TempDir(), "absent")}, time.Second)
	}
	f.a = test.NewTempApp(t)
	f.prefs = f.a.Preferences()
	f.prefs.SetString(prefDeskName, "Desk 2")
	f.prefs.SetString(prefBadgeLayoutOne, "label-62x100")
	f.prefs.SetString(prefPrinter, "Brother_QL")
	f.st = open(t, 60)
	f.st.SetClock(func() time.Time { return now })
	f.e = newTestEnv(t)
	return f, &now
}

// printed is how many badge prints the file records for the person.
func (f *deskFixture) printed(t *testing.T, id int64) int {
	t.Helper()
	n, err := f.st.CountBadgePrinted(context.Background(), []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// unprinted is someone the desk checks in without a warning and whose
// badge was never printed.
func (f *deskFixture) unprinted(t *testing.T) data.Participant {
	t.Helper()
	var skip []int64
	for {
		p := f.person(t, "", skip...)
		if f.printed(t, p.ID) == 0 {
			return p
		}
		skip = append(skip, p.ID)
	}
}

// askAlreadyPrinted scans someone whose badge is not printed, prints it
// (which asks nothing), then asks to print it again: it returns them and
// the question "already has a badge", on top.
func (f *deskFixture) askAlreadyPrinted(t *testing.T, clock *time.Time) (data.Participant, fyne.CanvasObject) {
	t.Helper()
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped() // the first print asks nothing
	waitIdle(t, f.e.tasks)
	f.s.onPrintBadgeTapped()
	return who, ptTopDialog(t, f.e, "already has a badge")
}

// TestDeskRehearsalBadgePrint: a badge printed at the desk during the
// rehearsal goes to the printer but is not recorded, so that the badge
// still counts as never printed and its real print asks nothing; the desk
// says so. On a congress day the same print is recorded.
func TestDeskRehearsalBadgePrint(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskEvening, true)
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	if f.s.shown == nil || !f.s.shown.Rehearsal {
		t.Fatalf("card %+v, want a rehearsal's", f.s.shown)
	}
	for i := 1; i <= 2; i++ { // the second print asks nothing either
		f.s.onPrintBadgeTapped()
		waitIdle(t, f.e.tasks)
		if top := f.e.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("print %d asked %q", i, test.RenderObjectToMarkup(top))
		}
		if n := len(f.fake.lpCalls()); n != i {
			t.Fatalf("print %d: lp ran %d times", i, n)
		}
		if n := f.printed(t, who.ID); n != 0 {
			t.Fatalf("print %d: %d badge prints recorded during a rehearsal", i, n)
		}
		if f.s.shown.BadgePrinted {
			t.Fatalf("print %d: the card says the badge was printed", i)
		}
		want := "Rehearsal: 1 badge sent to Brother_QL. Not recorded: a badge printed at a rehearsal does not count as printed."
		if f.s.status.Text != want {
			t.Fatalf("print %d: status %q, want %q", i, f.s.status.Text, want)
		}
	}

	t.Run("CongressDayRecords", func(t *testing.T) {
		f, clock := newPrintingDeskAt(t, deskMorning, true)
		who := f.unprinted(t)
		rescan(t, f, clock, who.Code)
		f.s.onPrintBadgeTapped()
		waitIdle(t, f.e.tasks)
		if n := f.printed(t, who.ID); n != 1 || !f.s.shown.BadgePrinted || strings.Contains(f.s.status.Text, "Rehearsal") {
			t.Fatalf("%d prints recorded, card printed %v, status %q", n, f.s.shown.BadgePrinted, f.s.status.Text)
		}
	})
}

// TestDeskBadgeNoViewerWarns: at the desk, "No PDF viewer answered…" is a
// warning, not the green of a badge printed.
func TestDeskBadgeNoViewerWarns(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, false)
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped()
	waitIdle(t, f.e.tasks)
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // the dialog that says where the badge is
	}
	if !strings.HasPrefix(f.s.status.Text, "No PDF viewer answered") || f.s.status.Importance != widget.WarningImportance ||
		!f.s.status.Visible() {
		t.Fatalf("status %q in %v (shown %v), want the no-viewer sentence as a warning",
			f.s.status.Text, f.s.status.Importance, f.s.status.Visible())
	}
}

// TestDeskBadgeNoViewerNotPrinted: Ctrl+P at the desk with no printer and
// no PDF viewer answering saves the badge but records no print: the card
// still says the badge is not printed (so `congres badges --unprinted`
// still finds the person), and the desk says it is not counted. A viewer
// that answers records the print.
func TestDeskBadgeNoViewerNotPrinted(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, false)
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped()
	waitIdle(t, f.e.tasks)
	c := f.e.win.Canvas()
	if c.Overlays().Top() == nil || c.Focused() == nil {
		t.Fatal("no dialog says where the badge is, with the keyboard")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // OK
	if c.Overlays().Top() != nil {
		t.Fatal("Enter did not close the dialog that says where the badge is")
	}
	if n := f.printed(t, who.ID); n != 0 || f.s.shown.BadgePrinted {
		t.Fatalf("%d prints recorded, card printed %v, with no viewer answering", n, f.s.shown.BadgePrinted)
	}
	if got := f.s.card.values[cardBadge].Text; got != "Not printed yet" {
		t.Errorf("the card's badge reads %q", got)
	}
	if !strings.HasSuffix(f.s.status.Text, "The badge is not counted as printed.") {
		t.Errorf("status %q does not say the badge is not counted", f.s.status.Text)
	}

	t.Run("ViewerAnswers", func(t *testing.T) {
		fakeOpener(t, "exit 0", 5*time.Second)
		f.s.onPrintBadgeTapped()
		waitIdle(t, f.e.tasks)
		if n := f.printed(t, who.ID); n != 1 || !f.s.shown.BadgePrinted {
			t.Fatalf("%d prints recorded, card printed %v, with a viewer answering", n, f.s.shown.BadgePrinted)
		}
	})
}

// TestDeskBadgeReprintKeys: the "already printed" dialog takes Enter (print
// another) and Esc (cancel) without the mouse; a badge scanned while it is
// open is no answer: the desk checks that person in, and nothing prints.
func TestDeskBadgeReprintKeys(t *testing.T) {
	f, clock := newPrintingDeskAt(t, deskMorning, true)
	who := f.unprinted(t)
	rescan(t, f, clock, who.Code)
	f.s.onPrintBadgeTapped() // the first print asks nothing
	waitIdle(t, f.e.tasks)
	if f.printed(t, who.ID) != 1 {
		t.Fatal("the first print was not recorded")
	}
	c := f.e.win.Canvas()
	ask := func() fyne.Focusable {
		t.Helper()
		f.s.onPrintBadgeTapped()
		waitIdle(t, f.e.tasks)
		top := c.Overlays().Top()
		if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "already has a badge") {
			t.Fatal("no question about the badge printed already")
		}
		if c.Focused() == nil {
			t.Fatal("nothing in the dialog has the keyboard")
		}
		return c.Focused()
	}
	ask().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	waitIdle(t, f.e.tasks)
	if c.Overlays().Top() != nil || f.printed(t, who.ID) != 1 || len(f.fake.lpCalls()) != 1 {
		t.Fatalf("Esc: dialog %v, %d prints", c.Overlays().Top() != nil, f.printed(t, who.ID))
	}

	other := f.person(t, "", who.ID)
	keys := ask()
	for _, r := range other.Code {
		keys.TypedRune(r)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, other.ID) != 1 || len(f.fake.lpCalls()) != 1 {
		t.Fatalf("a scan under the dialog: %d arrivals of %s, lp ran %d times", f.arrivals(t, other.ID), other.Code, len(f.fake.lpCalls()))
	}
	if top := c.Overlays().Top(); top != nil {
		top.Hide()
	}

	rescan(t, f, clock, who.Code)
	ask().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if c.Overlays().Top() != nil || len(f.fake.lpCalls()) != 2 {
		t.Fatalf("Enter: dialog %v, %d prints, lp ran %d times", c.Overlays().Top() != nil, f.printed(t, who.ID), len(f.fake.lpCalls()))
	}
}

// TestWalkInNoViewerNotPrinted: a walk-in registered on a laptop without
// a printer or a PDF viewer answering is checked in, their badge saved but
// not recorded as printed: the card says "Not printed yet".
func TestWalkInNoViewerNotPrinted(t *testing.T) {
	f, _ := newPrintingDeskAt(t, deskMorning, false)
	form := f.openWalkIn(t, "Nour", "Al-Khatib", "nour.alkhatib@example.org")
	form.onSubmit()
	waitIdle(t, f.e.tasks)
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // where the badge was saved
	}
	if f.s.shown == nil || f.s.shown.Participant.LastName != "Al-Khatib" {
		t.Fatalf("the card shows %+v", f.s.shown)
	}
	id := f.s.shown.Participant.ID
	if f.arrivals(t, id) != 1 {
		t.Fatal("the walk-in was not checked in")
	}
	if n := f.printed(t, id); n != 0 || f.s.shown.BadgePrinted || f.s.card.values[cardBadge].Text != "Not printed yet" {
		t.Fatalf("%d prints recorded, card printed %v reading %q", n, f.s.shown.BadgePrinted, f.s.card.values[cardBadge].Text)
	}
}
