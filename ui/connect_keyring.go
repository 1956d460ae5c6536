package ui

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/ui/keyring"
)

// The passwords of the congresses on servers, remembered in the system's
// keyring (ui/keyring) where there is one: Open Recent then connects
// without asking. Where there is none, or it is locked, the password is
// asked again. A password is never written in the preferences, the recent
// list or a log line; the keyring knows it by the connection's URL
// without its password, the name the recent list shows.

// keyringTimeout bounds a question to the keyring: one that does not
// answer is as good as none.
const keyringTimeout = 5 * time.Second

// passwordChoice is what a connection does with its password in the
// keyring once the server has accepted it.
type passwordChoice int

const (
	leavePassword  passwordChoice = iota // leave the keyring as it is
	keepPassword                         // keep it there
	forgetPassword                       // take it out
)

// rememberRow is the connection dialog's "Remember the password" box, with
// a line under it that says where the password goes, or why it cannot be
// remembered.
type rememberRow struct {
	check *widget.Check
	note  *widget.Label
	known bool // whether the keyring has said it is there
}

func newRememberRow() *rememberRow {
	r := &rememberRow{check: widget.NewCheck(lang.L("Remember the password in this computer's keyring"), nil),
		note: widget.NewLabel(lang.L("Looking for this computer's keyring…"))}
	r.note.Wrapping = fyne.TextWrapWord
	r.note.SizeName = theme.SizeNameCaptionText
	r.check.Disable()
	return r
}

// setAvailable shows whether the keyring can be used: the box is ticked
// and can be unticked when it can, else it is unticked and disabled.
func (r *rememberRow) setAvailable(ok bool) {
	r.known = ok
	if ok {
		r.check.SetChecked(true)
		r.check.Enable()
		r.note.SetText(lang.L("Kept in the keyring, never in clear. Untick it to forget the password."))
		return
	}
	r.check.SetChecked(false)
	r.check.Disable()
	r.note.SetText(lang.L("No keyring Congrès can use on this computer (none, or locked): the password is asked again each time."))
}

// choice is what to do with the password once the server accepts it.
func (r *rememberRow) choice() passwordChoice {
	switch {
	case !r.known:
		return leavePassword
	case r.check.Checked:
		return keepPassword
	default:
		return forgetPassword
	}
}

// probeKeyringAsync asks the keyring whether it is there, shows the answer
// on r, then calls shown (the dialog fits its new text).
func (u *ui) probeKeyringAsync(r *rememberRow, shown func()) {
	keys := u.keys
	u.tasks.runAsync(context.Background(), func(ctx context.Context) func() {
		ctx, cancel := context.WithTimeout(ctx, keyringTimeout)
		defer cancel()
		ok := keys.Available(ctx)
		return func() {
			r.setAvailable(ok)
			shown()
		}
	})
}

// connectKeepAsync opens the congress on the server at target off the UI
// thread, behind a progress bar that can be cancelled (a server that does
// not answer can take long to say so), then does
// what keep says with its password in the keyring. A password the server
// refuses is taken out of the keyring, whatever keep says; refused is
// then called on the UI thread (nil: nothing more).
func (u *ui) connectKeepAsync(target string, keep passwordChoice, refused func()) {
	account := stores.Redact(target)
	password := passwordOf(target)
	u.switchAsync(lang.L("Connecting to {{.Server}}…", map[string]any{"Server": account}), true,
		func(ctx context.Context) (openStore, error) { return openOrOffline(ctx, target) },
		func(err error) {
			switch {
			case errors.Is(err, data.ErrServerLogin):
				u.forgetPasswordAsync(account)
				if refused != nil {
					refused()
				}
			case err != nil || u.session() == nil:
			case keep == keepPassword && password != "":
				// Known by the name the recent list shows.
				u.keepPasswordAsync(stores.Redact(u.session().store.Path()), password)
			case keep == forgetPassword:
				u.forgetPasswordAsync(stores.Redact(u.session().store.Path()))
			}
		})
}

// openRecentServerAsync connects to the server's congress of the recent
// list at target (its URL without the password) with the password the
// keyring holds, or shows the connection dialog when it holds none, or
// when the server refuses it.
func (u *ui) openRecentServerAsync(target string) {
	keys := u.keys
	account := stores.Redact(target)
	u.tasks.runAsync(context.Background(), func(ctx context.Context) func() {
		ctx, cancel := context.WithTimeout(ctx, keyringTimeout)
		defer cancel()
		password, found, err := keys.Get(ctx, account)
		if err != nil && !errors.Is(err, keyring.ErrUnavailable) {
			log.Printf("keyring: reading the password of %s: %v", account, err)
		}
		return func() {
			if !found || err != nil {
				u.showConnect(target)
				return
			}
			u.connectKeepAsync(withPassword(target, password), leavePassword, func() { u.showConnect(target) })
		}
	})
}

// keepPasswordAsync keeps password in the keyring for account.
func (u *ui) keepPasswordAsync(account, password string) {
	keys := u.keys
	u.tasks.runAsync(context.Background(), func(ctx context.Context) func() {
		ctx, cancel := context.WithTimeout(ctx, keyringTimeout)
		defer cancel()
		if err := keys.Set(ctx, account, password); err != nil && !errors.Is(err, keyring.ErrUnavailable) {
			log.Printf("keyring: keeping the password of %s: %v", account, err)
		}
		return nil
	})
}

// forgetPasswordAsync takes the password of account out of the keyring.
func (u *ui) forgetPasswordAsync(account string) {
	keys := u.keys
	u.tasks.runAsync(context.Background(), func(ctx context.Context) func() {
		ctx, cancel := context.WithTimeout(ctx, keyringTimeout)
		defer cancel()
		if err := keys.Delete(ctx, account); err != nil && !errors.Is(err, keyring.ErrUnavailable) {
			log.Printf("keyring: forgetting the password of %s: %v", account, err)
		}
		return nil
	})
}

// setRecent makes list the recent files, and forgets the passwords of the
// server connections it no longer holds.
func (u *ui) setRecent(list []string) {
	kept := map[string]bool{}
	for _, p := range list {
		kept[p] = true
	}
	for _, p := range u.recentFiles() {
		if !kept[p] && stores.IsServer(p) {
			u.forgetPasswordAsync(stores.Redact(p))
		}
	}
	u.prefs.SetStringList(prefRecent, list)
}

// passwordOf is the password target names, "" for none.
func passwordOf(target string) string {
	return parseConnection(target).password
}

// withPassword is target with password.
func withPassword(target, password string) string {
	c := parseConnection(target)
	c.password = password
	return c.url()
}
