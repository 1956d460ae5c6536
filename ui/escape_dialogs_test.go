package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// escapeDialog is a dialog of the app that Esc must close.
type escapeDialog struct {
	name string
	open func(u *ui)
}

// escapeDialogs opens one dialog of each kind from each screen: forms with
// text fields, drop-downs, tick boxes, radio groups, lists and their own
// buttons, confirmations, notices.
func escapeDialogs(t *testing.T) []escapeDialog {
	return []escapeDialog{
		{"participant form", func(u *ui) { u.view.show(participantsPage).(*participantsScreen).newParticipant() }},
		{"change category", func(u *ui) {
			s := u.view.show(participantsPage).(*participantsScreen)
			waitIdle(t, &u.tasks)
			s.bulk.pickOnly(s.table.rows.ids[0])
			s.bulk.onCategoryTapped()
		}},
		{"change status", func(u *ui) {
			s := u.view.show(participantsPage).(*participantsScreen)
			waitIdle(t, &u.tasks)
			s.bulk.pickOnly(s.table.rows.ids[0])
			s.bulk.onStatusTapped()
		}},
		{"enrol in a session", func(u *ui) {
			s := u.view.show(participantsPage).(*participantsScreen)
			waitIdle(t, &u.tasks)
			s.bulk.pickOnly(s.table.rows.ids[0])
			s.bulk.onEnrolTapped()
		}},
		{"session form", func(u *ui) { u.view.show(programmePage).(*programmeScreen).onNewTapped() }},
		{"stand form", func(u *ui) { u.view.show(standsPage).(*standsScreen).onNewTapped() }},
		{"list form", func(u *ui) {
			s := u.view.show(exportsPage).(*exportsScreen)
			waitIdle(t, &u.tasks)
			s.tabs.SelectIndex(listsTab)
			s.lists.onEditTapped()
		}},
		{"category form", func(u *ui) { u.view.show(settingsPage).(*settingsScreen).onAddTapped() }},
		{"delete a category", func(u *ui) {
			s := u.view.show(settingsPage).(*settingsScreen)
			waitIdle(t, &u.tasks)
			s.onDeleteTapped(s.categories[len(s.categories)-1])
		}},
		{"room form", func(u *ui) { u.view.show(settingsPage).(*settingsScreen).rooms.onAddTapped() }},
		{"walk-in", func(u *ui) { u.view.show(deskPage).(*deskScreen).onWalkInTapped() }},
		{"new congress", func(u *ui) { u.onNew() }},
		{"backup chooser", func(u *ui) {
			backupChooser(u.win, []data.BackupInfo{{Path: "a"}, {Path: "b"}}, func(string) { t.Error("Esc restored a backup") })
		}},
		{"notice", func(u *ui) { showNotice(u.win, "Notice", "Something happened.") }},
		{"fyne's confirmation", func(u *ui) { dialog.ShowConfirm("Sure?", "Really?", func(bool) {}, u.win) }},
	}
}

// focusables lists what the keyboard can reach in the dialog on top, in
// the order Tab goes.
func focusables(c fyne.Canvas) []fyne.Focusable {
	var found []fyne.Focusable
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		f, ok := o.(fyne.Focusable)
		if !ok || !o.Visible() {
			continue
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		found = append(found, f)
	}
	return found
}

// congressState is what a dialog could have saved.
func congressState(t *testing.T, u *ui) string {
	t.Helper()
	st, ok := u.cur.store.(*data.Store)
	if !ok {
		t.Fatalf("the store is a %T", u.cur.store)
	}
	ctx := context.Background()
	people, err1 := st.ListParticipants(ctx, data.ParticipantQuery{})
	cats, err2 := st.Categories(ctx)
	rooms, err3 := st.Rooms(ctx)
	sessions, err4 := st.Sessions(ctx)
	stands, err5 := st.Stands(ctx)
	presets, err6 := st.ListPresets(ctx)
	for _, err := range []error{err1, err2, err3, err4, err5, err6} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprint(people, cats, rooms, sessions, stands, presets)
}

// Esc closes every dialog, whatever widget has the keyboard in it (a
// text field, a drop-down, a tick box, a radio item, a list, a button of
// the dialog's own), as its Cancel does: nothing is saved (issue 19).
// In the real window Esc reaches escapeFromFocus before the focused
// widget (catchEscape); here the test hands it over as the window does.
func TestEscapeClosesEveryDialogWhereverTheFocusIs(t *testing.T) {
	u := openLaptopDemo(t)
	c := u.win.Canvas()
	before := congressState(t, u)
	kinds := map[string]bool{}
	for _, d := range escapeDialogs(t) {
		t.Run(d.name, func(t *testing.T) {
			d.open(u)
			waitIdle(t, &u.tasks)
			if c.Overlays().Top() == nil {
				t.Fatal("no dialog")
			}
			// Esc is taken by what has the keyboard's kind (escapeFromFocus):
			// one control of each kind in each dialog is tried, the first
			// of its kind, and the dialog's last control.
			var tried []int
			seen := map[string]bool{}
			all := focusables(c)
			for i, f := range all {
				if kind := fmt.Sprintf("%T", f); !seen[kind] || i == len(all)-1 {
					seen[kind] = true
					tried = append(tried, i)
				}
			}
			dismissAll(c)
			if len(all) == 0 {
				t.Fatal("nothing to focus in the dialog")
			}
			for _, i := range tried {
				d.open(u)
				waitIdle(t, &u.tasks)
				f := focusables(c)[i]
				kinds[fmt.Sprintf("%T", f)] = true
				c.Focus(f)
				if !escapeFromFocus(c) {
					t.Errorf("Esc on a %T was not taken", f)
				}
				waitIdle(t, &u.tasks)
				if top := c.Overlays().Top(); top != nil {
					t.Errorf("Esc on a %T left the dialog open:\n%s", f, test.RenderObjectToMarkup(top))
					dismissAll(c)
				}
			}
			if now := congressState(t, u); now != before {
				t.Error("Esc saved something")
			}
		})
	}
	t.Logf("focused: %v", kinds)
	for _, kind := range []string{"*widgets.Entry", "*widget.Button", "*widgets.Select", "*widgets.Check", "*widgets.List"} {
		if !kinds[kind] {
			t.Errorf("no dialog had a %s to focus", kind)
		}
	}
}

// dismissAll closes every overlay left.
func dismissAll(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Top().Hide()
		if top := c.Overlays().Top(); top != nil {
			c.Overlays().Remove(top)
		}
	}
}

// Esc on an open drop-down closes its menu only, as in every desktop app;
// the next Esc closes the dialog.
func TestEscapeOnAnOpenDropDownClosesTheMenu(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	sel := widgets.NewSelect([]string{"a", "b"}, nil)
	closed := 0
	d := dialog.NewCustomConfirm("Edit", "Save", "Cancel", sel, func(ok bool) {
		if ok {
			t.Error("Esc saved")
		}
		closed++
	}, w)
	d.Show()
	c.Focus(sel)
	sel.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(c.Overlays().List()) != 2 {
		t.Fatalf("the menu did not open: %d overlays", len(c.Overlays().List()))
	}
	if escapeFromFocus(c) {
		t.Fatal("the window took Esc from the open menu")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // the menu has it
	if len(c.Overlays().List()) != 1 || closed != 0 {
		t.Fatalf("after Esc on the menu: %d overlays, dialog closed %d times", len(c.Overlays().List()), closed)
	}
	if !escapeFromFocus(c) || c.Overlays().Top() != nil || closed != 1 {
		t.Fatalf("the second Esc: dialog open %v, closed %d times", c.Overlays().Top() != nil, closed)
	}
}

// Esc on the desk's open chooser list (the day, the door) closes the list
// only, as on a drop-down's menu.
func TestEscapeOnAnOpenChooserClosesTheList(t *testing.T) {
	test.NewTempApp(t)
	chosen := ""
	ch := newDeskChooser(func(s string) { chosen = s }, func(rune) {}, func(*fyne.KeyEvent) {})
	ch.Options = []string{"Thursday", "Friday"}
	w := test.NewTempWindow(t, ch)
	w.Resize(fyne.NewSize(400, 300))
	c := w.Canvas()
	ch.openList()
	if !ch.isOpen() {
		t.Fatal("the list did not open")
	}
	if escapeFromFocus(c) {
		t.Fatal("the window took Esc from the open list")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // the list has it
	if ch.isOpen() || chosen != "" {
		t.Fatalf("after Esc: list open %v, chosen %q", ch.isOpen(), chosen)
	}
}
