package sqlite

import (
	"bytes"
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// What a file that is not a congress of this version, or not whole, gets
// on open: a sentence, and the file as it was.

// untouched checks that a refused file was not modified in any way.
func untouched(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the refused file was modified")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Fatalf("opening left a %s file", suffix)
		}
	}
}

func TestRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	congress := func(t *testing.T) string {
		s := mustOpen(t)
		sqlitetest.AddPerson(t, s, "Anne", "Martin")
		s.Close()
		return s.Path()
	}
	cases := []struct {
		name string
		make func(t *testing.T) string
		want *data.Error
	}{
		{"ErrFileNotFound", func(t *testing.T) string { return filepath.Join(dir, "missing.congres") }, data.ErrFileNotFound},
		{"TextFile", func(t *testing.T) string {
			p := filepath.Join(dir, "notes.congres")
			os.WriteFile(p, []byte("Liste des inscrits\nDupont;Jean\n"), 0o600)
			return p
		}, data.ErrNotCongress},
		{"OtherDatabase", func(t *testing.T) string {
			p := filepath.Join(dir, "other.sqlite")
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			return p
		}, data.ErrNotCongress},
		{"Truncated", func(t *testing.T) string {
			p := congress(t)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/2+100], 0o600)
			return p
		}, data.ErrDamaged},
		{"Folder", func(t *testing.T) string { return t.TempDir() }, data.ErrNotCongress},
		{"ErrTooNew", func(t *testing.T) string {
			p := congress(t)
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
				t.Fatal(err)
			}
			db.Close()
			return p
		}, data.ErrTooNew},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			before, _ := os.ReadFile(path)
			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			sqlitetest.WantErr(t, err, c.want)
			if c.name != "ErrFileNotFound" && c.name != "Folder" {
				untouched(t, path, before)
			}
		})
	}
	t.Run("ErrFileExists", func(t *testing.T) {
		path := congress(t)
		before, _ := os.ReadFile(path)
		_, err := Create(ctx, path, data.Congress{Name: "Autre", Days: []data.Day{sqlitetest.Day1}})
		sqlitetest.WantErr(t, err, data.ErrFileExists)
		untouched(t, path, before)
	})
}
