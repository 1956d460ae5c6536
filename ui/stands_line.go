package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
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

func (s *standsScreen) onKeyRow(row int) {
	s.keyRow = row
	s.showStandLine()
}

// standCell is a cell of the stands list: a label that tells the line
// under the list which stand the pointer is on. It passes the pointer on
// to the table, which shows the row under it.
type standCell struct {
	widget.Label
	row    int
	screen *standsScreen
}

func newStandCell(s *standsScreen) fyne.CanvasObject {
	c := &standCell{screen: s}
	c.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (s *standsScreen) updateStandCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*standCell)
	c.row = id.Row
	s.table.updateCell(id, &c.Label)
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
