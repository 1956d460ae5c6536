package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// sessionBlock is a session in the timetable: its time, title and fill on
// the colour of its kind. Tapping it opens the session.
type sessionBlock struct {
	widget.BaseWidget
	session data.Session
	onOpen  func(id int64)

	bg                *canvas.Rectangle
	time, fill, title *widget.Label
}

func newSessionBlock(se data.Session, onOpen func(int64)) *sessionBlock {
	b := &sessionBlock{session: se, onOpen: onOpen}
	b.ExtendBaseWidget(b)
	return b
}

func (b *sessionBlock) CreateRenderer() fyne.WidgetRenderer {
	c := kindColour(b.session.Kind)
	b.bg = canvas.NewRectangle(ttAlpha(c, 0x40))
	b.bg.CornerRadius = 4
	b.bg.StrokeColor = c
	accent := canvas.NewRectangle(c)
	accent.CornerRadius = 2
	b.time = widget.NewLabel(sessionTimes(b.session))
	b.time.Truncation = fyne.TextTruncateEllipsis
	b.fill = widget.NewLabel(sessionFillText(b.session))
	b.fill.Truncation = fyne.TextTruncateEllipsis
	b.fill.Alignment = fyne.TextAlignTrailing
	if sessionFull(b.session) {
		b.fill.Importance = widget.DangerImportance
	}
	b.title = widget.NewLabel(b.session.Title)
	b.title.TextStyle.Bold = true
	b.title.Wrapping = fyne.TextWrapWord
	b.title.Truncation = fyne.TextTruncateEllipsis
	texts := container.NewThemeOverride(container.New(&blockLayout{}, b.time, b.fill, b.title), blockTheme{})
	return widget.NewSimpleRenderer(container.New(&blockFrame{}, b.bg, accent, texts))
}

// Tapped opens the session.
func (b *sessionBlock) Tapped(*fyne.PointEvent) {
	if b.onOpen != nil {
		b.onOpen(b.session.ID)
	}
}

// Cursor shows the block can be clicked.
func (b *sessionBlock) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn outlines the block under the pointer.
func (b *sessionBlock) MouseIn(*desktop.MouseEvent) { b.setOutline(1.5) }

func (b *sessionBlock) MouseMoved(*desktop.MouseEvent) {}

func (b *sessionBlock) MouseOut() { b.setOutline(0) }

func (b *sessionBlock) setOutline(w float32) {
	if b.bg != nil {
		b.bg.StrokeWidth = w
		b.bg.Refresh()
	}
}

// blockFrame lays out a block: background, a bar of colour on the left,
// then the texts.
type blockFrame struct{}

func (blockFrame) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(8, 4) }

func (blockFrame) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	const bar = 4
	objects[0].Resize(size)
	objects[1].Move(fyne.NewPos(0, 0))
	objects[1].Resize(fyne.NewSize(bar, size.Height))
	objects[2].Move(fyne.NewPos(bar+2, 1))
	objects[2].Resize(fyne.NewSize(max(size.Width-bar-4, 0), max(size.Height-2, 0)))
}

// blockLayout fits a block's time, fill and title into its size: the
// title always, then the time, then the fill, as room allows; time and
// fill share the first line when the block is wide enough.
type blockLayout struct{}

func (blockLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(4, 4) }

func (blockLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	timeL, fill, title := objects[0].(*widget.Label), objects[1].(*widget.Label), objects[2].(*widget.Label)
	lineH := timeL.MinSize().Height
	natural := func(l *widget.Label) float32 {
		th := blockTheme{}
		// The label's padding, and a little more so that it does not
		// ellipsise what fits.
		return fyne.MeasureText(l.Text, th.Size(theme.SizeNameText), l.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding) + 6
	}
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		if w <= 0 || h <= 0 {
			o.Hide() // a label draws its text whatever its size
			return
		}
		o.Show()
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	lines := int(size.Height / lineH)
	switch {
	case lines <= 1:
		place(timeL, 0, 0, 0, 0)
		place(fill, 0, 0, 0, 0)
		place(title, 0, 0, size.Width, size.Height)
	case natural(timeL)+natural(fill) <= size.Width:
		fw := natural(fill)
		place(timeL, 0, 0, size.Width-fw, lineH)
		place(fill, size.Width-fw, 0, fw, lineH)
		place(title, 0, lineH, size.Width, size.Height-lineH)
	case lines == 2:
		place(timeL, 0, 0, size.Width, lineH)
		place(fill, 0, 0, 0, 0)
		place(title, 0, lineH, size.Width, size.Height-lineH)
	default:
		place(timeL, 0, 0, size.Width, lineH)
		place(fill, 0, size.Height-lineH, size.Width, lineH)
		place(title, 0, lineH, size.Width, size.Height-2*lineH)
	}
}

// blockTheme is the app's theme with smaller text and padding, for the
// texts of a timetable block.
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
