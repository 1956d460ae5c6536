package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// focusTable is a table of text that shows when it has the keyboard (a
// focus ring) and opens the cell the keyboard is on with Enter, as with
// Space (its OnSelected).
type focusTable struct {
	widget.Table
	ring *widgets.FocusRing
}

func newFocusTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *focusTable {
	t := &focusTable{ring: widgets.NewFocusRing()}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

func (t *focusTable) CreateRenderer() fyne.WidgetRenderer {
	return t.ring.Around(t.Table.CreateRenderer())
}

func (t *focusTable) FocusGained() {
	t.Table.FocusGained()
	t.ring.Set(true)
}

func (t *focusTable) FocusLost() {
	t.Table.FocusLost()
	t.ring.Set(false)
}

// Tapped picks the cell tapped and takes the keyboard, so that the arrows
// go on from there. (The table would look itself up in the window, where
// its extension is.)
func (t *focusTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

func (t *focusTable) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	t.Table.TypedKey(ev)
}
