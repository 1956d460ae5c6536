package ui

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// timeScreens turns the screens' timing on for the test, its lines into
// the buffer returned.
func timeScreens(t *testing.T) *bytes.Buffer {
	t.Helper()
	var out bytes.Buffer
	screenTimingOn, screenTimingOut = true, &out
	t.Cleanup(func() { screenTimingOn, screenTimingOut = os.Getenv("CONGRES_SCREEN_TIMING") == "1", os.Stderr })
	return &out
}

// drain runs the updates waiting in the queue, on the test's goroutine.
func drain(tk *tasks) {
	for {
		select {
		case fn := <-tk.queue:
			fn()
		default:
			return
		}
	}
}

// An action is timed until the background read it started has shown its
// result, and not before; its stages are on its line.
func TestScreenTimingWaitsForTheResult(t *testing.T) {
	out := timeScreens(t)
	tk := newTestTasks()
	release := make(chan struct{})
	shown := false
	tk.timeAction("sort Organisation")
	tk.runAsync(context.Background(), func(context.Context) func() {
		<-release
		return func() {
			shown = true
			tk.timedStage("rows")
		}
	})
	drain(tk) // the check after the handler: work is pending
	if out.Len() != 0 {
		t.Fatalf("timed before the result was shown: %q", out)
	}
	close(release)
	waitFor(t, "the timing line", tk, func() bool { return out.Len() > 0 })
	line := out.String()
	if !shown || !strings.HasPrefix(line, "screen-timing sort_Organisation ") || !strings.Contains(line, " enter=") ||
		!strings.Contains(line, " rows=") || strings.Count(line, "\n") != 1 {
		t.Errorf("line %q (shown %v)", line, shown)
	}
}

// An action that reads nothing in the background is timed once its handler
// is done; with the timing off, nothing is written.
func TestScreenTimingOfAnActionWithoutRead(t *testing.T) {
	out := timeScreens(t)
	tk := newTestTasks()
	tk.timedChoice("programme-view", func(int) {})(1)
	drain(tk)
	drain(tk)
	if !strings.HasPrefix(out.String(), "screen-timing programme-view+1 ") {
		t.Errorf("line %q", out)
	}
	out.Reset()
	screenTimingOn = false
	tk.timeAction("switch Dashboard")
	tk.runAsync(context.Background(), func(context.Context) func() { return nil })
	waitIdle(t, tk)
	drain(tk)
	if out.Len() != 0 {
		t.Errorf("timing off, yet %q", out)
	}
}

// A file opened in the window is timed from the click to its first page
// drawn with its reads: the page's switch is a stage of the open, not a
// new action that would hide it.
func TestScreenTimingOfAnOpen(t *testing.T) {
	out := timeScreens(t)
	u := newTestUI(t)
	u.openAsync(demoFile(t, 40))
	waitIdle(t, &u.tasks)
	waitFor(t, "the timing line", &u.tasks, func() bool { return strings.Contains(out.String(), "\n") })
	line := out.String()
	if !strings.HasPrefix(line, "screen-timing open ") || !strings.Contains(line, " checked=") ||
		!strings.Contains(line, " switch_Dashboard=") || strings.Count(line, "\n") != 1 {
		t.Errorf("line %q", line)
	}
}
