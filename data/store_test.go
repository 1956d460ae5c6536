package data

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCreateAndReopen(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Éric", "Béasse")
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Participant(ctx, p.ID)
	if err != nil || got.FullName() != "Éric Béasse" || got.Code != p.Code {
		t.Fatalf("after reopening: %+v, %v", got, err)
	}
	c, err := s2.Congress(ctx)
	if err != nil || c.Name != "Congrès de test" || len(c.Days) != 2 {
		t.Fatalf("congress: %+v, %v", c, err)
	}
	cats, err := s2.Categories(ctx)
	if err != nil || len(cats) != 9 || cats[0].Name != "Adhérent·e" || cats[8].Name != "Bénévole" {
		t.Fatalf("default categories: %+v, %v", cats, err)
	}
}

func TestMigrationsFromEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty"+Extension)
	s, err := Create(ctx, path, Congress{Name: "x", Days: []Day{day1}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version, recorded int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRow("SELECT count(*) FROM schema_migration").Scan(&recorded); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() || recorded != SchemaVersion() || version < 1 {
		t.Fatalf("user_version %d, %d recorded, want %d", version, recorded, SchemaVersion())
	}
	// Opening again applies nothing twice.
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.r.QueryRow("SELECT count(*) FROM schema_migration").Scan(&recorded)
	if recorded != SchemaVersion() {
		t.Fatalf("%d migrations recorded after reopening", recorded)
	}
}

func TestConnectionSettings(t *testing.T) {
	s := mustOpen(t)
	// Hold several reader connections at once so that the pool opens them.
	var conns []*sql.Conn
	for range 3 {
		c, err := s.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	w, err := s.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conns = append(conns, w)
	for i, c := range conns {
		var fk, sync, busy int
		var journal string
		c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
		c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy)
		c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal)
		if fk != 1 || sync != 2 || busy < 1000 || journal != "wal" {
			t.Errorf("connection %d: foreign_keys=%d synchronous=%d busy_timeout=%d journal_mode=%s", i, fk, sync, busy, journal)
		}
		c.Close()
	}
}

func TestTwoConnectionsWriting(t *testing.T) {
	a := mustOpen(t)
	b, err := Open(ctx, a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 40 {
				p := newPerson(t, s, fmt.Sprintf("Desk%d", i), fmt.Sprintf("Person%d", j))
				if err := s.CreateParticipant(ctx, &p); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rows, err := a.ListParticipants(ctx, ParticipantQuery{})
	if err != nil || len(rows) != 80 {
		t.Fatalf("%d participants, %v; want 80", len(rows), err)
	}
}

func TestFailedWriteChangesNothing(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Vauban", 30)
	addSession(t, s, "Atelier", day2, "09:00", "10:30", room.ID)
	c, _ := s.Congress(ctx)
	c.Name = "Nouveau nom"
	c.Days = []Day{day1} // day2 has a session: refused
	wantErr(t, s.UpdateCongress(ctx, &c), ErrDayInUse)
	got, _ := s.Congress(ctx)
	if got.Name != "Congrès de test" || len(got.Days) != 2 {
		t.Fatalf("a refused update changed the congress: %+v", got)
	}
}

// TestKillMidWrite kills a process in the middle of a large write: the file
// must open afterwards, intact, as it was before.
func TestKillMidWrite(t *testing.T) {
	if path := os.Getenv("CONGRES_KILL_CHILD"); path != "" {
		s, err := Open(ctx, path)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		s.write(ctx, func(tx *sqlTx) error {
			for i := 0; ; i++ {
				p := newPerson(t, s, "Killed", fmt.Sprint(i))
				p.Validate()
				if err := s.insertParticipant(ctx, tx, &p); err != nil {
					return err
				}
				if i == 500 {
					fmt.Println("writing")
				}
			}
		})
		return
	}
	s := mustOpen(t)
	addPerson(t, s, "Anne", "Martin")
	path := s.Path()
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestKillMidWrite$")
	cmd.Env = append(os.Environ(), "CONGRES_KILL_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	deadline := time.Now().Add(60 * time.Second)
	var seen strings.Builder
	for !strings.Contains(seen.String(), "writing") && time.Now().Before(deadline) {
		n, err := out.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if !strings.Contains(seen.String(), "writing") {
		cmd.Process.Kill()
		t.Fatalf("child did not start writing: %q", seen.String())
	}
	cmd.Process.Kill()
	cmd.Wait()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	if err := s.r.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %s %v", check, err)
	}
	rows, err := s.ListParticipants(ctx, ParticipantQuery{})
	if err != nil || len(rows) != 1 || rows[0].LastName != "Martin" {
		t.Fatalf("after the kill: %d participants, %v", len(rows), err)
	}
}

func TestOddFileNames(t *testing.T) {
	for _, name := range []string{"Congrès 100% Lille.congres", "qui? quoi#.congres", "l'accueil & co.congres"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Create(ctx, path, Congress{Name: "x", Days: []Day{day1, day2}})
			if err != nil {
				t.Fatal(err)
			}
			addPerson(t, s, "Anne", "Martin")
			s.Close()
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 || entries[0].Name() != name {
				t.Fatalf("files: %v", entries)
			}
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if rows, _ := s.ListParticipants(ctx, ParticipantQuery{}); len(rows) != 1 {
				t.Fatal("data lost")
			}
		})
	}
}
