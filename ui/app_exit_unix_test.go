//go:build unix

package ui

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"
)

// TestQuitWatchdogEndsAHungWindow: once the system asks Congrès to end
// (SIGTERM), a window that never returns (fyne 2.7.1 waiting on its own
// event queue, app_exit.go) does not keep the process alive: after
// quitGrace the congress is closed and the process ends, once.
func TestQuitWatchdogEndsAHungWindow(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 20))
	waitIdle(t, &u.tasks)
	s := u.session()
	if s == nil {
		t.Fatal("no congress open")
	}
	ended := make(chan int, 2)
	grace := quitGrace
	quitGrace, u.exit = 100*time.Millisecond, func(code int) { ended <- code }
	t.Cleanup(func() { quitGrace = grace })

	u.watchTerm()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-ended:
		if code != 0 {
			t.Errorf("the process ended with %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the process was not ended after SIGTERM")
	}
	if u.session() != nil {
		t.Error("the congress is still open")
	}
	if _, err := s.store.Congress(context.Background()); err == nil {
		t.Error("the congress file was not closed")
	}
	u.watchQuit() // Quit after the signal: no second watchdog
	select {
	case <-ended:
		t.Error("the process was ended twice")
	case <-time.After(300 * time.Millisecond):
	}
}
