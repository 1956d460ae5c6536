package ui

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"congres/data"
)

// Dragging a block moves its session: to the room of the column and the
// quarter of an hour where its top is dropped, for the same length. The
// store checks the room and the people as for any change; a refusal puts
// the block back.

// ttDropMinutes is the step of a dropped session's start.
const ttDropMinutes = 15

// Dragged follows the pointer.
func (b *sessionBlock) Dragged(e *fyne.DragEvent) {
	if b.onMove == nil {
		return
	}
	if b.cancelled {
		return // Esc put it back: until the button is released
	}
	if !b.dragged {
		b.dragged = true
		b.lift(true)
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
			c.Focus(b) // Esc comes to the block
		}
	}
	b.Move(b.Position().Add(e.Dragged))
	if b.onDrag != nil {
		b.showTimes(b.onDrag(b, b.Position()))
	}
}

// DragEnd moves the session where the block was dropped.
func (b *sessionBlock) DragEnd() {
	if b.cancelled {
		b.cancelled = false
		return
	}
	if b.onMove != nil && b.dragged {
		b.dragged = false
		b.lift(false)
		b.onMove(b, b.Position())
	}
}

// cancelDrag puts a dragged block back where it was (Esc): the release of
// the button then moves nothing.
func (b *sessionBlock) cancelDrag() {
	if !b.dragged {
		return
	}
	b.dragged, b.cancelled = false, true
	b.lift(false)
	b.showTimes("")
	if b.onCancel != nil {
		b.onCancel()
	}
}

// lift draws the block opaque while it is dragged, so that its text stays
// readable over another block; the timetable draws it above the others
// (dragTimes).
func (b *sessionBlock) lift(up bool) {
	if b.bg == nil {
		return
	}
	c := kindColour(b.session.Kind)
	b.bg.FillColor = ttAlpha(c, 0x40)
	if up {
		b.bg.FillColor = ttOver(ttAlpha(c, 0x40), theme.Color(theme.ColorNameBackground))
	}
	b.bg.Refresh()
}

// ttOver is the opaque colour of c laid over the background bg.
func ttOver(c color.NRGBA, bg color.Color) color.NRGBA {
	under := color.NRGBAModel.Convert(bg).(color.NRGBA)
	mix := func(a, b uint8) uint8 { return uint8((uint16(a)*uint16(c.A) + uint16(b)*uint16(255-c.A)) / 255) }
	return color.NRGBA{R: mix(c.R, under.R), G: mix(c.G, under.G), B: mix(c.B, under.B), A: 0xff}
}

// dropAt is the room and start where a block whose top left is at p is
// dropped; false outside the grid.
func (l *ttGridLayout) dropAt(p fyne.Position) (data.Room, data.Clock, bool) {
	room, _, ok := l.slots.slotAt(fyne.NewPos(p.X+ttMinColumn/4, max(p.Y, ttPad)))
	if !ok {
		return data.Room{}, 0, false
	}
	minutes := float64(l.first*60) + float64(p.Y-ttPad)*60/ttHourHeight
	start := int(math.Round(minutes/ttDropMinutes)) * ttDropMinutes
	return room, data.Clock(max(start, 0)), true
}

// moveBlock tells where a block was dropped, or puts it back.
func (t *timetable) moveBlock(b *sessionBlock, p fyne.Position) {
	gl, ok := t.grid.Layout.(*ttGridLayout)
	if !ok {
		return
	}
	room, start, ok := gl.dropAt(p)
	ok = ok && t.dropVisible(b, p)
	se := b.session
	length := se.End - se.Start
	if !ok || t.onMove == nil || start+length > 24*60 || (room.ID == se.RoomID && start == se.Start) {
		b.showTimes("")
		gl.Layout(nil, t.grid.Size()) // back in place
		return
	}
	se.RoomID, se.Start, se.End = room.ID, start, start+length
	t.onMove(se)
}

// dragTimes is the times b's session would have if dropped with its top
// left at p: what the block shows while dragged ("" where it would go
// back).
func (t *timetable) dragTimes(b *sessionBlock, p fyne.Position) string {
	gl, ok := t.grid.Layout.(*ttGridLayout)
	if !ok {
		return ""
	}
	if objs := t.grid.Objects; len(objs) > 0 && objs[len(objs)-1] != b { // drawn above the others
		if i := slices.Index(objs, fyne.CanvasObject(b)); i >= 0 {
			t.grid.Objects = append(slices.Delete(slices.Clone(objs), i, i+1), b)
		}
	}
	_, start, ok := gl.dropAt(p)
	se := b.session
	length := se.End - se.Start
	if !ok || !t.dropVisible(b, p) || start+length > 24*60 {
		return ""
	}
	se.Start, se.End = start, start+length
	return sessionTimes(se)
}

// dropVisible tells whether a block whose top left is at p was dropped on
// the part of the grid in view: a block let go over the room names, the
// hours or out of the timetable goes back, even where the grid scrolled
// under them has a slot.
func (t *timetable) dropVisible(b *sessionBlock, p fyne.Position) bool {
	view := t.body.Size()
	if view.IsZero() {
		view = t.grid.Size()
	}
	off := t.body.Offset
	centre := p.X + b.Size().Width/2
	return p.Y >= off.Y-ttHourHeight/4 && p.Y < off.Y+view.Height &&
		centre >= off.X && centre < off.X+view.Width
}
