package data

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// The reads behind the dashboard and the programme, at 50,000 participants:
// each screen must show its result within 300 ms.

// BenchmarkStats50k is the whole dashboard's read: counts, categories,
// days, workshops and arrivals; "counted" after a write (nothing kept),
// "kept" with nothing written since the last read.
func BenchmarkStats50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, kept := range []bool{false, true} {
		name := "counted"
		if kept {
			name = "kept"
		}
		b.Run(name, func(b *testing.B) {
			reportCPU(b, func() {
				if !kept {
					s.kept.forget() // as a write does
				}
				if _, err := s.Stats(ctx); err != nil {
					b.Fatal(err)
				}
			})
		})
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

// reportCPU runs the benchmark's loop body and reports its CPU time per
// operation beside the wall time: the machine is shared.
func reportCPU(b *testing.B, body func()) {
	b.Helper()
	start := cpuTime()
	for b.Loop() {
		body()
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// benchSorts are the participants list's sorts, as its column headers ask
// for them.
var benchSorts = []struct {
	name string
	by   SortBy
}{{"name", SortName}, {"organisation", SortOrganisation}, {"category", SortCategory}, {"status", SortStatus}}

// BenchmarkParticipantSort50k sorts the whole list by each column, each way:
// the first page (what the list shows first), then all the IDs (its count
// and scroll bar).
func BenchmarkParticipantSort50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, sort := range benchSorts {
		for _, desc := range []bool{false, true} {
			for _, limit := range []int{100, 0} {
				name := sort.name
				if desc {
					name += "_desc"
				}
				if limit == 0 {
					name += "_all"
				}
				b.Run(name, func(b *testing.B) {
					q := ParticipantQuery{Sort: sort.by, Desc: desc, Limit: limit}
					reportCPU(b, func() {
						if ids, err := s.ParticipantIDs(ctx, q); err != nil || len(ids) == 0 {
							b.Fatal(err)
						}
					})
				})
			}
		}
	}
}

// BenchmarkParticipantFilter50k lists, in its order, all those each filter
// of the participants list selects.
func BenchmarkParticipantFilter50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	filters := map[string]ParticipantQuery{
		"category": {CategoryID: 2}, "status": {Status: StatusPending}, "day": {Day: "2021-11-26"},
		"region": {Region: "Hauts-de-France"}, "checked_in": {CheckedIn: Yes}, "not_checked_in": {CheckedIn: No},
		"badge": {BadgePrinted: Yes}, "no_badge": {BadgePrinted: No},
		"status_by_organisation": {Status: StatusConfirmed, Sort: SortOrganisation},
	}
	for _, name := range slices.Sorted(maps.Keys(filters)) {
		b.Run(name, func(b *testing.B) {
			reportCPU(b, func() {
				if _, err := s.ParticipantIDs(ctx, filters[name]); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
