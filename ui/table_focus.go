package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// focusTable is a table of text that shows when it has the keyboard (a
// focus ring) and opens the cell the keyboard is on with Enter, as with
// Space (its OnSelected).
type focusTable struct {
	widget.Table
	ring *widgets.FocusRing
	cols flexColumns
	// OnKeyRow, when set, is told the row the keyboard is on as the
	// arrows move it or the table gains the keyboard, and -1 once it
	// loses it (the stands list says the stand whole, stands_line.go).
	OnKeyRow func(row int)
	keyRow   int // fyne keeps its own to itself; setKeyRow on a selection
}

// stretch lets the columns flex share the width the table has beyond
// their widths (the names of a wide window's stands show whole).
func (t *focusTable) stretch(widths []float32, flex ...int) {
	t.cols = flexColumns{widths: widths, flex: flex}
	t.cols.set(&t.Table)
}

// Resize widens the flex columns to the table's width.
func (t *focusTable) Resize(size fyne.Size) {
	if size != t.Size() {
		t.cols.fit(&t.Table, size)
	}
	t.Table.Resize(size)
}

// flexColumns are a table's columns' widths at least, and the columns
// (flex) that share the width the table has beyond them.
type flexColumns struct {
	widths []float32
	flex   []int
}

// set gives t's columns their widths.
func (c flexColumns) set(t *widget.Table) {
	for i, w := range c.widths {
		t.SetColumnWidth(i, w)
	}
}

// fit widens the flex columns of t to its width, size.
func (c flexColumns) fit(t *widget.Table, size fyne.Size) {
	if len(c.flex) == 0 {
		return
	}
	var sum, flexSum float32
	for _, w := range c.widths {
		sum += w
	}
	for _, i := range c.flex {
		flexSum += c.widths[i]
	}
	// Room for the gaps between columns and the vertical scroll bar.
	extra := size.Width - sum - float32(len(c.widths))*theme.Padding() - theme.ScrollBarSize()
	for _, i := range c.flex {
		w := c.widths[i]
		if extra > 0 {
			w += extra * c.widths[i] / flexSum
		}
		t.SetColumnWidth(i, float32(int(w)))
	}
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
	if t.OnKeyRow != nil {
		t.OnKeyRow(t.keyRow)
	}
}

func (t *focusTable) FocusLost() {
	t.Table.FocusLost()
	t.ring.Set(false)
	if t.OnKeyRow != nil {
		t.OnKeyRow(-1)
	}
}

// setKeyRow is the row a selection put the keyboard on.
func (t *focusTable) setKeyRow(row int) { t.keyRow = row }

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
	rows, _ := t.Length()
	switch {
	case ev.Name == fyne.KeyDown && t.keyRow < rows-1:
		t.keyRow++
	case ev.Name == fyne.KeyUp && t.keyRow > 0:
		t.keyRow--
	default:
		return
	}
	if t.OnKeyRow != nil {
		t.OnKeyRow(t.keyRow)
	}
}
