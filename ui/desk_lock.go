package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// prefDeskLocked remembers that this laptop's desk is locked, so that
// restarting Congrès does not open it.
const prefDeskLocked = "deskLocked"

// pinStore checks the organiser's PIN kept in the congress file.
type pinStore interface {
	HasDeskPIN(ctx context.Context) (bool, error)
	CheckDeskPIN(ctx context.Context, pin string) (bool, error)
}

// deskLock keeps a desk on the welcome screen: leaving it, opening another
// file, importing or copying the file asks for the organiser's PIN, which
// unlocks the desk. UI thread only.
type deskLock struct {
	env   *env
	store pinStore
	prefs fyne.Preferences
	// changed is told when the desk is locked or unlocked.
	changed []func(locked bool)
}

func newDeskLock(e *env, st pinStore, prefs fyne.Preferences) *deskLock {
	return &deskLock{env: e, store: st, prefs: prefs}
}

func (l *deskLock) locked() bool { return l.prefs.Bool(prefDeskLocked) }

func (l *deskLock) set(locked bool) {
	l.prefs.SetBool(prefDeskLocked, locked)
	for _, fn := range l.changed {
		fn(locked)
	}
}

// lockAsync locks the desk, once an organiser PIN exists to unlock it.
func (l *deskLock) lockAsync() {
	l.hasPINAsync(func(has bool) {
		if has {
			l.set(true)
			return
		}
		dialog.ShowInformation(lang.L("Lock the desk"),
			lang.L("Set an organiser PIN first, in Settings → This laptop: it is what unlocks the desk."), l.env.win)
	})
}

// hasPINAsync tells then, on the UI thread, whether the file has a PIN.
func (l *deskLock) hasPINAsync(then func(has bool)) {
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		has, err := l.store.HasDeskPIN(ctx)
		return func() {
			if err != nil {
				showError(l.env.win, err)
				return
			}
			then(has)
		}
	})
}

// unlockThen runs fn at once when the desk is not locked; otherwise it asks
// for the PIN, and runs fn once the right one unlocked the desk. A file
// without a PIN (the one locked was another) does not stay locked.
func (l *deskLock) unlockThen(fn func()) {
	if !l.locked() {
		fn()
		return
	}
	l.hasPINAsync(func(has bool) {
		if has {
			l.askPIN(fn)
			return
		}
		l.set(false)
		fn()
	})
}

// askPIN asks for the organiser's PIN; the right one unlocks the desk and
// runs fn, a wrong one says so and asks again.
func (l *deskLock) askPIN(fn func()) {
	pin := widget.NewPasswordEntry()
	message := widget.NewLabel("")
	message.Importance = widget.DangerImportance
	message.Hide()
	var d dialog.Dialog
	check := func() {
		typed := pin.Text
		l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
			ok, err := l.store.CheckDeskPIN(ctx, typed)
			return func() {
				switch {
				case err != nil:
					message.SetText(data.Message(err, uiLanguage()))
					message.Show()
				case !ok:
					message.SetText(lang.L("Wrong PIN."))
					message.Show()
					pin.SetText("")
					l.env.win.Canvas().Focus(pin)
				default:
					d.Hide()
					l.set(false)
					fn()
				}
			}
		})
	}
	pin.OnSubmitted = func(string) { check() }
	note := widget.NewLabel(lang.L("This desk is locked. The organiser's PIN unlocks it."))
	note.Wrapping = fyne.TextWrapWord
	unlock := widget.NewButton(lang.L("Unlock"), check)
	unlock.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Organiser PIN"),
		container.NewVBox(note, pin, message, container.NewHBox(cancel, unlock)), l.env.win)
	d.Resize(fyne.NewSize(380, 0))
	d.Show()
	l.env.win.Canvas().Focus(pin)
}
