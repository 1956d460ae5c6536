package postgres

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"congres/data"
)

// TestReviewCloseLeavesNoGoroutine: stores opened and closed, with a
// subscriber, leave no goroutine behind.
func TestReviewCloseLeavesNoGoroutine(t *testing.T) {
	ctx := context.Background()
	u := newDatabase(t)
	s, err := Create(ctx, u, data.Congress{Name: "Revue", Days: []data.Day{"2026-05-21"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	time.Sleep(200 * time.Millisecond)
	before := runtime.NumGoroutine()
	for range 5 {
		s, err := OpenStore(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		s.Subscribe(func(data.ServerEvent) {})
		time.Sleep(50 * time.Millisecond)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("%d goroutines after, %d before:\n%s", n, before, strings.Join(strings.Split(string(buf), "\n\n")[:3], "\n\n"))
	}
}
