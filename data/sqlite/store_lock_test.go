package sqlite

import (
	"bufio"
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// holderEnvFile names the file the holding child process keeps open.
const holderEnvFile = "CONGRES_HOLD_FILE"

// TestRestoreRefusedWhileOpenElsewhere has a second process (this test
// binary again) keep the file open, as another window would. A restore,
// from this process, is refused with a sentence, and changes nothing: the
// other process's later check-ins are all in the file after it closes.
func TestRestoreRefusedWhileOpenElsewhere(t *testing.T) {
	if path := os.Getenv(holderEnvFile); path != "" {
		holdChild(t, path)
		return
	}
	path, backup := sqlitetest.BackedUpFile(t, 1, Create)

	cmd := exec.Command(os.Args[0], "-test.run", "^TestRestoreRefusedWhileOpenElsewhere$")
	cmd.Env = append(os.Environ(), holderEnvFile+"="+path)
	cmd.Stderr = os.Stderr
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	expect := func(want string) {
		t.Helper()
		for lines.Scan() {
			if lines.Text() == want {
				return
			}
		}
		t.Fatalf("the child did not say %q", want)
	}
	expect("OPEN")

	err := Restore(ctx, path, backup)
	sqlitetest.WantErr(t, err, data.ErrOpenElsewhere)

	// The other process goes on checking people in, then closes.
	fmt.Fprintln(in, "write")
	expect("WROTE")
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != 101 {
		t.Fatalf("after the refused restore: %d participants, %v (want 101)", len(rows), err)
	}
	// Once the other process has closed it, the restore goes through.
	s.Close()
	if err := Restore(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
}

// holdChild opens path, says OPEN, and on "write" adds 100 people one by
// one (each its own transaction, as check-ins are), then says WROTE; it
// closes the file when its input ends.
func holdChild(t *testing.T, path string) {
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("OPEN")
	r := bufio.NewReader(os.Stdin)
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) {
			return
		}
		if line == "write\n" {
			for i := range 100 {
				sqlitetest.AddPerson(t, s, "Personne", fmt.Sprint(i))
			}
			fmt.Println("WROTE")
		}
	}
}

// TestRestoreRefusedWhileOpenHere: a store open in this same process (a
// window) keeps a restore out too; the window's own restore closes its
// store first.
func TestRestoreRefusedWhileOpenHere(t *testing.T) {
	s := mustOpen(t)
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sqlitetest.AddPerson(t, s, "Anne", "Martin")
	sqlitetest.WantErr(t, Restore(ctx, s.Path(), backup), data.ErrOpenElsewhere)
	if rows, _ := s.ListParticipants(ctx, data.ParticipantQuery{}); len(rows) != 1 {
		t.Fatal("the refused restore changed the file")
	}
	s.Close()
	if err := Restore(ctx, s.Path(), backup); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Path() + lockSuffix); err == nil {
		t.Error("the lock companion stayed after the last close")
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	for _, e := range entries {
		if e.Name() != filepath.Base(s.Path()) && e.Name() != "backups" {
			t.Errorf("left beside the file: %s", e.Name())
		}
	}
}
