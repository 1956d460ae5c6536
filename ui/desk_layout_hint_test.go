package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// layoutHints counts the layout hints laid out in the desk, and those
// shown.
func layoutHints(f *deskFixture) (shown, all int) {
	for _, o := range test.LaidOutObjects(f.s.root) {
		if _, ok := o.(*deskLayoutHint); ok {
			all++
			if o.Visible() {
				shown++
			}
		}
	}
	return shown, all
}

func TestDeskLayoutHint(t *testing.T) {
	f := newDeskFixture(t)
	c := f.e.win.Canvas()
	if shown, _ := layoutHints(f); shown != 0 || f.s.layoutHint() != nil {
		t.Fatal("a layout hint before any mismatch")
	}
	f.s.onLayoutMismatch(data.USOnFrench)

	t.Run("UnderTheField", func(t *testing.T) {
		if shown, all := layoutHints(f); shown != 1 || all != 1 {
			t.Fatalf("%d hints shown of %d, want 1", shown, all)
		}
		if top := c.Overlays().Top(); top != nil {
			t.Fatal("the hint opened a dialog in the way of the next scan")
		}
		if c.Focused() != f.s.entry {
			t.Fatalf("the search field lost the keyboard to %T", c.Focused())
		}
		text := f.s.layoutHint().text.Text
		if !strings.Contains(text, "US keyboard") || !strings.Contains(text, "French (AZERTY)") {
			t.Fatal(text)
		}
		// Below the status line, above the matches.
		if y, s := f.s.layoutHint().Position().Y, f.s.status.Position().Y; y <= s {
			t.Fatalf("the hint is at y=%v, the status line at %v", y, s)
		}
	})
	t.Run("Once", func(t *testing.T) {
		f.s.onLayoutMismatch(data.USOnGerman)
		if shown, all := layoutHints(f); shown != 1 || all != 1 {
			t.Fatalf("%d hints shown of %d, want 1", shown, all)
		}
		if text := f.s.layoutHint().text.Text; !strings.Contains(text, "French") {
			t.Fatal("the hint changed:", text)
		}
	})
	t.Run("HowToSetTheScanner", func(t *testing.T) {
		how := f.s.layoutHint().how
		if how.Text != "How to set the scanner" || !how.Visible() {
			t.Fatal(how.Text)
		}
		test.Tap(how)
		top := c.Overlays().Top()
		if top == nil {
			t.Fatal("no instructions")
		}
		var text strings.Builder
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok {
				text.WriteString(l.Text + "\n")
			}
		}
		for _, want := range []string{"French (AZERTY)", "Honeywell", "Keyboard Country", "Zebra",
			"USB Country Keyboard Types", "Datalogic", "Country Mode", "Keyboard language"} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("the instructions do not say %q:\n%s", want, text.String())
			}
		}
		tapDialogButton(t, c, "Close")
		if c.Overlays().Top() != nil {
			t.Fatal("the instructions stay open")
		}
		if c.Focused() != f.s.entry {
			t.Fatalf("after the instructions, the keyboard is on %T", c.Focused())
		}
	})
	t.Run("Closed", func(t *testing.T) {
		test.Tap(f.s.layoutHint().close)
		f.s.onLayoutMismatch(data.USOnFrench)
		if shown, _ := layoutHints(f); shown != 0 {
			t.Fatal("the hint came back after it was closed")
		}
	})
}
