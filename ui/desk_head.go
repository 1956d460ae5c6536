package ui

import (
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
// on one line.
func (v *deskDayView) naturalWidth() float32 {
	th := v.title.Theme()
	w := fyne.MeasureText(v.text(), th.Size(theme.SizeNameHeadingText), fyne.TextStyle{Bold: true}).Width
	if v.note.Visible() {
		w = max(w, fyne.MeasureText(v.note.Text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	return w + 2*th.Size(theme.SizeNameInnerPadding)
}
