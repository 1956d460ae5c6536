//go:build linux

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
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
