package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// windowEnter is Enter at now as the real window hands it over: the
// window's hook first (buttonKeys, catchEscape), then what has the
// keyboard, else the window's handler.
func windowEnter(c fyne.Canvas, k *buttonKeys, now time.Time) {
	ev := &fyne.KeyEvent{Name: fyne.KeyReturn}
	if k.typedEnter(ev, now) {
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if keys := c.OnTypedKey(); keys != nil {
		keys(ev)
	}
}

// windowRune is a character at now, as the real window hands it over.
func windowRune(c fyne.Canvas, k *buttonKeys, r rune, now time.Time) {
	if k.typedRune(r, now) {
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
	} else if runes := c.OnTypedRune(); runes != nil {
		runes(r)
	}
}

// tabTo moves the keyboard on, as Tab does, to the dialog's button that
// says text, and returns it.
func tabTo(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for range 20 {
		c.FocusNext()
		if b, ok := c.Focused().(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("Tab never reaches a button %q", text)
	return nil
}

// Enter on a button that Tab gave the keyboard presses that button, in
// every kind of question: No answers no, Yes yes (fyne's buttons take
// Space only; Enter did nothing). Enter with no button focused still
// does the declared default (TestConfirmationsTakeTheKeys).
func TestEnterPressesTheFocusedButton(t *testing.T) {
	for _, kind := range confirmKinds() {
		t.Run(kind.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, widget.NewLabel("window"))
			w.Resize(fyne.NewSize(1180, 700))
			c := w.Canvas()
			k := newButtonKeys(c)
			var answers []bool
			buttons := func() (dismiss, confirm string) {
				var texts []string
				for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
					if b, ok := o.(*widget.Button); ok {
						texts = append(texts, b.Text)
					}
				}
				if len(texts) != 2 {
					t.Fatalf("the question has buttons %q", texts)
				}
				return texts[0], texts[1]
			}

			kind.open(w, &answers)
			dismiss, confirm := buttons()
			tabTo(t, c, dismiss)
			windowEnter(c, k, time.Now())
			want := []bool{false}
			if kind.name == "showConfirm" {
				want = nil
			}
			if c.Overlays().Top() != nil || !slices.Equal(answers, want) {
				t.Fatalf("Enter on %q: open %v, answers %v, want %v", dismiss, c.Overlays().Top() != nil, answers, want)
			}

			answers = nil
			kind.open(w, &answers)
			tabTo(t, c, confirm)
			windowEnter(c, k, time.Now())
			if c.Overlays().Top() != nil || !slices.Equal(answers, []bool{true}) {
				t.Fatalf("Enter on %q: open %v, answers %v", confirm, c.Overlays().Top() != nil, answers)
			}
		})
	}
}

// A badge scanned while a question's Yes has the keyboard answers
// nothing: its characters and its Enter go on to the window (the desk
// checks the badge in). A person's Enter after it presses Yes.
func TestScanDoesNotPressTheFocusedButton(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1180, 700))
	c := w.Canvas()
	var typed []rune
	var keys []fyne.KeyName
	c.SetOnTypedRune(func(r rune) { typed = append(typed, r) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) })
	k := newButtonKeys(c)
	var answers []bool
	askConfirm(w, "Open this backup?", "The window will show the backup.", func(ok bool) { answers = append(answers, ok) })
	tabTo(t, c, "Yes")

	at := time.Now()
	for _, r := range "K7QX2M" {
		at = at.Add(4 * time.Millisecond) // a scanner's pace
		windowRune(c, k, r, at)
	}
	windowEnter(c, k, at.Add(4*time.Millisecond))
	if len(answers) != 0 || c.Overlays().Top() == nil {
		t.Fatalf("a scan answered the question: %v", answers)
	}
	if string(typed) != "K7QX2M" || !slices.Equal(keys, []fyne.KeyName{fyne.KeyReturn}) {
		t.Fatalf("the window had %q and %v, want the scan and its Enter", string(typed), keys)
	}

	windowEnter(c, k, at.Add(time.Second))
	if !slices.Equal(answers, []bool{true}) || c.Overlays().Top() != nil {
		t.Fatalf("a person's Enter on Yes: answers %v, open %v", answers, c.Overlays().Top() != nil)
	}
}

// Info dialogs and form dialogs: Enter on their focused button presses it.
// A form's Enter on Cancel cancels, never saves.
func TestEnterOnFocusedButtonOfInfoAndFormDialogs(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1180, 700))
	c := w.Canvas()
	k := newButtonKeys(c)

	showNotice(w, "Copy saved", "A copy of the congress was saved.")
	tabTo(t, c, "OK")
	windowEnter(c, k, time.Now())
	if top := c.Overlays().Top(); top != nil {
		t.Fatal("Enter on OK left the notice open")
	}

	var answers []bool
	name := widget.NewEntry()
	name.SetText("attendance.xlsx")
	d := dialog.NewForm("Save", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("File name", name)},
		func(ok bool) { answers = append(answers, ok) }, w)
	d.Show()
	c.Focus(name)
	tabTo(t, c, "Cancel")
	windowEnter(c, k, time.Now())
	if !slices.Equal(answers, []bool{false}) || c.Overlays().Top() != nil {
		t.Fatalf("Enter on Cancel: answers %v, open %v", answers, c.Overlays().Top() != nil)
	}
	answers = nil
	d.Show()
	tabTo(t, c, "Save")
	windowEnter(c, k, time.Now())
	if !slices.Equal(answers, []bool{true}) {
		t.Fatalf("Enter on Save: answers %v", answers)
	}
}

// windowSpace is Space as the real window hands it over: the key (the
// window's hook, then what has the keyboard), then the space it types.
func windowSpace(c fyne.Canvas, k *buttonKeys, now time.Time) {
	k.typedSpace()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	}
	windowRune(c, k, ' ', now)
}

// Space on the question's "Keep editing" goes back to the form, and types
// no space into the field that gets the keyboard back (the window sends
// the key, which presses the button, then its character).
func TestSpaceOnAQuestionTypesNothingIntoTheForm(t *testing.T) {
	_, e, s := newParticipantsTest(t, 5)
	c := e.win.Canvas()
	k := newButtonKeys(c)
	f, _ := ptOpenNewForm(t, e, s)
	test.Type(f.lastName, "Haddad")
	if !escapeFromFocus(c) {
		t.Fatal("Esc closed nothing")
	}
	ptTopDialog(t, e, "will be lost")
	tabTo(t, c, "Keep editing")
	windowSpace(c, k, time.Now())
	ptTopDialog(t, e, "First name")
	if c.Focused() != fyne.Focusable(f.lastName) || f.lastName.Text != "Haddad" {
		t.Fatalf("after Space on Keep editing: the keyboard is on %T, the last name is %q", c.Focused(), f.lastName.Text)
	}
	windowRune(c, k, 'i', time.Now())
	if f.lastName.Text != "Haddadi" {
		t.Fatalf("typing after it gives %q", f.lastName.Text)
	}
}
