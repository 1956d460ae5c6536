package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// overlayButton is the button labelled text in the dialog on top of win.
func overlayButton(t *testing.T, win fyne.Window, text string) *widget.Button {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog with a %q button", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no %q button in the dialog", text)
	return nil
}

// waitReplica waits until the desk's store on a server has made its
// replica.
func waitReplica(t *testing.T, o *offlineDesk) *stores.Replica {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for o.rep.Load() == nil {
		if time.Now().After(deadline) {
			t.Fatal("the desk made no replica")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return o.rep.Load()
}

// TestDeskSavesWaitingCheckins: the network cut, a check-in is held and
// the desk's offline line says "Offline: 1 check-in waiting." with a
// button to save it to a file; tapped, it asks where (the folder of the
// last export), saves the file, and says so. Loaded into the server, the
// file records the arrival once, with the desk's name.
func TestDeskSavesWaitingCheckins(t *testing.T) {
	ctx := context.Background()
	f, px, target, _ := newServerDesk(t, true)
	o := f.s.store.(*offlineDesk)
	waitReplica(t, o)
	folder := t.TempDir()
	f.prefs.SetString(prefExportFolder, folder)
	who := f.person(t, "")
	if f.s.saveHeld.Visible() {
		t.Error("the save button shows with nothing waiting")
	}

	px.Cut()
	f.scan(t, who.Code)
	waitFor(t, "the offline line", f.e.tasks, func() bool {
		return f.s.offline.Visible() && strings.Contains(f.s.offline.Text, "Offline: 1 check-in waiting.")
	})
	if !f.s.saveHeld.Visible() || !f.s.offlineBox.Visible() {
		t.Fatal("no button to save the waiting check-in")
	}
	if f.s.offline.Size().Height == 0 || f.s.saveHeld.Size().Width == 0 {
		t.Errorf("the offline line is not laid out: line %v, button %v", f.s.offline.Size(), f.s.saveHeld.Size())
	}
	test.Tap(f.s.saveHeld)
	test.Tap(overlayButton(t, f.e.win, "Save"))
	waitFor(t, "the outbox saved", f.e.tasks, func() bool {
		top := f.e.win.Canvas().Overlays().Top()
		return top != nil && richTextOrLabelSays(top, "1 check-in was saved to ")
	})
	files, _ := filepath.Glob(filepath.Join(folder, "*"+data.OutboxExtension))
	if len(files) != 1 {
		t.Fatalf("files saved: %v", files)
	}

	direct, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close()
	_, res, err := stores.ImportOutbox(ctx, direct, target, files[0], nil)
	if err != nil || res != (data.OutboxResult{Recorded: 1}) {
		t.Fatalf("loading the desk's file: %+v, %v", res, err)
	}
	log, err := direct.CheckinLog(ctx, who.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := arrivalsIn(t, direct, who.ID); n != 1 || log[len(log)-1].Kind != data.Arrival || log[len(log)-1].Desk != deskName(f.prefs) {
		t.Errorf("on the server: %d arrivals, the log %+v; want one by %q", n, log, deskName(f.prefs))
	}
}

// TestDeskHeldSlowKicks: a check-in the server does not take within the
// desk's second (a slow server, not a lost one) is held, and the replica is
// asked to hand it over now rather than at its next tick; it reaches the
// server.
func TestDeskHeldSlowKicks(t *testing.T) {
	f, _, _, _ := newServerDesk(t, true)
	o := f.s.store.(*offlineDesk)
	r := waitReplica(t, o)
	defer func(d time.Duration) { offlineAfter = d }(offlineAfter)
	offlineAfter = time.Nanosecond // the server's answer always comes too late
	kicks := make(chan struct{}, 8)
	defer func(k func(*stores.Replica)) { kickReplica = k }(kickReplica)
	kickReplica = func(r *stores.Replica) { kicks <- struct{}{}; r.Kick() }
	who := f.person(t, "")

	f.scan(t, who.Code)
	if res := f.s.card.result.Text; !strings.Contains(res, "checked in at") {
		t.Fatalf("checking in with a slow server says %q", res)
	}
	select {
	case <-kicks:
	default:
		t.Fatal("a check-in held for a slow server did not ask the replica to hand it over")
	}
	deadline := time.Now().Add(30 * time.Second)
	for arrivalsIn(t, f.st, who.ID) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the held check-in never reached the server (%d waiting)", r.Waiting())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestQuitReadsNoJournal: what quitting asks is the count the desk last
// read, not the journal read again on the UI thread.
func TestQuitReadsNoJournal(t *testing.T) {
	u := newTestUI(t)
	f, _, _, _ := newServerDesk(t, true)
	o := f.s.store.(*offlineDesk)
	waitReplica(t, o)
	u.view = &mainView{pages: make([]*page, deskPage+1)}
	u.view.pages[deskPage] = &page{screen: f.s}
	defer func() { u.view = nil }()
	o.waiting.Store(4) // the journal itself holds nothing
	if n := u.heldWaiting(); n != 4 {
		t.Errorf("heldWaiting() = %d, want the 4 the desk last read", n)
	}
}

// TestLoadOutboxInTheWindow: an organiser connected to the server loads a
// desk's file (File › Load a Desk's Check-ins…): "Desk 3: 3 actions
// recorded, 0 already there."; loaded again, "0 actions recorded, 3 already
// there."; a file that is not an outbox is refused with its sentence, and
// nothing is recorded.
func TestLoadOutboxInTheWindow(t *testing.T) {
	target, srv, file, held := deskOutboxFile(t)

	u := newTestUI(t)
	u.connectAsync(target)
	waitFor(t, "the congress on the server", &u.tasks, func() bool { return u.session() != nil })
	var item *fyne.MenuItem
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Label == "Load a Desk's Check-ins…" {
			item = it
		}
	}
	if item == nil || item.Disabled {
		t.Fatalf("the File menu offers no Load a Desk's Check-ins…: %+v", item)
	}
	item.Action() // once the desk's lock is known: none here
	waitFor(t, "Load a Desk's Check-ins… to ask for a file", &u.tasks, func() bool { return u.win.Canvas().Overlays().Top() != nil })
	u.win.Canvas().Overlays().Top().Hide()

	for _, want := range []string{"Desk 3: 3 actions recorded, 0 already there.", "Desk 3: 0 actions recorded, 3 already there."} {
		u.loadOutboxAsync(file)
		waitFor(t, want, &u.tasks, func() bool {
			top := u.win.Canvas().Overlays().Top()
			return top != nil && richTextOrLabelSays(top, want)
		})
		u.win.Canvas().Overlays().Top().Hide()
	}
	if n := arrivalsOf(t, srv, held); n != 3 {
		t.Errorf("the server holds %d arrivals, want 3", n)
	}

	notes := filepath.Join(t.TempDir(), "notes"+data.OutboxExtension)
	os.WriteFile(notes, []byte("Desk 3: three people came in\n"), 0o600)
	u.loadOutboxAsync(notes)
	waitFor(t, "the refusal", &u.tasks, func() bool {
		top := u.win.Canvas().Overlays().Top()
		return top != nil && richTextOrLabelSays(top, "is not a file of check-ins saved at a desk: nothing was recorded")
	})
	if n := arrivalsOf(t, srv, held); n != 3 {
		t.Errorf("after the refusal, the server holds %d arrivals, want 3", n)
	}
}

// arrivalsOf counts the arrivals of ids on s.
func arrivalsOf(t *testing.T, s *data.Store, ids []int64) int {
	t.Helper()
	n := 0
	for _, id := range ids {
		n += arrivalsIn(t, s, id)
	}
	return n
}

// deskOutboxFile copies a demo congress of 60 people onto the test server,
// and has a desk's copy of it, its server out of reach, hold 3 check-ins
// taken at "Desk 3" and save them to an outbox file. It returns the
// congress's URL, the server's store, the file and the people held.
func deskOutboxFile(t *testing.T) (target string, srv *data.Store, file string, held []int64) {
	t.Helper()
	ctx := context.Background()
	target = storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 60), target, nil); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	srv, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	r, err := stores.OpenReplica(ctx, srv, target, root)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if r, err = stores.OpenReplicaOffline(ctx, target, root); err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ids, err := r.Store().ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		c, err := r.Store().DeskCard(ctx, id, deskDay, 0)
		if err != nil || c.Arrival != nil || len(c.Warnings) > 0 {
			continue
		}
		if res, err := r.Store().Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: deskDay, Desk: "Desk 3"}); err != nil || !res.Checkin.Held {
			t.Fatalf("holding %d: %+v, %v", id, res, err)
		}
		if held = append(held, id); len(held) == 3 {
			break
		}
	}
	file = filepath.Join(t.TempDir(), "desk3"+data.OutboxExtension)
	if _, err := stores.SaveOutbox(ctx, r.Store(), target, file); err != nil {
		t.Fatal(err)
	}
	return target, srv, file, held
}
