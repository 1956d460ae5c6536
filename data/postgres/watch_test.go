package postgres

import (
	"context"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

// events collects a store's server events.
func events(s *data.Store) chan data.ServerEvent {
	ch := make(chan data.ServerEvent, 100)
	s.Subscribe(func(e data.ServerEvent) { ch <- e })
	return ch
}

// await waits for the event want, skipping others, and returns how long it
// took.
func await(t *testing.T, ch chan data.ServerEvent, want data.ServerEvent, what string) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case e := <-ch:
			if e == want {
				return time.Since(start)
			}
		case <-deadline:
			t.Fatalf("%s: no event %d within 15 s", what, want)
		}
	}
}

// TestOtherLaptopsChanges: a write on one laptop is heard on another, from
// the server (LISTEN/NOTIFY), not by polling.
func TestOtherLaptopsChanges(t *testing.T) {
	ctx := context.Background()
	u := newDatabase(t)
	a, err := Create(ctx, u, data.Congress{Name: "Congrès", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := OpenStore(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ch := events(b)
	time.Sleep(300 * time.Millisecond) // b's watcher connects and listens
	for len(ch) > 0 {
		<-ch
	}
	r := data.Room{Name: "Salle A", Capacity: 40}
	if err := a.SaveRoom(ctx, &r); err != nil {
		t.Fatal(err)
	}
	took := await(t, ch, data.ServerChanged, "a room saved on the other laptop")
	t.Logf("heard after %v", took)
	rooms, err := b.Rooms(ctx)
	if err != nil || len(rooms) != 1 {
		t.Errorf("b reads the new room: %v, %v", rooms, err)
	}
}

// TestServerLostAndBack: the watcher tells the window when the server is
// lost and when it is back, by itself, and the store then hears changes
// again.
func TestServerLostAndBack(t *testing.T) {
	defer func(i, a, r time.Duration) { watchIdle, watchAnswer, watchRetry = i, a, r }(watchIdle, watchAnswer, watchRetry)
	watchIdle, watchAnswer, watchRetry = 200*time.Millisecond, 500*time.Millisecond, 200*time.Millisecond
	ctx := context.Background()
	direct := newDatabase(t)
	a, err := Create(ctx, direct, data.Congress{Name: "Congrès", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	px, through := storetest.NewProxy(t, direct)
	b, err := OpenStore(ctx, through)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ch := events(b)
	if b.ServerLostNow() {
		t.Fatal("lost before anything happened")
	}
	px.Cut()
	await(t, ch, data.ServerLost, "the network cut")
	if !b.ServerLostNow() {
		t.Error("ServerLostNow is false after ServerLost")
	}
	px.Restore()
	await(t, ch, data.ServerBack, "the network back")
	if b.ServerLostNow() {
		t.Error("ServerLostNow is true after ServerBack")
	}
	if err := a.SaveRoom(ctx, &data.Room{Name: "Salle B"}); err != nil {
		t.Fatal(err)
	}
	await(t, ch, data.ServerChanged, "a change after the return")
}
