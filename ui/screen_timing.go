package ui

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// The screens' timing (CONGRES_SCREEN_TIMING=1), for the real-window check
// of issue 19 (each screen switch, sort, filter and search within 300 ms at
// 50,000 participants): how long an action of the user takes to show its
// whole result. One line per action on standard error:
//
//	screen-timing sort+Organisation 212.4ms enter=1733480000123456 rows=95.1
//
// The figure runs from the action (the tap or key, as its handler starts
// on the UI thread) until every background read it started has shown its
// result (the tasks idle again), plus one more turn of the UI thread: the
// frame drawn with it. enter is the action's wall-clock time in
// microseconds since 1970 (a script that sends the click compares it with
// its own clock); the stages a screen notes on the way follow, in
// milliseconds after it (built: a page built at its first visit; rows: the
// list's first rows, before its count; counts: the dashboard's counts by
// status; badges: the exports' badge preview and count; checked: a file
// opened (open), checked and its congress read, before its first page).
// A newer action replaces one not finished, except a file's opening,
// whose first page is one of its stages.

// screenTimingOn says whether the screens are timed.
var screenTimingOn = os.Getenv("CONGRES_SCREEN_TIMING") == "1"

// screenTimingOut is where the timing lines go (tests read them).
var screenTimingOut io.Writer = os.Stderr

// screenTiming is the action being timed, if any.
type screenTiming struct {
	mu     sync.Mutex
	what   string // "" when none is timed
	start  time.Time
	stages []string
	gen    uint64 // numbers the actions: a late check of an older one does nothing
}

// timeAction starts timing what, an action of the user. UI thread, as the
// action's handler starts.
func (t *tasks) timeAction(what string) {
	if !screenTimingOn {
		return
	}
	tm := &t.timing
	tm.mu.Lock()
	if tm.what == "open" {
		// The first page shown by a file opening is a stage of the open.
		tm.stages = append(tm.stages, fmt.Sprintf("%s=%.1f", strings.ReplaceAll(what, " ", "_"), millis(time.Since(tm.start))))
		tm.mu.Unlock()
		return
	}
	tm.what, tm.start, tm.stages = strings.ReplaceAll(what, " ", "_"), time.Now(), nil
	tm.gen++
	gen := tm.gen
	tm.mu.Unlock()
	// Once the handler is done: an action that read nothing in the
	// background is shown already.
	t.onUI(func() { t.timedIdle(gen) })
}

// timedStage notes that the action timed reached stage name (its first
// rows shown, say). UI thread.
func (t *tasks) timedStage(name string) {
	if !screenTimingOn {
		return
	}
	tm := &t.timing
	tm.mu.Lock()
	defer tm.mu.Unlock()
	if tm.what != "" {
		tm.stages = append(tm.stages, fmt.Sprintf("%s=%.1f", name, millis(time.Since(tm.start))))
	}
}

// timedIdle ends the timing of action gen (0: whichever is timed) when no
// background work is left: one turn of the UI thread later, the frame with
// its result is drawn.
func (t *tasks) timedIdle(gen uint64) {
	if !screenTimingOn || !t.idle() {
		return
	}
	tm := &t.timing
	tm.mu.Lock()
	if gen == 0 {
		gen = tm.gen
	}
	timed := tm.what != "" && gen == tm.gen
	tm.mu.Unlock()
	if !timed {
		return
	}
	t.onUI(func() {
		if !t.idle() {
			return // more work began meanwhile: its end ends the timing
		}
		tm.mu.Lock()
		defer tm.mu.Unlock()
		if tm.what == "" || gen != tm.gen {
			return
		}
		line := fmt.Sprintf("screen-timing %s %.1fms enter=%d", tm.what, millis(time.Since(tm.start)), tm.start.UnixMicro())
		if len(tm.stages) > 0 {
			line += " " + strings.Join(tm.stages, " ")
		}
		fmt.Fprintln(screenTimingOut, line)
		tm.what = ""
	})
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// timedChoice is fn, a choice's handler, timed as what.
func (t *tasks) timedChoice(what string, fn func(int)) func(int) {
	return func(i int) {
		t.timeAction(fmt.Sprintf("%s+%d", what, i))
		fn(i)
	}
}
