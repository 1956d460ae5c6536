package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// ringShown reports whether o is a list or table of the app's, and then
// whether its focus ring shows.
func ringShown(o fyne.CanvasObject) (list, shown bool) {
	switch l := o.(type) {
	case *widgets.List:
		return true, l.Ring.Shown()
	case *categoryList:
		return true, l.Ring.Shown()
	case *rowTable:
		return true, l.ring.Shown()
	case *focusTable:
		return true, l.ring.Shown()
	}
	return false, false
}

// listsIn checks the lists and tables laid out in o: none is one of
// fyne's own (which would show no focus), Tab reaches each of them, and
// each shows its ring while it has the keyboard, and only then.
func listsIn(t *testing.T, c fyne.Canvas, where string, o fyne.CanvasObject) int {
	t.Helper()
	reached := map[fyne.Focusable]bool{}
	c.Unfocus()
	for i := 0; i < 300; i++ {
		c.FocusNext()
		f := c.Focused()
		if f == nil || reached[f] {
			break
		}
		reached[f] = true
	}
	lists := 0
	for _, obj := range shownObjects(o) {
		switch obj.(type) {
		case *widget.List, *widget.Table:
			t.Errorf("%s: a %T shows no focus (use widgets.NewList, newFocusTable or newRowTable)", where, obj)
			continue
		}
		list, _ := ringShown(obj)
		if !list {
			continue
		}
		lists++
		f := obj.(fyne.Focusable)
		if !reached[f] {
			t.Errorf("%s: Tab does not reach a %T", where, obj)
		}
		c.Focus(f)
		if _, shown := ringShown(obj); !shown {
			t.Errorf("%s: a %T with the keyboard shows no ring", where, obj)
		}
		c.Unfocus()
		if _, shown := ringShown(obj); shown {
			t.Errorf("%s: a %T without the keyboard shows its ring", where, obj)
		}
	}
	return lists
}

// Every list and table of the window shows when it has the keyboard, on
// every page and in the dialogs, and Tab reaches it (issue 19: "the focus
// is visible everywhere").
func TestEveryListShowsItsFocus(t *testing.T) {
	u := openLaptopDemo(t)
	c := u.win.Canvas()
	total := 0
	for i, p := range u.view.pages {
		u.view.show(i)
		waitIdle(t, &u.tasks)
		switch ps := p.screen.(type) {
		case *participantsScreen: // the detail's tables too
			ps.bulk.show(ps.table.rows.ids[1])
			waitIdle(t, &u.tasks)
		case *programmeScreen: // the list view, and a session's page
			ps.onViewChosen(1)
			waitIdle(t, &u.tasks)
			total += listsIn(t, c, p.title+", list", c.Content())
			ps.openSession(ps.sessions[len(ps.sessions)-1].ID)
			waitIdle(t, &u.tasks)
			total += listsIn(t, c, p.title+", a session", c.Content())
			ps.closePage()
			ps.onViewChosen(0)
			waitIdle(t, &u.tasks)
		}
		total += listsIn(t, c, p.title, c.Content())
	}
	for _, d := range escapeDialogs(t) {
		d.open(u)
		waitIdle(t, &u.tasks)
		if top := c.Overlays().Top(); top != nil {
			total += listsIn(t, c, d.name, top)
		}
		dismissAll(c)
	}
	if total < 8 {
		t.Errorf("only %d lists found", total)
	}
	t.Log(fmt.Sprint(total, " lists and tables"))
}

// Enter opens the row the keyboard is on, in a list as in a table, as a
// double click does.
func TestEnterOpensTheRowOfAList(t *testing.T) {
	test.NewTempApp(t)
	opened := -1
	l := widgets.NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprint(id)) })
	l.OnSelected = func(id widget.ListItemID) { opened = id }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 200))
	w.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != 1 {
		t.Fatalf("Enter opened row %d, want 1", opened)
	}
	tbl := newFocusTable(func() (int, int) { return 3, 2 }, newCellLabel, func(widget.TableCellID, fyne.CanvasObject) {})
	cell := widget.TableCellID{Row: -1}
	tbl.OnSelected = func(id widget.TableCellID) { cell = id }
	w.SetContent(tbl)
	w.Canvas().Focus(tbl)
	tbl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	tbl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if cell.Row != 1 {
		t.Fatalf("Enter in a table opened row %d, want 1", cell.Row)
	}
}

// openLaptopDemo is the window, at a laptop's size, on a demo congress of
// 40 people with the screenshots' saved lists, once it is shown.
func openLaptopDemo(t *testing.T) *ui {
	t.Helper()
	u := newTestUI(t)
	u.win.Resize(laptopWindow)
	path := demoFile(t, 40)
	addScreenshotLists(t, path)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	if u.view == nil {
		t.Fatal("the demo did not open")
	}
	return u
}
