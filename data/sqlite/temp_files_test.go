package sqlite

import (
	"bytes"
	"congres/data"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// A file of someone's that happens to be named like a temporary file
// (dest.part, maybe a database) is never deleted: SaveCopy and WriteDemo
// write into a file of their own beside the target.
func TestTempFilesLeaveOthersFiles(t *testing.T) {
	mine := []byte("SQLite format 3\x00 someone's own database")
	for name, write := range map[string]func(dest string) error{
		"SaveCopy": func(dest string) error {
			s := mustOpen(t)
			defer s.Close()
			return s.SaveCopy(ctx, dest)
		},
		"WriteDemo": func(dest string) error {
			return data.WriteDemo(ctx, dest, data.DemoOptions{Participants: 5})
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, "dest.congres")
			for _, p := range []string{dest + ".part", dest + ".part-wal", dest + ".part-shm"} {
				if err := os.WriteFile(p, mine, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := write(dest); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{dest + ".part", dest + ".part-wal", dest + ".part-shm"} {
				if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, mine) {
					t.Errorf("%s: %q, %v", filepath.Base(p), b, err)
				}
			}
			checkWholeCongress(t, dest)
			assertOnly(t, dir, "dest.congres", "dest.congres.part", "dest.congres.part-wal", "dest.congres.part-shm")
		})
	}
}

// Two demos, or two copies, written at once to one name: one is written,
// the other says the file exists, and the file is whole. Neither leaves a
// temporary file.
func TestTempFilesConcurrent(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.congres")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { errs[i] = data.WriteDemo(ctx, demo, data.DemoOptions{Participants: 5}) })
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || !errors.Is(errors.Join(errs...), data.ErrFileExists) {
		t.Fatalf("two demos at once: %v", errs)
	}
	checkWholeCongress(t, demo)

	s := mustOpen(t)
	defer s.Close()
	dest := filepath.Join(dir, "copy.congres")
	for i := range errs {
		wg.Go(func() { errs[i] = s.SaveCopy(ctx, dest) })
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || !errors.Is(errors.Join(errs...), data.ErrFileExists) {
		t.Fatalf("two copies at once: %v", errs)
	}
	checkWholeCongress(t, dest)
	assertOnly(t, dir, "demo.congres", "copy.congres")
}

// checkWholeCongress checks that path is a whole congress file, readable by
// its owner only.
func checkWholeCongress(t *testing.T, path string) {
	t.Helper()
	if err := checkBackup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v, %v", path, info.Mode(), err)
	}
}

// assertOnly checks that dir holds only the files named (no temporary file
// left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := slices.Sorted(slices.Values(names))
	if slices.Sort(got); !slices.Equal(got, want) {
		t.Errorf("the folder holds %v, want %v", got, want)
	}
}
