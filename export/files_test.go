package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/stores"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "badges.pdf")
	if err := WriteFile(pdf, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	leftovers := func(t *testing.T) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".part" {
				t.Errorf("left %s behind", e.Name())
			}
		}
	}
	t.Run("FailureKeepsThePrevious", func(t *testing.T) {
		boom := errors.New("boom")
		err := WriteFile(pdf, func(w io.Writer) error {
			io.WriteString(w, "half a PDF")
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(pdf); string(b) != "first" {
			t.Errorf("the previous file holds %q", b)
		}
		leftovers(t)
	})
	t.Run("ErrOutputIsDatabase", func(t *testing.T) {
		congress := filepath.Join(dir, "c"+data.Extension)
		s, err := stores.Create(context.Background(), congress, data.Congress{Name: "C", Edition: "1", City: "Lille",
			Days: []data.Day{"2021-11-25"}})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		before, _ := os.ReadFile(congress)
		for _, path := range []string{congress, congress + "-wal"} {
			called := false
			err = WriteFile(path, func(w io.Writer) error { called = true; return nil })
			if !errors.Is(err, data.ErrOutputIsDatabase) || called {
				t.Errorf("%s: %v (written: %v)", path, err, called)
			}
		}
		if err := WriteFile(congress, nil, congress); !errors.Is(err, data.ErrOutputIsCongress) {
			t.Errorf("the open congress: %v", err)
		}
		// A congress that comes at the path while the export is written.
		late := filepath.Join(dir, "late.pdf")
		err = WriteFile(late, func(w io.Writer) error {
			b, _ := os.ReadFile(congress)
			return os.WriteFile(late, b, 0o600)
		})
		if after, _ := os.ReadFile(late); !errors.Is(err, data.ErrOutputIsDatabase) || !bytes.Equal(before, after) {
			t.Errorf("a database that came meanwhile: %v", err)
		}
		if after, _ := os.ReadFile(congress); !bytes.Equal(before, after) {
			t.Error("the congress file changed")
		}
		if _, err := os.Stat(congress + "-wal"); err == nil {
			t.Error("a -wal was written")
		}
		leftovers(t)
	})
}
