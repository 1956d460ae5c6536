package ui

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"
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
	// The demo congresses demoFile copies, written once for the run.
	demos.dir, err = os.MkdirTemp("", "congres-ui-demos-")
	if err != nil {
		log.Fatal(err)
	}
	code := m.Run()
	os.RemoveAll(cache)
	os.RemoveAll(demos.dir)
	os.Exit(code)
}

// demos are the demo congresses of the run, one per size: data.WriteDemo
// writes the same congress each time (a fixed seed and clock; only the
// migrations' times differ), so each test gets a copy of the one written
// first instead of writing it again (about 1.5 s of CPU under -race for
// 60 people, 7 s for 1,200; some 80 tests take one).
var demos struct {
	dir   string // removed by TestMain
	mu    sync.Mutex
	paths map[int]string // by number of participants
}

// demoFile writes a demo congress of n participants into a temporary
// folder: a file of the test's own, that it may change.
func demoFile(tb testing.TB, n int) string {
	tb.Helper()
	b, err := os.ReadFile(demoTemplate(tb, n))
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "demo"+data.Extension)
	if err := os.WriteFile(path, b, 0o600); err != nil { // as WriteDemo makes it
		tb.Fatal(err)
	}
	return path
}

// demoTemplate is the run's demo congress of n participants, written by
// data.WriteDemo the first time it is asked for. Tests never open it.
func demoTemplate(tb testing.TB, n int) string {
	tb.Helper()
	demos.mu.Lock()
	defer demos.mu.Unlock()
	if path, ok := demos.paths[n]; ok {
		return path
	}
	path := filepath.Join(demos.dir, fmt.Sprintf("demo-%d%s", n, data.Extension))
	if err := data.WriteDemo(context.Background(), path, data.DemoOptions{Participants: n}); err != nil {
		tb.Fatalf("WriteDemo: %v", err)
	}
	if demos.paths == nil {
		demos.paths = map[int]string{}
	}
	demos.paths[n] = path
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

// TestDemoFileIsTheTestsOwn: demoFile hands out copies of one demo
// congress, which hold what data.WriteDemo writes, and what a test writes
// in its copy stays out of the others'.
func TestDemoFileIsTheTestsOwn(t *testing.T) {
	ctx := context.Background()
	a, b := demoFile(t, 5), demoFile(t, 5)
	if a == b || a == demoTemplate(t, 5) {
		t.Fatalf("the same file twice: %s, %s", a, b)
	}
	fresh := filepath.Join(t.TempDir(), "fresh"+data.Extension)
	if err := data.WriteDemo(ctx, fresh, data.DemoOptions{Participants: 5}); err != nil {
		t.Fatal(err)
	}
	list := func(st *data.Store) string {
		t.Helper()
		people, err := st.ListParticipants(ctx, data.ParticipantQuery{})
		rooms, err2 := st.Rooms(ctx)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		return fmt.Sprint(people, rooms)
	}
	stA := mustOpen(t, a)
	if got, want := list(stA), list(mustOpen(t, fresh)); got != want {
		t.Errorf("a copy holds\n%s\nwhere WriteDemo writes\n%s", got, want)
	}
	stB := mustOpen(t, b)
	before := list(stB)
	if err := stA.SaveRoom(ctx, &data.Room{Name: "Salle neuve", Capacity: 10}); err != nil {
		t.Fatal(err)
	}
	if list(stA) == before {
		t.Fatal("the room was not saved")
	}
	if got := list(stB); got != before {
		t.Error("a room saved in one test's file shows in another's")
	}
}
