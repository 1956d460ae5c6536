package ui

import (
	"errors"
	"testing"

	"congres/data"
)

// TestAppStartsOnTheDesk: congres desk FILE opens the file on its welcome
// desk, damaged or not (with the banner of a file only read), once; a file
// opened afterwards, and congres FILE, start on the dashboard.
func TestAppStartsOnTheDesk(t *testing.T) {
	t.Run("Desk", func(t *testing.T) {
		u := newTestUI(t)
		u.start(Start{File: demoFile(t, 20), Desk: true})
		waitIdle(t, &u.tasks)
		if u.view == nil || u.view.current != deskPage {
			t.Fatalf("congres desk FILE opened on page %v", u.view)
		}
		if u.view.content.Objects[0] != u.view.pages[deskPage].view {
			t.Error("the desk page is chosen but not shown")
		}
		// Another file opened later starts as usual.
		u.openAsync(demoFile(t, 10))
		waitIdle(t, &u.tasks)
		if u.view.current != dashboardPage {
			t.Errorf("a file opened after congres desk opened on page %d", u.view.current)
		}
	})
	t.Run("Window", func(t *testing.T) {
		u := newTestUI(t)
		u.start(Start{File: demoFile(t, 20)})
		waitIdle(t, &u.tasks)
		if u.view == nil || u.view.current != dashboardPage {
			t.Fatalf("congres FILE opened on page %v", u.view)
		}
	})
	t.Run("Damaged", func(t *testing.T) {
		u := newTestUI(t)
		u.start(Start{File: damagedDemo(t, nil), Desk: true})
		waitIdle(t, &u.tasks)
		s := u.session()
		if s == nil || !errors.Is(s.store.ReadOnly(), data.ErrDamaged) {
			t.Fatal("the damaged file is not open to be read")
		}
		if u.view.current != deskPage {
			t.Errorf("a damaged file opened by congres desk is on page %d", u.view.current)
		}
		if u.win.Content() == u.body {
			t.Error("no banner says the file is only read")
		}
	})
}
