package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// TestDeskRestartedOffline: a desk laptop that made its replica of a
// server's congress, restarted while the server does not answer, opens the
// congress from its replica, on the welcome desk, under the server-lost
// banner: a scan finds the person and the check-in is held. Once the
// server answers, the window connects to it by itself, still on the desk,
// and the check-in reaches the server once.
func TestDeskRestartedOffline(t *testing.T) {
	defer func(d time.Duration) { offlineRetry = d }(offlineRetry)
	offlineRetry = 200 * time.Millisecond
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 60), target, nil); err != nil {
		t.Fatal(err)
	}
	direct, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close()
	px, through := storetest.NewProxy(t, target)

	// The desk's earlier run made its replica.
	root, err := stores.ReplicaRoot()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := stores.Open(ctx, through)
	if err != nil {
		t.Fatal(err)
	}
	r, err := stores.OpenReplica(ctx, srv, through, root)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	srv.Close()
	ids, err := direct.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var who data.Participant
	for _, id := range ids {
		c, err := direct.DeskCard(ctx, id, deskDay, 0)
		if err == nil && c.Arrival == nil && len(c.Warnings) == 0 {
			who = c.Participant
			break
		}
	}

	px.Cut()
	u := newTestUI(t)
	u.deskFile = through // congres desk URL
	u.connectAsync(through)
	waitFor(t, "the congress opened offline", &u.tasks, func() bool { return u.session() != nil })
	if _, ok := u.session().store.(*offlineCongress); !ok {
		t.Fatalf("opened offline as a %T", u.session().store)
	}
	if !richTextSays(u.win.Content(), "The server does not answer") {
		t.Error("no server-lost banner over the congress opened offline")
	}
	if u.view.current != deskPage {
		t.Fatalf("opened offline on page %d, not the desk", u.view.current)
	}
	desk := u.view.pages[deskPage].screen.(*deskScreen)
	desk.now = func() time.Time { return deskMorning } // the congress's first morning, not a rehearsal
	desk.loadAsync()
	waitIdle(t, &u.tasks)
	desk.scans.lastAt = time.Time{}
	for _, r := range who.Code {
		desk.entry.TypedRune(r)
	}
	desk.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the check-in held", &u.tasks, func() bool { return strings.Contains(desk.card.result.Text, "checked in at") })
	if n := arrivalsIn(t, direct, who.ID); n != 0 {
		t.Fatalf("%d arrivals on the server it could not reach", n)
	}

	px.Restore()
	waitFor(t, "the window to connect to the server", &u.tasks, func() bool {
		s := u.session()
		if s == nil {
			return false
		}
		_, offline := s.store.(*offlineCongress)
		return !offline
	})
	if u.view.current != deskPage {
		t.Errorf("reconnected on page %d, not the desk", u.view.current)
	}
	deadline := time.Now().Add(20 * time.Second)
	for arrivalsIn(t, direct, who.ID) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the check-in held offline never reached the server")
		}
		waitIdle(t, &u.tasks)
		time.Sleep(50 * time.Millisecond)
	}
	if n := arrivalsIn(t, direct, who.ID); n != 1 {
		t.Errorf("%d arrivals on the server, want 1", n)
	}
}
