package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestTimetableTabReachesEverySession: Tab goes from the buttons into the
// timetable, block after block; each is outlined and scrolled into view as
// it gets the keyboard, its whole title is shown under the grid, and
// Enter opens it (Space too). The list view is reached the same way.
func TestTimetableTabReachesEverySession(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	e.win.Resize(fyne.NewSize(480, 420)) // some sessions out of view, both scroll bars shown
	s.timetable.view.Refresh()
	c := e.win.Canvas()
	reached := map[int64]bool{}
	var last *sessionBlock
	for range 60 {
		c.FocusNext()
		b, ok := c.Focused().(*sessionBlock)
		if !ok {
			continue
		}
		last = b
		reached[b.session.ID] = true
		body := s.timetable.body
		p, off, view := b.Position(), body.Offset, body.Size()
		// clear of the scroll bars, drawn over the grid's edges
		if content, bar := s.timetable.grid.MinSize(), theme.Size(theme.SizeNameScrollBar); content.Height > view.Height {
			view.Width -= bar
			if content.Width > view.Width {
				view.Height -= bar
			}
		} else if content.Width > view.Width {
			view.Height -= bar
		}
		if p.Y < off.Y || p.Y+b.Size().Height > off.Y+view.Height+1 || p.X < off.X || p.X+b.Size().Width > off.X+view.Width+1 {
			t.Errorf("%q has the keyboard out of view: at %v %v, the grid shows %v from %v", b.session.Title, p, b.Size(), view, off)
		}
		if b.bg.StrokeWidth == 0 {
			t.Errorf("%q has the keyboard and no outline", b.session.Title)
		}
		if !strings.Contains(s.status.Text, b.session.Title) {
			t.Errorf("%q has the keyboard; under the grid: %q", b.session.Title, s.status.Text)
		}
	}
	if len(reached) != len(s.timetable.blocks) {
		t.Fatalf("Tab reached %d sessions of the %d in the timetable", len(reached), len(s.timetable.blocks))
	}
	last.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, e.tasks)
	if s.page == nil || s.page.se.ID != last.session.ID {
		t.Fatalf("Enter on %q does not open it", last.session.Title)
	}
}
