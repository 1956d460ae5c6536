package data

import (
	"context"
	"sync"
)

// ServerEvent is what a congress's server tells the windows open on it.
type ServerEvent int

const (
	// ServerChanged: another laptop (or this one) wrote to the congress.
	ServerChanged ServerEvent = iota
	// ServerLost: the server cannot be reached; the store goes on trying.
	ServerLost
	// ServerBack: the server answers again after ServerLost.
	ServerBack
)

// Watcher follows a server for a store: it calls event for each of the
// server's notifications of a change, and when the connection is lost and
// back, until ctx ends. data/postgres implements it with LISTEN/NOTIFY.
type Watcher interface {
	Watch(ctx context.Context, event func(ServerEvent))
}

// watching holds a store's watcher and those who listen to it.
type watching struct {
	mu     sync.Mutex
	subs   map[int]func(ServerEvent)
	next   int
	lost   bool
	cancel context.CancelFunc
	done   chan struct{}
}

// Watch starts w for s: from now on Subscribe's functions hear of other
// laptops' changes within about a second, and of the server's loss and
// return. Close stops it.
func (s *Store) Watch(w Watcher) {
	ctx, cancel := context.WithCancel(context.Background())
	s.watch.mu.Lock()
	s.watch.cancel, s.watch.done = cancel, make(chan struct{})
	s.watch.mu.Unlock()
	go func() {
		defer close(s.watch.done)
		w.Watch(ctx, s.watch.tell)
	}()
}

// Subscribe calls fn (from another goroutine) for every event of the
// server's watcher, until cancel is called. A file has no watcher: fn is
// never called.
func (s *Store) Subscribe(fn func(ServerEvent)) (cancel func()) {
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	if s.watch.subs == nil {
		s.watch.subs = map[int]func(ServerEvent){}
	}
	id := s.watch.next
	s.watch.next++
	s.watch.subs[id] = fn
	return func() {
		s.watch.mu.Lock()
		delete(s.watch.subs, id)
		s.watch.mu.Unlock()
	}
}

// ServerLostNow says the server's watcher last found the server out of
// reach (false for a file).
func (s *Store) ServerLostNow() bool {
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	return s.watch.lost
}

func (w *watching) tell(e ServerEvent) {
	w.mu.Lock()
	switch e {
	case ServerLost:
		w.lost = true
	case ServerBack:
		w.lost = false
	}
	fns := make([]func(ServerEvent), 0, len(w.subs))
	for _, fn := range w.subs {
		fns = append(fns, fn)
	}
	w.mu.Unlock()
	for _, fn := range fns {
		fn(e)
	}
}

// stop ends the watcher, if any, and waits for it.
func (w *watching) stop() {
	w.mu.Lock()
	cancel, done := w.cancel, w.done
	w.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}
