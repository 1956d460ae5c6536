package ui

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

func TestMain(m *testing.M) {
	// The tests read English, whatever the machine's language.
	if err := loadTranslations("en"); err != nil {
		log.Fatal(err)
	}
	// What the window keeps in the user's cache folder (a desk's replica of
	// a server's congress, print files) goes to a folder of the run's own.
	cache, err := os.MkdirTemp("", "congres-ui-cache-")
	if err != nil {
		log.Fatal(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// demoFile writes a demo congress of n participants into a temporary folder.
func demoFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "demo"+data.Extension)
	if err := data.WriteDemo(context.Background(), path, data.DemoOptions{Participants: n}); err != nil {
		tb.Fatalf("WriteDemo: %v", err)
	}
	return path
}

// mustOpen opens a congress file for the length of the test.
func mustOpen(tb testing.TB, path string) *data.Store {
	tb.Helper()
	st, err := stores.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// newTestEnv is what a screen under test shares: a window of its own and
// a context cancelled at the end of the test.
func newTestEnv(t *testing.T) *env {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e := &env{ctx: ctx, win: test.NewTempWindow(t, nil), tasks: newTestTasks()}
	t.Cleanup(func() {
		waitIdle(t, e.tasks)
		cancel()
	})
	return e
}

// newTestTasks hands the updates of background work to waitFor, which runs
// them on the test's goroutine.
func newTestTasks() *tasks { return &tasks{queue: make(chan func(), 64)} }

// waitIdle waits until every background result has reached the screen.
func waitIdle(t *testing.T, tk *tasks) {
	t.Helper()
	waitFor(t, "background work to finish", tk, tk.idle)
}

// waitFor runs the updates of background work as they come, until cond
// holds; it fails the test after 10 s.
func waitFor(t *testing.T, what string, tk *tasks, cond func() bool) {
	t.Helper()
	waitForWithin(t, 10*time.Second, what, tk, cond)
}

// waitForWithin is waitFor, failing the test after d: for work that is
// big on purpose (a floor plan of 1,200 stands takes more than 10 s under
// -race on a loaded machine).
func waitForWithin(t *testing.T, d time.Duration, what string, tk *tasks, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		select {
		case update := <-tk.queue:
			update()
			continue
		default:
		}
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// tapDialogButton taps the button labelled text in the canvas's top dialog.
func tapDialogButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no button %q:\n%s", text, test.RenderObjectToMarkup(top))
}
