package spreadsheet

import (
	"congres/data"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadImportCSV100k reads and parses 100,000 registrations of a
// HelloAsso-style export (15 columns, days and amounts in French).
func BenchmarkReadImportCSV100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "inscriptions.csv")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	writeImportCSV(b, out, 100_000, "Arrive jeudi midi")
	out.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		f, err := Open(Source{Path: path})
		if err != nil {
			b.Fatal(err)
		}
		rp := &data.RecordParser{Header: f.Header, Mapping: AutoMapping(f.Header), Days: importDays}
		n := 0
		for {
			r, err := f.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec := rp.Parse(r); rec.Err != nil {
				b.Fatal(rec.Err)
			}
			n++
		}
		f.Close()
		if n != 100_000 {
			b.Fatalf("%d rows", n)
		}
	}
}
