package data

import (
	"fmt"
	"path/filepath"
	"testing"
)

// CountParticipants counts as many as ParticipantIDs lists, for each
// filter, a search, and whatever the order, limit and offset asked.
func TestCountParticipantsAsListed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{Participants: 300}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []ParticipantQuery{
		{}, {SkipCancelled: true}, {SkipCancelled: true, BadgePrinted: No}, {Status: StatusPending},
		{CategoryID: 2, Day: "2021-11-26"}, {CheckedIn: Yes}, {CheckedIn: No, Day: "2021-11-25"},
		{Region: "Hauts-de-France"}, {Search: "ma"}, {Search: "ma", SkipCancelled: true, Sort: SortOrganisation},
		{SkipCancelled: true, Sort: SortStatus, Desc: true, Limit: 10, Offset: 5},
	} {
		t.Run(fmt.Sprintf("%+v", q), func(t *testing.T) {
			n, err := s.CountParticipants(ctx, q)
			all := q
			all.Limit, all.Offset = 0, 0
			ids, err2 := s.ParticipantIDs(ctx, all)
			if err != nil || err2 != nil || n != len(ids) || n == 0 {
				t.Errorf("count %d (%v), listed %d (%v)", n, err, len(ids), err2)
			}
		})
	}
}
