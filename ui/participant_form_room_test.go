package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// relayoutAll lays o out again from the top, widgets too, as the window
// does on its next frame once something was shown or hidden (the test
// canvas does not).
func relayoutAll(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayoutAll(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayoutAll(c)
		}
	}
}

// TestParticipantFormErrorsKeepTheFieldsInPlace: correcting the names,
// whose messages go, does not move the email field up under the pointer
// (a click aimed at it landed on a message, and what was typed went
// nowhere); the messages still clear as their fields are corrected.
func TestParticipantFormErrorsKeepTheFieldsInPlace(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	e.win.Resize(fyne.NewSize(1366, 768))
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.email, "abc")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	for _, name := range []string{"first_name", "last_name", "email"} {
		if !f.errs[name].Visible() {
			t.Fatalf("no message under %s", name)
		}
	}
	relayoutAll(top)
	pos := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	email, organisation := pos(f.email), pos(f.organisation)

	test.Type(f.lastName, "Testé")
	test.Type(f.firstName, "Zoé")
	relayoutAll(top)
	if f.errs["first_name"].Visible() || f.errs["last_name"].Visible() || !f.errs["email"].Visible() {
		t.Fatalf("messages shown: first name %v, last name %v, email %v", f.errs["first_name"].Visible(),
			f.errs["last_name"].Visible(), f.errs["email"].Visible())
	}
	if got := pos(f.email); got != email {
		t.Errorf("the email field moved from %v to %v as the names were corrected", email, got)
	}
	f.email.SetText("zoe@example.org")
	relayoutAll(top)
	if f.errs["email"].Visible() {
		t.Error("the email's message stays once corrected")
	}
	if got := pos(f.organisation); got != organisation {
		t.Errorf("the organisation field moved from %v to %v as the email was corrected", organisation, got)
	}
}
