package ui

import (
	"bytes"
	"fmt"
	"log"
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// paste pastes text into entry, as Ctrl+V does.
func paste(c fyne.Clipboard, entry fyne.Shortcutable, text string) {
	c.SetContent(text)
	entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
}

// TestConnectFormFillsFromAPastedString: a connection string pasted into
// the server's field, as a URL or in the keyword form, or scanned into it
// (typed, then Enter), fills every field,
// and the URL the dialog connects to names the same server, database, user
// and password (its other parameters kept); typing key by key does not.
func TestConnectFormFillsFromAPastedString(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct {
		name, pasted                     string
		server, database, user, password string
		params                           string
	}{
		{"URL", "postgres://desk:s%C3%A9same@db.local:5433/assises?sslmode=require", "db.local:5433", "assises", "desk", "sésame", "sslmode=require"},
		{"URLNoPort", "postgresql://orga@10.0.0.2/congres", "10.0.0.2", "congres", "orga", "", ""},
		{"Keywords", "host=db.local port=5433 dbname=assises user=desk password='a b\\'c' sslmode=disable",
			"db.local:5433", "assises", "desk", "a b'c", "sslmode=disable"},
		{"KeywordsNoPort", "  dbname = congres host=salle.local user=accueil ", "salle.local", "congres", "accueil", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newConnectForm()
			test.NewTempWindow(t, widgetsForm(f))
			paste(a.Clipboard(), f.server, c.pasted)
			got := [5]string{f.server.Text, f.database.Text, f.user.Text, f.password.Text, f.options.Text}
			if want := [5]string{c.server, c.database, c.user, c.password, c.params}; got != want {
				t.Errorf("fields %q, want %q", got, want)
			}
			u, err := url.Parse(f.target())
			if err != nil {
				t.Fatal(err)
			}
			pw, _ := u.User.Password()
			if u.Scheme != "postgres" || u.Host != c.server || u.Path != "/"+c.database || u.User.Username() != c.user ||
				pw != c.password || u.RawQuery != c.params {
				t.Errorf("target %q", stores.Redact(f.target()))
			}
		})
	}
	t.Run("Typed", func(t *testing.T) {
		f := newConnectForm()
		test.NewTempWindow(t, widgetsForm(f))
		test.Type(f.server, "postgres://db.local")
		if f.server.Text != "postgres://db.local" || f.database.Text != "" {
			t.Errorf("typed: server %q, database %q", f.server.Text, f.database.Text)
		}
		// Typed whole and not yet read: Connect reads it.
		if u, _ := url.Parse(f.target()); u.Host != "db.local" {
			t.Errorf("target %q", f.target())
		}
	})
	t.Run("Scanned", func(t *testing.T) {
		// A scanner types the string key by key, then Enter.
		f := newConnectForm()
		test.NewTempWindow(t, widgetsForm(f))
		test.Type(f.server, "postgres://accueil:1234@salle.local/assises")
		f.server.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		got := [4]string{f.server.Text, f.database.Text, f.user.Text, f.password.Text}
		if want := [4]string{"salle.local", "assises", "accueil", "1234"}; got != want {
			t.Errorf("fields %q, want %q", got, want)
		}
	})
}

// widgetsForm lays out the form's fields for a test window.
func widgetsForm(f *connectForm) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, it := range f.items() {
		objs = append(objs, it.Widget)
	}
	return container.NewVBox(objs...)
}

// TestConnectMenu: File offers Connect to a shared congress…, which shows
// the dialog.
func TestConnectMenu(t *testing.T) {
	u := newTestUI(t)
	var item *fyne.MenuItem
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Label == "Connect to a shared congress…" {
			item = it
		}
	}
	if item == nil {
		t.Fatal("File has no Connect to a shared congress…")
	}
	item.Action()
	assertDialogSays(t, u.win, "Connect to a shared congress")
}

// TestConnectToAServer opens a congress on a real PostgreSQL server through
// the dialog: the window's title and Open Recent name it without its
// password, which no preference and no log line holds; choosing it again
// asks for the password, and a wrong one is refused in a sentence.
func TestConnectToAServer(t *testing.T) {
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
	f := u.showConnect("")
	paste(u.app.Clipboard(), f.server, target)
	if f.password.Text != password {
		t.Fatal("the pasted URL did not fill the password")
	}
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	st := u.session()
	if st == nil || !onServer(st.store) || st.store.Path() != shown {
		t.Fatalf("open congress %v", st)
	}
	if want := "Congrès — Assises (" + shown + ")"; u.win.Title() != want {
		t.Errorf("title %q, want %q", u.win.Title(), want)
	}
	if got := u.recentFiles(); len(got) != 1 || got[0] != shown {
		t.Errorf("recent %q", got)
	}
	assertNoPassword(t, u, password, logged.String())

	// Choosing it again from Open Recent asks for the password.
	u.onClose()
	waitIdle(t, &u.tasks)
	f = u.showConnect(u.recentFiles()[0])
	if f.server.Text != pu.Host || f.database.Text != strings.TrimPrefix(pu.Path, "/") ||
		f.user.Text != pu.User.Username() || f.password.Text != "" {
		t.Errorf("remembered: %q %q %q, password %d characters", f.server.Text, f.database.Text, f.user.Text, len(f.password.Text))
	}
	if u.win.Canvas().Focused() != f.password {
		t.Error("the password's field does not have the focus")
	}
	test.Type(f.password, password+"x")
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	if u.session() != nil {
		t.Fatal("opened with a wrong password")
	}
	assertDialogSays(t, u.win, "refused this user name or password")
	u.win.Canvas().Overlays().Top().Hide()

	f = u.showConnect(u.recentFiles()[0])
	test.Type(f.password, password)
	tapDialogButton(t, u.win.Canvas(), "Connect")
	waitIdle(t, &u.tasks)
	if st := u.session(); st == nil || st.store.Path() != shown {
		t.Fatalf("not opened with the password typed again: %v", st)
	}
	assertNoPassword(t, u, password, logged.String())

	// congres desk URL opens it on the desk.
	d := newTestUI(t)
	d.start(Start{File: target, Desk: true})
	waitIdle(t, &d.tasks)
	if d.view == nil || d.view.current != deskPage {
		t.Errorf("congres desk URL opened on page %v", d.view)
	}
}

// assertNoPassword: neither the preferences, the window's title, the menu
// nor what was logged holds the password.
func assertNoPassword(t *testing.T, u *ui, password, logged string) {
	t.Helper()
	var where []string
	if p, ok := u.prefs.(interface{ ReadValues(func(map[string]any)) }); ok {
		p.ReadValues(func(m map[string]any) {
			for k, v := range m {
				if strings.Contains(fmt.Sprint(v), password) {
					where = append(where, "preference "+k)
				}
			}
		})
	} else {
		t.Error("the test app's preferences cannot be listed")
	}
	if strings.Contains(u.win.Title(), password) {
		where = append(where, "title")
	}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.Contains(it.Label, password) {
				where = append(where, "menu "+it.Label)
			}
			if it.ChildMenu != nil {
				for _, c := range it.ChildMenu.Items {
					if strings.Contains(c.Label, password) {
						where = append(where, "menu "+it.Label)
					}
				}
			}
		}
	}
	if strings.Contains(logged, password) {
		where = append(where, "log")
	}
	if len(where) > 0 {
		t.Errorf("the password is in: %s", strings.Join(where, ", "))
	}
}

// TestStartAsksForTheServersPassword: congres alone, when the congress
// opened last is a server's, shows the connection dialog filled from it
// (where there is no keyring its password is not remembered), and its Open
// Recent entry does too.
func TestStartAsksForTheServersPassword(t *testing.T) {
	u := newTestUI(t)
	u.prefs.SetStringList(prefRecent, []string{"postgres://accueil@salle.local:5433/assises"})
	u.start(Start{})
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "Connect to a shared congress")
	u.win.Canvas().Overlays().Top().Hide()
	u.refreshMenu()
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Label == "Open Recent" {
			it.ChildMenu.Items[0].Action()
		}
	}
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "Connect to a shared congress")
	if u.session() != nil {
		t.Error("a congress opened without asking")
	}
}
