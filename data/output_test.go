package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// foreignSQLite writes another program's SQLite database (in WAL mode, its
// -wal left beside it) at path.
func foreignSQLite(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)"); err != nil {
		tb.Fatal(err)
	}
	return db
}

func TestCheckOutput(t *testing.T) {
	s := mustOpen(t)
	congress := s.Path()
	dir := filepath.Dir(congress)
	other := filepath.Join(t.TempDir(), "other"+Extension)
	o, err := Create(ctx, other, Congress{Name: "Autre", Edition: "1", City: "Metz", Days: []Day{day1}})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	foreign := filepath.Join(dir, "app.db")
	foreignSQLite(t, foreign)
	link := filepath.Join(t.TempDir(), "link.pdf")
	if err := os.Symlink(congress, link); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(t.TempDir(), "folder")
	if err := os.Symlink(dir, dirLink); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.pdf")
	if err := os.Link(congress, hard); err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "damaged"+Extension)
	if err := os.WriteFile(damaged, []byte("not a database any more"), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "badges.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	for _, c := range []struct {
		name, path string
		want       error
	}{
		{"Open", congress, ErrOutputIsCongress},
		{"Relative", "./" + filepath.Base(congress), ErrOutputIsCongress},
		{"DotDot", filepath.Join("..", filepath.Base(dir), filepath.Base(congress)), ErrOutputIsCongress},
		{"Symlink", link, ErrOutputIsCongress},
		{"FolderSymlink", filepath.Join(dirLink, filepath.Base(congress)), ErrOutputIsCongress},
		{"HardLink", hard, ErrOutputIsCongress},
		{"WAL", congress + "-wal", ErrOutputIsCongress},
		{"SHM", congress + "-shm", ErrOutputIsCongress},
		{"Journal", congress + "-journal", ErrOutputIsCongress},
		{"OtherCongress", other, ErrOutputIsDatabase},
		{"OtherCongressWAL", other + "-wal", ErrOutputIsDatabase},
		{"Foreign", foreign, ErrOutputIsDatabase},
		{"ForeignWAL", foreign + "-wal", ErrOutputIsDatabase},
		{"DamagedCongress", damaged, ErrOutputIsDatabase},
		{"DamagedCongressWAL", damaged + "-wal", ErrOutputIsDatabase},
		{"NewCongress", filepath.Join(dir, "new"+Extension), nil},
		{"NewFile", filepath.Join(dir, "new.pdf"), nil},
		{"ExistingPDF", pdf, nil},
		{"NewFileInMissingFolder", filepath.Join(dir, "nowhere", "x.pdf"), nil},
		{"WALOfNothing", filepath.Join(dir, "x.pdf-wal"), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckOutput(c.path, congress)
			if c.want == nil {
				if err != nil {
					t.Fatalf("%s refused: %v", c.path, err)
				}
				return
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("%s: %v, want %v", c.path, err, c.want)
			}
			if Message(err, "fr") == Message(err, "en") || KindOf(err) != KindConflict {
				t.Errorf("%s: %q / %q", c.path, Message(err, "en"), Message(err, "fr"))
			}
		})
	}
	t.Run("NoOpenCongress", func(t *testing.T) {
		// Without naming the open file, it is still a database.
		if err := CheckOutput(congress); !errors.Is(err, ErrOutputIsDatabase) {
			t.Fatalf("%v", err)
		}
	})
}
