package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// escape hands Esc to the window's handler (OnEscape), which closes the
// dialog on top; it reports whether it did.
func escape(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape || OnEscape == nil {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return false
	}
	OnEscape(c)
	return true
}

// Select is a drop-down on which Esc closes the dialog it is in.
type Select struct {
	widget.Select
	OnFocused func() // called each time it gets the keyboard
}

// NewSelect returns a drop-down of options.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = widget.NewSelect(nil, nil).PlaceHolder
	s.ExtendBaseWidget(s)
	return s
}

func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if !escape(s, ev) {
		s.Select.TypedKey(ev)
	}
}

// FocusGained tells OnFocused.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	if s.OnFocused != nil {
		s.OnFocused()
	}
}

// Check is a tick box on which Esc closes the dialog it is in.
type Check struct {
	widget.Check
	OnFocused func() // called each time it gets the keyboard
}

// NewCheck returns a tick box with a label.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !escape(c, ev) {
		c.Check.TypedKey(ev)
	}
}

// FocusGained tells OnFocused.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	if c.OnFocused != nil {
		c.OnFocused()
	}
}
