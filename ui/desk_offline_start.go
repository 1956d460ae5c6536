package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"congres/data"
	"congres/data/stores"
)

// A desk restarted while the server does not answer (issue 17): when the
// window connects to a congress on a server that does not answer, and this
// laptop has the desk's replica of it, the window opens the replica
// instead, as the congress on that server seen offline: the desk reads it
// and holds its check-ins in its journal; everything else needs the
// server and says so. Every offlineRetry the window tries the server
// again; once it answers, the window connects to it as usual, and the desk's
// replica hands the held check-ins over.

// offlineRetry is how often a window opened offline tries the server.
var offlineRetry = 3 * time.Second

// offlineCongress is a congress on a server, shown from this laptop's
// replica because the server did not answer.
type offlineCongress struct {
	*data.Store // the replica's
	rep         *stores.Replica
	target      string // the server's address, with its password if one was given
	cancel      context.CancelFunc
	done        chan struct{}
}

// openOffline opens the replica of the congress at target, when this
// laptop has one; else the error of the server that does not answer.
func openOffline(ctx context.Context, target string, unreachable error) (openStore, error) {
	root, err := stores.ReplicaRoot()
	if err != nil {
		return nil, unreachable
	}
	r, err := stores.OpenReplicaOffline(ctx, target, root)
	if err != nil {
		return nil, unreachable
	}
	return &offlineCongress{Store: r.Store(), rep: r, target: target, done: make(chan struct{})}, nil
}

// openOrOffline opens the congress at target, or its replica when the
// server does not answer.
func openOrOffline(ctx context.Context, target string) (openStore, error) {
	st, err := stores.OpenOrView(ctx, target)
	if err != nil && errors.Is(err, data.ErrServerUnreachable) && ctx.Err() == nil {
		return openOffline(ctx, target, err)
	}
	return st, err
}

// Path is the server's address, as for the congress on the server.
func (o *offlineCongress) Path() string { return stores.Redact(o.target) }

// OnServer: the congress is the server's.
func (o *offlineCongress) OnServer() bool { return true }

// ServerLostNow: the server did not answer.
func (o *offlineCongress) ServerLostNow() bool { return true }

// Subscribe: nothing is heard from a server that does not answer.
func (o *offlineCongress) Subscribe(func(data.ServerEvent)) (cancel func()) { return func() {} }

// AutoBackup backs nothing up: the server's backups wait for the server.
func (o *offlineCongress) AutoBackup(context.Context, time.Duration, func(error)) {}

// Close stops trying the server and closes the replica.
func (o *offlineCongress) Close() error {
	if o.cancel != nil {
		o.cancel()
		<-o.done
	}
	return o.rep.Close()
}

// retry tries the server every offlineRetry until it answers, then calls
// back (from another goroutine), or until Close.
func (o *offlineCongress) retry(back func()) {
	ctx, cancel := context.WithCancel(context.Background())
	o.cancel = cancel
	go func() {
		defer close(o.done)
		tick := time.NewTicker(offlineRetry)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			tctx, stop := context.WithTimeout(ctx, offlineRetry)
			srv, err := stores.Open(tctx, o.target)
			stop()
			if err == nil {
				srv.Close()
				back()
				return
			}
		}
	}()
}

// reconnectWhenBack connects the window to the server of st, a congress
// opened offline, once the server answers; on the welcome desk if it was
// shown. UI thread.
func (u *ui) reconnectWhenBack(st openStore) {
	o, ok := st.(*offlineCongress)
	if !ok {
		return
	}
	o.retry(func() {
		fyne.Do(func() {
			s := u.session()
			if s == nil || s.store != st {
				return // closed, or another congress opened meanwhile
			}
			if u.view != nil && u.view.current == deskPage {
				u.deskFile = o.target
			}
			u.connectAsync(o.target)
		})
	})
}

// offlineDeskFor is the desk's store on a congress opened offline: its
// replica, already open (startReplica only follows it).
func offlineDeskFor(ctx context.Context, oc *offlineCongress) *offlineDesk {
	o := &offlineDesk{deskStore: oc.Store, events: oc, target: oc.target, ctx: ctx}
	o.rep.Store(oc.rep)
	return o
}
