package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// openWalkIn opens the walk-in form with Ctrl+N and types a person into it.
func (f *deskFixture) openWalkIn(t *testing.T, first, last, email string) *walkInForm {
	t.Helper()
	f.s.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	waitFor(t, "the walk-in form", f.e.tasks, func() bool { return f.e.win.Canvas().Overlays().Top() != nil })
	form := f.s.walkIn
	test.Type(form.firstName, first)
	test.Type(form.lastName, last)
	test.Type(form.email, email)
	return form
}

// A walk-in with the email of someone already registered is not registered
// before the volunteer chooses: the form shows who it may be, "Open" shows
// their card at the desk (to check them in), "Save anyway" registers the
// walk-in.
func TestDeskWalkInWarnsOfDuplicate(t *testing.T) {
	f := newDeskFixture(t)
	ctx := context.Background()
	var existing data.Participant
	var skip []int64
	for existing.Email == "" {
		existing = f.person(t, "", skip...)
		skip = append(skip, existing.ID)
	}
	count := func() int {
		ids, err := f.st.ParticipantIDs(ctx, data.ParticipantQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return len(ids)
	}
	all := count()

	t.Run("Opened", func(t *testing.T) {
		form := f.openWalkIn(t, "Nour", "Al-Khatib", strings.ToUpper(existing.Email))
		form.onSubmit()
		waitIdle(t, f.e.tasks)
		if !form.dups.box.Visible() {
			t.Fatal("no warning")
		}
		text := ""
		for _, l := range ptFindLabels(form.dups.box) {
			text += l + "\n"
		}
		if !strings.Contains(text, existing.FullName()+" ("+existing.Code+")") || !strings.Contains(text, "same email") {
			t.Errorf("the warning says %q", text)
		}
		if form.submit.Text != "Save anyway" {
			t.Errorf("the form's button says %q", form.submit.Text)
		}
		if n := count(); n != all {
			t.Fatalf("%d participants before the volunteer chose, want %d", n, all)
		}
		if len(f.fake.lpCalls()) != 0 || f.arrivals(t, existing.ID) != 0 {
			t.Fatal("a badge was printed or someone checked in")
		}
		test.Tap(ptFindButton(t, form.dups.box, "Open "+existing.FullName()))
		waitIdle(t, f.e.tasks)
		if f.e.win.Canvas().Overlays().Top() != nil {
			t.Fatal("the walk-in form is still open")
		}
		if f.s.shown == nil || f.s.shown.Participant.ID != existing.ID {
			t.Fatalf("the card shows %+v, want %s", f.s.shown, existing.FullName())
		}
		f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // check them in
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, existing.ID) != 1 {
			t.Fatal("Enter did not check in the person opened")
		}
		if n := count(); n != all {
			t.Fatalf("%d participants, want %d", n, all)
		}
	})

	t.Run("SavedAnyway", func(t *testing.T) {
		form := f.openWalkIn(t, "Nour", "Al-Khatib", existing.Email)
		form.onSubmit()
		waitIdle(t, f.e.tasks)
		if !form.dups.box.Visible() || count() != all {
			t.Fatal("no warning, or someone registered")
		}
		test.Tap(form.submit) // Save anyway
		waitFor(t, "the badge to be printed", f.e.tasks, func() bool { return len(f.fake.lpCalls()) == 1 })
		waitIdle(t, f.e.tasks)
		if n := count(); n != all+1 {
			t.Fatalf("%d participants after Save anyway, want %d", n, all+1)
		}
		rows, err := f.st.ListParticipants(ctx, data.ParticipantQuery{Search: "Al-Khatib"})
		if err != nil || len(rows) != 1 || f.arrivals(t, rows[0].ID) != 1 {
			t.Fatalf("the walk-in was not registered and checked in: %v, %v", rows, err)
		}
	})
}

// ptFindLabels is the text of the labels shown in o.
func ptFindLabels(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range ptFind[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}
