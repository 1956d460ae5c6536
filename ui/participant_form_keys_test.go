package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/ui/widgets"
)

// inView reports whether o lies within the scroll's visible part.
func inView(s *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	return y >= 0 && y+o.Size().Height <= s.Size().Height
}

// TestParticipantFormTabFollowsTheFocus: Tab through the form at 1366×768
// scrolls each field into view as it gets the keyboard, down to the photo
// consent and the notes below the part first shown; Tab leaves the notes
// instead of typing a tab into them.
func TestParticipantFormTabFollowsTheFocus(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	e.win.Resize(fyne.NewSize(1366, 768))
	f, top := ptOpenNewForm(t, e, s)
	relayoutAll(top)
	c := e.win.Canvas()
	if inView(f.scroll, f.notes) {
		t.Fatalf("the notes are in view at first (form %v): the test needs them below", f.scroll.Size())
	}
	reached := map[fyne.Focusable]bool{}
	for range 40 {
		c.FocusNext()
		fo := c.Focused()
		if fo == nil {
			t.Fatal("nothing has the keyboard")
		}
		if o, ok := fo.(fyne.CanvasObject); ok && (fo == f.consent || fo == f.notes || fo == f.fee || fo == f.accessibility) {
			relayoutAll(top)
			if !inView(f.scroll, o) {
				t.Errorf("%T has the keyboard out of view (scrolled to %v of %v)", fo, f.scroll.Offset, f.scroll.Content.Size())
			}
			reached[fo] = true
		}
		if fo == f.notes {
			break
		}
	}
	if !reached[f.consent] || !reached[f.notes] {
		t.Fatalf("Tab reached the consent %v, the notes %v", reached[f.consent], reached[f.notes])
	}
	test.Type(f.notes, "Arrive tard")
	c.FocusNext() // as Tab does: the window asks the entry first
	if f.notes.AcceptsTab() {
		t.Error("the notes keep Tab: it types a tab into them")
	}
	// Back up: the first name comes into view again.
	c.Focus(f.firstName)
	relayoutAll(top)
	if !inView(f.scroll, f.firstName) {
		t.Errorf("the first name is out of view once it has the keyboard (scrolled to %v)", f.scroll.Offset)
	}
}

// TestParticipantFormCancelAsksBeforeLosingAnEdit: Esc (or Cancel) on a
// form something was typed into asks first; Enter and Esc go back to the
// form with what was typed, where the keyboard was; Discard closes it and
// saves nothing. An untouched form closes at once.
func TestParticipantFormCancelAsksBeforeLosingAnEdit(t *testing.T) {
	st, e, s := newParticipantsTest(t, 5)
	c := e.win.Canvas()
	esc := func() { c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

	ptOpenNewForm(t, e, s)
	esc()
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("Esc on an untouched form left %T open", top)
	}

	f, _ := ptOpenNewForm(t, e, s)
	test.Type(f.lastName, "Haddad")
	c.Focus(f.email)
	test.Type(f.email, "n.haddad@example")
	esc()
	ask := ptTopDialog(t, e, "will be lost")
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: key})
		ptTopDialog(t, e, "First name")
		if f.lastName.Text != "Haddad" || f.email.Text != "n.haddad@example" {
			t.Fatalf("after %s: the form holds %q, %q", key, f.lastName.Text, f.email.Text)
		}
		if c.Focused() != f.email {
			t.Errorf("after %s the keyboard is on %T, want the email field", key, c.Focused())
		}
		esc()
		ask = ptTopDialog(t, e, "will be lost")
	}
	ptTap(t, ask, "Discard")
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("Discard left %T open", top)
	}
	if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "haddad"}); len(ids) != 0 {
		t.Errorf("Discard saved %d Haddad", len(ids))
	}
}

// TestParticipantFormMessageKeepsItsSizeWhileTyping: a message quotes the
// value saved; typing a long value, still no email, keeps it as it was, so
// it does not grow to two lines and push the fields below under the
// pointer. Another fault still gets its own message.
func TestParticipantFormMessageKeepsItsSizeWhileTyping(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	e.win.Resize(fyne.NewSize(1024, 600))
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Ana")
	test.Type(f.lastName, "Lima")
	test.Type(f.email, "pas-un-email")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	msg := f.errs["email"]
	shown := msg.Text
	// The message says what is wrong without quoting the value: a quote
	// would go stale as the value is corrected.
	if !msg.Visible() || !strings.Contains(shown, "not a valid email address") || strings.Contains(shown, "pas-un-email") {
		t.Fatalf("under the email: %q", shown)
	}
	relayoutAll(top)
	pos := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	organisation := pos(f.organisation)
	test.Type(f.email, ".une-adresse-bien-trop-longue-pour-tenir-sur-une-ligne-de-message-sous-le-champ")
	relayoutAll(top)
	if msg.Text != shown || !msg.Visible() {
		t.Errorf("while typing, the message became %q (visible %v)", msg.Text, msg.Visible())
	}
	if got := pos(f.organisation); got != organisation {
		t.Errorf("the organisation field moved from %v to %v while the email was typed", organisation, got)
	}
	f.email.SetText("ana.lima@example.org")
	if msg.Visible() {
		t.Error("the message stays once the email is right")
	}
}

// TestParticipantFormQuestionKeepsTheCursor: after "Discard the changes?"
// is answered Keep editing (Enter) or Esc, the field that had the keyboard
// has it again with its cursor where it was, in a line and in the notes'
// second line (issue 19: a tester saw it go to the start).
func TestParticipantFormQuestionKeepsTheCursor(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	c := e.win.Canvas()
	f, _ := ptOpenNewForm(t, e, s)
	test.Type(f.lastName, "Haddad")
	c.Focus(f.email)
	test.Type(f.email, "n.haddad@example.org")
	f.email.CursorColumn = len("n.haddad")
	c.Focus(f.notes)
	f.notes.SetText("Arrive tard\nPart avant la plénière")
	f.notes.CursorRow, f.notes.CursorColumn = 1, len("Part")
	for _, tc := range []struct {
		field    *widgets.Entry
		row, col int
	}{{f.notes, 1, len("Part")}, {f.email, 0, len("n.haddad")}} {
		c.Focus(tc.field)
		tc.field.CursorRow, tc.field.CursorColumn = tc.row, tc.col
		for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
			if !escapeFromFocus(c) {
				t.Fatal("Esc closed nothing")
			}
			ptTopDialog(t, e, "will be lost")
			c.Focused().TypedKey(&fyne.KeyEvent{Name: key})
			ptTopDialog(t, e, "First name")
			if c.Focused() != fyne.Focusable(tc.field) {
				t.Fatalf("after %s the keyboard is on %T", key, c.Focused())
			}
			if tc.field.CursorRow != tc.row || tc.field.CursorColumn != tc.col {
				t.Errorf("after %s the cursor is at %d,%d, want %d,%d", key, tc.field.CursorRow, tc.field.CursorColumn, tc.row, tc.col)
			}
		}
	}
}
