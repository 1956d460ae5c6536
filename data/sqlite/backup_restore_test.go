package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// damage flips a page-type byte of a table page of the congress file at
// path until Open finds the file damaged.
func damage(t *testing.T, path string) {
	t.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(good[16:18]))
	for page := 2; page*pageSize < len(good); page++ {
		b := append([]byte(nil), good...)
		b[(page-1)*pageSize] = 0x77 // no page type
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, path)
		if errors.Is(err, data.ErrDamaged) {
			return
		}
		if err == nil {
			s.Close()
		}
	}
	t.Fatal("could not damage the file")
}

// TestDamagedBackupNeverRestored: a damaged backup is marked, and a
// restore from it is refused before anything changes.
func TestDamagedBackupNeverRestored(t *testing.T) {
	path, backup := sqlitetest.BackedUpFile(t, 30, Create)
	damage(t, backup)
	before := sqlitetest.FileSums(t, path)
	sqlitetest.WantErr(t, Restore(ctx, path, backup), data.ErrBackupDamaged)
	after := sqlitetest.FileSums(t, path)
	if before[""] != after[""] {
		t.Fatal("a refused restore changed the file")
	}
	// A truncated backup is marked in the list.
	b, _ := os.ReadFile(backup)
	os.WriteFile(backup, b[:len(b)-1000], 0o600)
	list, _ := data.Backups(path)
	if len(list) != 1 || !list[0].Damaged {
		t.Fatalf("list: %+v", list)
	}
}

// TestRestoreOverDamagedFile: a damaged file opens read only (nothing is
// written to it, its backups stay); a restore replaces it and keeps it
// aside, renamed, byte for byte.
func TestRestoreOverDamagedFile(t *testing.T) {
	path, backup := sqlitetest.BackedUpFile(t, 30, Create)
	damage(t, path)
	damaged, _ := os.ReadFile(path)

	v, err := OpenOrView(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	sqlitetest.WantErr(t, v.ReadOnly(), data.ErrDamaged)
	if _, err := v.Backup(ctx); !errors.Is(err, data.ErrDamaged) {
		t.Fatalf("backing up a damaged file: %v", err)
	}
	if list, _ := data.Backups(path); len(list) != 1 {
		t.Fatalf("%d backups after backing up a damaged file", len(list))
	}
	v.Close()

	if err := Restore(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if rows, _ := r.ListParticipants(ctx, data.ParticipantQuery{}); len(rows) != 30 {
		t.Fatalf("%d people after the restore", len(rows))
	}
	aside, _ := filepath.Glob(strings.TrimSuffix(path, data.Extension) + "-damaged-*" + data.Extension)
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != string(damaged) {
		t.Fatal("the damaged file was not kept as it was")
	}
}

// TestStaleTemporaryFilesRemoved: the temporary files a killed backup
// leaves are removed by a later one once they are old, and only then.
func TestStaleTemporaryFilesRemoved(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	dir := data.BackupDir(s.Path())
	old := filepath.Join(dir, ".test-20211125-080000-000000.congres.123.part")
	young := filepath.Join(dir, ".test-20211125-080000-000000.congres.456.part")
	os.WriteFile(old, []byte("x"), 0o600)
	os.WriteFile(young, []byte("x"), 0o600)
	os.Chtimes(old, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if fileExists(old) {
		t.Error("the old temporary file stayed")
	}
	if !fileExists(young) {
		t.Error("a young temporary file (maybe another process's backup) was removed")
	}
}
