package data

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

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
