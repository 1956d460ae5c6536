package ui

import (
	"bytes"
	"context"
	"errors"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// TestServerSaveCopyAndBackups: on a congress kept on a real server, File →
// Save a Copy writes a complete congress file (never over a congress);
// the organiser's window backs the congress up as it opens it, into its
// folder of the user's own; Settings → Backups lists that backup with
// "Open this backup", which opens it as a file, to be read. A desk's
// window makes no backup. The password is in no file name, preference or
// log line.
func TestServerSaveCopyAndBackups(t *testing.T) {
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 30), target, nil); err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse(target)
	password, _ := pu.User.Password()
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	u := newTestUI(t)
	u.openAsync(target)
	waitIdle(t, &u.tasks)
	s := u.session()
	if s == nil || !onServer(s.store) {
		t.Fatalf("open congress %v", s)
	}
	if item := fileMenuItem(t, u, "Save a Copy…"); item.Disabled {
		t.Error("Save a Copy is disabled on a server's congress")
	}

	// Save a Copy: a complete congress file.
	dest := filepath.Join(t.TempDir(), "archive"+data.Extension)
	u.saveCopyAsync(s, dest)
	if !hasProgressBar(u.win.Canvas().Overlays().Top()) {
		t.Error("the copy shows no progress bar")
	}
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "A copy of the congress was saved")
	u.win.Canvas().Overlays().Top().Hide()
	assertSameAsServer(t, mustOpen(t, dest), s.store.(*data.Store), 30)
	u.saveCopyAsync(s, dest) // never over a congress
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "is a congress file or another database")
	u.win.Canvas().Overlays().Top().Hide()

	// The backup made as the window opened the congress.
	st := s.store.(*data.Store)
	folder := stores.ServerBackupFolder(u.backupRoot, target)
	if st.BackupFolder() != folder {
		t.Errorf("backups in %q, want %q", st.BackupFolder(), folder)
	}
	var list []data.BackupInfo
	waitFor(t, "the backup made at opening", &u.tasks, func() bool {
		list, _ = st.Backups()
		return len(list) == 1
	})
	if filepath.Dir(list[0].Path) != folder {
		t.Errorf("backup %s, not in %s", list[0].Path, folder)
	}
	b, err := data.OpenBackup(ctx, list[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameAsServer(t, b, st, 30)

	// Settings → Backups: listed, to be opened.
	set := u.view.show(settingsPage).(*settingsScreen)
	waitIdle(t, &u.tasks)
	if len(set.backups) != 1 || set.backupList.Length() != 1 {
		t.Fatalf("%d backups listed, want 1", len(set.backups))
	}
	row := set.backupList.CreateItem()
	set.backupList.UpdateItem(0, row)
	btn := row.(*fyne.Container).Objects[1].(*widget.Button)
	if btn.Text != "Open this backup" {
		t.Errorf("a server's backup offers %q", btn.Text)
	}
	if note := set.backupNote.Text; !strings.Contains(note, "is not restored onto the server") || !strings.Contains(note, folder) {
		t.Errorf("the Backups tab says %q", note)
	}
	test.Tap(btn)
	assertDialogSays(t, u.win, "Open this backup?")
	tapDialogButton(t, u.win.Canvas(), "Yes")
	waitIdle(t, &u.tasks)
	if o := u.session(); o == nil || onServer(o.store) || o.store.Path() != list[0].Path ||
		!errors.Is(o.store.ReadOnly(), data.ErrBackupOnlyRead) {
		t.Fatalf("after Open this backup: %v", o)
	}
	rows, err := u.session().store.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != 30 {
		t.Errorf("the backup opened shows %d participants (%v)", len(rows), err)
	}
	if samePath(u.startFolder(), folder) {
		t.Error("a copy of the backup would be saved among the backups")
	}
	// Chosen again (Open Recent, File → Open), it opens as a backup.
	u.onClose()
	u.openAsync(list[0].Path)
	waitIdle(t, &u.tasks)
	if o := u.session(); o == nil || !errors.Is(o.store.ReadOnly(), data.ErrBackupOnlyRead) {
		t.Errorf("the backup opened again: %v", o)
	}
	assertNoPassword(t, u, password, logged.String())

	// A desk's window makes none.
	d := newTestUI(t)
	d.start(Start{File: target, Desk: true})
	waitIdle(t, &d.tasks)
	if ds := d.session(); ds == nil || !onServer(ds.store) {
		t.Fatalf("the desk's window opened %v", ds)
	}
	select {
	case <-d.session().done: // no automatic backups running
	default:
		t.Error("a desk's window backs the server's congress up")
	}
	if entries, err := os.ReadDir(d.backupRoot); err == nil && len(entries) > 0 {
		t.Errorf("the desk's window backed up: %v", entries)
	}

	filepath.WalkDir(u.backupRoot, func(p string, _ os.DirEntry, _ error) error {
		if strings.Contains(p, password) {
			t.Errorf("%s holds the password", p)
		}
		return nil
	})
	if strings.Contains(logged.String(), password) {
		t.Error("the password was logged")
	}
}

// fileMenuItem is the File menu's item labelled label.
func fileMenuItem(t *testing.T, u *ui, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("File has no %q", label)
	return nil
}

// assertSameAsServer: the congress file f holds what the server holds: n
// participants, the programme, the categories and the rooms.
func assertSameAsServer(t *testing.T, f, server *data.Store, n int) {
	t.Helper()
	ctx := context.Background()
	rows, err := f.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != n {
		t.Errorf("%d participants in the file (%v), want %d", len(rows), err, n)
	}
	for name, count := range map[string]func(*data.Store) (int, error){
		"sessions":   func(s *data.Store) (int, error) { l, err := s.Sessions(ctx); return len(l), err },
		"categories": func(s *data.Store) (int, error) { l, err := s.Categories(ctx); return len(l), err },
		"rooms":      func(s *data.Store) (int, error) { l, err := s.Rooms(ctx); return len(l), err },
	} {
		a, err1 := count(f)
		b, err2 := count(server)
		if err1 != nil || err2 != nil || a != b || a == 0 {
			t.Errorf("%s: %d in the file (%v), %d on the server (%v)", name, a, err1, b, err2)
		}
	}
}

// hasProgressBar says o shows a progress bar that fills.
func hasProgressBar(o fyne.CanvasObject) bool {
	if o == nil {
		return false
	}
	for _, c := range test.LaidOutObjects(o) {
		if _, ok := c.(*widget.ProgressBar); ok {
			return true
		}
	}
	return false
}
