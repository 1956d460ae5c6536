//go:build linux

package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyEnvDir names the folder the unprivileged child works in.
const readOnlyEnvDir = "CONGRES_RO_DIR"

// TestReadOnlyFiles: a read-only file, or a file in a read-only folder,
// opens read only: reading and copying work, every write gets a sentence
// (never "internal error"), and the file stays as it was; a new congress
// in a read-only folder is refused with a sentence. Root ignores
// permissions, so as root the checks run in a child process (this test
// binary again) as the unprivileged user nobody.
func TestReadOnlyFiles(t *testing.T) {
	if dir := os.Getenv(readOnlyEnvDir); dir != "" {
		readOnlyChecks(t, dir)
		return
	}
	dir, err := os.MkdirTemp("", "congres-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	mk := func(sub string) string {
		d := filepath.Join(dir, sub)
		os.Mkdir(d, 0o777)
		s, err := Create(ctx, filepath.Join(d, "test"+data.Extension), data.Congress{Name: "x", Days: []data.Day{sqlitetest.Day1, sqlitetest.Day2}})
		if err != nil {
			t.Fatal(err)
		}
		sqlitetest.AddPerson(t, s, "Anne", "Martin")
		s.Close()
		return filepath.Join(d, "test"+data.Extension)
	}
	roFile, roFolder := mk("file"), mk("folder")
	os.Chmod(roFile, 0o444)
	os.Chmod(filepath.Dir(roFile), 0o777)
	os.Chmod(roFolder, 0o666)
	os.Chmod(filepath.Dir(roFolder), 0o555)
	os.Chmod(dir, 0o755)
	if os.Geteuid() != 0 {
		readOnlyChecks(t, dir)
		return
	}
	// Root: the test binary again, as nobody, from a place nobody may read.
	exe := filepath.Join(dir, "congres.test")
	b, err := os.ReadFile(os.Args[0])
	if err == nil {
		err = os.WriteFile(exe, b, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run", "^TestReadOnlyFiles$", "-test.v")
	cmd.Env = append(os.Environ(), readOnlyEnvDir+"="+dir, "HOME="+dir, "TMPDIR="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	t.Logf("as nobody:\n%s", out)
}

func readOnlyChecks(t *testing.T, dir string) {
	for _, c := range []struct {
		name string
		path string
		want *data.Error
	}{
		{"ReadOnlyFile", filepath.Join(dir, "file", "test"+data.Extension), data.ErrFileReadOnly},
		{"ReadOnlyFolder", filepath.Join(dir, "folder", "test"+data.Extension), data.ErrFolderReadOnly},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			s, err := Open(ctx, c.path)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			sqlitetest.WantErr(t, s.ReadOnly(), c.want)
			rows, err := s.ListParticipants(ctx, data.ParticipantQuery{})
			if err != nil || len(rows) != 1 {
				t.Fatalf("reading: %d rows, %v", len(rows), err)
			}
			err = s.CreateParticipant(ctx, &data.Participant{FirstName: "Paul", LastName: "Durand", CategoryID: rows[0].CategoryID,
				Status: data.StatusConfirmed, Days: []data.Day{sqlitetest.Day1}})
			sqlitetest.WantErr(t, err, c.want)
			if _, err := s.Backup(ctx); err != nil && data.KindOf(err) == data.KindInternal {
				t.Errorf("backup: %v", err)
			}
			copyPath := filepath.Join(dir, "file", c.name+"-copy"+data.Extension)
			if err := s.SaveCopy(ctx, copyPath); err != nil {
				t.Errorf("save a copy: %v", err)
			}
			s.Close()
			untouched(t, c.path, before)
			if c.want == data.ErrFolderReadOnly {
				_, err := Create(ctx, filepath.Join(filepath.Dir(c.path), "new"+data.Extension), data.Congress{Name: "x", Days: []data.Day{sqlitetest.Day1}})
				sqlitetest.WantErr(t, err, data.ErrFolderNotWritable)
			}
		})
	}
}

// TestDiskFull fills a small disk (a 1 MB tmpfs: root only) with people:
// the write that does not fit gets the "disk full" sentence, and every
// person acknowledged before is in the file.
func TestDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	defer syscall.Unmount(dir, 0)
	path := filepath.Join(dir, "full"+data.Extension)
	s, err := Create(ctx, path, data.Congress{Name: "x", Days: []data.Day{sqlitetest.Day1}})
	if err != nil {
		sqlitetest.WantErr(t, err, data.ErrDiskFull)
		t.Skip("the disk is too small for an empty congress")
	}
	cat := sqlitetest.NewPerson(t, s, "", "").CategoryID
	added := 0
	for i := range 5000 {
		p := data.Participant{FirstName: "Personne", LastName: fmt.Sprint("N", i), Notes: strings.Repeat("x", 1500),
			CategoryID: cat, Status: data.StatusConfirmed, Days: []data.Day{sqlitetest.Day1}}
		err = s.CreateParticipant(ctx, &p)
		if err != nil {
			break
		}
		added++
	}
	if err == nil {
		t.Fatal("the disk never filled")
	}
	if !errors.Is(err, data.ErrDiskFull) {
		t.Fatalf("when the disk is full: %v (kind %d), %q", err, data.KindOf(err), data.Message(err, "en"))
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		// Reopening needs room for the WAL index: the file is still whole.
		t.Logf("reopening the full disk: %v", err)
		return
	}
	defer s.Close()
	rows, err := s.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != added {
		t.Fatalf("after the disk filled: %d people, %v (want %d)", len(rows), err, added)
	}
	t.Logf("%d people fitted before the disk was full", added)
}
