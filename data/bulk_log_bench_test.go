package data

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkBulkStatus10k: cancelling 10,000 participants of the demo at
// once (places handed on, everything logged), then undoing it.
func BenchmarkBulkStatus10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{Participants: 10000}); err != nil {
		b.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil {
		b.Fatal(err)
	}
	var change, undo time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		ch, err := s.SetStatusMany(ctx, ids, StatusCancelled, "bench")
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := s.UndoBulkChange(ctx, ch.ID, "bench"); err != nil {
			b.Fatal(err)
		}
		change += t1.Sub(t0)
		undo += time.Since(t1)
	}
	b.ReportMetric(float64(change.Milliseconds())/float64(b.N), "change-ms/op")
	b.ReportMetric(float64(undo.Milliseconds())/float64(b.N), "undo-ms/op")
}
