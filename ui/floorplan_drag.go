package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A stand's tile is dragged to its place: it follows the pointer and the
// cell under its centre is outlined; dropped on another cell of the plan,
// the stand goes there (the screen moves it, or swaps it with the stand
// that holds the cell); dropped outside the plan or on its own cell, or
// when Esc is pressed during the drag, it goes back. A tile with the
// keyboard's focus moves by the arrow keys, and Enter opens its form.

// floorDrag is the drag under way on the plan.
type floorDrag struct {
	tile      *standTile    // nil: none
	from      fyne.Position // where the tile was
	cancelled bool          // Esc was pressed: the rest of the drag is ignored
	target    *canvas.Rectangle
}

func (d *floorDrag) reset() { d.tile, d.cancelled = nil, false }

// release ends the drag: the grid lays the tile out again.
func (p *floorPlan) release() {
	p.drag.tile = nil
	p.layout.held = nil
}

// newDropTarget is the outline of the cell where a tile would be dropped.
func newDropTarget() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 3
	r.CornerRadius = 6
	r.Hide()
	return r
}

// Dragged follows the pointer.
func (t *standTile) Dragged(e *fyne.DragEvent) {
	if t.plan != nil {
		t.plan.dragged(t, e.Dragged)
	}
}

// DragEnd drops the stand where its tile is.
func (t *standTile) DragEnd() {
	if t.plan != nil {
		t.plan.dropped(t)
	}
}

func (p *floorPlan) dragged(t *standTile, by fyne.Delta) {
	d := &p.drag
	if d.cancelled {
		return // until the button is released
	}
	if d.tile != t {
		d.tile, d.from = t, t.Position()
		p.layout.held = t // the grid laid out again leaves it under the pointer
		p.raise(t)
		if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
			c.Focus(t) // Esc comes to the tile
		}
	}
	t.Move(t.Position().Add(by).Add(p.autoScroll(t)))
	p.showTarget(t)
}

// floorScrollEdge is how near the edge of the plan's view a tile dragged
// scrolls it, by floorScrollStep at each move of the pointer.
const (
	floorScrollEdge = 24
	floorScrollStep = 24
)

// autoScroll scrolls the plan when the tile dragged nears the edge of its
// view, and says how far: the tile moves as much to stay under the
// pointer.
func (p *floorPlan) autoScroll(t *standTile) fyne.Delta {
	if p.scroll == nil {
		return fyne.Delta{}
	}
	view, content := p.scroll.Size(), p.scroll.Content.Size()
	pad := theme.Padding()
	top := t.Position().Y + pad - p.scroll.Offset.Y // in the view
	left := t.Position().X + pad - p.scroll.Offset.X
	by := fyne.Delta{}
	switch {
	case top+t.Size().Height > view.Height-floorScrollEdge:
		by.DY = min(floorScrollStep, content.Height-view.Height-p.scroll.Offset.Y)
	case top < floorScrollEdge:
		by.DY = -min(floorScrollStep, p.scroll.Offset.Y)
	}
	switch {
	case left+t.Size().Width > view.Width-floorScrollEdge:
		by.DX = min(floorScrollStep, content.Width-view.Width-p.scroll.Offset.X)
	case left < floorScrollEdge:
		by.DX = -min(floorScrollStep, p.scroll.Offset.X)
	}
	by.DX, by.DY = max(by.DX, -p.scroll.Offset.X), max(by.DY, -p.scroll.Offset.Y)
	if by.DX > 0 || by.DX < 0 || by.DY > 0 || by.DY < 0 {
		p.scroll.ScrollToOffset(p.scroll.Offset.Add(by))
	}
	return by
}

// raise draws t over the other tiles and the drop target.
func (p *floorPlan) raise(t *standTile) {
	objs := p.grid.Objects[:0:0]
	for _, o := range p.grid.Objects {
		if o != t {
			objs = append(objs, o)
		}
	}
	p.grid.Objects = append(objs, t)
}

// showTarget outlines the cell where t would be dropped: in the primary
// colour on a free cell, in the warning colour on another stand (they
// would swap places).
func (p *floorPlan) showTarget(t *standTile) {
	x, y, ok := p.cellUnder(t)
	ox, oy := t.cell()
	r := p.drag.target
	if !ok || (x == ox && y == oy) {
		if r.Visible() {
			r.Hide()
		}
		return
	}
	colour := theme.Color(theme.ColorNamePrimary)
	if p.standAt(x, y) != nil {
		colour = theme.Color(theme.ColorNameWarning)
	}
	r.StrokeColor = colour
	r.Move(p.layout.cellPos(x, y, p.grid.Size().Width))
	r.Resize(fyne.NewSize(p.layout.tileWidth(p.grid.Size().Width), floorTileHeight))
	r.Show()
	r.Refresh()
}

// cellUnder is the cell of the plan under the centre of t; false outside
// the plan.
func (p *floorPlan) cellUnder(t *standTile) (x, y int, ok bool) {
	c := t.Position().Add(fyne.NewPos(t.Size().Width/2, t.Size().Height/2))
	size := p.grid.Size()
	if c.X < 0 || c.Y < 0 || c.X > size.Width || c.Y > size.Height {
		return 0, 0, false
	}
	x = int(c.X / (p.layout.tileWidth(size.Width) + floorGap))
	y = int(c.Y / (floorTileHeight + floorGap))
	return x, y, x < p.layout.cols && y < p.layout.rows
}

// standAt is the tile on cell (x, y), nil when it is free.
func (p *floorPlan) standAt(x, y int) *standTile {
	for _, t := range p.tiles {
		if t.stand.X == x && t.stand.Y == y {
			return t
		}
	}
	return nil
}

func (p *floorPlan) dropped(t *standTile) {
	d := &p.drag
	if d.cancelled || d.tile != t {
		d.reset()
		return
	}
	d.reset()
	d.target.Hide()
	x, y, ok := p.cellUnder(t)
	ox, oy := t.cell()
	if !ok || (x == ox && y == oy) || p.onMove == nil {
		p.layout.held = nil
		t.Move(d.from) // back in place
		return
	}
	// The tile waits on its new cell (held) until the plan is shown
	// again, moved, or back in place if the move is refused.
	t.Move(p.layout.cellPos(x, y, p.grid.Size().Width))
	p.onMove(t.stand, x, y)
}

// cancelDrag puts the tile dragged back in its place (Esc).
func (p *floorPlan) cancelDrag() {
	d := &p.drag
	if d.tile == nil {
		return
	}
	d.tile.Move(d.from)
	p.release()
	d.cancelled = true
	d.target.Hide()
}

// step moves the stand of t by one cell (the arrow keys), within the plan.
func (p *floorPlan) step(t *standTile, dx, dy int) {
	x, y := t.stand.X+dx, t.stand.Y+dy
	if x < 0 || y < 0 || x >= p.layout.cols || y >= p.layout.rows || p.onMove == nil || p.drag.tile != nil {
		return
	}
	p.onMove(t.stand, x, y)
}

// FocusGained shows the focus on the tile.
func (t *standTile) FocusGained() {
	t.focused = true
	if t.plan != nil {
		t.plan.focusID = t.stand.ID
		t.plan.hover(&t.stand)
	}
	t.Refresh()
}

// FocusLost hides it.
func (t *standTile) FocusLost() {
	t.focused = false
	if t.plan != nil && t.plan.focusID == t.stand.ID {
		t.plan.focusID = 0
		t.plan.hover(nil)
	}
	t.Refresh()
}

func (t *standTile) TypedRune(rune) {}

// TypedKey: Esc cancels a drag; the arrows move the stand; Enter or Space
// opens its form.
func (t *standTile) TypedKey(e *fyne.KeyEvent) {
	if t.plan == nil {
		return
	}
	switch e.Name {
	case fyne.KeyEscape:
		t.plan.cancelDrag()
	case fyne.KeyLeft:
		t.plan.step(t, -1, 0)
	case fyne.KeyRight:
		t.plan.step(t, 1, 0)
	case fyne.KeyUp:
		t.plan.step(t, 0, -1)
	case fyne.KeyDown:
		t.plan.step(t, 0, 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.Tapped(nil)
	}
}
