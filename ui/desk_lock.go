package ui

import (
	"context"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// pinStore checks the organiser's PIN kept in the congress file.
type pinStore interface {
	HasDeskPIN(ctx context.Context) (bool, error)
	CheckDeskPIN(ctx context.Context, pin string) (bool, error)
}

// lockStore keeps the desk's lock and the organiser's PIN, both in the
// congress file.
type lockStore interface {
	DeskLocked(ctx context.Context) (bool, error)
	LockDesk(ctx context.Context) error
	UnlockDesk(ctx context.Context, pin string) (bool, error)
	CheckDeskPIN(ctx context.Context, pin string) (bool, error)
	// ParticipantIDByScan tells a wrong PIN that is someone's badge or
	// e-ticket (a scan whose keys the window held back) from a wrong PIN.
	ParticipantIDByScan(ctx context.Context, scan string) (int64, error)
}

// lockState is what the desk knows of its lock.
type lockState int

const (
	lockUnknown lockState = iota // not read from the file yet: counts as locked
	lockOff
	lockOn
)

// deskLock keeps a desk on the welcome screen: leaving it, opening another
// file, importing, copying the file or quitting asks for the organiser's
// PIN. The lock is kept in the congress file it protects: reopened, on any
// laptop, the file is still locked, and another file is not. UI thread
// only.
//
// It keeps a volunteer on the desk screen; it does not protect the file's
// data from someone who has the file.
type deskLock struct {
	env   *env
	store lockStore
	state lockState
	// changed is told when the desk is locked or unlocked, and when the
	// lock was first read from the file.
	changed []func(locked bool)
	// waiting runs once the lock has been read from the file.
	waiting []func()
	// onScan takes a badge scanned while the PIN dialog is open (nil: the
	// scan is ignored, visibly).
	onScan func(code string)
	now    func() time.Time // when keys are typed, to tell a scanner from a person
}

func newDeskLock(e *env, st lockStore) *deskLock {
	l := &deskLock{env: e, store: st, now: time.Now}
	l.loadAsync()
	return l
}

// loadAsync reads from the file whether its desk is locked.
func (l *deskLock) loadAsync() {
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		locked, err := l.store.DeskLocked(ctx)
		return func() {
			if err != nil {
				locked = true // unknown: stay on the desk
				showError(l.env.win, err)
			}
			l.set(locked)
			waiting := l.waiting
			l.waiting = nil
			for _, fn := range waiting {
				fn()
			}
		}
	})
}

// locked reports whether the desk is locked, or not known yet to be
// unlocked.
func (l *deskLock) locked() bool { return l.state != lockOff }

// known reports whether the lock has been read from the file.
func (l *deskLock) known() bool { return l.state != lockUnknown }

// whenKnown runs fn once the lock has been read from the file.
func (l *deskLock) whenKnown(fn func()) {
	if l.known() {
		fn()
		return
	}
	l.waiting = append(l.waiting, fn)
}

func (l *deskLock) set(locked bool) {
	l.state = lockOff
	if locked {
		l.state = lockOn
	}
	for _, fn := range l.changed {
		fn(locked)
	}
}

// lockAsync locks the desk, once an organiser PIN exists to unlock it.
func (l *deskLock) lockAsync() {
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		err := l.store.LockDesk(ctx)
		return func() {
			if err != nil {
				showNotice(l.env.win, lang.L("Lock the desk"), data.Message(err, uiLanguage()))
				return
			}
			l.set(true)
		}
	})
}

// unlockThen runs fn at once when the desk is not locked; otherwise it asks
// for the PIN, and runs fn once the right one unlocked the desk.
func (l *deskLock) unlockThen(fn func()) {
	l.pinThen(fn, true)
}

// confirmThen runs fn at once when the desk is not locked; otherwise it
// asks for the PIN and runs fn once the right one is typed, the desk (and
// the file) staying locked: quitting a locked desk.
func (l *deskLock) confirmThen(fn func()) {
	l.pinThen(fn, false)
}

func (l *deskLock) pinThen(fn func(), unlock bool) {
	switch l.state {
	case lockOff:
		fn()
	case lockUnknown:
		l.whenKnown(func() { l.pinThen(fn, unlock) })
	default:
		l.askPIN(fn, unlock)
	}
}

// askPIN asks for the organiser's PIN: the right one runs fn (having
// unlocked the desk when unlock is set), a wrong one says so and asks
// again. Esc or Cancel closes the dialog. A badge scanned meanwhile is not
// a wrong PIN: it goes to the desk (onScan) and the dialog closes; what is
// not 4 to 12 digits is not counted either, and the dialog says so.
func (l *deskLock) askPIN(fn func(), unlock bool) {
	pin := newPINEntry(func() time.Time { return l.now() })
	message := widget.NewLabel("")
	message.Importance = widget.DangerImportance
	message.Wrapping = fyne.TextWrapWord
	message.Hide()
	var d dialog.Dialog
	say := func(text string) {
		message.SetText(text)
		message.Show()
		pin.reset()
		l.env.win.Canvas().Focus(pin)
	}
	check := func() {
		typed := pin.Text
		if scan, ok := pin.scanned(); ok {
			if strings.ContainsFunc(pin.beforeBurst(), unicode.IsLetter) {
				// The window paused inside the code: letters before the
				// burst are the code's, never a PIN's.
				scan = strings.TrimSpace(typed)
			}
			l.onScanned(d, scan, say)
			return
		}
		if code := strings.TrimSpace(typed); len(code) >= 3 && strings.ContainsFunc(code, unicode.IsLetter) {
			// Letters are never a PIN: a badge's code, whatever pauses
			// the window put between its keys.
			l.onScanned(d, code, say)
			return
		}
		if !pinShaped(typed) {
			say(lang.L("That is not a PIN (4 to 12 digits): it was not counted."))
			return
		}
		l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
			var ok bool
			var err error
			if unlock {
				ok, err = l.store.UnlockDesk(ctx, typed)
			} else {
				ok, err = l.store.CheckDeskPIN(ctx, typed)
			}
			if !ok && err == nil && l.onScan != nil {
				// A short e-ticket ("77050") whose keys the window held
				// back reads as a PIN typed: the store tells.
				if _, e := l.store.ParticipantIDByScan(ctx, typed); e == nil {
					return func() { l.onScanned(d, strings.TrimSpace(typed), say) }
				}
			}
			return func() {
				switch {
				case ok: // the right PIN, even if the file could not keep the unlocking
					d.Hide()
					if unlock {
						l.set(false)
					}
					fn()
					if err != nil {
						showError(l.env.win, err)
					}
				case err != nil:
					say(data.Message(err, uiLanguage()))
				default:
					say(lang.L("Wrong PIN."))
				}
			}
		})
	}
	pin.OnSubmitted = func(string) { check() }
	pin.onEscape = func() { d.Hide() }
	note := widget.NewLabel(lang.L("This desk is locked. The organiser's PIN unlocks it."))
	ok := widget.NewButton(lang.L("Unlock"), check)
	if !unlock { // leaving the file (Quit, Open…): the PIN does not unlock it
		note.SetText(lang.L("This desk is locked. The organiser's PIN lets you leave it; the file stays locked."))
		ok.SetText(lang.L("Continue"))
	}
	note.Wrapping = fyne.TextWrapWord
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Organiser PIN"),
		container.NewVBox(note, pin, message, container.NewHBox(cancel, ok)), l.env.win)
	d.Resize(fyne.NewSize(380, 0))
	d.Show()
	l.env.win.Canvas().Focus(pin)
}

// onScanned hands a badge scanned into the PIN dialog to the desk, closing
// the dialog; without a desk to take it, it says it was not counted.
func (l *deskLock) onScanned(d dialog.Dialog, scan string, say func(string)) {
	if l.onScan == nil {
		say(lang.L("That was a badge scan, not a PIN: it was not counted."))
		return
	}
	d.Hide()
	l.onScan(scan)
}

// pinEntry is the PIN field: it hides the digits, closes its dialog with
// Esc, and tells a badge scanned into it (a burst of keys ending with
// Enter) from a PIN typed by a person.
type pinEntry struct {
	widget.Entry
	keyBurst // desk_burst.go: the keys of a PIN typed by a person come slower than scanGap
	now      func() time.Time
	onEscape func()
}

func newPINEntry(now func() time.Time) *pinEntry {
	e := &pinEntry{now: now}
	e.Password = true
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

func (e *pinEntry) TypedRune(r rune) {
	e.keyAt(e.now(), len([]rune(e.Text)))
	e.Entry.TypedRune(r)
}

func (e *pinEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab: // a scanner may end a code with Tab
		if e.ended(e.now()) {
			e.burst = len([]rune(e.Text)) // Enter came late: typed by a person
		}
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn, Physical: ev.Physical})
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyInsert:
		e.last = time.Time{} // an edit: what follows is typed by a person
		e.Entry.TypedKey(ev)
	default:
		// The window passes every key here too, before its character (a
		// digit, a letter) and with Shift before each capital letter of a
		// code, as a scanner types it: no edit, the burst goes on.
		e.Entry.TypedKey(ev)
	}
}

// AcceptsTab keeps Tab in the field, as the end of a scan (or Enter): it
// does not move the keyboard to the dialog's buttons, where the next
// scan's keys would be lost.
func (e *pinEntry) AcceptsTab() bool { return true }

// TypedShortcut pastes as a person does: what is pasted is no scan.
func (e *pinEntry) TypedShortcut(sc fyne.Shortcut) {
	e.Entry.TypedShortcut(sc)
	e.restartAt(len([]rune(e.Text)))
}

// scanned returns the code scanned into the field, if it ends with one:
// three keys or more typed in one burst, ending with Enter.
func (e *pinEntry) scanned() (string, bool) {
	text := []rune(e.Text)
	if e.burst <= len(text) && len(text)-e.burst >= 3 {
		return strings.TrimSpace(string(text[e.burst:])), true
	}
	return "", false
}

// beforeBurst is what the field held before the keys of its last burst.
func (e *pinEntry) beforeBurst() string {
	text := []rune(e.Text)
	return string(text[:min(e.burst, len(text))])
}

// reset empties the field for the next try.
func (e *pinEntry) reset() {
	e.SetText("")
	e.restartAt(0)
}

// pinShaped reports whether s could be a PIN: 4 to 12 digits.
func pinShaped(s string) bool {
	if len(s) < 4 || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// withPIN wraps an action that leaves the open file or copies it (New,
// Open, Open Recent, Close, Save a Copy): on a locked desk it first asks for
// the organiser's PIN, and the file stays locked, to reopen locked.
func (u *ui) withPIN(fn func()) func() {
	return func() {
		if u.view == nil {
			fn()
			return
		}
		u.view.lock.confirmThen(fn)
	}
}

// onQuit quits Congrès (File → Quit, its shortcut, the window's close
// button); on a locked desk, once the organiser's PIN is typed, the file
// staying locked; when check-ins made offline wait for the server, once
// the volunteer has read so (desk_offline.go).
func (u *ui) onQuit() { u.withPIN(u.quitAfterHeld)() }
