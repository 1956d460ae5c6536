package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textTable is a virtualised table of pre-formatted text with a header row.
// A screen formats its rows once, then hands them over with setRows, which
// refreshes the table once.
type textTable struct {
	table   *widget.Table
	headers []string
	rows    [][]string // UI thread only
}

// newTextTable makes a table with these column titles and widths.
func newTextTable(headers []string, widths []float32) *textTable {
	t := &textTable{headers: headers}
	t.table = widget.NewTable(t.size, newCellLabel, t.updateCell)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = newHeaderLabel
	t.table.UpdateHeader = t.updateHeader
	for i, w := range widths {
		t.table.SetColumnWidth(i, w)
	}
	return t
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newHeaderLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.TextStyle.Bold = true
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (t *textTable) size() (int, int) { return len(t.rows), len(t.headers) }

func (t *textTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	text := ""
	if id.Row >= 0 && id.Row < len(t.rows) && id.Col < len(t.rows[id.Row]) {
		text = t.rows[id.Row][id.Col]
	}
	o.(*widget.Label).SetText(text)
}

func (t *textTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	text := ""
	if id.Row < 0 && id.Col >= 0 && id.Col < len(t.headers) {
		text = t.headers[id.Col]
	}
	o.(*widget.Label).SetText(text)
}

// setRows shows new rows. UI thread only.
func (t *textTable) setRows(rows [][]string) {
	t.rows = rows
	t.table.Refresh()
}

// showIf shows o when cond holds and hides it otherwise.
func showIf(o fyne.CanvasObject, cond bool) {
	if cond {
		o.Show()
	} else {
		o.Hide()
	}
}

// columns lays objects side by side in columns of fixed width, except the
// column at flex, which takes the width left, so that the rows of a list
// line up like a table's.
type columns struct {
	widths []float32
	flex   int
}

func (c *columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		min := o.MinSize()
		if i < len(c.widths) && i != c.flex {
			w += c.widths[i]
		} else {
			w += min.Width
		}
		h = max(h, min.Height)
	}
	return fyne.NewSize(w, h)
}

func (c *columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for i := range objects {
		if i < len(c.widths) && i != c.flex {
			fixed += c.widths[i]
		}
	}
	x := float32(0)
	for i, o := range objects {
		w := size.Width - fixed
		if i < len(c.widths) && i != c.flex {
			w = c.widths[i]
		}
		w = max(w, 0)
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}
