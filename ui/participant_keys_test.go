package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// ptKey types a key on the window's canvas as the driver does: to the
// widget with the focus, else to the window's handler.
func ptKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestParticipantFormShowsEveryErrorAtOnce(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.email, "leon-at-example.org")
	test.Type(f.fee, "12 dollars")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)

	want := []string{"first_name", "last_name", "email", "fee"}
	for name, l := range f.errs {
		if shown := l.Visible(); shown != slicesContains(want, name) {
			t.Errorf("the message under %s is shown: %v (%q)", name, shown, l.Text)
		}
	}
	if got := f.errs["email"].Text; got != "This is not a valid email address: write it as name@example.org." {
		t.Errorf("under the email: %q", got)
	}
	if e.win.Canvas().Focused() != f.firstName {
		t.Errorf("the first field at fault does not have the focus")
	}

	t.Run("EachClearsWhenCorrected", func(t *testing.T) {
		test.Type(f.firstName, "Léon")
		if f.errs["first_name"].Visible() || !f.errs["last_name"].Visible() || !f.errs["email"].Visible() {
			t.Fatalf("after typing a first name: first %v, last %v, email %v",
				f.errs["first_name"].Visible(), f.errs["last_name"].Visible(), f.errs["email"].Visible())
		}
		f.email.SetText("leon@example.org")
		if f.errs["email"].Visible() || !f.errs["fee"].Visible() {
			t.Fatalf("after correcting the email: email %v, fee %v", f.errs["email"].Visible(), f.errs["fee"].Visible())
		}
		f.fee.SetText("12")
		f.lastName.SetText("Marchal")
		for name, l := range f.errs {
			if l.Visible() {
				t.Errorf("still a message under %s: %q", name, l.Text)
			}
		}
	})

	t.Run("EnterSaves", func(t *testing.T) {
		e.win.Canvas().Focus(f.lastName)
		ptKey(e.win.Canvas(), fyne.KeyReturn)
		waitIdle(t, e.tasks)
		if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "leon@example.org"}); len(ids) != 1 {
			t.Fatalf("Enter saved %d Léon Marchal, want 1", len(ids))
		}
		if e.win.Canvas().Overlays().Top() != nil {
			t.Errorf("the form is still open")
		}
	})
}

func TestParticipantFormCtrlEnterInNotes(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	f, _ := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Zoé")
	test.Type(f.lastName, "Quintard")
	e.win.Canvas().Focus(f.notes)
	test.Type(f.notes, "Arrive")
	ptKey(e.win.Canvas(), fyne.KeyReturn) // a new line
	test.Type(f.notes, "tard")
	waitIdle(t, e.tasks)
	if len(ptStoreIDs(t, st, data.ParticipantQuery{Search: "quintard"})) != 0 || f.notes.Text != "Arrive\ntard" {
		t.Fatalf("Enter in the notes saved, or the notes read %q", f.notes.Text)
	}
	f.notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "quintard"})
	if len(ids) != 1 {
		t.Fatalf("Ctrl+Enter saved %d Quintard, want 1", len(ids))
	}
	if p, _ := st.Participant(context.Background(), ids[0]); p.Notes != "Arrive\ntard" {
		t.Errorf("notes saved: %q", p.Notes)
	}
}

// At 1366×768 (a window of about 1366×700 inside the screen's bars) the
// form fits, its last field can be scrolled to, and the wheel scrolls it
// even over a text field.
func TestParticipantFormSmallScreen(t *testing.T) {
	_, e, s := newParticipantsTest(t, 20)
	e.win.Resize(fyne.NewSize(1366, 700))
	f, top := ptOpenNewForm(t, e, s)
	c := e.win.Canvas()
	drv := fyne.CurrentApp().Driver()
	save := ptFindButton(t, top, "Save")
	if pos := drv.AbsolutePositionForObject(save); pos.Y+save.Size().Height > c.Size().Height {
		t.Fatalf("Save is at %v, below the window (%v)", pos, c.Size())
	}
	scroll := ptFind[*container.Scroll](top)[0]
	at := drv.AbsolutePositionForObject(f.firstName).AddXY(20, 10)
	test.Scroll(c, at, 0, -120)
	if scroll.Offset.Y <= 0 {
		t.Fatalf("the wheel over the first name did not scroll the form")
	}
	scroll.ScrollToBottom()
	notes := drv.AbsolutePositionForObject(f.notes)
	view := drv.AbsolutePositionForObject(scroll)
	if notes.Y < view.Y || notes.Y+f.notes.Size().Height > view.Y+scroll.Size().Height+1 {
		t.Errorf("the notes (%v, %v) are not within the form's view (%v, %v)", notes, f.notes.Size(), view, scroll.Size())
	}
}

func TestParticipantsSearchKeys(t *testing.T) {
	_, e, s := newParticipantsTest(t, 60)
	c := e.win.Canvas()
	s.focusSearch()
	ptKey(c, fyne.KeyDown)
	waitIdle(t, e.tasks)
	if c.Focused() != s.table.table || s.detail.id != s.table.rows.ids[0] {
		t.Fatalf("↓ in the search: focus on %T, detail of %d", c.Focused(), s.detail.id)
	}
	if !s.table.table.ring.Shown() {
		t.Errorf("the list does not show it has the keyboard")
	}
	ptKey(c, fyne.KeyDown)
	ptKey(c, fyne.KeyReturn)
	ptTopDialog(t, e, "First name")
	if s.form == nil || s.form.p.ID != s.table.rows.ids[1] {
		t.Fatalf("Enter in the list did not open row 1")
	}
	ptKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc did not close the form")
	}

	t.Run("EnterInTheSearchOpensTheFirst", func(t *testing.T) {
		line, _ := s.table.rows.row(5)
		s.focusSearch()
		test.Type(s.search, line.cells[pcolName])
		ptKey(c, fyne.KeyReturn) // before the search has run: it waits its turn
		ptTopDialog(t, e, "First name")
		if s.form.p.ID != line.id {
			t.Fatalf("Enter in the search opened %d, want %d (%s)", s.form.p.ID, line.id, line.cells[pcolName])
		}
		ptKey(c, fyne.KeyEscape)
	})
}

func TestParticipantsClearFiltersClearsSearch(t *testing.T) {
	_, e, s := newParticipantsTest(t, 60)
	s.filters.status.SetSelected("Confirmed")
	test.Type(s.search, "ma")
	waitIdle(t, e.tasks)
	if n := len(s.table.rows.ids); n == 0 || n == 60 {
		t.Fatalf("searching and filtering lists %d", n)
	}
	test.Tap(s.filters.reset)
	waitIdle(t, e.tasks)
	if s.search.Text != "" || len(s.table.rows.ids) != 60 || s.filters.status.SelectedIndex() != 0 {
		t.Fatalf("after ✕: search %q, %d listed", s.search.Text, len(s.table.rows.ids))
	}
}

// Info and error dialogs close with Enter, and with Esc, as the window's
// keys reach them.
func TestNoticesCloseWithEnterAndEsc(t *testing.T) {
	test.NewTempApp(t)
	e := newTestEnv(t)
	c := e.win.Canvas()
	c.SetOnTypedKey(handleEscape(c))
	e.win.Resize(fyne.NewSize(800, 600))
	for _, tc := range []struct {
		name string
		show func()
		key  fyne.KeyName
	}{
		{"ErrorEnter", func() { showError(e.win, data.ErrEmailInvalid.With("x")) }, fyne.KeyReturn},
		{"ErrorEsc", func() { showError(e.win, errors.New("boom")) }, fyne.KeyEscape},
		{"NoticeEnter", func() { showNotice(e.win, "Copy saved", "Saved.") }, fyne.KeyEnter},
		{"NoticeEsc", func() { showNotice(e.win, "Copy saved", "Saved.") }, fyne.KeyEscape},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.show()
			waitFor(t, "the dialog", e.tasks, func() bool { return c.Overlays().Top() != nil })
			ptKey(c, tc.key)
			if top := c.Overlays().Top(); top != nil && top.Visible() {
				t.Fatalf("%s did not close the dialog", tc.key)
			}
		})
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Esc closes the form wherever the keyboard is in it.
func TestParticipantFormEscFromAnyField(t *testing.T) {
	_, e, s := newParticipantsTest(t, 20)
	c := e.win.Canvas()
	c.SetOnTypedKey(handleEscape(c))
	for _, field := range []func(f *participantForm) fyne.Focusable{
		func(f *participantForm) fyne.Focusable { return f.email },
		func(f *participantForm) fyne.Focusable { return f.category },
		func(f *participantForm) fyne.Focusable { return f.status },
		func(f *participantForm) fyne.Focusable { return f.paid },
		func(f *participantForm) fyne.Focusable { return f.consent },
		func(f *participantForm) fyne.Focusable { return f.notes },
	} {
		f, _ := ptOpenNewForm(t, e, s)
		fo := field(f)
		c.Focus(fo)
		ptKey(c, fyne.KeyEscape)
		if top := c.Overlays().Top(); top != nil && top.Visible() {
			t.Fatalf("Esc with the focus on a %T did not close the form", fo)
		}
	}
}

// The About box and the import's report close with Enter and Esc too.
func TestInfoDialogsCloseWithEnter(t *testing.T) {
	u := newTestUI(t)
	c := u.win.Canvas()
	c.SetOnTypedKey(handleEscape(c))
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		u.onAbout()
		if c.Overlays().Top() == nil {
			t.Fatal("no About box")
		}
		ptKey(c, key)
		if top := c.Overlays().Top(); top != nil && top.Visible() {
			t.Fatalf("%s did not close the About box", key)
		}
	}
}
