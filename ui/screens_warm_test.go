package ui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"congres/data"
)

// statsCounter is a real store that counts the dashboard's reads.
type statsCounter struct {
	*data.Store
	stats atomic.Int32
}

func (c *statsCounter) Stats(ctx context.Context) (data.Stats, error) {
	c.stats.Add(1)
	return c.Store.Stats(ctx)
}

// waitCount waits until n reads were made, and says how many there were.
func waitCount(t *testing.T, c *statsCounter, n int32) int32 {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); c.stats.Load() < n && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	return c.stats.Load()
}

// TestWarmReadsAfterOpenAndWrite: once the file is open, the dashboard's
// numbers are read ahead, once; again after a write, once the file is
// quiet; not while it may not (the welcome desk shown, the window
// waiting for a screen's reads), but as soon as it may.
func TestWarmReadsAfterOpenAndWrite(t *testing.T) {
	st := mustOpen(t, demoFile(t, 40))
	c := &statsCounter{Store: st}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var paused atomic.Bool
	go func() {
		defer close(done)
		warmReads(ctx, c, func() bool { return !paused.Load() })
	}()
	defer func() {
		cancel()
		<-done
	}()
	if n := waitCount(t, c, 1); n != 1 {
		t.Fatalf("after opening: %d reads ahead, want 1", n)
	}
	time.Sleep(4 * warmPoll)
	if n := c.stats.Load(); n != 1 {
		t.Errorf("nothing written: %d reads ahead, want still 1", n)
	}
	addPerson(t, st, "Zeller")
	if n := waitCount(t, c, 2); n != 2 {
		t.Errorf("after a write: %d reads ahead, want 2", n)
	}
	paused.Store(true) // the welcome desk shown
	addPerson(t, st, "Ziegler")
	time.Sleep(4 * warmPoll)
	if n := c.stats.Load(); n != 2 {
		t.Errorf("a write while the desk is shown: %d reads ahead, want still 2", n)
	}
	paused.Store(false)
	if n := waitCount(t, c, 3); n != 3 {
		t.Errorf("the desk left: %d reads ahead, want 3", n)
	}
}

// slowStats is a real store whose dashboard numbers take 5 s to read,
// unless the read is cancelled.
type slowStats struct {
	*data.Store
	started chan struct{}
}

func (s *slowStats) Stats(ctx context.Context) (data.Stats, error) {
	close(s.started)
	select {
	case <-ctx.Done():
		return data.Stats{}, ctx.Err()
	case <-time.After(5 * time.Second):
		return s.Store.Stats(ctx)
	}
}

// TestWarmReadStopsWhenTheWindowWaits: a read ahead under way when the
// window starts reading for a screen stops there, rather than take a core
// until it ends; the file's state is warmed for again later.
func TestWarmReadStopsWhenTheWindowWaits(t *testing.T) {
	st := &slowStats{Store: mustOpen(t, demoFile(t, 20)), started: make(chan struct{})}
	var waiting atomic.Bool
	done := make(chan bool)
	go func() { done <- warmOnce(context.Background(), st, func() bool { return !waiting.Load() }) }()
	<-st.started
	start := time.Now()
	waiting.Store(true) // a screen's click
	select {
	case all := <-done:
		if all {
			t.Error("warmOnce says all was read ahead, after it stopped")
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("the read ahead went on %v after the window began to wait", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("warmOnce did not end")
	}
}
