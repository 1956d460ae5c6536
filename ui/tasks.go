package ui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// tasks runs database work off the UI thread and applies its result on it.
// It counts the work whose result is not on screen yet, so that tests can
// wait for a screen to settle instead of sleeping.
type tasks struct {
	pending atomic.Int64
	// queue, when set (by tests), receives the updates instead of fyne.Do,
	// so that the test runs them on its own goroutine as the app runs them
	// on its main one. (fyne's test driver would run them on the worker's
	// goroutine, alongside the test's own use of the widgets.)
	queue chan func()
	// timing is the user's action being timed (screen_timing.go).
	timing screenTiming
}

// runAsync runs work in a goroutine, then, on the UI thread, the update it
// returns (nil: nothing to do). The update is dropped when ctx was cancelled
// meanwhile: its file was closed or replaced.
func (t *tasks) runAsync(ctx context.Context, work func(ctx context.Context) (update func())) {
	t.hold()
	go func() {
		update := work(ctx)
		t.onUI(func() {
			defer t.release()
			if update != nil && ctx.Err() == nil {
				update()
			}
		})
	}()
}

func (t *tasks) onUI(fn func()) {
	if t.queue != nil {
		t.queue <- fn
		return
	}
	fyne.Do(fn)
}

// latestAsync runs work off the UI thread, then show with its result on
// it — unless request number n is no longer the latest on counter (a newer
// search or lookup was started meanwhile: its result alone counts). An
// error is shown to the user instead of the result.
func latestAsync[T any](e *env, counter *atomic.Uint64, n uint64, work func(context.Context) (T, error), show func(T)) {
	e.tasks.runAsync(e.ctx, func(ctx context.Context) func() {
		v, err := work(ctx)
		return func() {
			if n != counter.Load() {
				return
			}
			if err != nil {
				showError(e.win, err)
				return
			}
			show(v)
		}
	})
}

// hold counts work that is about to start (a debounced search, say);
// release says it was started with runAsync, or given up.
func (t *tasks) hold() { t.pending.Add(1) }
func (t *tasks) release() {
	if t.pending.Add(-1) == 0 {
		t.timedIdle(0)
	}
}

// idle reports whether every result has reached the screen.
func (t *tasks) idle() bool { return t.pending.Load() == 0 }
