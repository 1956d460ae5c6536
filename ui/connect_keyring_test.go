package ui

import (
	"bytes"
	"context"
	"log"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
	"congres/ui/keyring"
	"congres/ui/widgets"
)

// fakeKeyring is a keyring in memory (ui/keyring's own tests use a real
// one). Unavailable, it says so as the real ones do.
type fakeKeyring struct {
	mu        sync.Mutex
	available bool
	passwords map[string]string
}

func newFakeKeyring(available bool) *fakeKeyring {
	return &fakeKeyring{available: available, passwords: map[string]string{}}
}

func (k *fakeKeyring) Available(context.Context) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.available
}

func (k *fakeKeyring) Get(_ context.Context, account string) (string, bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.available {
		return "", false, keyring.ErrUnavailable
	}
	p, ok := k.passwords[account]
	return p, ok, nil
}

func (k *fakeKeyring) Set(_ context.Context, account, password string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.available {
		return keyring.ErrUnavailable
	}
	k.passwords[account] = password
	return nil
}

func (k *fakeKeyring) Delete(_ context.Context, account string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.available {
		return keyring.ErrUnavailable
	}
	delete(k.passwords, account)
	return nil
}

// kept returns the password kept for account.
func (k *fakeKeyring) kept(account string) (string, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	p, ok := k.passwords[account]
	return p, ok
}

// TestConnectRememberBox: the dialog's "Remember the password" box is
// ticked where there is a keyring, and unticked and disabled, with a line
// that says why, where there is none.
func TestConnectRememberBox(t *testing.T) {
	for _, c := range []struct {
		name      string
		available bool
		note      string
	}{
		{"Keyring", true, "Kept in the keyring, never in clear"},
		{"NoKeyring", false, "No keyring Congrès can use on this computer"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := newTestUI(t)
			u.keys = newFakeKeyring(c.available)
			f := u.showConnect("postgres://accueil@salle.local:5433/assises")
			if f.remember.choice() != leavePassword {
				t.Error("before the keyring answers, the box decides something")
			}
			waitIdle(t, &u.tasks)
			assertDialogSays(t, u.win, "Remember the password in this computer's keyring")
			assertDialogSays(t, u.win, c.note)
			if f.remember.check.Checked != c.available || f.remember.check.Disabled() == c.available {
				t.Errorf("box ticked %v, disabled %v", f.remember.check.Checked, f.remember.check.Disabled())
			}
			want := leavePassword
			if c.available {
				want = keepPassword
				test.Tap(f.remember.check)
				if f.remember.choice() != forgetPassword {
					t.Error("unticked, the box does not forget the password")
				}
				test.Tap(f.remember.check)
			}
			if got := f.remember.choice(); got != want {
				t.Errorf("choice %v, want %v", got, want)
			}
		})
	}
}

// TestConnectRemembersThePassword connects to a real PostgreSQL server
// with the box ticked: the keyring keeps the password under the name Open
// Recent shows, and choosing it again connects without asking. A password
// the server refuses is taken out of the keyring, and the dialog asks for
// it, its other fields filled; unticking the box forgets it.
func TestConnectRemembersThePassword(t *testing.T) {
	target := storetest.NewDatabase(t)
	s, err := stores.Create(t.Context(), target, data.Congress{Name: "Assises", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	pu, _ := url.Parse(target)
	password, _ := pu.User.Password()
	shown := stores.Redact(target)
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	u := newTestUI(t)
	keys := newFakeKeyring(true)
	u.keys = keys
	f := u.showConnect("")
	paste(u.app.Clipboard(), f.server, target)
	waitIdle(t, &u.tasks)
	if !f.remember.check.Checked {
		t.Fatal("the box is not ticked where there is a keyring")
	}
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	if st := u.session(); st == nil || st.store.Path() != shown {
		t.Fatalf("open congress %v", st)
	}
	if got, ok := keys.kept(shown); !ok || got != password {
		t.Fatalf("the keyring keeps %d characters for %q (found %v)", len(got), shown, ok)
	}
	assertNoPassword(t, u, password, logged.String())

	// Open Recent connects at once.
	u.onClose()
	waitIdle(t, &u.tasks)
	openRecentEntry(t, u, shown)
	waitIdle(t, &u.tasks)
	if st := u.session(); st == nil || st.store.Path() != shown {
		t.Fatalf("Open Recent did not connect with the kept password: %v", st)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog was shown:\n%s", test.RenderObjectToMarkup(top))
	}

	// The server refuses the password kept: it is forgotten, and asked for.
	u.onClose()
	waitIdle(t, &u.tasks)
	keys.Set(t.Context(), shown, password+"x")
	openRecentEntry(t, u, shown)
	waitIdle(t, &u.tasks)
	if u.session() != nil {
		t.Fatal("opened with a wrong password")
	}
	if _, ok := keys.kept(shown); ok {
		t.Error("the password the server refused is still kept")
	}
	assertOverlaySays(t, u.win, "refused this user name or password")
	texts, entry := connectDialog(t, u)
	if len(texts) < 3 || texts[0] != pu.Host || texts[2] != pu.User.Username() || entry.Text != "" {
		t.Errorf("the dialog asks with %q, password %d characters", texts, len(entry.Text))
	}
	test.Type(entry, password)
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	if got, _ := keys.kept(shown); u.session() == nil || got != password {
		t.Fatalf("typed again: open %v, kept %d characters", u.session() != nil, len(got))
	}

	// Unticked, the box forgets it.
	u.onClose()
	waitIdle(t, &u.tasks)
	f = u.showConnect(shown)
	waitIdle(t, &u.tasks)
	test.Type(f.password, password)
	test.Tap(f.remember.check)
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	if _, ok := keys.kept(shown); u.session() == nil || ok {
		t.Errorf("unticked: open %v, still kept %v", u.session() != nil, ok)
	}
	assertNoPassword(t, u, password, logged.String())
}

// openRecentEntry chooses target in File → Open Recent.
func openRecentEntry(t *testing.T, u *ui, target string) {
	t.Helper()
	u.refreshMenu()
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Label == "Open Recent" {
			for _, r := range it.ChildMenu.Items {
				if r.Label == target {
					r.Action()
					return
				}
			}
		}
	}
	t.Fatalf("Open Recent has no %q", target)
}

// connectDialog returns the texts of the connection dialog's entries (the
// server, database, user and options), and its password's entry, after
// hiding the other dialogs over it.
func connectDialog(t *testing.T, u *ui) (texts []string, password *widget.Entry) {
	t.Helper()
	for _, o := range u.win.Canvas().Overlays().List() {
		texts, password = nil, nil
		for _, w := range test.LaidOutObjects(o) {
			switch e := w.(type) {
			case *widgets.Entry:
				texts = append(texts, e.Text)
			case *widget.Entry:
				if e.Password {
					password = e
				}
			}
		}
		if password != nil {
			for u.win.Canvas().Overlays().Top() != o {
				u.win.Canvas().Overlays().Top().Hide()
			}
			return texts, password
		}
	}
	t.Fatal("no connection dialog")
	return nil, nil
}

// TestForgottenRecentForgetsThePassword: a server connection that leaves
// the recent list (taken out, or pushed out by newer ones) takes its
// password out of the keyring.
func TestForgottenRecentForgetsThePassword(t *testing.T) {
	u := newTestUI(t)
	keys := newFakeKeyring(true)
	u.keys = keys
	var list []string
	for i := range maxRecent {
		p := "postgres://accueil@salle.local:5433/congres" + string(rune('a'+i))
		list = append(list, p)
		keys.Set(t.Context(), p, "motdepasse")
	}
	u.prefs.SetStringList(prefRecent, list)
	u.forgetRecent(list[2])
	u.addRecentServer("postgres://accueil@salle.local:5433/autre")
	u.addRecentServer("postgres://accueil@salle.local:5433/encore")
	waitIdle(t, &u.tasks)
	for i, p := range list {
		_, kept := keys.kept(p)
		if gone := i == 2 || i == maxRecent-1; kept == gone {
			t.Errorf("%s: kept %v", p, kept)
		}
	}
	if strings.Contains(strings.Join(u.recentFiles(), " "), "motdepasse") {
		t.Error("the recent list holds a password")
	}
}

// assertOverlaySays checks that one of the window's dialogs says want.
func assertOverlaySays(t *testing.T, w fyne.Window, want string) {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		if strings.Contains(test.RenderObjectToMarkup(o), want) {
			return
		}
	}
	t.Errorf("no dialog says %q", want)
}
