package data

import (
	"context"
	"testing"
)

// The reads behind the dashboard and the programme, at 50,000 participants:
// each screen must show its result within 300 ms.

func BenchmarkStats50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Stats(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkArrivals50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Arrivals(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSessions50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Sessions(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConflicts50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Conflicts(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCounts50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Counts(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExpectedByDay50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.ExpectedByDay(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
