package stores

import (
	"bytes"
	"context"
	"errors"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

func TestServerBackupFolder(t *testing.T) {
	root := filepath.Join("r", "backups")
	for _, c := range []struct{ target, want string }{
		{"postgres://desk:s3cret@db.local:5433/assises?sslmode=require", "db.local-5433-assises"},
		{"postgres://desk@db.local/assises", "db.local-5432-assises"},
		{"host=db.local port=5433 dbname=assises user=desk password=s3cret", "db.local-5433-assises"},
		{"postgres://desk:s3cret@/assises?host=/run/postgresql", "_run_postgresql-5432-assises"},
	} {
		got := ServerBackupFolder(root, c.target)
		if got != filepath.Join(root, c.want) {
			t.Errorf("ServerBackupFolder(%q) = %q, want %q", c.target, got, c.want)
		}
		if strings.Contains(got, "s3cret") || strings.Contains(got, "desk") {
			t.Errorf("%q names the account", got)
		}
	}
	if r, err := ServerBackupRoot(); err == nil && filepath.Base(filepath.Dir(r)) != "Congrès" {
		t.Errorf("root %q", r)
	}
}

// TestServerBackups: a congress on a real server is backed up as a
// complete congress file in its folder (0700, the files 0600, no password
// in any name or log line), once when AutoBackup starts, then only when
// the server changed since, whoever changed it: another laptop's write
// counts. The 20 newest are kept. A backup opens as a file, to be read;
// restoring onto the server is refused.
func TestServerBackups(t *testing.T) {
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	u, _ := url.Parse(target)
	password, _ := u.User.Password()
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	demo := filepath.Join(t.TempDir(), "demo"+data.Extension)
	if err := data.WriteDemo(ctx, demo, data.DemoOptions{Participants: 40}); err != nil {
		t.Fatal(err)
	}
	if err := Copy(ctx, demo, target, nil); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Backup(ctx); err == nil {
		t.Error("a server's congress backed up with no folder set")
	}
	dir := ServerBackupFolder(filepath.Join(t.TempDir(), "Congrès", "backups"), target)
	s.SetBackupFolder(dir)
	if s.BackupFolder() != dir {
		t.Errorf("BackupFolder %q", s.BackupFolder())
	}

	// AutoBackup makes the first one as it starts.
	auto, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.AutoBackup(auto, time.Hour, func(err error) { t.Errorf("automatic backup: %v", err) })
	}()
	list := waitBackups(t, s, 1)
	stop()
	<-done
	first := list[0].Path
	for _, p := range []string{dir, first} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o600)
		if st.IsDir() {
			want = 0o700
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, st.Mode().Perm(), want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the backup alone", len(entries))
	}
	assertSameCongress(t, first, s, 40)

	// Unchanged: nothing new. Another laptop's write: a new backup.
	if p, err := s.BackupIfChanged(ctx); p != "" || err != nil {
		t.Errorf("an unchanged congress backed up again: %q, %v", p, err)
	}
	other, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	cats, _ := other.Categories(ctx)
	p := data.Participant{FirstName: "Ada", LastName: "Lovelace", CategoryID: cats[0].ID}
	if err := other.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	other.Close()
	second, err := s.BackupIfChanged(ctx)
	if err != nil || second == "" {
		t.Fatalf("another laptop's change not backed up: %q, %v", second, err)
	}
	assertSameCongress(t, second, s, 41)
	if p, err := s.BackupIfChanged(ctx); p != "" || err != nil {
		t.Errorf("backed up again: %q, %v", p, err)
	}

	// The 20 newest are kept.
	for range data.KeepBackups + 2 {
		if _, err := s.Backup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, err = s.Backups()
	if err != nil || len(list) != data.KeepBackups {
		t.Fatalf("%d backups kept (%v), want %d", len(list), err, data.KeepBackups)
	}

	// A backup opens as a file, to be read.
	b, err := data.OpenBackup(ctx, list[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(b.ReadOnly(), data.ErrBackupOnlyRead) {
		t.Errorf("the backup opens with %v", b.ReadOnly())
	}
	b.Close()
	if err := Restore(ctx, target, list[0].Path); !errors.Is(err, ErrFileOnly) {
		t.Errorf("restore onto the server: %v", err)
	}
	if _, err := Backups(target); !errors.Is(err, ErrFileOnly) {
		t.Errorf("Backups(URL): %v", err)
	}

	filepath.WalkDir(filepath.Dir(dir), func(p string, _ os.DirEntry, _ error) error {
		if strings.Contains(p, password) {
			t.Errorf("%s holds the password", p)
		}
		return nil
	})
	if strings.Contains(logged.String(), password) {
		t.Errorf("the password logged: %s", logged.String())
	}
}

// waitBackups waits until the congress has n backups, and lists them.
func waitBackups(t *testing.T, s *data.Store, n int) []data.BackupInfo {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		list, err := s.Backups()
		if err != nil {
			t.Fatal(err)
		}
		if len(list) >= n {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d backups after 30 s, want %d", len(list), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// assertSameCongress: the file at path is a whole congress, with the
// server's participants (n), programme and categories.
func assertSameCongress(t *testing.T, path string, server *data.Store, n int) {
	t.Helper()
	ctx := context.Background()
	f, err := data.OpenBackup(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != n {
		t.Errorf("%s: %d participants (%v), want %d", path, len(rows), err, n)
	}
	for name, count := range map[string]func(*data.Store) (int, error){
		"sessions":   func(s *data.Store) (int, error) { l, err := s.Sessions(ctx); return len(l), err },
		"categories": func(s *data.Store) (int, error) { l, err := s.Categories(ctx); return len(l), err },
	} {
		a, err1 := count(f)
		b, err2 := count(server)
		if err1 != nil || err2 != nil || a != b || a == 0 {
			t.Errorf("%s: %d in the backup (%v), %d on the server (%v)", name, a, err1, b, err2)
		}
	}
}
