package ui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"congres/data"
)

// deskCountsCounter is a real store that counts the desk's counters read.
type deskCountsCounter struct {
	*data.Store
	counts atomic.Int32
	day    atomic.Pointer[data.Day]
}

func (c *deskCountsCounter) DeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error) {
	c.counts.Add(1)
	c.day.Store(&day)
	return c.Store.DeskCounts(ctx, day)
}

// TestDeskCountsReadAheadAfterAWrite: once the desk has counted a day, a
// write made elsewhere has that day's counters read ahead, once the file
// is quiet and another page shown (warm_reads.go), so that the desk's
// next visit finds them; before the desk was shown, none are.
func TestDeskCountsReadAheadAfterAWrite(t *testing.T) {
	f := newDeskFixture(t)
	st := f.st
	c := &deskCountsCounter{Store: st}
	fresh := newDeskScreen(f.e, c, f.prefs, nil)
	if reads := fresh.countsToWarm(); len(reads) != 0 {
		t.Errorf("a desk not shown yet: %d reads ahead", len(reads))
	}
	s := f.s
	s.store = c
	s.countAsync() // as the desk does, shown
	waitIdle(t, f.e.tasks)
	shown := c.counts.Load()
	if shown == 0 {
		t.Fatal("the desk read no counters")
	}
	counted := *c.day.Load()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		warmReads(ctx, st, func() bool { return true }, s.countsToWarm)
	}()
	defer func() {
		cancel()
		<-done
	}()
	wait := func(n int32) int32 {
		for deadline := time.Now().Add(10 * time.Second); c.counts.Load() < n && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		return c.counts.Load()
	}
	if n := wait(shown + 1); n != shown+1 || *c.day.Load() != counted {
		t.Errorf("after opening: %d counters read, want %d, of %s (the desk's %s)", n, shown+1, *c.day.Load(), counted)
	}
	addPerson(t, st, "Zeller")
	if n := wait(shown + 2); n != shown+2 {
		t.Errorf("after a write: %d counters read, want %d", n, shown+2)
	}
}
