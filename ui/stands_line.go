package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The line under the stands list gives the stand under the pointer, or
// the one the keyboard is on, whole: number, name, organisation, zone and
// contact. At 1366 px the list cuts the longest names ("Fédération des
// acteurs de la solidari…"), as the floor plan's tiles do
// (floorplan_hover.go).

// newStandsLine is the line under the list, with its hint.
func newStandsLine() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// showStandLine shows the stand the pointer is on, else the one the
// keyboard is on, else the hint. UI thread.
func (s *standsScreen) showStandLine() {
	row := s.pointedRow
	if row < 0 {
		row = s.keyRow
	}
	if row < 0 || row >= len(s.stands) {
		s.line.Importance = widget.LowImportance
		s.line.SetText(lang.L("Point at a stand, or go through the list with ↑ ↓, to read it whole; click it or press Enter to edit it."))
		return
	}
	st := s.stands[row]
	text := standWhole(st)
	if name := s.names[st.ContactID]; st.ContactID != 0 && name != "" {
		text += " · " + lang.L("contact: {{.Name}}", map[string]any{"Name": name})
	}
	s.line.Importance = widget.MediumImportance
	s.line.SetText(text)
}

// onKeyRow marks the row the keyboard is on (-1: it left the list) and
// says its stand under the list. The keyboard's move is the latest: it
// wins over a row the pointer was last seen on (the pointer may have left
// it over a dialog, which the row is not told).
func (s *standsScreen) onKeyRow(row int) {
	old := s.keyRow
	s.keyRow = row
	if row >= 0 {
		s.pointedRow = -1
	}
	s.showStandLine()
	if old != row {
		s.refreshRow(old)
		s.refreshRow(row)
	}
}

// refreshRow draws the cells of row again.
func (s *standsScreen) refreshRow(row int) {
	if row < 0 {
		return
	}
	_, cols := s.table.table.Length()
	for col := range cols {
		s.table.table.RefreshItem(widget.TableCellID{Row: row, Col: col})
	}
}

// standCell is a cell of the stands list: a label that tells the line
// under the list which stand the pointer is on. It passes the pointer on
// to the table, which shows the row under it. The row the keyboard is on
// (↑ ↓) is drawn as a picked row is in the app's other lists (rowCell):
// on the selection colour, across the row (fyne marks only its cell, with
// a faint box).
type standCell struct {
	widget.Label
	row    int
	screen *standsScreen
	bg     *canvas.Rectangle // the band of the keyboard's row; hidden on the others
}

func newStandCell(s *standsScreen) fyne.CanvasObject {
	c := &standCell{screen: s, bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection))}
	c.bg.Hide()
	c.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (s *standsScreen) updateStandCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*standCell)
	c.row = id.Row
	s.table.updateCell(id, &c.Label)
	c.setPicked(id.Row == s.keyRow)
}

// setPicked shows the cell on the selection colour, or not.
func (c *standCell) setPicked(picked bool) {
	if picked == c.bg.Visible() {
		return
	}
	c.bg.FillColor = theme.Color(theme.ColorNameSelection)
	showIf(c.bg, picked)
}

// CreateRenderer is the label's, over the band.
func (c *standCell) CreateRenderer() fyne.WidgetRenderer {
	return &standCellRenderer{WidgetRenderer: c.Label.CreateRenderer(), bg: c.bg}
}

type standCellRenderer struct {
	fyne.WidgetRenderer
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

// Layout covers the gaps between the row's cells with the band, so that
// the row reads as one.
func (r *standCellRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Move(fyne.NewPos(-pad/2, 0))
	r.bg.Resize(size.AddWidthHeight(pad, 0))
	r.WidgetRenderer.Layout(size)
}

// Objects are the band, then the label's.
func (r *standCellRenderer) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	if len(r.objects) != len(inner)+1 {
		r.objects = make([]fyne.CanvasObject, len(inner)+1)
	}
	r.objects[0] = r.bg
	copy(r.objects[1:], inner)
	return r.objects
}

func (r *standCellRenderer) Refresh() {
	if r.bg.Visible() {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection) // a new theme
		r.bg.Refresh()
	}
	r.WidgetRenderer.Refresh()
}

func (c *standCell) MouseIn(ev *desktop.MouseEvent) {
	c.screen.pointedRow = c.row
	c.screen.showStandLine()
	c.toTable(ev)
}

func (c *standCell) MouseMoved(ev *desktop.MouseEvent) { c.toTable(ev) }

func (c *standCell) MouseOut() {
	if c.screen.pointedRow == c.row {
		c.screen.pointedRow = -1
		c.screen.showStandLine()
	}
	c.screen.table.table.MouseOut()
}

// toTable passes the pointer to the table, in its own coordinates.
func (c *standCell) toTable(ev *desktop.MouseEvent) {
	if ev == nil {
		return
	}
	t := c.screen.table.table
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(t)
	t.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{
		Position: ev.AbsolutePosition.Subtract(at), AbsolutePosition: ev.AbsolutePosition}})
}
