package sqlite

import (
	"testing"
)

// BenchmarkQuickCheck50k is the check on open of a 50,000-person file
// (target: well under 300 ms; BenchmarkOpen50k is the whole open).
func BenchmarkQuickCheck50k(b *testing.B) {
	path := benchFile(b)
	b.ResetTimer()
	for b.Loop() {
		if err := quickCheck(ctx, path, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFullCheck50k is the full check, run in the background and before
// every backup.
func BenchmarkFullCheck50k(b *testing.B) {
	path := benchFile(b)
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := s.CheckIntegrity(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
