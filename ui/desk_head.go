package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// The desk's head (issue 15): the large line of the day recorded, with the
// rehearsal's buttons, the day and door choosers and the lock beside it
// when the width allows and on a row of their own under it when not; the scan field comes under the
// head, alone on its row, across the whole desk.

// deskHead is the day's line and the choosers.
func (s *deskScreen) deskHead() fyne.CanvasObject {
	// Spaced as the compact theme says, in its minimum size and its
	// layout alike: fyne's HBox measures under the theme override but lays
	// out with the app's padding, and the lock overflowed the desk's right
	// edge by 6 px.
	gap := deskCompactTheme{}.Size(theme.SizeNamePadding)
	choices := container.New(layout.NewCustomPaddedHBoxLayout(gap), s.dayView.back, s.dayView.clear, container.NewGridWrap(fyne.NewSize(190, s.day.MinSize().Height), s.day),
		container.NewGridWrap(fyne.NewSize(240, s.door.MinSize().Height), s.door), s.buttons.lock)
	return container.New(&deskHeadLayout{title: s.dayView}, s.dayView.box, container.NewThemeOverride(choices, deskCompactTheme{}))
}

// deskHeadLayout puts the day's line (objects[0]) and the choosers
// (objects[1]) on one row, the choosers on the right, when the day's line
// fits beside them unwrapped; otherwise the choosers go on a row under it,
// on the right. As fyne's row-wrap layout does, it remembers the width it
// was last given for its minimum size.
type deskHeadLayout struct {
	title *deskDayView
	width float32
}

// oneRow reports whether the day's line fits beside the choosers in width.
func (l *deskHeadLayout) oneRow(objects []fyne.CanvasObject, width float32) bool {
	return l.title.naturalWidth()+theme.Padding()+objects[1].MinSize().Width <= width
}

func (l *deskHeadLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	head, choices := objects[0], objects[1]
	c := choices.MinSize()
	if l.oneRow(objects, size.Width) {
		w := size.Width - c.Width - theme.Padding()
		head.Move(fyne.NewPos(0, 0))
		head.Resize(fyne.NewSize(w, head.MinSize().Height))
		choices.Move(fyne.NewPos(size.Width-c.Width, (size.Height-c.Height)/2))
		choices.Resize(c)
		return
	}
	head.Move(fyne.NewPos(0, 0))
	head.Resize(fyne.NewSize(size.Width, head.MinSize().Height))
	choices.Move(fyne.NewPos(size.Width-c.Width, head.MinSize().Height))
	choices.Resize(c)
}

func (l *deskHeadLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	head, c := objects[0].MinSize(), objects[1].MinSize()
	if l.width > 0 && l.oneRow(objects, l.width) {
		return fyne.NewSize(head.Width+theme.Padding()+c.Width, max(head.Height, c.Height))
	}
	return fyne.NewSize(max(head.Width, c.Width), head.Height+c.Height) // the title's padding is enough
}

// naturalWidth is the width the day's line needs unwrapped, and its note
// on one line (beside it, on a desk of small height).
func (v *deskDayView) naturalWidth() float32 {
	th := v.title.Theme()
	w := v.titleWidth()
	if !v.note.Visible() {
		return w
	}
	note := fyne.MeasureText(v.note.Text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*th.Size(theme.SizeNameInnerPadding)
	if v.compact {
		return w + theme.Padding() + note
	}
	return max(w, note)
}

// titleWidth is the width the day's line needs unwrapped.
func (v *deskDayView) titleWidth() float32 {
	th := v.title.Theme()
	w := fyne.MeasureText(v.text(), th.Size(theme.SizeNameHeadingText), fyne.TextStyle{Bold: true}).Width
	return float32(math.Ceil(float64(w + 2*th.Size(theme.SizeNameInnerPadding))))
}

// deskCompactHeight is the height of a desk under which its head is
// compact: at 1024×600 (a desk 536 px high) the rehearsal's note, in full
// on two lines under the large line, left a card with a warning one line
// of its programme (TestDeskCardProgrammeRehearsalSmall). At 1366×768 the
// desk is 673 px high or more, with room for the note in full.
const deskCompactHeight = 620

// deskDayLayout lays out the day's line (objects[0]) and its note
// (objects[1]) one under the other. On a desk lower than
// deskCompactHeight, the note says it in short (deskDayView.short), and
// goes beside the large line when it fits there in two lines, which leaves
// the card two more lines. As deskHeadLayout, it remembers the width it
// was last given for its minimum size.
type deskDayLayout struct {
	view  *deskDayView
	desk  func() fyne.Size // the whole desk's
	width float32
}

// noteLines is the most lines the note takes beside the large line.
const noteLines = 2

// fit puts the note in short on a low desk, in full on another.
func (l *deskDayLayout) fit() {
	h := l.desk().Height
	l.view.setCompact(h > 0 && h < deskCompactHeight)
}

// beside reports whether the note goes beside the large line at width,
// the line's width and the note's height there.
func (l *deskDayLayout) beside(width float32) (title, note float32, ok bool) {
	v := l.view
	if !v.compact || !v.note.Visible() || width <= 0 {
		return 0, 0, false
	}
	th := v.note.Theme()
	size, inner := th.Size(theme.SizeNameText), th.Size(theme.SizeNameInnerPadding)
	title = v.titleWidth()
	room := width - title - theme.Padding() - 2*inner
	if room <= 0 {
		return 0, 0, false
	}
	lines := len(wrapBannerText(v.note.Text, size, room, v.note.TextStyle))
	if lines > noteLines {
		return 0, 0, false
	}
	return title, float32(lines)*fyne.MeasureText("Ág", size, v.note.TextStyle).Height + 2*inner, true
}

func (l *deskDayLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.fit()
	l.width = size.Width
	title, note := objects[0], objects[1]
	if w, nh, ok := l.beside(size.Width); ok {
		title.Resize(fyne.NewSize(w, title.Size().Height))
		th := title.MinSize().Height
		nw := size.Width - w - theme.Padding()
		note.Resize(fyne.NewSize(nw, nh))
		nh = max(nh, note.MinSize().Height) // as the label wraps it
		h := max(th, nh)
		title.Move(fyne.NewPos(0, (h-th)/2))
		title.Resize(fyne.NewSize(w, th))
		note.Move(fyne.NewPos(w+theme.Padding(), (h-nh)/2))
		note.Resize(fyne.NewSize(nw, nh))
		return
	}
	y := float32(0) // as a VBox
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

func (l *deskDayLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	l.fit()
	title, note := objects[0].MinSize(), objects[1].MinSize()
	if w, nh, ok := l.beside(l.width); ok {
		return fyne.NewSize(w+theme.Padding()+note.Width, max(title.Height, nh))
	}
	if !objects[1].Visible() {
		return title
	}
	return fyne.NewSize(max(title.Width, note.Width), title.Height+theme.Padding()+note.Height)
}
