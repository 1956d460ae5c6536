package ui

import (
	"strings"
	"testing"
)

// TestFloorPlanShowsTheStandWhole: a tile cuts a long name; with the
// pointer over it, or the keyboard on it, the line under the plan gives the
// stand whole (number, name, organisation, zone); the hint comes back once
// the pointer leaves.
func TestFloorPlanShowsTheStandWhole(t *testing.T) {
	s, _, _ := newTestStands(t, 60)
	var long *standTile
	for _, tile := range s.plan.tiles {
		if long == nil || len(tile.stand.Name) > len(long.stand.Name) {
			long = tile
		}
	}
	hint := s.plan.status.Text
	long.MouseIn(nil)
	got := s.plan.status.Text
	for _, want := range []string{long.stand.Number + " · ", long.stand.Name, long.stand.Zone} {
		if !strings.Contains(got, want) {
			t.Errorf("pointer over stand %s: the line under the plan reads %q, lacks %q", long.stand.Number, got, want)
		}
	}
	long.MouseOut()
	if s.plan.status.Text != hint {
		t.Errorf("the pointer left: %q, want the hint %q", s.plan.status.Text, hint)
	}
	long.FocusGained()
	if !strings.Contains(s.plan.status.Text, long.stand.Name) {
		t.Errorf("the keyboard on stand %s: %q", long.stand.Number, s.plan.status.Text)
	}
	long.FocusLost()
	if s.plan.status.Text != hint {
		t.Errorf("the keyboard left: %q", s.plan.status.Text)
	}
}
