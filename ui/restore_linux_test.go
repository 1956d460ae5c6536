//go:build linux

package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// TestReadOnlyFolderOpensWithBanner: a file on a read-only disk (a read-only
// bind mount: root only) opens read only, under a banner that says so.
func TestReadOnlyFolderOpensWithBanner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a read-only mount needs root")
	}
	path := demoFile(t, 10)
	dir := filepath.Dir(path)
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("bind mount: %v", err)
	}
	defer syscall.Unmount(dir, syscall.MNT_DETACH)
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("read-only remount: %v", err)
	}
	u := newTestUI(t)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	s := u.session()
	if s == nil || data.KindOf(s.store.ReadOnly()) != data.KindReadOnly {
		t.Fatalf("open: %v", s)
	}
	if markup := test.RenderObjectToMarkup(u.win.Content()); !strings.Contains(markup, "read-only") {
		t.Fatalf("no banner:\n%.2000s", markup)
	}
	u.onClose()
	waitIdle(t, &u.tasks)
}

// TestDeskOnAReadOnlyFile: at the desk of a file that cannot be written, a
// scan still shows the person's card, and says why nothing was recorded,
// instead of an error dialog in place of the card.
func TestDeskOnAReadOnlyFile(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a read-only mount needs root")
	}
	path := demoFile(t, 10)
	st := mustOpen(t, path)
	rows, err := st.ListParticipants(context.Background(), data.ParticipantQuery{})
	if err != nil || len(rows) == 0 {
		t.Fatal(rows, err)
	}
	who := rows[0]
	st.Close()
	dir := filepath.Dir(path)
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("bind mount: %v", err)
	}
	defer syscall.Unmount(dir, syscall.MNT_DETACH)
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("read-only remount: %v", err)
	}
	ro, err := stores.OpenOrView(context.Background(), path)
	if err != nil || data.KindOf(ro.ReadOnly()) != data.KindReadOnly {
		t.Fatalf("open: %v, %v", err, ro)
	}
	defer ro.Close()
	a := test.NewTempApp(t)
	e := newTestEnv(t)
	s := newDeskScreen(e, ro, a.Preferences(), newBadgePrinter(e, ro, a.Preferences()))
	s.now = func() time.Time { return deskMorning }
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 700))
	s.loadAsync()
	waitIdle(t, e.tasks)
	test.Type(s.entry, who.Code)
	waitIdle(t, e.tasks)
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, e.tasks)
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog instead of the card: %s", test.RenderObjectToMarkup(top))
	}
	if s.shown == nil || s.shown.Participant.ID != who.ID {
		t.Fatalf("the card shows %+v, want %s", s.shown, who.Code)
	}
	if markup := test.RenderObjectToMarkup(e.win.Content()); !strings.Contains(markup, "read-only") {
		t.Fatalf("the card does not say why nothing was recorded:\n%.3000s", markup)
	}
}
