package data

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkImportTickets100k imports BenchmarkImport100k's export with a
// ticket number per row into a new congress (first: each ticket is
// written with its memory, migration 0017), then the same file again
// (again: every row found by its ticket, its memory read and compared,
// nothing written).
func BenchmarkImportTickets100k(b *testing.B) {
	path := ticketedRegistrationsCSV(b)
	mapping := append(slices.Clone(importBenchMapping), FieldTicket)
	ctx := context.Background()
	for _, again := range []bool{false, true} {
		name := map[bool]string{false: "first", true: "again"}[again]
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				s, err := Create(ctx, filepath.Join(b.TempDir(), "import"+Extension), Congress{
					Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"},
				})
				if err != nil {
					b.Fatal(err)
				}
				opts := ImportOptions{Mapping: mapping}
				if again {
					if _, err := s.Import(ctx, sheetFile(path), opts); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				start := cpuTime()
				r, err := s.Import(ctx, sheetFile(path), opts)
				cpu += cpuTime() - start
				b.StopTimer()
				if err != nil || r.Rejected != 0 || again && r.New != 0 || !again && r.New < 99_000 {
					b.Fatalf("%+v, %v", r.Rejected, err)
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// ticketedRegistrationsCSV writes BenchmarkImport100k's export with a
// last column of ticket numbers.
func ticketedRegistrationsCSV(b *testing.B) string {
	b.Helper()
	src := registrationsCSV(b)
	f, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	for i := range rows {
		v := "Numéro de billet"
		if i > 0 {
			v = strconv.Itoa(40_000_000 + i)
		}
		rows[i] = append(rows[i], v)
	}
	path := filepath.Join(b.TempDir(), "billets.csv")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(out)
	if err := w.WriteAll(rows); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}
