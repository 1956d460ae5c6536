package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// textTable is a virtualised table of pre-formatted text with a header row.
// A screen formats its rows once, then hands them over with setRows, which
// refreshes the table once.
type textTable struct {
	table   *focusTable
	headers []string
	rows    [][]string // UI thread only
}

// newTextTable makes a table with these column titles and widths.
func newTextTable(headers []string, widths []float32) *textTable {
	t := &textTable{headers: headers}
	t.table = newFocusTable(t.size, newCellLabel, t.updateCell)
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

// rowTable is a virtualised table whose rows are picked whole, as in a file
// manager: a click picks a row (the screen reads Ctrl and Shift from the
// modifiers passed), a double click or Enter opens it, the arrows move from
// row to row and Space ticks the row.
type rowTable struct {
	widget.Table

	OnPicked  func(row int, mods fyne.KeyModifier) // clicked, or reached with the arrows
	OnOpened  func(row int)                        // double click, Enter
	OnToggled func(row int)                        // Space
	// OnFocusChanged, when set, is told when the table gains or loses the
	// keyboard; the table's ring shows it has it.
	OnFocusChanged func(focused bool)
	ring           *widgets.FocusRing
	// modifiers returns the keys held down; tests set their own.
	modifiers func() fyne.KeyModifier

	cols flexColumns // the columns' widths at least, and those that share the width left

	cursor  widget.TableCellID // the cell the keyboard is on
	tapRow  int                // the row last clicked, for double clicks
	lastTap time.Time
	viaKey  bool // the pick comes from the keyboard
}

func newRowTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *rowTable {
	t := &rowTable{tapRow: -1, modifiers: heldModifiers, ring: widgets.NewFocusRing()}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.OnSelected = t.onCellSelected
	t.ExtendBaseWidget(t)
	return t
}

// setWidths gives the columns their widths; the flex columns share the
// width the table has beyond them.
func (t *rowTable) setWidths(widths []float32, flex ...int) {
	t.cols = flexColumns{widths: widths, flex: flex}
	t.cols.set(&t.Table)
}

// Resize widens the flex columns to the table's width.
func (t *rowTable) Resize(size fyne.Size) {
	if size != t.Size() {
		t.cols.fit(&t.Table, size)
	}
	t.Table.Resize(size)
}

// heldModifiers reads the modifier keys held down from the desktop driver.
func heldModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// onCellSelected turns the table's cell selection into a row pick; the
// cells show which rows are picked.
func (t *rowTable) onCellSelected(id widget.TableCellID) {
	t.Unselect(id)
	t.cursor = id
	mods := t.modifiers()
	if !t.viaKey {
		now := time.Now()
		double := id.Row == t.tapRow && now.Sub(t.lastTap) < fyne.CurrentApp().Driver().DoubleTapDelay() && mods == 0
		t.tapRow, t.lastTap = id.Row, now
		if double {
			t.tapRow = -1
			if t.OnOpened != nil {
				t.OnOpened(id.Row)
			}
			return
		}
	}
	if t.OnPicked != nil {
		t.OnPicked(id.Row, mods)
	}
}

func (t *rowTable) CreateRenderer() fyne.WidgetRenderer {
	return t.ring.Around(t.Table.CreateRenderer())
}

func (t *rowTable) FocusGained() {
	t.Table.FocusGained()
	t.ring.Set(true)
	if t.OnFocusChanged != nil {
		t.OnFocusChanged(true)
	}
}

func (t *rowTable) FocusLost() {
	t.Table.FocusLost()
	t.ring.Set(false)
	if t.OnFocusChanged != nil {
		t.OnFocusChanged(false)
	}
}

// Tapped picks the row tapped and takes the keyboard. (The table would
// look itself up in the window, where its extension is.)
func (t *rowTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// TypedKey moves the pick with the arrows, opens the row with Enter and
// ticks it with Space.
func (t *rowTable) TypedKey(ev *fyne.KeyEvent) {
	rows, cols := t.Length()
	row := t.cursor.Row
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if row < rows && t.OnOpened != nil {
			t.OnOpened(row)
		}
		return
	case fyne.KeySpace:
		if row < rows && t.OnToggled != nil {
			t.OnToggled(row)
		}
		return
	case fyne.KeyUp:
		row--
	case fyne.KeyDown:
		row++
	case fyne.KeyPageUp:
		row -= 10
	case fyne.KeyPageDown:
		row += 10
	case fyne.KeyHome:
		row = 0
	case fyne.KeyEnd:
		row = rows - 1
	case fyne.KeyLeft:
		t.cursor.Col = max(t.cursor.Col-1, 0)
		t.Table.TypedKey(ev)
		return
	case fyne.KeyRight:
		t.cursor.Col = min(t.cursor.Col+1, max(cols-1, 0))
		t.Table.TypedKey(ev)
		return
	default:
		t.Table.TypedKey(ev)
		return
	}
	if rows == 0 {
		return
	}
	t.viaKey = true
	t.Select(widget.TableCellID{Row: min(max(row, 0), rows-1), Col: t.cursor.Col})
	t.viaKey = false
}

// rowCell is a cell of a rowTable: a text, a tick box or a colour swatch
// and a text, on a background that shows whether its row is picked.
type rowCell struct {
	widget.BaseWidget
	bg     *canvas.Rectangle
	check  *widget.Check
	swatch *canvas.Rectangle
	label  *widget.Label

	row       int                    // the row shown
	onChecked func(row int, on bool) // the box ticked by hand
	setting   bool                   // the box is being set, not ticked
}

func newRowCell(onChecked func(row int, on bool)) *rowCell {
	c := &rowCell{bg: canvas.NewRectangle(color.Transparent), swatch: canvas.NewRectangle(color.Transparent),
		label: widget.NewLabel(""), onChecked: onChecked}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.swatch.CornerRadius = 3
	c.swatch.StrokeWidth = colourRingWidth // a black swatch shows on a dark theme too (colour_ring.go)
	c.check = widget.NewCheck("", func(on bool) {
		if !c.setting && c.onChecked != nil {
			c.onChecked(c.row, on)
		}
	})
	c.check.Hide()
	c.swatch.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// setText shows a text, with a swatch of its colour when colour is not nil.
func (c *rowCell) setText(text string, colour color.Color, imp widget.Importance, picked bool) {
	c.setPicked(picked)
	c.check.Hide()
	if colour != nil {
		c.swatch.FillColor = colour
		ringSwatch(c.swatch)
		c.swatch.Show()
		c.swatch.Refresh()
	} else {
		c.swatch.Hide()
	}
	c.label.Show()
	if c.label.Text != text || c.label.Importance != imp {
		c.label.Importance = imp
		c.label.SetText(text)
	}
}

// setCheck shows the row's tick box.
func (c *rowCell) setCheck(on, picked bool) {
	c.setPicked(picked)
	c.label.Hide()
	c.swatch.Hide()
	c.check.Show()
	c.setting = true
	c.check.SetChecked(on)
	c.setting = false
}

func (c *rowCell) setPicked(picked bool) {
	var fill color.Color = color.Transparent
	if picked {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
}

func (c *rowCell) CreateRenderer() fyne.WidgetRenderer {
	return &rowCellRenderer{c: c, objects: []fyne.CanvasObject{c.bg, c.swatch, c.label, c.check}}
}

type rowCellRenderer struct {
	c       *rowCell
	objects []fyne.CanvasObject
}

func (r *rowCellRenderer) Destroy()                     {}
func (r *rowCellRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *rowCellRenderer) Refresh()                     { r.Layout(r.c.Size()) }

func (r *rowCellRenderer) MinSize() fyne.Size {
	size := r.c.label.MinSize().Max(r.c.check.MinSize())
	return size.AddWidthHeight(swatchSize()+theme.Padding(), 0)
}

func swatchSize() float32 { return theme.IconInlineSize() * 0.6 }

// Layout covers the gaps between cells with the background, so that a
// picked row reads as one band.
func (r *rowCellRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.c.bg.Move(fyne.NewPos(-pad/2, -pad/2))
	r.c.bg.Resize(size.AddWidthHeight(pad, pad))
	check := r.c.check.MinSize()
	r.c.check.Move(fyne.NewPos((size.Width-check.Width)/2, (size.Height-check.Height)/2))
	r.c.check.Resize(check)
	x := float32(0)
	if r.c.swatch.Visible() {
		s := swatchSize()
		r.c.swatch.Move(fyne.NewPos(pad, (size.Height-s)/2))
		r.c.swatch.Resize(fyne.NewSquareSize(s))
		x = pad + s
	}
	r.c.label.Move(fyne.NewPos(x, 0))
	r.c.label.Resize(fyne.NewSize(size.Width-x, size.Height))
}

// sortHeader is a column title that sorts the table when clicked, with an
// arrow on the column sorted; the first column may hold a "pick all" box
// instead.
type sortHeader struct {
	widget.BaseWidget
	label *widget.Label
	arrow *widget.Icon
	check *widget.Check

	col      int
	onTapped func(col int)
	onCheck  func(on bool)
	setting  bool
}

func newSortHeader(onTapped func(col int), onCheck func(on bool)) *sortHeader {
	h := &sortHeader{label: widget.NewLabel(""), arrow: widget.NewIcon(nil), onTapped: onTapped, onCheck: onCheck}
	h.label.TextStyle.Bold = true
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.check = widget.NewCheck("", func(on bool) {
		if !h.setting && h.onCheck != nil {
			h.onCheck(on)
		}
	})
	h.check.Hide()
	h.arrow.Hide()
	h.ExtendBaseWidget(h)
	return h
}

// setTitle shows a column title; sort is 0 for a column not sorted, 1
// ascending, -1 descending.
func (h *sortHeader) setTitle(col int, title string, sort int) {
	h.col = col
	h.check.Hide()
	h.label.Show()
	if h.label.Text != title {
		h.label.SetText(title)
	}
	var arrow fyne.Resource
	switch sort {
	case 1:
		arrow = theme.MenuDropUpIcon()
	case -1:
		arrow = theme.MenuDropDownIcon()
	}
	if arrow == nil {
		h.arrow.Hide()
	} else {
		if h.arrow.Resource != arrow {
			h.arrow.SetResource(arrow)
		}
		h.arrow.Show()
	}
	h.Refresh()
}

// setCheck shows the "pick all" box.
func (h *sortHeader) setCheck(col int, on bool) {
	h.col = col
	h.label.Hide()
	h.arrow.Hide()
	h.check.Show()
	h.setting = true
	h.check.SetChecked(on)
	h.setting = false
}

// Tapped sorts by the column.
func (h *sortHeader) Tapped(*fyne.PointEvent) {
	if h.onTapped != nil && !h.check.Visible() {
		h.onTapped(h.col)
	}
}

func (h *sortHeader) CreateRenderer() fyne.WidgetRenderer {
	return &sortHeaderRenderer{h: h, objects: []fyne.CanvasObject{h.label, h.arrow, h.check}}
}

type sortHeaderRenderer struct {
	h       *sortHeader
	objects []fyne.CanvasObject
}

func (r *sortHeaderRenderer) Destroy()                     {}
func (r *sortHeaderRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *sortHeaderRenderer) Refresh()                     { r.Layout(r.h.Size()) }

func (r *sortHeaderRenderer) MinSize() fyne.Size {
	size := r.h.label.MinSize().AddWidthHeight(theme.IconInlineSize(), 0)
	return size.Max(r.h.check.MinSize())
}

func (r *sortHeaderRenderer) Layout(size fyne.Size) {
	check := r.h.check.MinSize()
	r.h.check.Move(fyne.NewPos((size.Width-check.Width)/2, (size.Height-check.Height)/2))
	r.h.check.Resize(check)
	icon := theme.IconInlineSize()
	r.h.arrow.Move(fyne.NewPos(size.Width-icon, (size.Height-icon)/2))
	r.h.arrow.Resize(fyne.NewSquareSize(icon))
	w := size.Width
	if r.h.arrow.Visible() {
		w -= icon
	}
	r.h.label.Move(fyne.NewPos(0, 0))
	r.h.label.Resize(fyne.NewSize(w, size.Height))
}

// rowsPerPage is how many rows a pagedRows reads at once.
const rowsPerPage = 100

// maxPages is how many pages a pagedRows keeps; the farthest from the one
// read last are dropped.
const maxPages = 40

// pagedRows is a long list shown page by page: all of its IDs, and the rows
// read for some pages. UI thread only.
type pagedRows[T any] struct {
	ids     []int64
	pages   map[int][]T
	loading map[int]bool
	gen     uint64 // numbers the lists: a page read for an older list is dropped
}

// reset shows a new list, with the pages already read.
func (p *pagedRows[T]) reset(gen uint64, ids []int64, pages map[int][]T) {
	p.gen, p.ids, p.pages, p.loading = gen, ids, pages, map[int]bool{}
	if p.pages == nil {
		p.pages = map[int][]T{}
	}
}

// row returns the row at i, and whether its page was read.
func (p *pagedRows[T]) row(i int) (v T, ok bool) {
	page, found := p.pages[i/rowsPerPage]
	if !found || i%rowsPerPage >= len(page) {
		return v, false
	}
	return page[i%rowsPerPage], true
}

// want reports whether page n is neither read nor being read, and marks it
// as being read.
func (p *pagedRows[T]) want(n int) bool {
	if _, found := p.pages[n]; found || p.loading[n] || n < 0 || n*rowsPerPage >= len(p.ids) {
		return false
	}
	p.loading[n] = true
	return true
}

// store keeps page n of the list numbered gen, unless the list changed.
func (p *pagedRows[T]) store(gen uint64, n int, rows []T) bool {
	if gen != p.gen {
		return false
	}
	delete(p.loading, n)
	p.pages[n] = rows
	for len(p.pages) > maxPages {
		far := n
		for k := range p.pages {
			if pageDistance(k, n) > pageDistance(far, n) {
				far = k
			}
		}
		delete(p.pages, far)
	}
	return true
}

// pageIDs returns the IDs of the page n of ids.
func pageIDs(ids []int64, n int) []int64 {
	lo := min(n*rowsPerPage, len(ids))
	return ids[lo:min(lo+rowsPerPage, len(ids))]
}

func pageDistance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}
