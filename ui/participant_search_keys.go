package ui

import (
	"fyne.io/fyne/v2"

	"congres/ui/widgets"
)

// participantSearch is the participants' search box: ↓ goes down into the
// list, Enter opens the first person listed.
type participantSearch struct {
	widgets.Entry
	onDown func()
}

func newParticipantSearch() *participantSearch {
	e := &participantSearch{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *participantSearch) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(ev)
}

// onSearchDown gives the list the keyboard, on its first row, once the
// search typed so far is listed.
func (s *participantsScreen) onSearchDown() {
	s.whenListed(func() {
		s.env.win.Canvas().Focus(s.table.table)
		if len(s.table.rows.ids) > 0 {
			s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
		}
	})
}

// onSearchSubmitted opens the first person listed (Enter in the search
// box), once the search typed so far is listed.
func (s *participantsScreen) onSearchSubmitted(string) {
	s.whenListed(func() {
		if len(s.table.rows.ids) == 0 {
			return
		}
		s.env.win.Canvas().Focus(s.table.table)
		s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
		s.onRowOpened(0)
	})
}

// whenListed runs fn now when the list shows the latest search, or once
// it does: a key typed before the list is ready waits its turn.
func (s *participantsScreen) whenListed(fn func()) {
	if s.timer == nil && s.table.rows.gen == s.latest.Load() {
		fn()
		return
	}
	if s.timer != nil { // search what was typed now rather than later
		s.stopTimer()
		s.queryAsync(true)
	}
	s.afterListed = fn
}

// runAfterListed runs what waited for the list, now it is shown.
func (s *participantsScreen) runAfterListed() {
	if fn := s.afterListed; fn != nil {
		s.afterListed = nil
		fn()
	}
}

// withFocusRing is the list, which shows when it has the keyboard (its
// ring: see rowTable).
func (s *participantsScreen) withFocusRing() fyne.CanvasObject { return s.table.table }
