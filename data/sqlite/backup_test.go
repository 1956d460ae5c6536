package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestBackupAndRestore(t *testing.T) {
	s := mustOpen(t)
	now := sqlitetest.FixedClock(s, time.Date(2021, 11, 25, 8, 0, 0, 0, time.Local))
	anne := sqlitetest.AddPerson(t, s, "Anne", "Martin")
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(backup) != data.BackupDir(s.Path()) {
		t.Fatalf("backup in %s", backup)
	}
	// After the backup, a mistake: Anne deleted, Paul added.
	if err := s.DeleteParticipant(ctx, anne.ID); err != nil {
		t.Fatal(err)
	}
	sqlitetest.AddPerson(t, s, "Paul", "Petit")
	path := s.Path()
	s.Close()

	t.Run("Restore", func(t *testing.T) {
		*now = now.Add(time.Minute)
		if err := Restore(ctx, path, backup); err != nil {
			t.Fatal(err)
		}
		r, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		rows, _ := r.ListParticipants(ctx, data.ParticipantQuery{})
		if len(rows) != 1 || rows[0].FirstName != "Anne" {
			t.Fatalf("after restoring: %+v", rows)
		}
		// The state before the restore was itself backed up.
		list, _ := data.Backups(path)
		if len(list) != 2 {
			t.Fatalf("%d backups, want 2 (the restored one and the state before)", len(list))
		}
		before, err := Open(ctx, list[0].Path)
		if err != nil {
			t.Fatal(err)
		}
		defer before.Close()
		rows, _ = before.ListParticipants(ctx, data.ParticipantQuery{})
		if len(rows) != 1 || rows[0].FirstName != "Paul" {
			t.Fatalf("the safety backup holds %+v", rows)
		}
	})
	t.Run("ErrNotCongress", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.congres")
		os.WriteFile(bad, []byte("not a congress"), 0o600)
		before, _ := os.ReadFile(path)
		sqlitetest.WantErr(t, Restore(ctx, path, bad), data.ErrNotCongress)
		after, _ := os.ReadFile(path)
		if string(before) != string(after) {
			t.Fatal("a refused restore changed the file")
		}
	})
}

func TestBackupsKeepTheLast20(t *testing.T) {
	s := mustOpen(t)
	now := sqlitetest.FixedClock(s, time.Date(2021, 11, 25, 8, 0, 0, 0, time.Local))
	var last string
	for range data.KeepBackups + 3 {
		*now = now.Add(time.Minute)
		var err error
		if last, err = s.Backup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Backups()
	if err != nil || len(list) != data.KeepBackups || list[0].Path != last {
		t.Fatalf("%d backups, newest %v; %v", len(list), list[0], err)
	}
	// Two backups in the same second get distinct names.
	a, _ := s.Backup(ctx)
	b, _ := s.Backup(ctx)
	if a == b {
		t.Fatal("same name twice")
	}
}

func TestAutoBackup(t *testing.T) {
	s := mustOpen(t)
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { s.AutoBackup(cctx, 20*time.Millisecond, func(err error) { t.Error(err) }); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	waitFor := func(n int) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if list, _ := s.Backups(); len(list) >= n {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatalf("never reached %d backups", n)
	}
	waitFor(1) // on open
	time.Sleep(100 * time.Millisecond)
	if list, _ := s.Backups(); len(list) != 1 {
		t.Fatalf("%d backups without any change", len(list))
	}
	sqlitetest.FixedClock(s, time.Now().Add(time.Hour)) // a distinct name
	sqlitetest.AddPerson(t, s, "Anne", "Martin")
	waitFor(2)
	cancel()
	<-done

	// Opened again without a change since the last backup: no new backup.
	done2 := make(chan struct{})
	c2, cancel2 := context.WithCancel(ctx)
	go func() { s.AutoBackup(c2, time.Hour, func(err error) { t.Error(err) }); close(done2) }()
	time.Sleep(200 * time.Millisecond)
	cancel2()
	<-done2
	if list, _ := s.Backups(); len(list) != 2 {
		t.Fatalf("%d backups after reopening an unchanged file, want 2", len(list))
	}
}

func TestSaveCopy(t *testing.T) {
	s := mustOpen(t)
	sqlitetest.AddPerson(t, s, "Anne", "Martin")
	dest := filepath.Join(t.TempDir(), "copie.congres")
	if err := s.SaveCopy(ctx, dest); err != nil {
		t.Fatal(err)
	}
	c, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, _ := c.ListParticipants(ctx, data.ParticipantQuery{})
	if len(rows) != 1 {
		t.Fatalf("the copy holds %d participants", len(rows))
	}
	sqlitetest.WantErr(t, s.SaveCopy(ctx, s.Path()), data.ErrOutputIsCongress)
	sqlitetest.WantErr(t, s.SaveCopy(ctx, filepath.Dir(dest)+"/./"+filepath.Base(dest)), data.ErrOutputIsDatabase) // the copy is a congress now
	other := filepath.Join(filepath.Dir(dest), "notes.txt")
	if err := os.WriteFile(other, []byte("notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	sqlitetest.WantErr(t, s.SaveCopy(ctx, other), data.ErrFileExists)
	if b, _ := os.ReadFile(other); string(b) != "notes" {
		t.Fatalf("a copy replaced %q", b)
	}
}

func TestSaveCopyOddName(t *testing.T) {
	s := mustOpen(t)
	dest := filepath.Join(t.TempDir(), "l'équipe d'accueil.congres")
	if err := s.SaveCopy(ctx, dest); err != nil {
		t.Fatal(err)
	}
	c, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

func TestSaveCopyCancelled(t *testing.T) {
	s := mustOpen(t)
	sqlitetest.AddPerson(t, s, "Anne", "Martin")
	dest := filepath.Join(t.TempDir(), "copie.congres")
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.SaveCopy(cctx, dest); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 0 {
		t.Fatalf("a cancelled copy left %v", entries)
	}
}
