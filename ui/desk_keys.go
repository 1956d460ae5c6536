package ui

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// clearSearch empties the field for the next scan.
func (s *deskScreen) clearSearch() {
	s.entry.SetText("")
	s.selected = -1
	s.focus()
}

// focus gives the search field the keyboard. Under a dialog, the field
// gets it back once the dialog closes.
func (s *deskScreen) focus() {
	if s.entry == nil || !s.isActive() {
		return
	}
	c := s.env.win.Canvas()
	if c.Overlays().Top() == nil {
		c.Focus(s.entry)
		return
	}
	if _, typing := c.Focused().(textField); !typing {
		c.Focus(s.entry) // the window's content; the dialog keeps its own keyboard
	}
}

// left is called when another page is shown instead of the desk: its
// field gives up the keyboard, which would keep its shortcuts (Ctrl+Z took
// back the desk's last check-in from the participants page) and what is
// typed on the page shown.
func (s *deskScreen) left() {
	if s.entry == nil {
		return
	}
	if c := s.env.win.Canvas(); c.Focused() == fyne.Focusable(s.entry) {
		c.Unfocus()
	}
}

// isActive reports whether the desk is the page shown, in a file still open.
func (s *deskScreen) isActive() bool {
	return s.env.ctx.Err() == nil && (s.active == nil || s.active())
}

// textField is a widget that takes text typed (an entry): the desk leaves
// it the keyboard.
type textField interface {
	fyne.Focusable
	SelectedText() string
}

// catchKeys sends to the search field what is typed while nothing has the
// keyboard (after a click elsewhere, or under a dialog without a field):
// a scan is never lost. A dialog with a field that has not the keyboard
// gets it, and the key.
func (s *deskScreen) catchKeys() {
	c := s.env.win.Canvas()
	runes, keys := c.OnTypedRune(), c.OnTypedKey()
	c.SetOnTypedRune(func(r rune) {
		if into := s.keysTarget(); into != nil {
			into.TypedRune(r)
		} else if runes != nil {
			runes(r)
		}
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
			if into := s.keysTarget(); into != nil {
				into.TypedKey(ev)
				return
			}
		}
		if keys != nil {
			keys(ev)
		}
	})
}

// keysTarget is where a key typed while nothing has the keyboard goes: the
// first field of the dialog on top, if it has one; else the desk's field;
// nil when the desk is not shown.
func (s *deskScreen) keysTarget() fyne.Focusable {
	if s.entry == nil || !s.isActive() {
		return nil
	}
	c := s.env.win.Canvas()
	top := c.Overlays().Top()
	if top == nil {
		c.Focus(s.entry)
		return s.entry
	}
	if field := firstTextField(top); field != nil {
		c.Focus(field)
		return field
	}
	c.Focus(s.entry) // under the dialog: the window's content
	return s.entry
}

// firstTextField is the first visible, enabled entry in o, if any.
func firstTextField(o fyne.CanvasObject) textField {
	var found textField
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		if f, ok := o.(textField); ok {
			if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
				found = f
				return true
			}
		}
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case *widget.PopUp:
			children = []fyne.CanvasObject{x.Content}
		case *container.Scroll:
			children = []fyne.CanvasObject{x.Content}
		case *widget.Form:
			for _, item := range x.Items {
				children = append(children, item.Widget)
			}
		}
		for _, c := range children {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(o)
	return found
}

// reclaimFocus gives the field the keyboard back after a click gave it to
// a chooser, a button or the matches (they ignore what a scanner types),
// unless a field that takes text has it.
func (s *deskScreen) reclaimFocus() {
	if s.entry == nil || !s.isActive() {
		return
	}
	c := s.env.win.Canvas()
	if f := c.Focused(); f == fyne.Focusable(s.entry) {
		return
	} else if _, typing := f.(textField); typing {
		return
	}
	c.Focus(s.entry)
}

// deskEntry is the desk's search field: Enter and Tab (a scanner may end
// a code with either) submit what it holds, ↑ and ↓ choose among the
// matches, and the desk's shortcuts work while it has the focus (it
// always has).
type deskEntry struct {
	widgets.Entry
	s     *deskScreen
	over  deskScanOver     // desk_search_scan.go: a code scanned onto a name
	clock func() time.Time // the gaps between keys; nil: time.Now
}

func newDeskEntry(s *deskScreen) *deskEntry {
	e := &deskEntry{s: s}
	e.ExtendBaseWidget(e)
	e.TextStyle.Bold = true
	return e
}

// AcceptsTab keeps Tab in the field: it ends a scan, as Enter does.
func (e *deskEntry) AcceptsTab() bool { return true }

// FocusLost gives the keyboard back to the field once the click that took
// it is handled.
func (e *deskEntry) FocusLost() {
	e.Entry.FocusLost()
	t := e.s.env.tasks
	t.hold()
	go t.onUI(func() { // after the click; never waits on the UI thread
		defer t.release()
		e.s.reclaimFocus()
	})
}

func (e *deskEntry) TypedRune(r rune) {
	e.over.runeAt(e.now(), e.Text, r)
	e.Entry.TypedRune(r)
}

func (e *deskEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.over.restart()
		e.s.moveSelection(1)
	case fyne.KeyUp:
		e.over.restart()
		e.s.moveSelection(-1)
	case fyne.KeyTab:
		e.onEnterKey(func() { e.s.onSubmitted(e.Text) })
	case fyne.KeyReturn, fyne.KeyEnter:
		e.onEnterKey(func() { e.Entry.TypedKey(ev) })
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyLeft, fyne.KeyRight,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyInsert:
		e.over.restart() // an edit: what follows is typed anew
		e.Entry.TypedKey(ev)
	default:
		// The window passes every key here too, before its character: no
		// edit, the burst goes on.
		e.Entry.TypedKey(ev)
	}
}

// The desk's shortcuts, shown on its buttons.
var (
	shortcutDeskConfirm = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskPrint   = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskUndo    = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskEdit    = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskWalkIn  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
)

func (e *deskEntry) TypedShortcut(sc fyne.Shortcut) {
	if !e.s.isActive() { // the field kept the keyboard off the desk: the window's shortcuts
		e.s.left()
		if c, ok := e.s.env.win.Canvas().(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
		}
		return
	}
	if _, ok := sc.(*fyne.ShortcutUndo); ok { // Ctrl+Z, as the system names it
		e.s.onUndoTapped()
		return
	}
	if cs, ok := sc.(*desktop.CustomShortcut); ok {
		for _, d := range []struct {
			sc *desktop.CustomShortcut
			fn func()
		}{
			{shortcutDeskConfirm, e.s.onConfirmTapped},
			{shortcutDeskPrint, e.s.onPrintBadgeTapped},
			{shortcutDeskUndo, e.s.onUndoTapped},
			{shortcutDeskEdit, e.s.onEditTapped},
			{shortcutDeskWalkIn, e.s.onWalkInTapped},
			{shortcutDeskPay, e.s.payment.onPayTapped},      // desk_payment.go
			{shortcutDeskUndoPay, e.s.payment.onUndoTapped}, // desk_payment.go
		} {
			if cs.KeyName == d.sc.KeyName && cs.Modifier == d.sc.Modifier {
				d.fn()
				return
			}
		}
	}
	e.Entry.TypedShortcut(sc)
	e.over.restart() // a paste, a cut: no scanner's keys
}

// handScansToDesk makes a badge or a ticket scanned into one of the
// walk-in form's fields a scan at the desk, once the store knows it as
// someone's: the person has a registration after all, so the form closes,
// nobody is registered, and the desk checks in whom the scan names
// (onScannedIn).
func (f *walkInForm) handScansToDesk() {
	for _, e := range []*widgets.Entry{f.firstName, f.lastName, f.organisation, f.email, f.fee} {
		if e != nil {
			watchScans(e, f.onScannedIn)
		}
	}
}

// watchScans tells, in a form's field, what may be a scan (a run of keys,
// a code or a ticket, ending with Enter: keyRun, desk_burst.go) from what a
// person types: the run's text is given to onScan, and left in the field
// (it may be a name typed fast: onScan decides); Enter after what a person
// typed does what it did. It keeps the field's OnChanged and OnSubmitted.
func watchScans(e *widgets.Entry, onScan func(sc formScan)) {
	var keys keyRun
	start := 0        // where, in the text (in bytes), the run's keys start
	var before string // the text when it last changed
	changed, submitted := e.OnChanged, e.OnSubmitted
	e.OnChanged = func(text string) {
		if strings.HasPrefix(text, before) {
			if keys.keyAt(time.Now()) {
				start = len(before)
			}
		} else { // an edit, not keys typed at the end: what follows is a run of its own
			keys.forget()
			start = len(text)
		}
		before = text
		if changed != nil {
			changed(text)
		}
	}
	e.OnSubmitted = func(text string) {
		if keys.burst(time.Now()) && start <= len(text) {
			if sc := (formScan{run: text[start:], field: e, text: text}); len(sc.codes()) > 0 {
				keys.forget()
				start = len(text)
				onScan(sc)
				return
			}
		}
		if submitted != nil {
			submitted(text)
		}
	}
}

// formScan is what may be a scan in a form's field (watchScans): a run of
// keys ended by Enter, a scanner's, after a person's keys perhaps.
type formScan struct {
	run   string
	field *widgets.Entry
	text  string // the field's text on Enter
}

// codes are the codes the run may be, each of which reads as one
// (looksScanned), the longest first: the run whole, then without its first
// key, its first two, and so on. Time does not tell a scan from a person's
// keys just before it: the window hands keys over once a frame, and in the
// real window a person's keys typed 100 ms apart came 50 ms apart, the
// scan's first 37 ms after the last, all one group. The store tells: the
// longest that is someone's is the scan, and a code's own end is tried
// only once the code was not found. A run of digits is never cut inside
// (the end of an unknown ticket, 4821330712, is not someone's shorter
// one, 30712): nobody types digits into a name just before a scan.
func (sc formScan) codes() []string {
	run := []rune(sc.run)
	var list []string
	for i := 0; len(run)-i >= shortestTicket; i++ {
		if i > 0 && isDigit(run[i-1]) && isDigit(run[i]) {
			continue
		}
		if code := strings.TrimSpace(string(run[i:])); looksScanned(code) && !slices.Contains(list, code) {
			list = append(list, code)
		}
	}
	return list
}

// firstScanned is the first of codes that the desk's store knows as
// someone's badge or ticket (formScan.codes); else the first of them, with
// data's not-found, or why the store could not tell.
func (s *deskScreen) firstScanned(ctx context.Context, codes []string) (string, error) {
	var err error
	for _, code := range codes {
		if _, err = s.store.ParticipantIDByScan(ctx, code); data.KindOf(err) != data.KindNotFound {
			return code, err
		}
	}
	return codes[0], err
}

// untype takes code, the scan as the store knew it, out of the field: the
// keys a person typed before it stay. The field typed on since keeps all.
func (sc formScan) untype(code string) {
	if sc.field.Text != sc.text {
		return
	}
	if i := strings.LastIndex(sc.text, code); i >= 0 {
		sc.field.SetText(sc.text[:i] + sc.text[i+len(code):])
	}
}

// looksScanned reports whether text, typed in a burst, is a code or a
// ticket rather than a name, an organisation, an email or an amount: one
// word, a participant's code, or of 5 characters or more with a digit (an
// e-ticket: "77011" was typed into the Edit form's first name, issue 19).
func looksScanned(text string) bool {
	if len(text) < shortestTicket || strings.ContainsFunc(text, unicode.IsSpace) || strings.ContainsAny(text, "@,") {
		return false
	}
	return data.ValidCode(data.NormaliseCode(text)) || strings.ContainsFunc(text, unicode.IsDigit)
}

// shortestTicket is the length of the shortest e-ticket number a burst of
// keys is taken for.
const shortestTicket = 5

func isDigit(r rune) bool { return '0' <= r && r <= '9' }
