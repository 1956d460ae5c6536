package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
)

func TestSaveCopy(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 10))
	waitIdle(t, &u.tasks)
	dest := filepath.Join(t.TempDir(), "copy"+data.Extension)

	u.saveCopyAsync(u.session(), dest)
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "A copy of the congress was saved")
	rows, err := mustOpen(t, dest).ListParticipants(context.Background(), data.ParticipantQuery{})
	if err != nil || len(rows) != 10 {
		t.Fatalf("the copy has %d participants (%v), want 10", len(rows), err)
	}

	t.Run("ErrFileExists", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "notes.txt")
		if err := os.WriteFile(other, []byte("notes"), 0o600); err != nil {
			t.Fatal(err)
		}
		u.saveCopyAsync(u.session(), other)
		waitIdle(t, &u.tasks)
		assertDialogSays(t, u.win, "already exists")
	})
	t.Run("ErrOutputIsDatabase", func(t *testing.T) {
		u.saveCopyAsync(u.session(), dest) // the copy is a congress now
		waitIdle(t, &u.tasks)
		assertDialogSays(t, u.win, "is a congress file or another database")
	})
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	u := newTestUI(t)
	path := demoFile(t, 10)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	st := u.session().store.(*data.Store) // a file's: it has backups
	backup, err := st.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Ada", LastName: "Lovelace", CategoryID: cats[0].ID}
	if err := st.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}

	u.onRestore(backup)
	waitIdle(t, &u.tasks)
	s := u.session()
	if s == nil || s.store == st || !samePath(s.store.Path(), path) {
		t.Fatalf("after restoring, open file = %v", s)
	}
	rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil || len(rows) != 10 {
		t.Fatalf("restored file has %d participants (%v), want 10", len(rows), err)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Congrès de l'ESS 2027": "congres-de-l-ess-2027.congres",
		"  ":                    "",
	} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
	if err := dayCount("0"); err == nil {
		t.Error("0 days accepted")
	}
	if err := dayCount("3"); err != nil {
		t.Errorf("3 days refused: %v", err)
	}
}
