package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is a list that shows when it has the keyboard (a FocusRing), opens
// the row the keyboard is on with Enter as with Space, and on which Esc
// closes the dialog it is in.
type List struct {
	widget.List
	Ring *FocusRing
}

// NewList returns a list, as widget.NewList does.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{Ring: NewFocusRing()}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *List) CreateRenderer() fyne.WidgetRenderer { return l.Ring.Around(l.List.CreateRenderer()) }

func (l *List) FocusGained() {
	l.List.FocusGained()
	l.Ring.Set(true)
}

func (l *List) FocusLost() {
	l.List.FocusLost()
	l.Ring.Set(false)
}

func (l *List) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case escape(l, ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // picks the row the keyboard is on
	default:
		l.List.TypedKey(ev)
	}
}
