package data_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportThenCreate: the import gives its new participants their IDs
// itself; a participant created afterwards, by hand or by another import,
// gets one after theirs, on every store.
func TestImportThenCreate(t *testing.T) {
	s := mustOpen(t)
	first := addPerson(t, s, "Anne", "Ader")
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom", "Éric,Béasse", "Paul,Baud", "Léa,Bret")
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	later := addPerson(t, s, "Zoé", "Zola")
	r = importLines(t, s, ImportOptions{}, "Prénom,Nom", "Yves,Yon")
	wantCounts(t, r, 1, 1, 0, 0, 0, 0)
	last := addPerson(t, s, "Xavier", "Xu")
	var ids []int64
	for _, p := range people(t, s) {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	if len(slices.Compact(slices.Clone(ids))) != 7 || ids[0] != first.ID || later.ID <= ids[3] || last.ID != ids[6] {
		t.Fatalf("IDs %v: Anne %d, Zoé %d, Xavier %d", ids, first.ID, later.ID, last.ID)
	}
}

// BenchmarkImportStore100k imports 100,000 registrations into a new
// congress of the pass's store (CONGRES_TEST_STORES=postgres: on the test
// server). BenchmarkImport100k is the file's, with its references.
func BenchmarkImportStore100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "inscriptions.csv")
	if err := WriteRegistrationsCSV(path, 100_000, 2021); err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b)
		b.StartTimer()
		start := time.Now()
		r, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{Mapping: ImportBenchMapping})
		total += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if r.Rows != 100_000 || r.Rejected != 0 || r.New < 99_900 || r.New+r.Updated+r.Unchanged+r.Kept != r.Rows {
			b.Fatalf("%+v, first issues %v", r, r.Issues[:min(3, len(r.Issues))])
		}
		if rows, err := s.SearchParticipants(ctx, "beas", 5); err != nil || len(rows) == 0 {
			b.Fatalf("no one found after the import: %v, %v", rows, err)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/import")
}
