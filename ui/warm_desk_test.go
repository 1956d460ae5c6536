package ui

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"congres/data"
)

// deskCountsRecorder is a real store that notes which desk counters are
// read: the log and the day.
type deskCountsRecorder struct {
	*data.Store
	mu    sync.Mutex
	reads []string
}

func (r *deskCountsRecorder) note(what string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reads = append(r.reads, what)
}

func (r *deskCountsRecorder) DeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error) {
	r.note("real " + string(day))
	return r.Store.DeskCounts(ctx, day)
}

func (r *deskCountsRecorder) RehearsalDeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error) {
	r.note("rehearsal " + string(day))
	return r.Store.RehearsalDeskCounts(ctx, day)
}

func expectedIn(counts []data.DeskCount) (n int) {
	for _, c := range counts {
		n += c.Expected
	}
	return n
}

// TestWarmReadsReadTheDesksCounters: the reads ahead after the file opens
// include the welcome desk's counters of the day the desk records at its
// first visit (issue 19: 70–150 ms of that visit at 50,000 people): the
// rehearsal of the first day when the calendar is outside the congress
// (the demo's days are in 2021), today's real arrivals on a congress day.
// Counters read after a write still count it.
func TestWarmReadsReadTheDesksCounters(t *testing.T) {
	st := mustOpen(t, demoFile(t, 20))
	ctx := context.Background()
	c, err := st.Congress(ctx)
	if err != nil || len(c.Days) < 2 {
		t.Fatal(c.Days, err)
	}
	r := &deskCountsRecorder{Store: st}
	if !warmOnce(ctx, r, func() bool { return true }) {
		t.Fatal("warmOnce stopped")
	}
	if want := "rehearsal " + string(c.Days[0]); !slices.Equal(r.reads, []string{want}) {
		t.Errorf("desk counters read ahead: %q, want [%q]", r.reads, want)
	}

	r.reads = nil
	second, err := time.ParseInLocation(time.DateOnly, string(c.Days[1]), time.Local)
	if err != nil {
		t.Fatal(err)
	}
	if err := warmDeskCounts(ctx, r, second.Add(10*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if want := "real " + string(c.Days[1]); !slices.Equal(r.reads, []string{want}) {
		t.Errorf("on the congress's second day, desk counters read ahead: %q, want [%q]", r.reads, want)
	}

	before, err := st.RehearsalDeskCounts(ctx, c.Days[0])
	if err != nil {
		t.Fatal(err)
	}
	addPerson(t, st, "Zeller") // expected on the first day
	after, err := st.RehearsalDeskCounts(ctx, c.Days[0])
	if err != nil {
		t.Fatal(err)
	}
	if expectedIn(after) != expectedIn(before)+1 {
		t.Errorf("after a registration the desk expects %d, want %d", expectedIn(after), expectedIn(before)+1)
	}
}
