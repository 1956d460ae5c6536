package data_test

import (
	"io"
	"slices"
	"testing"

	. "congres/data"
)

// memSource is a table held in memory: an import reads whatever an
// ImportSource opens, not only files.
type memSource struct {
	header         []string
	rows           [][]string
	opened, closed int
}

func (s *memSource) Open() (ImportTable, error) {
	s.opened++
	return &memTable{src: s}, nil
}

type memTable struct {
	src  *memSource
	next int
}

func (t *memTable) Layout() ImportLayout {
	return ImportLayout{Format: "memory", HeaderLine: 1, Header: t.src.header}
}

func (t *memTable) Mapping(sample []ImportRow) []ImportField {
	return []ImportField{FieldFirstName, FieldLastName, FieldEmail}
}

func (t *memTable) Next() (ImportRow, error) {
	if t.next >= len(t.src.rows) {
		return ImportRow{}, io.EOF
	}
	t.next++
	return ImportRow{Line: t.next + 1, Cells: slices.Clone(t.src.rows[t.next-1])}, nil
}

func (t *memTable) Progress() (done, total int64) { return int64(t.next), int64(len(t.src.rows)) }
func (t *memTable) Warnings() []ImportIssue       { return nil }
func (t *memTable) Close() error                  { t.src.closed++; return nil }

// The import reads a table through data's interfaces: its layout and
// proposed mapping in the preview, its rows in the import, and it closes
// every table it opens.
func TestImportFromAnyTable(t *testing.T) {
	s := mustOpen(t)
	src := &memSource{header: []string{"A", "B", "C"}, rows: [][]string{
		{"Hélène", "Lefèvre", "helene@example.org"},
		{"Jean", "Dupont", "jean@example.org"},
	}}
	pv, err := s.PreviewImport(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Format != "memory" || !slices.Equal(pv.Header, src.header) || len(pv.Sample) != 2 || pv.Remembered ||
		!slices.Equal(pv.Mapping, []ImportField{FieldFirstName, FieldLastName, FieldEmail}) {
		t.Errorf("preview %+v", pv)
	}
	r, err := s.Import(ctx, src, ImportOptions{CreateCategories: true})
	if err != nil || r.Rows != 2 || r.New != 2 || r.Rejected != 0 {
		t.Fatalf("%+v, %v", r, err)
	}
	if src.opened < 2 || src.opened != src.closed {
		t.Errorf("opened %d tables, closed %d", src.opened, src.closed)
	}
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: "helene@example.org"})
	if err != nil || len(ids) != 1 {
		t.Errorf("Hélène: %v, %v", ids, err)
	}
}
