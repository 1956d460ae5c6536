package sqlite

import (
	"bufio"
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// backupKillEnv names the file the child backs up and restores in a loop.
const backupKillEnv = "CONGRES_BACKUP_KILL_FILE"

// TestBackupRestoreKilled kills (SIGKILL) a process that backs a file up
// and restores the backup, over and over, at random moments: each time,
// the file opens whole with every person in it, and every backup listed is
// whole (a backup being written is never listed under a backup's name).
func TestBackupRestoreKilled(t *testing.T) {
	if path := os.Getenv(backupKillEnv); path != "" {
		backupRestoreLoop(t, path)
		return
	}
	s := mustOpen(t)
	for i := range 200 {
		sqlitetest.AddPerson(t, s, "Personne", fmt.Sprint(i))
	}
	path := s.Path()
	s.Close()
	runs := 12
	if testing.Short() {
		runs = 4
	}
	rnd := rand.New(rand.NewPCG(3, 14))
	for run := range runs {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestBackupRestoreKilled$")
		cmd.Env = append(os.Environ(), backupKillEnv+"="+path)
		out, _ := cmd.StdoutPipe()
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		if !sc.Scan() || sc.Text() != "LOOPING" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("run %d: the child did not start", run)
		}
		time.Sleep(time.Duration(20+rnd.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("run %d: after the kill: %v", run, err)
		}
		rows, err := s.ListParticipants(ctx, data.ParticipantQuery{})
		s.Close()
		if err != nil || len(rows) != 200 {
			t.Fatalf("run %d: after the kill, %d people (%v)", run, len(rows), err)
		}
		list, _ := data.Backups(path)
		for _, b := range list {
			if err := checkBackup(ctx, b.Path); err != nil {
				t.Fatalf("run %d: backup %s: %v", run, b.Path, err)
			}
		}
	}
	t.Logf("%d kills during backups and restores: %d survived, 0 lost", runs, runs)
}

// backupRestoreLoop backs path up and restores the backup until killed.
func backupRestoreLoop(t *testing.T, path string) {
	fmt.Println("LOOPING")
	for {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Backup(ctx)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := Restore(ctx, path, b); err != nil {
			t.Fatal(err)
		}
	}
}
