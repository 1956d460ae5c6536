package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// sessionBlock is a session in the timetable: its time, title and fill on
// the colour of its kind. Tapping it opens the session; the pointer over it
// tells onHover, which shows its whole title under the grid.
type sessionBlock struct {
	widget.BaseWidget
	session  data.Session
	fillText string // "45/45 +24", or a plenary's expected people
	full     bool   // the fill is written in red
	onOpen   func(id int64)
	onHover  func(se *data.Session)                  // nil when the pointer leaves
	onMove   func(b *sessionBlock, to fyne.Position) // dropped there (timetable_drag.go)
	dragged  bool
	// onDrag is the times the session would have if dropped with its top
	// left at p ("" for its own): the block shows them while dragged.
	onDrag func(b *sessionBlock, p fyne.Position) string
	times  string // shown instead of the session's own times; "" for those
	// onFocus is told when the block gets the keyboard (the timetable
	// scrolls to it).
	onFocus          func(b *sessionBlock)
	hovered, focused bool
	// cancelled: Esc put the dragged block back; onCancel lays the grid
	// out again.
	cancelled bool
	onCancel  func()

	bg *canvas.Rectangle
}

func newSessionBlock(se data.Session, fill string, full bool, onOpen func(int64), onHover func(*data.Session)) *sessionBlock {
	b := &sessionBlock{session: se, fillText: fill, full: full, onOpen: onOpen, onHover: onHover}
	b.ExtendBaseWidget(b)
	return b
}

// timesShown is the block's first line: the session's times, or those it
// would have where it is being dragged.
func (b *sessionBlock) timesShown() string {
	if b.times != "" {
		return b.times
	}
	return sessionTimes(b.session)
}

// showTimes shows times on the block's first line ("" for its own).
func (b *sessionBlock) showTimes(times string) {
	if times != b.times {
		b.times = times
		b.Refresh()
	}
}

// blockMaxLines is the most lines a block's title takes.
const blockMaxLines = 8

func (b *sessionBlock) CreateRenderer() fyne.WidgetRenderer {
	c := kindColour(b.session.Kind)
	b.bg = canvas.NewRectangle(ttAlpha(c, 0x40))
	b.bg.CornerRadius = 4
	b.bg.StrokeColor = c
	accent := canvas.NewRectangle(c)
	accent.CornerRadius = 2
	fg := theme.Color(theme.ColorNameForeground)
	size := theme.TextSize() - 2
	r := &blockRenderer{b: b, bg: b.bg, accent: accent, size: size,
		time: canvas.NewText(b.timesShown(), fg), fill: canvas.NewText(b.fillText, fg)}
	r.time.TextSize, r.fill.TextSize = size, size
	if b.full {
		r.fill.Color = theme.Color(theme.ColorNameError)
	}
	r.fill.Alignment = fyne.TextAlignTrailing
	for range blockMaxLines {
		l := canvas.NewText("", fg)
		l.TextSize = size
		l.TextStyle.Bold = true
		r.lines = append(r.lines, l)
	}
	return r
}

// blockRenderer draws a block: background, a bar of colour on the left,
// the time on the first line, then the title on as many lines as room
// allows, and the fill at the bottom right (beside the time on a card of
// two lines).
type blockRenderer struct {
	b          *sessionBlock
	bg, accent *canvas.Rectangle
	time, fill *canvas.Text
	lines      []*canvas.Text
	size       float32
	wrapped    float32 // the width the title was wrapped for
	wrapLines  int     // and the lines it was allowed
}

func (r *blockRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg, r.accent, r.time, r.fill}
	for _, l := range r.lines {
		objs = append(objs, l)
	}
	return objs
}

func (r *blockRenderer) MinSize() fyne.Size { return fyne.NewSize(8, 4) }

func (r *blockRenderer) Destroy() {}

func (r *blockRenderer) Refresh() {
	r.wrapped = 0
	r.time.Text = r.b.timesShown()
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *blockRenderer) Layout(size fyne.Size) {
	const bar, pad = 4, 4
	r.bg.Resize(size)
	r.accent.Move(fyne.NewPos(0, 0))
	r.accent.Resize(fyne.NewSize(bar, size.Height))
	x, w := float32(bar+pad), size.Width-bar-2*pad
	lineH := fyne.MeasureText("Mg", r.size, fyne.TextStyle{}).Height + 1
	lines := int((size.Height - 2) / lineH)
	timeW := ttMeasure(r.time.Text, r.size, r.time.TextStyle)
	fillW := ttMeasure(r.fill.Text, r.size, r.fill.TextStyle)
	place := func(t *canvas.Text, x, y, w float32) {
		if w <= 0 {
			t.Hide()
			return
		}
		t.Show()
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, lineH))
	}
	y := float32(1)
	titleLines := lines
	switch {
	case lines <= 1:
		place(r.time, 0, 0, 0)
		place(r.fill, 0, 0, 0)
	case lines == 2 && timeW+fillW+2*pad <= w: // a short session: the fill beside the time
		place(r.time, x, y, timeW)
		place(r.fill, x+w-fillW, y, fillW)
		y += lineH
		titleLines = 1
	case lines == 2:
		place(r.time, x, y, min(timeW, w))
		place(r.fill, 0, 0, 0)
		y += lineH
		titleLines = 1
	default: // the fill in one place on every card: bottom right
		place(r.time, x, y, min(timeW, w))
		place(r.fill, x+w-min(fillW, w), size.Height-lineH-1, min(fillW, w))
		y += lineH
		titleLines = lines - 2
	}
	titleLines = max(min(titleLines, blockMaxLines), 1)
	if r.wrapped != w || r.wrapLines != titleLines {
		r.wrapped, r.wrapLines = w, titleLines
		text := ttWrap(r.b.session.Title, w, r.size, fyne.TextStyle{Bold: true}, titleLines)
		for i, l := range r.lines {
			l.Text = ""
			if i < len(text) {
				l.Text = text[i]
			}
		}
	}
	for i, l := range r.lines {
		if l.Text == "" {
			l.Hide()
			continue
		}
		place(l, x, y+float32(i)*lineH, w)
	}
}

// Tapped opens the session.
func (b *sessionBlock) Tapped(*fyne.PointEvent) {
	if b.onOpen != nil {
		b.onOpen(b.session.ID)
	}
}

// Cursor shows the block can be clicked.
func (b *sessionBlock) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn outlines the block under the pointer and shows its whole title.
func (b *sessionBlock) MouseIn(*desktop.MouseEvent) {
	b.hovered = true
	b.outline()
	if b.onHover != nil {
		b.onHover(&b.session)
	}
}

func (b *sessionBlock) MouseMoved(*desktop.MouseEvent) {}

func (b *sessionBlock) MouseOut() {
	b.hovered = false
	b.outline()
	if b.onHover != nil && !b.focused {
		b.onHover(nil)
	}
}

// FocusGained: Tab reached the block. It is outlined in the colour of the focus ring,
// its whole title shows under the grid, and the grid scrolls to it.
func (b *sessionBlock) FocusGained() {
	b.focused = true
	b.outline()
	if b.onHover != nil {
		b.onHover(&b.session)
	}
	if b.onFocus != nil && !b.dragged {
		b.onFocus(b)
	}
}

func (b *sessionBlock) FocusLost() {
	b.focused = false
	b.outline()
	if b.onHover != nil {
		b.onHover(nil)
	}
}

// TypedRune opens the session on Space, as a click does.
func (b *sessionBlock) TypedRune(r rune) {
	if r == ' ' && !b.dragged {
		b.Tapped(nil)
	}
}

// TypedKey opens the session on Enter; Esc puts a dragged block back.
func (b *sessionBlock) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.dragged {
			b.Tapped(nil)
		}
	case fyne.KeyEscape:
		b.cancelDrag()
	}
}

// outline draws the block's edge: in the focus ring's colour while it has the
// keyboard, in its kind's colour under the pointer, else none.
func (b *sessionBlock) outline() {
	if b.bg == nil {
		return
	}
	b.bg.StrokeColor, b.bg.StrokeWidth = kindColour(b.session.Kind), 0
	switch {
	case b.focused:
		b.bg.StrokeColor, b.bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), 2.5
	case b.hovered:
		b.bg.StrokeWidth = 1.5
	}
	b.bg.Refresh()
}

// blockTheme is the app's theme with smaller text and padding, for the
// texts of the timetable.
type blockTheme struct{ appTheme }

func (t blockTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return t.base().Size(theme.SizeNameText) - 2
	case theme.SizeNameInnerPadding, theme.SizeNamePadding:
		return 2
	case theme.SizeNameLineSpacing:
		return 1
	}
	return t.base().Size(n)
}
