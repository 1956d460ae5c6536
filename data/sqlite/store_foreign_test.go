package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// copyCrashed copies a database and its sqliteCompanions as they are, while it
// is open: the copy is what a crash leaves.
func copyCrashed(t *testing.T, src, dst string) {
	t.Helper()
	for _, c := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(src + c)
		if err != nil {
			continue
		}
		if err := os.WriteFile(dst+c, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestForeignFilesUntouched: an empty file of any name, another program's
// WAL database with its -wal, and another's database beside a stale -wal
// are refused, and they and their sqliteCompanions stay byte for byte as they
// were: nothing is checkpointed, deleted or switched to WAL.
func TestForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	other := func(name, mode string) string {
		p := filepath.Join(dir, "src-"+name)
		db, err := sql.Open("sqlite", p+"?_pragma=journal_mode("+mode+")&_pragma=wal_autocheckpoint(0)")
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		t.Cleanup(func() { db.Close() })
		for _, q := range []string{"CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Anne')", "INSERT INTO contacts VALUES ('Paul')"} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		dst := filepath.Join(dir, name)
		copyCrashed(t, p, dst)
		return dst
	}
	cases := map[string]func() string{
		"EmptyCongres": func() string {
			p := filepath.Join(dir, "vide"+data.Extension)
			os.WriteFile(p, nil, 0o600)
			return p
		},
		"EmptyAnyName": func() string {
			p := filepath.Join(dir, "notes.txt")
			os.WriteFile(p, nil, 0o644)
			return p
		},
		"OtherWALDatabase": func() string {
			p := other("contacts.db", "WAL")
			if data.FileSize(p+"-wal") <= 0 {
				t.Fatal("the other database has no WAL to keep")
			}
			return p
		},
		"OtherDatabaseStaleWAL": func() string {
			p := other("agenda.sqlite", "DELETE")
			wal := other("stale.db", "WAL")
			b, _ := os.ReadFile(wal + "-wal")
			os.WriteFile(p+"-wal", b, 0o600)
			return p
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := make()
			before := sqlitetest.FileSums(t, path)
			for _, open := range []func() (*data.Store, error){
				func() (*data.Store, error) { return Open(ctx, path) },
				func() (*data.Store, error) { return OpenOrView(ctx, path) },
			} {
				s, err := open()
				if err == nil {
					s.Close()
					t.Fatal("opened")
				}
				sqlitetest.WantErr(t, err, data.ErrNotCongress)
			}
			if err := Restore(ctx, path, path); !errors.Is(err, data.ErrBackupDamaged) && !errors.Is(err, data.ErrNotCongress) {
				t.Fatalf("restore from it: %v", err)
			}
			after := sqlitetest.FileSums(t, path)
			for _, c := range sqlitetest.Companions {
				if before[c] != after[c] {
					t.Errorf("%s%s changed (present before: %v, after: %v)", filepath.Base(path), c, before[c] != "", after[c] != "")
				}
			}
		})
	}
}
