package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestBadgeSettingsSheet: the badges tab keeps a sheet's margins and gaps
// per layout, refuses values out of range or not numbers with a sentence
// under the field, offers no margins on a layout of one badge per page and
// no duplex on a roll of labels (saying why), and says as they are ticked
// that cut marks cannot be drawn on A6 sheets.
func TestBadgeSettingsSheet(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	b := s.badges
	ctx := context.Background()

	t.Run("RoundTrip", func(t *testing.T) {
		selectLayout(t, e, b, "a4-90x54")
		b.sheet.top.SetText("")
		test.Type(b.sheet.top, "13,5")
		b.sheet.left.SetText("15")
		b.sheet.gapX.SetText("2.5")
		b.sheet.gapY.SetText("0")
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if b.status.Text != "Saved." {
			t.Fatalf("status %q; errors %q %q", b.status.Text, b.errs.text(""), b.errs.text("margin_top"))
		}
		got, _ := st.BadgeSettings(ctx, "a4-90x54")
		if got.MarginTop != 13.5 || got.MarginLeft != 15 || got.GapX != 2.5 || got.GapY != 0 {
			t.Errorf("saved %+v", got)
		}
		selectLayout(t, e, b, "a4-85x54")
		if b.sheet.top.Text != "0" {
			t.Errorf("another layout shows a top margin of %q", b.sheet.top.Text)
		}
		selectLayout(t, e, b, "a4-90x54")
		if b.sheet.top.Text != "13.5" || b.sheet.gapX.Text != "2.5" {
			t.Errorf("read back %q, %q", b.sheet.top.Text, b.sheet.gapX.Text)
		}
	})

	t.Run("Refused", func(t *testing.T) {
		before, _ := st.BadgeSettings(ctx, "a4-90x54")
		b.sheet.gapY.SetText("60")
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if msg := b.errs.text("gap_y"); msg != "The gap between rows must be between 0 and 50 mm." {
			t.Errorf("message under the gap: %q", msg)
		}
		b.sheet.gapY.SetText("0")
		b.sheet.left.SetText("quinze")
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if msg := b.errs.text("margin_left"); !strings.Contains(msg, "millimetres") {
			t.Errorf("message under the margin: %q", msg)
		}
		if got, _ := st.BadgeSettings(ctx, "a4-90x54"); got != before {
			t.Errorf("saved despite the errors: %+v", got)
		}
	})

	t.Run("OnePerPageAndRoll", func(t *testing.T) {
		selectLayout(t, e, b, "label-62x100")
		if !b.sheet.top.Disabled() || !b.duplex.Disabled() || !b.duplexNote.Visible() ||
			!strings.Contains(b.duplexNote.Text, "roll of labels prints on one side") {
			t.Errorf("roll: margins disabled %v, duplex disabled %v, note %q", b.sheet.top.Disabled(), b.duplex.Disabled(), b.duplexNote.Text)
		}
		selectLayout(t, e, b, "card-85.6x54")
		if !b.sheet.top.Disabled() || b.duplex.Disabled() {
			t.Error("a card printer: margins offered or duplex not")
		}
	})

	t.Run("CutMarksWarning", func(t *testing.T) {
		selectLayout(t, e, b, "a4-a6")
		if b.sheet.warning.Visible() {
			t.Errorf("warning before cut marks are ticked: %q", b.sheet.warning.Text)
		}
		b.cutMarks.SetChecked(true)
		if !b.sheet.warning.Visible() || !strings.HasPrefix(b.sheet.warning.Text, "Cut marks cannot be drawn around the badges") {
			t.Errorf("warning %q", b.sheet.warning.Text)
		}
		selectLayout(t, e, b, "a4-85x54")
		b.cutMarks.SetChecked(true)
		if b.sheet.warning.Visible() {
			t.Errorf("warning on 85×54: %q", b.sheet.warning.Text)
		}
	})
}
