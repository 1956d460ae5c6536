package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// confirmKind opens one kind of confirmation dialog; answers records its
// callback's answers.
type confirmKind struct {
	name string
	open func(w fyne.Window, answers *[]bool)
}

// confirmKinds are the app's confirmations as its screens ask them:
// dialog.ShowConfirm's question with Yes and No (askConfirm), one with
// its own button texts (the desk's "Clear the rehearsal?"), a dangerous
// one (the participant's Delete), and the app's showConfirm (import).
func confirmKinds() []confirmKind {
	record := func(answers *[]bool) func(bool) {
		return func(ok bool) { *answers = append(*answers, ok) }
	}
	return []confirmKind{
		{"yes or no", func(w fyne.Window, a *[]bool) {
			askConfirm(w, "Open this backup?", "The window will show the backup.", record(a))
		}},
		{"own texts", func(w fyne.Window, a *[]bool) {
			d := newConfirmation(w, "Clear the rehearsal?", "Every scan of the rehearsal is deleted.", record(a))
			d.SetConfirmText("Clear the rehearsal")
			d.SetDismissText("Cancel")
			d.Show()
		}},
		{"dangerous", func(w fyne.Window, a *[]bool) {
			d := newConfirmation(w, "Delete a participant", "Delete Ada Lovelace? This cannot be undone.", record(a))
			d.SetConfirmText("Delete")
			d.SetConfirmImportance(widget.DangerImportance)
			d.Show()
		}},
		{"showConfirm", func(w fyne.Window, a *[]bool) {
			showConfirm(w, "Leave rows out?", "2 rows will be left out.", "Import", func() { *a = append(*a, true) })
		}},
	}
}

// Every confirmation takes the keys, declared rather than guessed from
// its layout: Enter does its confirm button (the callback answers true),
// Esc its dismiss button (false, or nothing for showConfirm), from
// wherever the focus is in the dialog (issue 19).
func TestConfirmationsTakeTheKeys(t *testing.T) {
	for _, kind := range confirmKinds() {
		t.Run(kind.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, widget.NewLabel("window"))
			w.Resize(fyne.NewSize(1180, 700))
			c := w.Canvas()
			var answers []bool

			kind.open(w, &answers)
			top := c.Overlays().Top()
			if top == nil || c.Focused() == nil {
				t.Fatalf("no dialog, or nothing has the keyboard (%T)", c.Focused())
			}
			if d, ok := cancels.Load(top); !ok || d.(declared).cancel == nil {
				t.Fatal("the dialog declared no Cancel: Esc would go by a guess of its layout")
			}
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if c.Overlays().Top() != nil || !slices.Equal(answers, []bool{true}) {
				t.Fatalf("after Enter: open %v, answers %v", c.Overlays().Top() != nil, answers)
			}

			answers = nil
			kind.open(w, &answers)
			for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
				if b, ok := o.(*widget.Button); ok && b.Importance >= widget.HighImportance {
					c.Focus(b) // Esc comes from wherever the focus is
				}
			}
			if !escapeFromFocus(c) || c.Overlays().Top() != nil {
				t.Fatal("Esc did not close the dialog")
			}
			want := []bool{false}
			if kind.name == "showConfirm" {
				want = nil
			}
			if !slices.Equal(answers, want) {
				t.Fatalf("after Esc the answers are %v, want %v", answers, want)
			}
		})
	}
}

// The confirmations of the screens are answered with the keys: Esc keeps
// the category, Enter deletes it, in both languages.
func TestDeleteCategoryConfirmTakesTheKeys(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			u := openLaptopDemo(t)
			c := u.win.Canvas()
			s := u.view.show(settingsPage).(*settingsScreen)
			empty := data.Category{Name: "Nobody", BadgeLabel: "NOBODY", Colour: "#1F6FB2"}
			if err := s.store.SaveCategory(context.Background(), &empty); err != nil {
				t.Fatal(err)
			}
			s.loadAsync()
			waitIdle(t, &u.tasks)
			n := len(s.categories)
			last := s.categories[n-1]

			s.onDeleteTapped(last)
			texts := labelTexts(c.Overlays().Top())
			if !slices.ContainsFunc(texts, func(x string) bool { return len(x) > 0 }) {
				t.Fatalf("the question shows %q", texts)
			}
			if !escapeFromFocus(c) || c.Overlays().Top() != nil {
				t.Fatal("Esc did not close the question")
			}
			waitIdle(t, &u.tasks)
			if len(s.categories) != n {
				t.Fatalf("Esc deleted the category: %d left of %d", len(s.categories), n)
			}

			s.onDeleteTapped(last)
			if c.Focused() == nil {
				t.Fatal("nothing has the keyboard in the question")
			}
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			waitIdle(t, &u.tasks)
			if len(s.categories) != n-1 || slices.ContainsFunc(s.categories, func(x data.Category) bool { return x.ID == last.ID }) {
				t.Fatalf("Enter did not delete the category: %d left of %d", len(s.categories), n)
			}
		})
	}
}

// A confirmation is as wide as its message, up to 520 px: a long one is
// not squeezed into a narrow column.
func TestConfirmationWidth(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1180, 700))
	long := "Delete Céline Ben Salah (JBEBGDD)? Their places in sessions go to the people waiting. This cannot be undone."
	askConfirm(w, "Delete a participant", long, func(bool) {})
	if got := w.Canvas().Overlays().Top().(*widget.PopUp).Content.Size().Width; got < 500 {
		t.Errorf("the confirmation is %.0f px wide", got)
	}
}

// A short question stays on one row: the dialog's sides are counted.
func TestConfirmationShortMessageOnOneRow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1180, 700))
	c := newConfirmation(w, "Supprimer cette catégorie ?", "La catégorie «Bénévole» sera supprimée.", func(bool) {})
	c.Show()
	var rows []string
	for _, o := range test.LaidOutObjects(c.msg) {
		if t, ok := o.(*canvas.Text); ok {
			rows = append(rows, t.Text)
		}
	}
	if len(rows) != 1 {
		t.Errorf("the question is on %d rows: %q", len(rows), rows)
	}
}
