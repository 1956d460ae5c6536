package stores

import (
	"context"
	"errors"
	"log"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"congres/data"
	"congres/data/postgres"
)

// A desk connected to a server keeps a copy of the congress in a file of
// its own, its replica (issue 17, docs/offline-desks.md): made by a copy
// when the desk first connects, then kept current from the server's change
// feed (data.Store.CatchUp) within a second of each of the server's
// notifications, and every replicaEvery besides.

// replicaEvery is how often a replica catches up when no notification
// came: the notifications' safety net.
var replicaEvery = 5 * time.Second

// ReplicaRoot is the folder of the replicas on this laptop: Congrès/replicas
// in the user's cache folder (~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows).
func ReplicaRoot() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Congrès", "replicas"), nil
}

// ReplicaPath is the replica in root of the congress at target: named, as
// its backups' folder, after its server, port and database only.
func ReplicaPath(root, target string) string {
	return ServerBackupFolder(root, target) + data.Extension
}

// Replica is a desk's copy of a server's congress, kept current until
// Close.
type Replica struct {
	srv  *data.Store // nil until Connect (OpenReplicaOffline); guarded by mu
	rep  *data.Store
	path string

	mu       sync.Mutex
	revision int64 // the server's revision the replica holds
	err      error // the last catching up's, nil when it caught up

	syncMu    sync.Mutex  // one folding and catching up at a time
	others    atomic.Bool // Waiting last counted actions other than check-ins
	closeOnce sync.Once

	kick   chan struct{}
	quit   chan struct{}
	done   chan struct{}
	cancel func()
}

// OpenReplica opens the replica of srv's congress (whose target is its URL)
// in root, or makes it by a copy when there is none or it cannot catch up
// (another congress in the same database, a damaged file), brings it up to
// date, and keeps it so until Close. The replica's store holds the desk's
// actions in its journal (data.HoldDeskActionsAt), which the replica hands
// to the server whenever it answers, before catching up.
//
// When the server does not answer (a desk restarted offline), the replica
// there is opened as it is, with its journal, and caught up once the
// server is back; without one, the error (data.ErrServerUnreachable).
func OpenReplica(ctx context.Context, srv *data.Store, target, root string) (*Replica, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, err
	}
	path := ReplicaPath(root, target)
	data.HoldDeskActionsAt(path)
	rep, rev, err := openReplica(ctx, srv, path)
	var lost error
	if errors.Is(err, errOffline) {
		lost, err = data.ErrServerUnreachable.With(srv.Path()), nil
	}
	if err != nil {
		return nil, err
	}
	r := newReplica(rep, path, rev, lost)
	r.Connect(srv)
	return r, nil
}

// OpenReplicaOffline opens the replica in root of the congress at target as
// it is, with its journal, for a desk that cannot open the server at all
// (started with no network): the desk reads it and holds its actions in
// it until Connect gives it the server (once stores.Open(target) works).
// Without a replica there, data.ErrServerUnreachable: nothing to work on.
func OpenReplicaOffline(ctx context.Context, target, root string) (*Replica, error) {
	path := ReplicaPath(root, target)
	if _, err := os.Stat(path); err != nil {
		return nil, data.ErrServerUnreachable.With(postgres.RedactURL(target))
	}
	data.HoldDeskActionsAt(path)
	rep, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return newReplica(rep, path, 0, data.ErrServerUnreachable.With(postgres.RedactURL(target))), nil
}

// newReplica starts following for the replica rep at path, its server not
// given yet (Connect).
func newReplica(rep *data.Store, path string, rev int64, err error) *Replica {
	// The walk-ins held offline, in a replica made again or left behind.
	if err := rep.RestoreHeldWalkIns(context.Background()); err != nil {
		log.Printf("the replica %s: its walk-ins held offline cannot be shown: %v", path, err)
	}
	r := &Replica{rep: rep, path: path, revision: rev, err: err,
		kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go r.follow()
	return r
}

// Connect gives the replica its server (opened through stores.Open on the
// replica's target), for a replica opened by OpenReplicaOffline: from now
// on it hands its held actions to it and catches up whenever it answers,
// starting now. A replica has one server: Connect again does nothing.
func (r *Replica) Connect(srv *data.Store) {
	r.mu.Lock()
	if r.srv != nil {
		r.mu.Unlock()
		return
	}
	r.srv = srv
	r.cancel = srv.Subscribe(func(e data.ServerEvent) {
		if e != data.ServerLost {
			r.Kick()
		}
	})
	r.mu.Unlock()
	r.Kick()
}

// server is the replica's server, nil before Connect.
func (r *Replica) server() *data.Store {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.srv
}

// errOffline: openReplica opened the replica without catching it up, the
// server not answering.
var errOffline = errors.New("the server does not answer")

// openReplica opens the file at path and catches it up, or, when that
// fails, makes it again from a copy of the server's congress. When the
// server does not answer, it returns the file opened as it is, with
// errOffline.
func openReplica(ctx context.Context, srv *data.Store, path string) (*data.Store, int64, error) {
	if _, err := os.Stat(path); err == nil {
		rep, err := Open(ctx, path)
		if err == nil {
			rev, err := srv.CatchUp(ctx, rep)
			if err == nil {
				return rep, rev, nil
			}
			if errors.Is(err, data.ErrServerUnreachable) {
				return rep, 0, errOffline
			}
			log.Printf("the replica %s does not catch up (%v): it is made again", path, err)
			rep.Close()
		}
		// Kept aside, never deleted: it may hold what the server does not.
		aside := path + ".old-" + time.Now().Format("20060102-150405")
		if err := os.Rename(path, aside); err != nil {
			return nil, 0, err
		}
	}
	if err := srv.CopyToFile(ctx, path, nil); err != nil {
		return nil, 0, err
	}
	rep, err := Open(ctx, path)
	if err != nil {
		return nil, 0, err
	}
	rev, err := srv.CatchUp(ctx, rep)
	if err != nil {
		rep.Close()
		return nil, 0, err
	}
	return rep, rev, nil
}

// Store is the replica's congress: what the desk reads when the server
// does not answer.
func (r *Replica) Store() *data.Store { return r.rep }

// Path is the replica's file.
func (r *Replica) Path() string { return r.path }

// Revision is the server's revision the replica holds, and the last
// catching up's error (nil when it caught up).
func (r *Replica) Revision() (int64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.revision, r.err
}

// Kick asks the replica to hand its held actions to the server and catch
// up now, in its own goroutine; it returns at once.
func (r *Replica) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// follow folds and catches up on each kick and every replicaEvery, until
// Close.
func (r *Replica) follow() {
	defer close(r.done)
	tick := time.NewTicker(replicaEvery)
	defer tick.Stop()
	for {
		select {
		case <-r.quit:
			return
		case <-r.kick:
		case <-tick.C:
		}
		if srv := r.server(); srv == nil || srv.ServerLostNow() {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		err := r.Sync(ctx)
		cancel()
		switch {
		case errors.Is(err, data.ErrServerUnreachable):
			// The watcher may not have seen the server go (or it is back and
			// the pool still holds dead connections): again in a moment,
			// rather than at the next tick, so that held actions go soon.
			time.AfterFunc(replicaRetry, r.Kick)
		case err != nil:
			log.Printf("the replica %s does not catch up: %v", r.path, err)
		}
	}
}

// replicaRetry is how soon a replica that could not reach its server,
// which its watcher did not find lost, tries again.
var replicaRetry = time.Second

// Close stops following the server and closes the replica; the actions
// not yet sent stay in its journal for the next OpenReplica. Again, nothing.
func (r *Replica) Close() error {
	err := net.ErrClosed
	r.closeOnce.Do(func() {
		r.mu.Lock()
		if r.cancel != nil {
			r.cancel()
		}
		r.mu.Unlock()
		close(r.quit)
		<-r.done
		err = r.rep.Close()
	})
	if err == net.ErrClosed {
		return nil
	}
	return err
}

// Sync hands the desk's held actions to the server (data.Store.FoldHeldInto),
// then catches the replica up, in the calling goroutine (not the window's:
// it waits on the network). The follower does the same on each kick;
// Sync is for a caller that must know it is done. An error
// (data.ErrServerUnreachable when the server does not answer) leaves what
// was not sent in the journal.
func (r *Replica) Sync(ctx context.Context) error {
	r.syncMu.Lock()
	defer r.syncMu.Unlock()
	srv := r.server()
	if srv == nil {
		return data.ErrServerUnreachable.With(r.path)
	}
	_, err := r.rep.FoldHeldInto(ctx, srv)
	var rev int64
	if err == nil {
		rev, err = srv.CatchUp(ctx, r.rep)
	}
	if err == nil {
		err = r.rep.ReserveDeskCodes(ctx, srv) // codes for walk-ins offline, once
	}
	if err == nil {
		err = r.rep.RestoreHeldWalkIns(ctx) // walk-ins still held, if a copy of every table dropped them
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil {
		r.revision = rev
	}
	r.err = err
	return err
}

// Waiting is how many desk actions (arrivals, session entries, undos,
// walk-ins, payments, badge prints, seat requests) the replica holds that
// the server does not have yet: "Offline: 12 check-ins waiting". It reads
// a small local file: callable from any goroutine, but not on every frame.
func (r *Replica) Waiting() int {
	checkins, others, err := r.rep.HeldActions(context.Background())
	if err != nil {
		log.Printf("the replica %s: its journal cannot be read: %v", r.path, err)
	}
	r.others.Store(others > 0)
	return checkins + others
}

// Stuck is how many of the waiting actions the server refused again and
// again (data.Store.StuckHeldActions): kept in the journal, for the desk's
// line to name. It reads nothing: callable from the window's thread.
func (r *Replica) Stuck() int { return r.rep.StuckHeldActions() }

// OnlyCheckins says whether the actions Waiting last counted were all
// check-ins (arrivals, session entries, undos), so that a line counts
// "check-ins" rather than "actions". It reads nothing: callable from the
// window's thread.
func (r *Replica) OnlyCheckins() bool { return !r.others.Load() }
