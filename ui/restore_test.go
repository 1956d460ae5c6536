package ui

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// damageFile flips the page-type byte of one page after another of the
// congress file at path until it opens as damaged.
func damageFile(t *testing.T, path string) {
	t.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(good[16:18]))
	for page := 2; page*pageSize < len(good); page++ {
		b := append([]byte(nil), good...)
		b[(page-1)*pageSize] = 0x77
		os.WriteFile(path, b, 0o600)
		st, err := stores.Open(context.Background(), path)
		if errors.Is(err, data.ErrDamaged) {
			return
		}
		if err == nil {
			st.Close()
		}
	}
	t.Fatal("could not damage the file")
}

// damagedDemo makes a demo congress of 40 people, lets prepare change it
// (when not nil), backs it up, then damages it; it returns its path.
func damagedDemo(t *testing.T, prepare func(*data.Store) error) string {
	t.Helper()
	path := demoFile(t, 40)
	st, err := stores.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		err = prepare(st)
	}
	if err == nil {
		_, err = st.Backup(context.Background())
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	damageFile(t, path)
	return path
}

// tapButton taps the visible button labelled text in the window's content.
func tapButton(t *testing.T, u *ui, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the window", text)
}

// TestDamagedFileOpensWithBanner: a damaged file opens read only under a red
// banner whose "Restore a backup…" lists the backups; restoring one puts a
// whole file back, open for writing again, and keeps the damaged one aside.
func TestDamagedFileOpensWithBanner(t *testing.T) {
	ctx := context.Background()
	path := damagedDemo(t, nil)

	u := newTestUI(t)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	s := u.session()
	if s == nil {
		t.Fatal("the damaged file did not open")
	}
	if !errors.Is(s.store.ReadOnly(), data.ErrDamaged) {
		t.Fatalf("read only: %v", s.store.ReadOnly())
	}
	markup := test.RenderObjectToMarkup(u.win.Content())
	if !strings.Contains(markup, "is damaged") {
		t.Fatalf("no banner:\n%.2000s", markup)
	}
	tapButton(t, u, "Restore a backup…")
	waitIdle(t, &u.tasks)
	tapDialogButton(t, u.win.Canvas(), "Restore…")
	tapDialogButton(t, u.win.Canvas(), "Yes")
	waitIdle(t, &u.tasks)
	s = u.session()
	if s == nil || s.store.ReadOnly() != nil {
		t.Fatalf("after the restore: %v", s)
	}
	if rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{}); err != nil || len(rows) != 40 {
		t.Fatalf("after the restore: %d participants, %v", len(rows), err)
	}
	if strings.Contains(test.RenderObjectToMarkup(u.win.Content()), "is damaged") {
		t.Error("the banner stayed")
	}
	if aside, _ := filepath.Glob(strings.TrimSuffix(path, data.Extension) + "-damaged-*"); len(aside) != 1 {
		t.Errorf("kept aside: %v", aside)
	}
}

// TestDamagedLockedFileAsksThePIN: on a locked desk, the banner's "Restore a
// backup…" replaces the file only once the organiser's PIN is typed.
func TestDamagedLockedFileAsksThePIN(t *testing.T) {
	path := damagedDemo(t, func(st *data.Store) error {
		if err := st.SetDeskPIN(context.Background(), "2468"); err != nil {
			return err
		}
		return st.LockDesk(context.Background())
	})

	u := newTestUI(t)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	if s := u.session(); s == nil || !errors.Is(s.store.ReadOnly(), data.ErrDamaged) || !u.view.lock.locked() {
		t.Fatal("the file did not open damaged and locked")
	}
	tapButton(t, u, "Restore a backup…")
	waitIdle(t, &u.tasks)
	if _, ok := u.win.Canvas().Focused().(*pinEntry); !ok {
		t.Fatalf("Restore a backup… on a locked desk did not ask the PIN (focus on %T)", u.win.Canvas().Focused())
	}
}

// TestReadOnlyBannerKeepsTheWindowLow: the banner laid out first in a
// window not sized yet (a file opened at start-up, before the window shows)
// asks for a few lines' height, not for a word a line: the window grew taller
// than the screen, the desk's buttons under its bottom edge.
func TestReadOnlyBannerKeepsTheWindowLow(t *testing.T) {
	test.NewTempApp(t)
	banner := readOnlyBanner(data.ErrDamaged.With("/home/marie/Documents/congres-2026.congres"), func() {})
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(30, 30))
	w.SetContent(container.NewBorder(banner, nil, nil, nil, widget.NewLabel("")))
	if h := banner.MinSize().Height; h > 250 {
		t.Fatalf("the banner asks for %.0f px of height", h)
	}
}
