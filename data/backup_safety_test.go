package data

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
		if errors.Is(err, ErrDamaged) {
			return
		}
		if err == nil {
			s.Close()
		}
	}
	t.Fatal("could not damage the file")
}

// TestBackupsAtTheSameInstant: backups made at the same instant (a fixed
// clock), at the same time, each get a file of their own, 0600 in a 0700
// folder, and are listed in the order they were made.
func TestBackupsAtTheSameInstant(t *testing.T) {
	s := mustOpen(t)
	fixedClock(s, time.Date(2021, 11, 25, 8, 0, 0, 0, time.Local))
	addPerson(t, s, "Anne", "Martin")
	var wg sync.WaitGroup
	paths := make([]string, 8)
	errs := make([]error, 8)
	for i := range paths {
		wg.Go(func() { paths[i], errs[i] = s.Backup(ctx) })
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, p := range paths {
		if errs[i] != nil {
			t.Fatalf("backup %d: %v", i, errs[i])
		}
		if seen[p] {
			t.Fatalf("two backups named %s", p)
		}
		seen[p] = true
		st, err := os.Stat(p)
		if err != nil {
			t.Fatalf("backup %d is gone: %v", i, err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("backup %s is %v, want 0600", filepath.Base(p), st.Mode().Perm())
		}
	}
	if st, _ := os.Stat(BackupDir(s.Path())); st.Mode().Perm() != 0o700 {
		t.Errorf("backups folder %v, want 0700", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(BackupDir(s.Path()))
	if len(entries) != len(paths) {
		t.Fatalf("%d files in the backups folder, want %d (no .part left)", len(entries), len(paths))
	}
	list, _ := s.Backups()
	for i := 1; i < len(list); i++ {
		if list[i].n >= list[i-1].n {
			t.Fatalf("not newest first: %s before %s", filepath.Base(list[i-1].Path), filepath.Base(list[i].Path))
		}
	}
}

// TestBackupsInTrueOrder: backups a fraction of a second apart are listed
// (and so rotated) in the order they were made, and names of the older
// form, to the second, are still read.
func TestBackupsInTrueOrder(t *testing.T) {
	s := mustOpen(t)
	now := fixedClock(s, time.Date(2021, 11, 25, 8, 0, 0, 900_000_000, time.Local))
	var made []string
	for range 3 {
		p, err := s.Backup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
		*now = now.Add(300 * time.Millisecond) // 08:00:00.9, 08:00:01.2, 08:00:01.5
	}
	dir := BackupDir(s.Path())
	b, _ := os.ReadFile(made[0])
	old := []string{"test-20211125-075959.congres", "test-20211125-075959-2.congres", "test-20211125-080001-2.congres"}
	for _, name := range old {
		os.WriteFile(filepath.Join(dir, name), b, 0o600)
	}
	list, _ := s.Backups()
	var got []string
	for _, b := range list {
		got = append(got, filepath.Base(b.Path))
	}
	want := []string{filepath.Base(made[2]), filepath.Base(made[1]), old[2], filepath.Base(made[0]), old[1], old[0]}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDamagedBackupNeverRestored: a damaged backup is marked, and a
// restore from it is refused before anything changes.
func TestDamagedBackupNeverRestored(t *testing.T) {
	path, backup := backedUpFile(t, 30)
	damage(t, backup)
	before := fileSums(t, path)
	wantErr(t, Restore(ctx, path, backup), ErrBackupDamaged)
	after := fileSums(t, path)
	if before[""] != after[""] {
		t.Fatal("a refused restore changed the file")
	}
	// A truncated backup is marked in the list.
	b, _ := os.ReadFile(backup)
	os.WriteFile(backup, b[:len(b)-1000], 0o600)
	list, _ := Backups(path)
	if len(list) != 1 || !list[0].Damaged {
		t.Fatalf("list: %+v", list)
	}
}

// TestRestoreOverDamagedFile: a damaged file opens read only (nothing is
// written to it, its backups stay); a restore replaces it and keeps it
// aside, renamed, byte for byte.
func TestRestoreOverDamagedFile(t *testing.T) {
	path, backup := backedUpFile(t, 30)
	damage(t, path)
	damaged, _ := os.ReadFile(path)

	v, err := OpenOrView(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, v.ReadOnly(), ErrDamaged)
	if _, err := v.Backup(ctx); !errors.Is(err, ErrDamaged) {
		t.Fatalf("backing up a damaged file: %v", err)
	}
	if list, _ := Backups(path); len(list) != 1 {
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
	if rows, _ := r.ListParticipants(ctx, ParticipantQuery{}); len(rows) != 30 {
		t.Fatalf("%d people after the restore", len(rows))
	}
	aside, _ := filepath.Glob(strings.TrimSuffix(path, Extension) + "-damaged-*" + Extension)
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
	dir := BackupDir(s.Path())
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
