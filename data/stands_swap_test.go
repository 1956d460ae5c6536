package data_test

import (
	"testing"

	. "congres/data"
)

// Two stands swapped on the plan each take the other's cell; an unknown
// stand swaps nothing.
func TestSwapStands(t *testing.T) {
	s := mustOpen(t)
	a := Stand{Number: "1", Name: "Un", X: 0, Y: 0}
	b := Stand{Number: "2", Name: "Deux", X: 4, Y: 2}
	for _, st := range []*Stand{&a, &b} {
		if err := s.SaveStand(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SwapStands(ctx, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	at := func() map[string][2]int {
		list, err := s.Stands(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][2]int{}
		for _, st := range list {
			m[st.Number] = [2]int{st.X, st.Y}
		}
		return m
	}
	if got := at(); got["1"] != [2]int{4, 2} || got["2"] != [2]int{0, 0} {
		t.Fatalf("after the swap: %v", got)
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		wantErr(t, s.SwapStands(ctx, a.ID, 999), ErrNotFound)
		if got := at(); got["1"] != [2]int{4, 2} {
			t.Errorf("a refused swap moved stand 1: %v", got)
		}
	})
}
