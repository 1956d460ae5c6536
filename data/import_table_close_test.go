package data_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	. "congres/data"
)

// An import opens its table again each time it decides the rows (the
// congress changed meanwhile), and every table it opens is closed, however
// the reading ends: a reader left open on Windows keeps the file locked
// against the program that wrote it.

// hookSource is a memSource whose tables call onRow before each row (k, its
// index, from 0) and onEnd at the end of the rows.
type hookSource struct {
	memSource
	onRow func(n, k int) error // n: which opening, from 1
	onEnd func(n int)
}

func (s *hookSource) Open() (ImportTable, error) {
	s.opened++
	return &hookTable{memTable: memTable{src: &s.memSource}, hs: s, n: s.opened}, nil
}

type hookTable struct {
	memTable
	hs *hookSource
	n  int
}

func (t *hookTable) Next() (ImportRow, error) {
	if t.hs.onRow != nil {
		if err := t.hs.onRow(t.n, t.next); err != nil {
			return ImportRow{}, err
		}
	}
	r, err := t.memTable.Next()
	if err == io.EOF && t.hs.onEnd != nil {
		t.hs.onEnd(t.n)
	}
	return r, err
}

func threeRows() memSource {
	return memSource{header: []string{"A", "B", "C"}, rows: [][]string{
		{"Hélène", "Lefèvre", "helene@example.org"},
		{"Jean", "Dupont", "jean@example.org"},
		{"Awa", "Diallo", "awa@example.org"},
	}}
}

func TestImportClosesEveryTable(t *testing.T) {
	t.Run("Replan", func(t *testing.T) {
		s := mustOpen(t)
		src := &hookSource{memSource: threeRows()}
		src.onEnd = func(n int) {
			if n <= 2 { // the congress changes while the rows are decided
				c := Category{Name: fmt.Sprint("Nouvelle ", n), Colour: "#123456"}
				if err := s.SaveCategory(ctx, &c); err != nil {
					t.Error(err)
				}
			}
		}
		r, err := s.Import(ctx, src, ImportOptions{})
		if err != nil || r.New != 3 {
			t.Fatalf("%+v, %v", r, err)
		}
		if src.opened < 3 || src.opened != src.closed {
			t.Errorf("opened %d tables, closed %d", src.opened, src.closed)
		}
	})
	t.Run("ReadError", func(t *testing.T) {
		s := mustOpen(t)
		src := &hookSource{memSource: threeRows()}
		bad := ErrImportBadXLSX.With("inscrits.xlsx")
		src.onRow = func(_, k int) error {
			if k == 2 {
				return bad
			}
			return nil
		}
		if _, err := s.Import(ctx, src, ImportOptions{}); !errors.Is(err, ErrImportBadXLSX) {
			t.Fatalf("import: %v", err)
		}
		if _, err := s.PreviewImport(ctx, src); !errors.Is(err, ErrImportBadXLSX) {
			t.Fatalf("preview: %v", err)
		}
		if src.opened != 2 || src.closed != 2 {
			t.Errorf("opened %d tables, closed %d", src.opened, src.closed)
		}
		if ids, _ := s.ParticipantIDs(ctx, ParticipantQuery{Search: "helene@example.org"}); len(ids) != 0 {
			t.Error("a row was written")
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		s := mustOpen(t)
		src := &hookSource{memSource: threeRows()}
		c, cancel := context.WithCancel(ctx)
		defer cancel()
		src.onRow = func(_, k int) error {
			if k == 1 {
				cancel()
			}
			return nil
		}
		if _, err := s.PreviewImport(c, src); !errors.Is(err, context.Canceled) {
			t.Fatalf("preview: %v", err)
		}
		if src.opened != 1 || src.closed != 1 {
			t.Errorf("opened %d tables, closed %d", src.opened, src.closed)
		}
	})
}
