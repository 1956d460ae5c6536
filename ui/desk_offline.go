package ui

import (
	"context"
	"errors"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// A desk on a congress kept on a server keeps a copy of it, its replica
// (issue 17, data/stores/replica.go), made when the desk is first shown
// (not for a window whose desk page nobody opens) and kept current from the
// server's notifications. While the server does not
// answer, the desk reads the replica: a scan still finds the person and
// shows their card, "already in" included, and the counters stay. What the
// desk records goes to the server, as before.

// offlineDesk is the desk's store on a server: the server's, and its
// replica while the server is lost.
type offlineDesk struct {
	deskStore              // the server's store
	events    serverEvents // its notifications
	srv       *data.Store
	target    string          // the server's address, with its password if one was given
	ctx       context.Context // the open congress's: the replica closes with it
	start     sync.Once
	rep       atomic.Pointer[stores.Replica] // nil until made
	// onState is told, from another goroutine, how many of the desk's
	// actions wait to be sent and whether the server is lost, when either
	// changes.
	onState func(waiting int, lost bool)
	// waiting is how many of the desk's actions wait to be sent, as
	// followState last read it (plus those held since): what quitting
	// asks, on the UI thread, without reading the journal there.
	waiting atomic.Int64
}

// kickReplica asks the replica to hand its held actions over now (tests
// replace it to see that it is asked).
var kickReplica = (*stores.Replica).Kick

// offlineAfter is how long a check-in waits for the server before it is
// held in the replica's journal.
var offlineAfter = time.Second

// offlineEvery is how often the desk reads how many actions wait.
var offlineEvery = time.Second

// deskStoreFor is the store the desk uses: st itself for a file; for a
// congress on a server, st with a replica (startReplica), closed when ctx
// ends.
func deskStoreFor(ctx context.Context, st deskStore) deskStore {
	if oc, ok := st.(*offlineCongress); ok {
		return offlineDeskFor(ctx, oc)
	}
	srv, ok := st.(*data.Store)
	if !ok || !srv.OnServer() {
		return st
	}
	return &offlineDesk{deskStore: st, events: srv, srv: srv, target: srv.Location(), ctx: ctx}
}

// startReplica makes or opens the desk's replica in the background, once;
// a replica given already (a congress opened offline) is only followed.
func (o *offlineDesk) startReplica() {
	o.start.Do(func() {
		if r := o.rep.Load(); r != nil {
			go o.followState(o.ctx, r)
			return
		}
		go o.openReplica(o.ctx, o.srv)
	})
}

// openReplica makes or opens the replica of srv's congress, and closes it
// when ctx ends. A desk without a replica works as before: online only.
func (o *offlineDesk) openReplica(ctx context.Context, srv *data.Store) {
	root, err := stores.ReplicaRoot()
	if err != nil {
		log.Printf("no replica for the desk: %v", err)
		return
	}
	r, err := stores.OpenReplica(ctx, srv, srv.Location(), root)
	if err != nil {
		log.Printf("no replica for the desk: %v", err)
		return
	}
	o.rep.Store(r)
	o.followState(ctx, r)
	o.rep.Store(nil)
	if err := r.Close(); err != nil {
		log.Printf("closing the desk's replica: %v", err)
	}
}

// reading is the store to read from now: the replica while the server is
// lost, else the server's.
func (o *offlineDesk) reading() deskStore {
	if r := o.rep.Load(); r != nil && o.events.ServerLostNow() {
		return r.Store()
	}
	return o.deskStore
}

// read runs fn on the store to read from now; when the server turns out
// not to answer, on the replica.
func offlineRead[T any](o *offlineDesk, fn func(deskStore) (T, error)) (T, error) {
	st := o.reading()
	v, err := fn(st)
	if err != nil && serverUnreachable(err) && st == o.deskStore {
		if r := o.rep.Load(); r != nil {
			return fn(r.Store())
		}
	}
	return v, err
}

func (o *offlineDesk) Subscribe(fn func(data.ServerEvent)) (cancel func()) {
	return o.events.Subscribe(fn)
}

func (o *offlineDesk) ServerLostNow() bool { return o.events.ServerLostNow() }

func (o *offlineDesk) ParticipantIDByScan(ctx context.Context, text string) (int64, error) {
	return offlineRead(o, func(st deskStore) (int64, error) { return st.ParticipantIDByScan(ctx, text) })
}

func (o *offlineDesk) ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error) {
	return offlineRead(o, func(st deskStore) ([]data.ParticipantRow, error) { return st.ListParticipants(ctx, q) })
}

func (o *offlineDesk) Congress(ctx context.Context) (data.Congress, error) {
	return offlineRead(o, func(st deskStore) (data.Congress, error) { return st.Congress(ctx) })
}

func (o *offlineDesk) Categories(ctx context.Context) ([]data.Category, error) {
	return offlineRead(o, func(st deskStore) ([]data.Category, error) { return st.Categories(ctx) })
}

func (o *offlineDesk) Sessions(ctx context.Context) ([]data.Session, error) {
	return offlineRead(o, func(st deskStore) ([]data.Session, error) { return st.Sessions(ctx) })
}

func (o *offlineDesk) DeskCard(ctx context.Context, id int64, day data.Day, session int64) (data.DeskCard, error) {
	if rs := o.walkInReplica(id); rs != nil { // desk_offline_actions.go
		return rs.DeskCard(ctx, id, day, session)
	}
	return offlineRead(o, func(st deskStore) (data.DeskCard, error) { return st.DeskCard(ctx, id, day, session) })
}

func (o *offlineDesk) RehearsalDeskCard(ctx context.Context, id int64, day data.Day, session int64) (data.DeskCard, error) {
	return offlineRead(o, func(st deskStore) (data.DeskCard, error) { return st.RehearsalDeskCard(ctx, id, day, session) })
}

func (o *offlineDesk) DeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error) {
	return offlineRead(o, func(st deskStore) ([]data.DeskCount, error) { return st.DeskCounts(ctx, day) })
}

func (o *offlineDesk) RehearsalDeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error) {
	return offlineRead(o, func(st deskStore) ([]data.DeskCount, error) { return st.RehearsalDeskCounts(ctx, day) })
}

func (o *offlineDesk) DoorCounts(ctx context.Context, session int64) (data.DoorCount, error) {
	return offlineRead(o, func(st deskStore) (data.DoorCount, error) { return st.DoorCounts(ctx, session) })
}

func (o *offlineDesk) RehearsalDoorCounts(ctx context.Context, session int64) (data.DoorCount, error) {
	return offlineRead(o, func(st deskStore) (data.DoorCount, error) { return st.RehearsalDoorCounts(ctx, session) })
}

func (o *offlineDesk) CategoryFees(ctx context.Context) (map[int64]int64, error) {
	return offlineRead(o, func(st deskStore) (map[int64]int64, error) { return st.CategoryFees(ctx) })
}

// followState tells onState how many actions wait and whether the server
// is lost, each time either changes, until ctx ends.
func (o *offlineDesk) followState(ctx context.Context, r *stores.Replica) {
	tick := time.NewTicker(offlineEvery)
	defer tick.Stop()
	last, lastLost := -1, false
	for {
		n, lost := r.Waiting(), o.events.ServerLostNow()
		o.waiting.Store(int64(n))
		if (n != last || lost != lastLost) && o.onState != nil {
			o.onState(n, lost)
		}
		last, lastLost = n, lost
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// offlineWrite runs a desk action on the server, waiting at most
// offlineAfter; when the server does not answer (or not in time), it holds
// the action in the replica's journal instead. Without a replica, the
// server's answer stands.
// late says whether an answer that comes too late is held too: for an
// arrival, which the hand-over skips when the server has the person in
// already; not for an undo.
func offlineWrite[T any](ctx context.Context, o *offlineDesk, late bool, fn func(context.Context, deskStore) (T, error)) (T, error) {
	r := o.rep.Load()
	if r == nil {
		return fn(ctx, o.deskStore)
	}
	if o.events.ServerLostNow() {
		return offlineHeld(ctx, o, r, fn)
	}
	sctx, cancel := context.WithCancel(ctx)
	if late {
		sctx, cancel = context.WithTimeout(ctx, offlineAfter)
	}
	v, err := fn(sctx, o.deskStore)
	cancel()
	if err != nil && ctx.Err() == nil && (serverUnreachable(err) || late && errors.Is(err, context.DeadlineExceeded)) {
		v, err = offlineHeld(ctx, o, r, fn)
		if err == nil {
			// The server may only be slow: the hand-over starts as soon
			// as it answers, not at the replica's next tick.
			kickReplica(r)
		}
	}
	return v, err
}

// offlineHeld runs a desk action on the replica r, which holds it in its journal,
// and counts it among those waiting.
func offlineHeld[T any](ctx context.Context, o *offlineDesk, r *stores.Replica, fn func(context.Context, deskStore) (T, error)) (T, error) {
	v, err := fn(ctx, r.Store())
	if err == nil {
		o.waiting.Add(1) // until followState reads the journal again
	}
	return v, err
}

func (o *offlineDesk) Admit(ctx context.Context, req data.AdmitRequest) (data.AdmitResult, error) {
	if rs := o.walkInReplica(req.ParticipantID); rs != nil { // desk_offline_actions.go
		return rs.Admit(ctx, req)
	}
	return offlineWrite(ctx, o, true, func(ctx context.Context, st deskStore) (data.AdmitResult, error) { return st.Admit(ctx, req) })
}

func (o *offlineDesk) UndoLastEntry(ctx context.Context, id int64, desk string) (data.Checkin, error) {
	if rs := o.walkInReplica(id); rs != nil { // desk_offline_actions.go
		return rs.UndoLastEntry(ctx, id, desk)
	}
	return offlineWrite(ctx, o, false, func(ctx context.Context, st deskStore) (data.Checkin, error) {
		return st.UndoLastEntry(ctx, id, desk)
	})
}

// showOffline shows how many of the desk's actions wait for the server, or
// hides the line when none wait and the server answers. UI thread.
func (s *deskScreen) showOffline(waiting int, lost bool) {
	if s.offline == nil {
		return
	}
	switch {
	case lost && waiting == 0:
		s.offline.set(lang.L("Offline: the desk works on its own copy of the congress."), widget.WarningImportance)
	case lost, waiting > 0: // check-ins, or actions of several kinds (desk_offline_actions.go)
		s.offline.set(s.waitingText(waiting, lost), widget.WarningImportance)
	}
	showIf(s.offline, lost || waiting > 0)
	if s.saveHeld != nil {
		showIf(s.saveHeld, waiting > 0)
		showIf(s.offlineBox, lost || waiting > 0)
	}
	if s.root != nil {
		relayout(s.root) // the line or its button came or went: the desk's rows move
	}
}

// heldWaiting is how many of the open desk's actions, made offline, have
// not reached the server yet, as the desk last read it: no file is read on
// the UI thread.
func (u *ui) heldWaiting() int {
	if o := u.openOfflineDesk(); o != nil && o.rep.Load() != nil {
		return int(o.waiting.Load())
	}
	return 0
}

// openOfflineDesk is the desk's store of the open congress when it is kept
// on a server (with its replica once made), else nil.
func (u *ui) openOfflineDesk() *offlineDesk {
	if u.view == nil || deskPage >= len(u.view.pages) {
		return nil
	}
	desk, ok := u.view.pages[deskPage].screen.(*deskScreen)
	if !ok {
		return nil
	}
	o, _ := desk.store.(*offlineDesk)
	return o
}

// quitAfterHeld quits Congrès; when check-ins made offline have not reached
// the server yet, it first says that they stay on this laptop, and quits
// only if asked again.
func (u *ui) quitAfterHeld() {
	n := u.waiting()
	if n == 0 {
		u.quit()
		return
	}
	askConfirm(u.win, lang.L("Quit Congrès?"), u.waitingOnQuitText(n), // desk_offline_actions.go
		func(quit bool) {
			if quit {
				u.quit()
			}
		})
}
