package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// lockDesk locks the fixture's desk with the organiser's PIN 2468.
func lockDesk(t *testing.T, f *deskFixture) *deskLock {
	t.Helper()
	lock := newDeskLock(f.e, f.st)
	f.s.lock = lock
	lock.changed = append(lock.changed, f.s.showLocked)
	lock.onScan = f.s.onScanned
	waitIdle(t, f.e.tasks)
	if err := f.st.SetDeskPIN(context.Background(), "2468"); err != nil {
		t.Fatal(err)
	}
	lock.lockAsync()
	waitIdle(t, f.e.tasks)
	if !lock.locked() {
		t.Fatal("the desk did not lock")
	}
	return lock
}

// wantPINAsked checks that the PIN dialog is open, the keyboard in it.
func wantPINAsked(t *testing.T, c fyne.Canvas, what string) {
	t.Helper()
	if _, ok := c.Focused().(*pinEntry); !ok || c.Overlays().Top() == nil {
		t.Fatalf("%s on a locked desk asked no PIN (keyboard on %T)", what, c.Focused())
	}
}

// TestDeskLockCoversTheDesksControls: on a locked desk, changing the day,
// going back to the rehearsal and clearing it ask for the organiser's PIN
// first; cancelled, nothing changes (the chooser shows the day recorded);
// the right PIN does it, the desk staying locked. The door stays free.
func TestDeskLockCoversTheDesksControls(t *testing.T) {
	f, clock := newDeskFixtureAt(t, deskEvening)
	s := f.s
	c := f.e.win.Canvas()
	who := f.people(t, 2)
	if len(s.days) < 2 {
		t.Fatalf("the demo congress has %d days", len(s.days))
	}
	// Unlocked, the evening before: real arrivals on the first day.
	s.day.SetSelectedIndex(0)
	tapDialogButton(t, c, "Record real arrivals")
	waitIdle(t, f.e.tasks)
	if s.rehearsal || s.today() != deskDay {
		t.Fatalf("rehearsal %v on %s", s.rehearsal, s.today())
	}
	lock := lockDesk(t, f)

	t.Run("DayCancelled", func(t *testing.T) {
		s.day.SetSelectedIndex(1)
		wantPINAsked(t, c, "changing the day")
		if s.day.SelectedIndex() != 0 || s.today() != deskDay {
			t.Fatalf("before the PIN, the chooser shows day %d, the desk records %s", s.day.SelectedIndex(), s.today())
		}
		tapDialogButton(t, c, "Cancel")
		waitIdle(t, f.e.tasks)
		if s.day.SelectedIndex() != 0 || s.today() != deskDay || s.rehearsal || c.Overlays().Top() != nil {
			t.Fatalf("cancelled: chooser on %d, recording %s, rehearsal %v", s.day.SelectedIndex(), s.today(), s.rehearsal)
		}
		rescan(t, f, clock, who[0].Code)
		if n := f.arrivals(t, who[0].ID); n != 1 {
			t.Fatalf("%d real arrivals on %s after the cancelled change", n, deskDay)
		}
	})
	t.Run("DayFromTheList", func(t *testing.T) {
		test.Tap(s.day) // chosen in the open list, with the arrows and Enter
		l, ok := c.Focused().(*chooserList)
		if !ok {
			t.Fatalf("the list has not the keyboard: %T", c.Focused())
		}
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		wantPINAsked(t, c, "changing the day in the list")
		tapDialogButton(t, c, "Cancel")
		waitIdle(t, f.e.tasks)
		if s.day.SelectedIndex() != 0 || s.today() != deskDay || s.day.isOpen() || c.Overlays().Top() != nil {
			t.Fatalf("cancelled: chooser on %d, recording %s, list open %v", s.day.SelectedIndex(), s.today(), s.day.isOpen())
		}
	})
	t.Run("DayWithThePIN", func(t *testing.T) {
		s.day.SetSelectedIndex(1)
		typePIN(t, c, lock, "2468", personKeys)
		waitIdle(t, f.e.tasks)
		tapDialogButton(t, c, "Record real arrivals")
		waitIdle(t, f.e.tasks)
		if s.today() != s.days[1] || s.day.SelectedIndex() != 1 || s.rehearsal || !lock.locked() {
			t.Fatalf("recording %s (chooser on %d), rehearsal %v, locked %v", s.today(), s.day.SelectedIndex(), s.rehearsal, lock.locked())
		}
	})
	t.Run("DoorStaysFree", func(t *testing.T) {
		if len(s.door.Options) < 2 {
			t.Skip("no session on the day")
		}
		s.door.SetSelectedIndex(1)
		if c.Overlays().Top() != nil || s.session == 0 {
			t.Fatalf("the door asked something (%v) or was not chosen (%d)", c.Overlays().Top() != nil, s.session)
		}
		s.door.SetSelectedIndex(0)
	})
	t.Run("BackToTheRehearsal", func(t *testing.T) {
		if !s.dayView.back.Visible() {
			t.Fatal("no Back to the rehearsal")
		}
		test.Tap(s.dayView.back)
		wantPINAsked(t, c, "Back to the rehearsal")
		tapDialogButton(t, c, "Cancel")
		waitIdle(t, f.e.tasks)
		if s.rehearsal {
			t.Fatal("cancelled, yet back to the rehearsal")
		}
		test.Tap(s.dayView.back)
		typePIN(t, c, lock, "2468", personKeys)
		waitIdle(t, f.e.tasks)
		if !s.rehearsal || !lock.locked() {
			t.Fatalf("with the PIN: rehearsal %v, locked %v", s.rehearsal, lock.locked())
		}
	})
	t.Run("ClearTheRehearsal", func(t *testing.T) {
		rescan(t, f, clock, who[1].Code)
		if _, rehearsal := f.logs(t, who[1].ID); len(rehearsal) != 1 {
			t.Fatalf("rehearsal %+v", rehearsal)
		}
		test.Tap(s.dayView.clear)
		wantPINAsked(t, c, "Clear the rehearsal")
		tapDialogButton(t, c, "Cancel")
		waitIdle(t, f.e.tasks)
		if c.Overlays().Top() != nil {
			t.Fatal("cancelled PIN, yet a dialog is open")
		}
		test.Tap(s.dayView.clear)
		typePIN(t, c, lock, "2468", personKeys)
		waitIdle(t, f.e.tasks)
		tapDialogButton(t, c, "Clear the rehearsal")
		waitIdle(t, f.e.tasks)
		if _, rehearsal := f.logs(t, who[1].ID); len(rehearsal) != 0 || !lock.locked() {
			t.Fatalf("after clearing: %+v, locked %v", rehearsal, lock.locked())
		}
	})
}

// TestDeskChooserListHandsAScanToTheDesk: a scan typed while the day's or
// the door's list is open closes the list and is checked in; the arrows
// and Enter still choose in the list.
func TestDeskChooserListHandsAScanToTheDesk(t *testing.T) {
	f, _, _ := newScanFixture(t, 200)
	s := f.s
	c := f.e.win.Canvas()
	who := f.people(t, 4)
	choosers := []struct {
		name string
		obj  *deskChooser
		end  string
	}{{"day", s.day, "\n"}, {"door", s.door, "\n"}, {"day, Tab", s.day, "\t"}, {"door, Tab", s.door, "\t"}}
	for i, ch := range choosers {
		t.Run(ch.name, func(t *testing.T) {
			test.Tap(ch.obj)
			if _, ok := c.Focused().(*chooserList); !ok || c.Overlays().Top() == nil {
				t.Fatalf("tapped, the list is not open with the keyboard (on %T)", c.Focused())
			}
			typeInWindow(c, who[i].Code+ch.end)
			waitIdle(t, f.e.tasks)
			if n := f.arrivals(t, who[i].ID); n != 1 {
				t.Fatalf("%d arrivals; the keyboard is on %T", n, c.Focused())
			}
			if ch.obj.isOpen() || c.Overlays().Top() != nil {
				t.Fatal("the list is still open")
			}
		})
	}
	t.Run("ArrowsChoose", func(t *testing.T) {
		if len(s.door.Options) < 2 {
			t.Skip("no session on the day")
		}
		test.Tap(s.door)
		l := c.Focused().(*chooserList)
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, f.e.tasks)
		if s.door.SelectedIndex() != 1 || s.session == 0 || s.door.isOpen() {
			t.Fatalf("door %d, session %d, open %v", s.door.SelectedIndex(), s.session, s.door.isOpen())
		}
		if _, ok := c.Focused().(*deskEntry); !ok {
			t.Fatalf("after the choice, the keyboard is on %T", c.Focused())
		}
		s.door.SetSelectedIndex(0)
	})
	t.Run("EscCloses", func(t *testing.T) {
		test.Tap(s.day)
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if s.day.isOpen() || c.Overlays().Top() != nil {
			t.Fatal("Esc left the list open")
		}
	})
}

var _ fyne.Focusable = (*chooserList)(nil)

// TestDeskDayHeadStaysInside: the head's buttons and choosers (the lock
// last) end where the scan field ends, not past the desk's right edge.
func TestDeskDayHeadStaysInside(t *testing.T) {
	now := deskEvening
	f := &deskFixture{a: test.NewTempApp(t)}
	f.st = mustOpen(t, demoFile(t, 60))
	f.st.SetClock(func() time.Time { return now })
	f.e = newTestEnv(t)
	f.s = newDeskScreen(f.e, f.st, f.a.Preferences(), nil)
	f.s.lock = newDeskLock(f.e, f.st)
	f.s.now = func() time.Time { return now }
	f.e.win.SetContent(f.s.build())
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	d := fyne.CurrentApp().Driver()
	for _, w := range []float32{958, 1180, 1366} {
		f.e.win.Resize(fyne.NewSize(w, 740))
		lock := d.AbsolutePositionForObject(f.s.buttons.lock).X + f.s.buttons.lock.Size().Width
		field := d.AbsolutePositionForObject(f.s.entry).X + f.s.entry.Size().Width
		if !f.s.buttons.lock.Visible() || lock > field+0.5 {
			t.Errorf("at %v px, the lock ends at %v, the scan field at %v", w, lock, field)
		}
	}
}
