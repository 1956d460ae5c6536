package ui

import (
	"context"
	"testing"
	"time"
)

// backupSpy is an open congress whose automatic backups only note the
// priority of the thread they run on.
type backupSpy struct {
	openStore // nil: the session calls nothing else
	nice      chan int
}

func (b *backupSpy) AutoBackup(ctx context.Context, _ time.Duration, _ func(error)) {
	n, err := threadNice()
	if err != nil {
		n = -100
	}
	b.nice <- n
	<-ctx.Done()
}

// The automatic backups (and the full check at the opening) run below the
// window's priority, so that the first pages visited after the opening do
// not wait for them; the window's threads keep theirs.
func TestAutomaticBackupsRunBelowTheWindow(t *testing.T) {
	window, err := threadNice()
	if err != nil {
		t.Fatal(err)
	}
	spy := &backupSpy{nice: make(chan int, 1)}
	s := newSession(spy, true, func() bool { return true }, func(error) {})
	var backups int
	select {
	case backups = <-spy.nice:
	case <-time.After(10 * time.Second):
		t.Fatal("the backups never started")
	}
	s.cancel()
	<-s.done
	if backups < window+backgroundNice {
		t.Errorf("the backups run at nice %d, the window at %d: want %d or lower in priority", backups, window, window+backgroundNice)
	}
	// The lowered thread ended with the backups: the threads that run
	// goroutines now have the window's priority.
	done := make(chan int)
	for range 8 {
		go func() {
			n, _ := threadNice()
			done <- n
		}()
		if n := <-done; n != window {
			t.Errorf("a goroutine after the backups runs at nice %d, not %d", n, window)
		}
	}
}
