package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// ttSlotMinutes is the step of a new session's start, from a click on an
// empty slot: the half hour.
const ttSlotMinutes = 30

// ttSlots lies under the timetable's blocks: a click where no block is
// creates a session there (its room, its half hour, for an hour). The
// form checks the room and the people as for any session.
type ttSlots struct {
	widget.BaseWidget
	layout *ttGridLayout
	cols   []ttColumn
	onNew  func(room data.Room, start data.Clock)
}

func newTTSlots() *ttSlots {
	s := &ttSlots{}
	s.ExtendBaseWidget(s)
	return s
}

func (s *ttSlots) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// slotAt is the room and the half hour under a point of the grid; false
// outside the columns and hours.
func (s *ttSlots) slotAt(p fyne.Position) (data.Room, data.Clock, bool) {
	l := s.layout
	if l == nil || l.cols == 0 {
		return data.Room{}, 0, false
	}
	w := ttColumnWidth(s.Size().Width, l.cols)
	col := int(p.X / w)
	minutes := l.first*60 + int((p.Y-ttPad)*60/ttHourHeight)
	last := l.first*60 + (len(l.hours)-1)*60
	if col < 0 || col >= len(s.cols) || p.Y < ttPad || minutes >= last {
		return data.Room{}, 0, false
	}
	return s.cols[col].room, data.Clock(minutes / ttSlotMinutes * ttSlotMinutes), true
}

// Tapped creates a session at the slot tapped.
func (s *ttSlots) Tapped(e *fyne.PointEvent) {
	if room, start, ok := s.slotAt(e.Position); ok && s.onNew != nil {
		s.onNew(room, start)
	}
}

// Cursor shows that an empty slot can be clicked.
func (s *ttSlots) Cursor() desktop.Cursor { return desktop.CrosshairCursor }
