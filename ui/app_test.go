package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/ui/keyring"
)

// newTestUI is the application on fyne's test driver, with its background
// updates run by waitFor.
func newTestUI(t *testing.T) *ui {
	t.Helper()
	u := newUI(test.NewTempApp(t))
	u.tasks.queue = make(chan func(), 64)
	u.demoPath = filepath.Join(t.TempDir(), "demo"+data.Extension)
	u.backupRoot = filepath.Join(t.TempDir(), "backups") // a server congress's backups
	// Never the keyring of the machine that runs the tests.
	u.keys = keyring.None{}
	t.Cleanup(func() {
		waitIdle(t, &u.tasks)
		u.shutdown()
		u.win.Close()
	})
	return u
}

func TestOpenShowsTheCongress(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 60)
	u.openAsync(path)
	waitIdle(t, &u.tasks)

	s := u.session()
	if s == nil || !samePath(s.store.Path(), path) {
		t.Fatalf("open file = %v, want %s", s, path)
	}
	c, err := s.store.Congress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Congrès — " + c.Name; u.win.Title() != want {
		t.Errorf("title = %q, want %q", u.win.Title(), want)
	}
	if got := u.recentFiles(); len(got) != 1 || !samePath(got[0], path) {
		t.Errorf("recent files = %q", got)
	}
	stats, err := s.store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dash := u.view.pages[0].screen.(*dashboardScreen)
	if want := strconv.Itoa(stats.Registered); dash.name.Text != c.Name || dash.cards[0].Title != want ||
		stats.Registered+stats.Cancelled != 60 {
		t.Errorf("dashboard shows %q with %q registered; want %s (and %d cancelled)", dash.name.Text,
			dash.cards[0].Title, want, stats.Cancelled)
	}
}

func TestSidebarSwitchesScreens(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 60))
	waitIdle(t, &u.tasks)
	if u.view == nil {
		t.Fatal("no file open")
	}
	for i, p := range u.view.pages {
		u.view.nav.Select(i)
		waitIdle(t, &u.tasks)
		if u.view.current != i || len(u.view.content.Objects) != 1 || u.view.content.Objects[0] != p.view {
			t.Fatalf("after choosing %q, the content is not its screen", p.title)
		}
	}

	// Each screen shows the file's data.
	if rows, _ := u.view.pages[1].screen.(*participantsScreen).table.table.Length(); rows != 60 {
		t.Errorf("participants: %d rows, want 60", rows)
	}
	prog := u.view.pages[2].screen.(*programmeScreen)
	sessions, _ := u.session().store.Sessions(context.Background())
	if len(sessions) == 0 || len(prog.rows) <= len(sessions) {
		t.Errorf("programme: %d lines for %d sessions (and their days)", len(prog.rows), len(sessions))
	}
	stands, _ := u.session().store.Stands(context.Background())
	if rows, _ := u.view.pages[3].screen.(*standsScreen).table.table.Length(); rows != len(stands) {
		t.Errorf("stands: %d rows, want %d", rows, len(stands))
	}
	settings := u.view.pages[6].screen.(*settingsScreen)
	if len(settings.categories) == 0 || len(settings.backups) == 0 {
		t.Errorf("settings: %d categories, %d backups", len(settings.categories), len(settings.backups))
	}
}

func TestOpenNotACongressFile(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notes, []byte("Liste des courses\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("NoFileOpen", func(t *testing.T) {
		u := newTestUI(t)
		u.openAsync(notes)
		waitIdle(t, &u.tasks)
		if u.session() != nil {
			t.Fatal("a store is open")
		}
		assertDialogSays(t, u.win, "is not a congress file")
		if u.view != nil {
			t.Error("the main view is shown")
		}
	})

	t.Run("PreviousFileStays", func(t *testing.T) {
		u := newTestUI(t)
		path := demoFile(t, 10)
		u.openAsync(path)
		waitIdle(t, &u.tasks)
		u.openAsync(notes)
		waitIdle(t, &u.tasks)
		if s := u.session(); s == nil || !samePath(s.store.Path(), path) {
			t.Fatalf("open file = %v, want %s", s, path)
		}
		assertDialogSays(t, u.win, "is not a congress file")
		if _, err := u.session().store.Congress(context.Background()); err != nil {
			t.Errorf("the previous file is no longer usable: %v", err)
		}
	})
}

func TestMissingRecentFileIsForgotten(t *testing.T) {
	u := newTestUI(t)
	missing := filepath.Join(t.TempDir(), "gone"+data.Extension)
	u.prefs.SetStringList(prefRecent, []string{missing})
	u.start(Start{})
	waitIdle(t, &u.tasks)
	if u.session() != nil {
		t.Fatal("a store is open")
	}
	assertDialogSays(t, u.win, "does not exist")
	if got := u.recentFiles(); len(got) != 0 {
		t.Errorf("recent files = %q, want none", got)
	}
}

func TestOpenTheDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the full demo")
	}
	u := newTestUI(t)
	u.onOpenDemo()
	waitIdle(t, &u.tasks)
	if s := u.session(); s == nil || !samePath(s.store.Path(), u.demoPath) {
		t.Fatalf("open file = %v, want the demo", s)
	}
}

func TestCloseShowsWelcome(t *testing.T) {
	u := newTestUI(t)
	st := demoFile(t, 10)
	u.openAsync(st)
	waitIdle(t, &u.tasks)
	u.onClose()
	waitIdle(t, &u.tasks)
	if u.session() != nil || u.view != nil {
		t.Fatal("the file is still open")
	}
	if u.win.Title() != "Congrès" {
		t.Errorf("title = %q", u.win.Title())
	}
	// The closed file can be opened again.
	u.openAsync(st)
	waitIdle(t, &u.tasks)
	if u.session() == nil {
		t.Fatal("could not reopen the file")
	}
}

// assertDialogSays checks that the window's top overlay is a dialog
// containing want.
func assertDialogSays(t *testing.T, w fyne.Window, want string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	if markup := test.RenderObjectToMarkup(top); !strings.Contains(markup, want) {
		t.Errorf("the dialog does not say %q:\n%s", want, markup)
	}
}
