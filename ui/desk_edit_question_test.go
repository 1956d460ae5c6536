package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestDeskScanUnderEditQuestion: a badge scanned while "Discard the
// changes?" is open over the desk's Edit form goes to the desk (the
// question has no field), which checks it in. The tester then saw the
// card change to the person scanned while the question stayed, and "Keep
// editing" edit the first person over the second one's card. As for a
// badge scanned into the form (TestDeskScanIntoEditForm), the question and
// the form close unsaved, the file keeps the first person as they were,
// and the desk shows the one scanned, its field with the keyboard; the
// person's own badge closes them too.
func TestDeskScanUnderEditQuestion(t *testing.T) { testDeskScanUnderEditQuestion(t, demoOnFile) }

func testDeskScanUnderEditQuestion(t *testing.T, open deskOpen) {
	f, ps := newDeskEditFixtureOn(t, open)
	c := f.e.win.Canvas()
	who := f.people(t, 6)
	for i, tc := range []struct {
		name string
		scan func(code string)
		own  bool // the badge of the person edited
	}{
		{"in one burst", func(code string) { typeInWindow(c, code+"\n") }, false},
		{"keys held back", func(code string) {
			typeInWindow(c, code[:3])
			time.Sleep(80 * time.Millisecond)
			typeInWindow(c, code[3:]+"\n")
		}, false},
		{"the edited person's own badge", func(code string) { typeInWindow(c, code+"\n") }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited, scanned := who[2*i], who[2*i+1]
			if tc.own {
				scanned = edited
			}
			f.openEdit(t, ps, edited)
			was := f.stored(t, edited.ID)
			before := f.arrivals(t, scanned.ID)
			typeInWindow(c, "x") // an edit of the first name
			if !escapeFromFocus(c) {
				t.Fatal("Esc closed nothing")
			}
			ptTopDialog(t, f.e, "will be lost")
			time.Sleep(formBurstPause)     // a person's pause, then the scanner
			f.s.scans.lastAt = time.Time{} // a scan of its own, not a scanner's repeat (desk_scan.go)
			tc.scan(scanned.Code)
			waitIdle(t, f.e.tasks)
			want := before + 1
			if tc.own { // checked in when scanned to open the form: already in
				want = before
			}
			if n := f.arrivals(t, scanned.ID); n != want {
				t.Fatalf("%s scanned under the question: %d arrivals; the desk says %q", scanned.Code, n, deskSays(f))
			}
			if f.s.shown == nil || f.s.shown.Participant.ID != scanned.ID {
				t.Fatalf("the card does not show %s, whose badge was scanned", scanned.FullName())
			}
			if top := c.Overlays().Top(); top != nil {
				t.Fatalf("still open over the card of %s: %q", scanned.FullName(), ptFindLabels(top))
			}
			if now := f.stored(t, edited.ID); now.FirstName != was.FirstName {
				t.Fatalf("%s saved with the first name %q", edited.FullName(), now.FirstName)
			}
			if c.Focused() != fyne.Focusable(f.s.entry) {
				t.Fatalf("%T has the keyboard, not the desk's field", c.Focused())
			}
			// Enter now is the desk's: the form does not come back.
			time.Sleep(formBurstPause)
			typeInWindow(c, "\n")
			waitIdle(t, f.e.tasks)
			if top := c.Overlays().Top(); top != nil {
				t.Fatalf("Enter brought back: %q", ptFindLabels(top))
			}
			if now := f.stored(t, edited.ID); now.FirstName != was.FirstName {
				t.Fatalf("%s saved with the first name %q", edited.FullName(), now.FirstName)
			}
		})
	}
}
