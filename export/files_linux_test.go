package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"congres/data"
)

// TestWriteFileConditions: an export to a folder that cannot be written, or
// onto a full disk, is a sentence in both languages, never "internal
// error", and leaves the previous file and no temporary file behind. The
// small disk is a tmpfs, which needs root; as another user a folder without
// write permission stands in for the read-only one.
func TestWriteFileConditions(t *testing.T) {
	dir := t.TempDir()
	mounted := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k") == nil
	if mounted {
		defer syscall.Unmount(dir, 0)
	}
	pdf := filepath.Join(dir, "badges.pdf")
	if err := WriteFile(pdf, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, err error, want *data.Error, fr string) {
		t.Helper()
		if !errors.Is(err, want) || data.KindOf(err) == data.KindInternal || !strings.Contains(data.Message(err, "fr"), fr) {
			t.Fatalf("got %v (%s), want %s", err, data.Message(err, "fr"), want.Code)
		}
		if b, _ := os.ReadFile(pdf); string(b) != "first" {
			t.Errorf("the previous file holds %q", b)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "badges.pdf" {
				t.Errorf("left %s behind", e.Name())
			}
		}
	}
	t.Run("ErrDiskFull", func(t *testing.T) {
		if !mounted {
			t.Skip("a small disk needs root (tmpfs)")
		}
		err := WriteFile(pdf, func(w io.Writer) error {
			_, err := w.Write(make([]byte, 1<<20))
			return err
		})
		check(t, err, data.ErrDiskFull, "plein")
	})
	t.Run("ErrFolderNotWritable", func(t *testing.T) {
		if mounted {
			if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
				t.Fatal(err)
			}
		} else {
			os.Chmod(dir, 0o555)
			defer os.Chmod(dir, 0o755)
		}
		err := WriteFile(pdf, func(w io.Writer) error { _, err := io.WriteString(w, "second"); return err })
		check(t, err, data.ErrFolderNotWritable, "lecture seule")
	})
}

// TestWriteFileMode: a new document is readable by its owner alone, as the
// congress is; one that replaces a file keeps that file's permissions.
func TestWriteFileMode(t *testing.T) {
	dir := t.TempDir()
	write := func(p string) {
		t.Helper()
		if err := WriteFile(p, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	mode := func(p string) os.FileMode {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	fresh := filepath.Join(dir, "new.pdf")
	write(fresh)
	if m := mode(fresh); m != 0o600 {
		t.Errorf("a new export is %o, want 600", m)
	}
	shared := filepath.Join(dir, "shared.pdf")
	if err := os.WriteFile(shared, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o640)
	write(shared)
	if m := mode(shared); m != 0o640 {
		t.Errorf("a replaced export is %o, want 640 as before", m)
	}
}
