package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestCategoryBadgeInCapitals (issue 19): the badge label's hint says
// "The name, in capitals", and a new category's label was its name as
// typed ("Sponsor"). Now the label follows the name in capitals as it is
// typed, is saved so even if emptied, and a label the organiser writes is
// kept as written; an existing category's label that is its name in
// capitals follows a renaming the same way. A script without capitals
// keeps the name as it is.
func TestCategoryBadgeInCapitals(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	cs := s.categorySettings
	ctx := context.Background()
	save := func() data.Category {
		t.Helper()
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if msg := cs.form.errs.text(""); msg != "" {
			t.Fatalf("not saved: %s", msg)
		}
		got, err := st.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range got {
			if c.Name == cs.form.name.Text {
				return c
			}
		}
		t.Fatalf("%q not saved", cs.form.name.Text)
		return data.Category{}
	}

	t.Run("NewFollowsTheName", func(t *testing.T) {
		cs.onAddTapped()
		test.Type(cs.form.name, "Sponsor éco")
		if got := cs.form.badge.Text; got != "SPONSOR ÉCO" {
			t.Errorf("while typing the name, the badge label reads %q", got)
		}
		if c := save(); c.BadgeLabel != "SPONSOR ÉCO" {
			t.Errorf("saved the label %q", c.BadgeLabel)
		}
	})
	t.Run("OwnLabelKeptAsWritten", func(t *testing.T) {
		cs.onAddTapped()
		test.Type(cs.form.badge, "Mécène")
		test.Type(cs.form.name, "Fondation")
		if c := save(); c.BadgeLabel != "Mécène" {
			t.Errorf("saved the label %q, want the one written", c.BadgeLabel)
		}
	})
	t.Run("EmptiedIsTheNameInCapitals", func(t *testing.T) {
		cs.onAddTapped()
		test.Type(cs.form.name, "Invité·e")
		cs.form.badge.SetText("")
		if c := save(); c.BadgeLabel != "INVITÉ·E" {
			t.Errorf("saved the label %q", c.BadgeLabel)
		}
	})
	t.Run("ScriptWithoutCapitals", func(t *testing.T) {
		cs.onAddTapped()
		test.Type(cs.form.name, "新闻")
		if c := save(); c.BadgeLabel != "新闻" {
			t.Errorf("saved the label %q", c.BadgeLabel)
		}
	})
	t.Run("RenamedExisting", func(t *testing.T) {
		cats, _ := st.Categories(ctx)
		seen := 0
		for i, c := range cats {
			if c.Name != "Presse" && c.Name != "Partenaire ESS" {
				continue
			}
			seen++
			cs.onCategorySelected(i)
			cs.form.name.SetText("")
			test.Type(cs.form.name, "Nouveau nom "+c.Name)
			want := "NOUVEAU NOM PRESSE" // followed the name
			if c.Name == "Partenaire ESS" {
				want = "PARTENAIRE" // the organiser's own
			}
			if got := save(); got.BadgeLabel != want {
				t.Errorf("%q renamed: label %q, want %q", c.Name, got.BadgeLabel, want)
			}
		}
		if seen != 2 {
			t.Errorf("%d of the demo's Presse and Partenaire ESS", seen)
		}
	})
}
