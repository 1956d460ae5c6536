package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// categoryList is the list of categories as the keyboard drives it: Tab
// stops on the list once (not on every row's ↑ ↓ 🗑, which are for the
// mouse), ↑ ↓ go from row to row, Enter edits the category, Alt+↑ and
// Alt+↓ move it, Delete deletes it (after asking).
type categoryList struct {
	widgets.List
	focus    int             // the row the keyboard is on, as the list's own
	onMove   func(i, by int) // moves row i up (-1) or down (+1)
	onDelete func(i int)     // deletes row i, once confirmed
}

func newCategoryList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *categoryList {
	l := &categoryList{}
	l.Ring = widgets.NewFocusRing()
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// selected keeps the row tapped (or picked with Enter) as the keyboard's,
// as the list does.
func (l *categoryList) selected(id widget.ListItemID) { l.focus = id }

func (l *categoryList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete:
		if l.onDelete != nil {
			l.onDelete(l.focus)
		}
		return
	case fyne.KeyUp:
		l.focus = max(l.focus-1, 0)
	case fyne.KeyDown:
		if n := l.Length(); l.focus < n-1 {
			l.focus++
		}
	}
	l.List.TypedKey(ev)
}

// TypedShortcut moves the focused category with Alt+↑ and Alt+↓.
func (l *categoryList) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierAlt || l.onMove == nil {
		return
	}
	switch cs.KeyName {
	case fyne.KeyUp:
		l.onMove(l.focus, -1)
	case fyne.KeyDown:
		l.onMove(l.focus, +1)
	}
}

// moveFocus moves the keyboard's row by one, up (-1) or down (+1).
func (l *categoryList) moveFocus(by int) {
	key := fyne.KeyDown
	if by < 0 {
		key = fyne.KeyUp
	}
	l.TypedKey(&fyne.KeyEvent{Name: key})
}

// rowAction is a button of a row for the mouse (↑ ↓ 🗑): an icon that
// highlights under the pointer. It takes no keyboard focus, so that Tab
// does not stop on every row: the list's keys do the same on its row.
type rowAction struct {
	widget.DisableableWidget
	icon     fyne.Resource
	onTapped func()
	hovered  bool
}

func newRowAction(icon fyne.Resource) *rowAction {
	a := &rowAction{icon: icon}
	a.ExtendBaseWidget(a)
	return a
}

func (a *rowAction) Tapped(*fyne.PointEvent) {
	if !a.Disabled() && a.onTapped != nil {
		a.onTapped()
	}
}

func (a *rowAction) MouseIn(*desktop.MouseEvent)    { a.hovered = true; a.Refresh() }
func (a *rowAction) MouseMoved(*desktop.MouseEvent) {}
func (a *rowAction) MouseOut()                      { a.hovered = false; a.Refresh() }

func (a *rowAction) CreateRenderer() fyne.WidgetRenderer {
	r := &rowActionRenderer{a: a, back: canvas.NewRectangle(color.Transparent), image: canvas.NewImageFromResource(a.icon)}
	r.back.CornerRadius = theme.InputRadiusSize()
	r.image.FillMode = canvas.ImageFillContain
	r.Refresh()
	return r
}

type rowActionRenderer struct {
	a     *rowAction
	back  *canvas.Rectangle
	image *canvas.Image
}

func (r *rowActionRenderer) Layout(size fyne.Size) {
	r.back.Resize(size)
	side := theme.IconInlineSize()
	r.image.Resize(fyne.NewSquareSize(side))
	r.image.Move(fyne.NewPos((size.Width-side)/2, (size.Height-side)/2))
}

func (r *rowActionRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + 2*theme.InnerPadding())
}

func (r *rowActionRenderer) Refresh() {
	var res fyne.Resource = theme.NewThemedResource(r.a.icon)
	if r.a.Disabled() {
		res = theme.NewDisabledResource(r.a.icon)
	}
	r.image.Resource = res
	r.back.FillColor = theme.Color(theme.ColorNameButton)
	switch {
	case r.a.Disabled():
		r.back.FillColor = theme.Color(theme.ColorNameDisabledButton)
	case r.a.hovered:
		r.back.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.back.Refresh()
	r.image.Refresh()
}

func (r *rowActionRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.back, r.image}
}
func (r *rowActionRenderer) Destroy() {}
