package data

import (
	"context"
	"testing"
)

func BenchmarkBadgeRows10k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Sort: SortName, SkipCancelled: true, Limit: 10000})
	if err != nil || len(ids) != 10000 {
		b.Fatal(len(ids), err)
	}
	for b.Loop() {
		rows, err := s.BadgeRows(ctx, ids)
		if err != nil || len(rows) != len(ids) {
			b.Fatal(len(rows), err)
		}
	}
}
