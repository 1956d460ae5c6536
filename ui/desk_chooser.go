package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A chooser of the desk's head (the day, the door) is a widget.Select
// whose list hands a scan to the desk (issue 15). Fyne's own list (a
// widget.PopUpMenu) takes the keyboard while it is open and drops what is
// typed, and a scan's Enter closes it: the code was lost without a word.
// This list lets the arrows, Enter, Space and Esc choose as fyne's does,
// but a character typed closes it and goes, with the rest of the scan, to
// the desk's field.

// deskChooser is a Select whose list forwards a scan to the desk.
type deskChooser struct {
	widget.Select
	// toDesk takes a character typed while the list is open; toDeskKey a
	// Tab. Both are the desk's (keysTarget), which then has the keyboard.
	toDesk    func(r rune)
	toDeskKey func(ev *fyne.KeyEvent)
	list      *widget.PopUp // the open list, nil when closed
}

func newDeskChooser(changed func(string), toDesk func(rune), toDeskKey func(*fyne.KeyEvent)) *deskChooser {
	c := &deskChooser{toDesk: toDesk, toDeskKey: toDeskKey}
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the list, as a Select does.
func (c *deskChooser) Tapped(*fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
	c.openList()
}

// TypedKey opens the list with Space and the arrows up and down, as a
// Select does; the others are the Select's.
func (c *deskChooser) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		c.openList()
	default:
		c.Select.TypedKey(ev)
	}
}

// Hide closes the list too.
func (c *deskChooser) Hide() {
	c.closeList()
	c.Select.Hide()
}

// isOpen reports whether the list is shown.
func (c *deskChooser) isOpen() bool { return c.list != nil && c.list.Visible() }

// openList shows the options under the chooser, the keyboard on them.
func (c *deskChooser) openList() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.closeList()
	items := make([]*fyne.MenuItem, len(c.Options))
	for i, text := range c.Options {
		items[i] = fyne.NewMenuItem(text, func() { c.SetSelected(text) })
	}
	m := &chooserList{menu: widget.NewMenu(fyne.NewMenu("", items...)), owner: c}
	m.ExtendBaseWidget(m)
	pop := widget.NewPopUp(m, cv)
	m.menu.OnDismiss = func() {
		pop.Hide()
		if c.list == pop {
			c.list = nil
		}
	}
	c.list = pop
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(fyne.NewPos(0, c.Size().Height))
	pop.ShowAtPosition(pos)
	pop.Resize(fyne.NewSize(c.Size().Width, m.MinSize().Height))
	cv.Focus(m)
}

// closeList closes the list without a choice.
func (c *deskChooser) closeList() {
	if c.list != nil {
		c.list.Hide()
		c.list = nil
	}
}

// chooserList is the open list of a deskChooser: it has the keyboard.
type chooserList struct {
	widget.BaseWidget
	menu  *widget.Menu
	owner *deskChooser
}

func (m *chooserList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(m.menu) }

func (m *chooserList) FocusGained() {}
func (m *chooserList) FocusLost()   {}

// TypedRune is a scan's first character (a chooser's options are not
// typed): the list closes and the character goes to the desk, which then
// has the keyboard for the rest of the scan.
func (m *chooserList) TypedRune(r rune) {
	m.owner.closeList()
	if m.owner.toDesk != nil {
		m.owner.toDesk(r)
	}
}

// TypedKey chooses with the arrows and Enter, closes with Esc; Tab closes
// the list and goes to the desk.
func (m *chooserList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		m.menu.ActivateNext()
	case fyne.KeyUp:
		m.menu.ActivatePrevious()
	case fyne.KeyEnter, fyne.KeyReturn, fyne.KeySpace:
		m.menu.TriggerLast()
	case fyne.KeyEscape:
		m.menu.Dismiss()
	case fyne.KeyTab:
		m.owner.closeList()
		if m.owner.toDeskKey != nil {
			m.owner.toDeskKey(ev)
		}
	}
}

// AcceptsTab keeps Tab here, to hand it to the desk.
func (m *chooserList) AcceptsTab() bool { return true }

// newChooser is a chooser of the desk's head, whose list hands a scan to
// the desk's field.
func (s *deskScreen) newChooser(changed func(string)) *deskChooser {
	return newDeskChooser(changed, func(r rune) {
		if into := s.keysTarget(); into != nil {
			into.TypedRune(r)
		}
	}, func(ev *fyne.KeyEvent) {
		if into := s.keysTarget(); into != nil {
			into.TypedKey(ev)
		}
	})
}
