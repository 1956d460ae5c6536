package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// standByNumber reads a stand from the file.
func standByNumber(t *testing.T, st *data.Store, number string) (data.Stand, bool) {
	t.Helper()
	list, err := st.Stands(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(list, func(s data.Stand) bool { return s.Number == number })
	if i < 0 {
		return data.Stand{}, false
	}
	return list[i], true
}

func TestStandForm(t *testing.T) {
	s, st, e := newTestStands(t, 60)
	ctx := context.Background()
	people, err := st.SearchParticipants(ctx, "a", 2)
	if err != nil || len(people) < 2 {
		t.Fatalf("two people to staff a stand: %d (%v)", len(people), err)
	}

	t.Run("NewStandPersists", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		if f.number.Text != "40" || f.x.Text != "7" || f.y.Text != "2" {
			t.Errorf("a new stand proposes number %q at column %s, row %s; want 40 at the first free place, 7, 2",
				f.number.Text, f.x.Text, f.y.Text)
		}
		test.Type(f.name, "Atelier du bois")
		test.Type(f.zone, "Solutions de territoire")
		test.Type(f.organisation, "Bois & Compagnie")
		f.setContact(people[0])
		f.addStaff(people[0])
		f.addStaff(people[1])
		f.addStaff(people[1]) // once is enough
		test.Tap(f.power)
		f.tables.SetText("")
		test.Type(f.tables, "3")
		f.notes.SetText("Près de l'entrée")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)

		got, ok := standByNumber(t, st, "40")
		if !ok {
			t.Fatalf("stand 40 was not saved; form says %q", f.errs.text(""))
		}
		want := data.Stand{ID: got.ID, Number: "40", Name: "Atelier du bois", Zone: "Solutions de territoire",
			Organisation: "Bois & Compagnie", OrganisationID: got.OrganisationID, ContactID: people[0].ID,
			Staff: []int64{people[0].ID, people[1].ID}, Power: true, Tables: 3, Chairs: 2, X: 6, Y: 1,
			Notes: "Près de l'entrée"}
		if !standsEqual(got, want) {
			t.Errorf("saved %+v\nwant  %+v", got, want)
		}
		if e.win.Canvas().Overlays().Top() != nil {
			t.Error("the form is still open after saving")
		}
		if len(s.plan.tiles) != 40 || s.count.Text != "40 stands" {
			t.Errorf("the screen shows %d tiles, %q", len(s.plan.tiles), s.count.Text)
		}
	})

	t.Run("DuplicateNumber", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		f.number.SetText("")
		test.Type(f.number, "12")
		test.Type(f.name, "Doublon")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		other, _ := standByNumber(t, st, "12")
		want := data.ErrStandTaken.With("12", other.Name).Message("en")
		if got := f.errs.text("number"); got != want {
			t.Errorf("under the number: %q, want %q", got, want)
		}
		if list, _ := st.Stands(ctx); len(list) != 40 {
			t.Errorf("%d stands, want 40: the duplicate was saved", len(list))
		}
		if e.win.Canvas().Overlays().Top() == nil {
			t.Error("the form closed on an error")
		}
		f.dialog.dialog.Hide()
	})

	t.Run("PositionTaken", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		test.Type(f.name, "Mal placé")
		f.x.SetText("2")
		f.y.SetText("1")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := f.errs.text("position"); !strings.Contains(got, "already taken by stand 2") {
			t.Errorf("under the position: %q", got)
		}
		if got := f.errs.text("number"); got != "" {
			t.Errorf("under the number: %q", got)
		}
		f.dialog.dialog.Hide()
	})

	t.Run("NotANumber", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		test.Type(f.name, "Stand sans chaises")
		f.chairs.SetText("deux")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := f.errs.text("chairs"); got != "Enter a whole number." {
			t.Errorf("under the chairs: %q", got)
		}
		if _, ok := standByNumber(t, st, "41"); ok {
			t.Error("saved with chairs that are not a number")
		}
		f.dialog.dialog.Hide()
	})

	t.Run("EditAndDelete", func(t *testing.T) {
		before, _ := standByNumber(t, st, "3")
		s.onRowSelected(tableCell(slices.IndexFunc(s.stands, func(x data.Stand) bool { return x.Number == "3" })))
		f := s.form
		if f.stand.ID != before.ID || f.name.Text != before.Name {
			t.Fatalf("the form shows %q, want stand 3 %q", f.name.Text, before.Name)
		}
		if len(before.Staff) == 0 {
			t.Fatal("stand 3 of the demo has no staff")
		}
		f.removeStaff(before.Staff[0])
		f.name.SetText("Stand renommé")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		after, _ := standByNumber(t, st, "3")
		if after.Name != "Stand renommé" || len(after.Staff) != len(before.Staff)-1 || after.X != before.X {
			t.Errorf("after editing: %+v", after)
		}

		s.openForm(after)
		tapDialogButton(t, e.win.Canvas(), "Delete…")
		assertDialogSays(t, e.win, "Delete this stand?")
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		if _, ok := standByNumber(t, st, "3"); ok {
			t.Error("stand 3 was not deleted")
		}
	})

	t.Run("ContactPicker", func(t *testing.T) {
		s.onNewTapped()
		f := s.form
		f.onPickContactTapped()
		search := e.win.Canvas().Focused()
		if search == nil {
			t.Fatal("the picker's search box has not the focus")
		}
		test.Type(search, people[1].LastName)
		waitIdle(t, e.tasks)
		list := findList(t, e.win)
		if list.Length() == 0 {
			t.Fatalf("no match for %q", people[1].LastName)
		}
		list.Select(0)
		if f.contact == 0 || !strings.Contains(f.contactName.Text, people[1].LastName) {
			t.Errorf("contact %d %q, want someone named %s", f.contact, f.contactName.Text, people[1].LastName)
		}
		f.dialog.dialog.Hide()
	})
}

// standsEqual compares two stands, field by field.
func standsEqual(a, b data.Stand) bool {
	return a.ID == b.ID && a.Number == b.Number && a.Name == b.Name && a.Zone == b.Zone &&
		a.Organisation == b.Organisation && a.ContactID == b.ContactID && slices.Equal(a.Staff, b.Staff) &&
		a.Power == b.Power && a.Tables == b.Tables && a.Chairs == b.Chairs && a.X == b.X && a.Y == b.Y && a.Notes == b.Notes
}

func tableCell(row int) widget.TableCellID { return widget.TableCellID{Row: row} }

// findList returns the first list of the window's top dialog.
func findList(t *testing.T, w fyne.Window) *widget.List {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widgets.List); ok {
			return &l.List
		}
	}
	t.Fatal("the dialog has no list")
	return nil
}
