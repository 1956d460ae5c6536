package data

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The benchmarks run on the 50,000-participant demo, written once per run
// into a temporary folder.
var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func benchFile(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "congres-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "demo50k"+Extension)
		benchErr = WriteDemo(context.Background(), benchPath, DemoOptions{Participants: 50000})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func TestMain(m *testing.M) {
	code := runPasses(m)
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

func BenchmarkWriteDemo50k(b *testing.B) {
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "demo"+Extension)
		if err := WriteDemo(context.Background(), path, DemoOptions{Participants: 50000}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen50k(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Congress(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// benchSearches are what people type at a desk or in the participants
// screen: the start of a last name, both names, a first name, the first
// letters of a name, a town, an organisation. BenchmarkSearch50k adds the
// code read from a badge.
var benchSearches = []string{"beas", "BEASSE", "eric bea", "dupont", "le goff", "nguyen", "jean-pierre", "lefev", "martin", "diallo", "lille", "ma", "cocagne"}

func BenchmarkSearch50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	first, err := s.SearchParticipants(ctx, "eric beasse", 1)
	if err != nil || len(first) != 1 {
		b.Fatal(first, err)
	}
	for _, q := range append(benchSearches, first[0].Code) {
		name := q
		if q == first[0].Code {
			name = "code"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchParticipants(ctx, q, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFirst100ByName50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		rows, err := s.ListParticipants(ctx, ParticipantQuery{Sort: SortName, Limit: 100})
		if err != nil || len(rows) != 100 {
			b.Fatal(err, len(rows))
		}
	}
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), benchFile(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}
