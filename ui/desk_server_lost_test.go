package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// newServerDesk is the desk screen on a demo congress of 60 people copied
// onto the test server, reached through a proxy that the test can cut; the
// desk's store is the one the window gives it (deskStoreFor: with its
// replica) when replica is true. It returns the congress's direct URL, and
// the clock of the desk, on deskMorning.
func newServerDesk(t *testing.T, replica bool) (*deskFixture, *storetest.Proxy, string, *time.Time) {
	t.Helper()
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 60), target, nil); err != nil {
		t.Fatal(err)
	}
	px, through := storetest.NewProxy(t, target)
	st, err := stores.Open(ctx, through)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := deskMorning
	st.SetClock(func() time.Time { return now })
	f := &deskFixture{a: test.NewTempApp(t), st: st}
	f.prefs = f.a.Preferences()
	f.e = newTestEnv(t)
	var desk deskStore = st
	if replica {
		desk = deskStoreFor(f.e.ctx, st)
	}
	f.s = newDeskScreen(f.e, desk, f.prefs, nil)
	f.s.now = func() time.Time { return now }
	f.e.win.SetContent(f.s.build())
	f.e.win.Resize(fyne.NewSize(1100, 700))
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	return f, px, target, &now
}

// newOfflineDesk is a desk on a server, through a proxy the test may cut,
// once its replica is made, and a second connection to the server (other)
// to see what reaches it.
func newOfflineDesk(t *testing.T) (f *deskFixture, px *storetest.Proxy, o *offlineDesk, other *data.Store) {
	t.Helper()
	f, px, target, _ := newServerDesk(t, true)
	other, err := stores.Open(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	o = f.s.store.(*offlineDesk)
	waitFor(t, "the desk's replica", f.e.tasks, func() bool { return o.rep.Load() != nil })
	return f, px, o, other
}

// TestDeskServerLost: a desk on a congress kept on a server, the network
// cut. A scan, by code or by name, is not recorded, and the desk says so on
// its result line: no dialog steals the scanner's next keystrokes, and the
// field keeps the focus. Once the network is back, the same scan checks in.
func TestDeskServerLost(t *testing.T) {
	f, px, _, now := newServerDesk(t, false)
	who := f.person(t, "")

	px.Cut()
	for _, scan := range []string{who.Code, who.LastName} {
		*now = now.Add(5 * time.Second)
		f.scan(t, scan)
		if top := f.e.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("scanning %q with the server lost opened a dialog", scan)
		}
		if r := f.s.card.result.Text; !strings.Contains(r, "does not answer") || !strings.Contains(r, "not recorded") {
			t.Errorf("scanning %q with the server lost: result line %q", scan, r)
		}
		if f.e.win.Canvas().Focused() != f.s.entry {
			t.Errorf("scanning %q with the server lost: the field lost the focus", scan)
		}
	}

	px.Restore()
	*now = now.Add(5 * time.Second)
	f.scan(t, who.Code)
	if n := f.arrivals(t, who.ID); n != 1 {
		t.Fatalf("%d arrivals once the server is back, want 1", n)
	}
	if r := f.s.card.result.Text; !strings.Contains(r, "checked in at") {
		t.Errorf("once the server is back: result line %q", r)
	}
}

// untilServer waits, up to 30 s, until has finds what the test waits for on
// the server (nil); the test fails with has's last error if it never does.
func untilServer(t *testing.T, what string, has func() error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := has()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached the server: %v", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
