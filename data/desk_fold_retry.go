package data

import (
	"log"
	"sync"
	"time"
)

// A held action that the server refuses (a rule, a right, a person gone)
// stays in the journal: it is money taken or an arrival, never dropped. It
// must not block the others nor make the desk retry without pause: each
// failure puts its next try further away (foldRetryFirst, doubling up to
// foldRetryMost), a fold with nothing to try writes nothing (no revision,
// no notification to every window), and once it has failed
// foldStuckAfter times the desk says so (Store.StuckHeldActions), with a
// log line naming it, for someone to look at.

// How soon a held action whose fold failed is tried again, and how many
// failures make it "stuck".
var (
	foldRetryFirst = 2 * time.Second
	foldRetryMost  = 5 * time.Minute
	foldStuckAfter = 5
)

// foldRetries are the held actions (by op) whose fold failed, in memory:
// a desk restarted tries them all again once.
type foldRetries struct {
	mu     sync.Mutex
	failed map[string]*foldFailure
}

type foldFailure struct {
	n    int
	next time.Time
}

// due leaves out of list the actions whose next try is later than now.
func (r *foldRetries) due(list []heldEntry, now time.Time) []heldEntry {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.failed) == 0 {
		return list
	}
	out := make([]heldEntry, 0, len(list))
	for _, h := range list {
		if f := r.failed[h.op]; f != nil && now.Before(f.next) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// noteFolded records the outcome of a batch: the actions of batch whose
// seq is in seqs were written, the others failed.
func (r *foldRetries) noteFolded(batch []heldEntry, seqs []int64, now time.Time, from string) {
	written := make(map[int64]bool, len(seqs))
	for _, s := range seqs {
		written[s] = true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, h := range batch {
		if written[h.seq] {
			delete(r.failed, h.op)
			continue
		}
		if r.failed == nil {
			r.failed = map[string]*foldFailure{}
		}
		f := r.failed[h.op]
		if f == nil {
			f = &foldFailure{}
			r.failed[h.op] = f
		}
		f.n++
		wait := foldRetryFirst << min(f.n-1, 20)
		f.next = now.Add(min(wait, foldRetryMost))
		if f.n == foldStuckAfter {
			log.Printf("%s: a held desk action (%s of %s at %s) failed %d times: it stays in the journal, tried every %v at most",
				from, h.kindName(), h.c.Desk, formatTime(h.c.At), f.n, foldRetryMost)
		}
	}
}

// stuck is how many held actions failed foldStuckAfter times or more.
func (r *foldRetries) stuck() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, f := range r.failed {
		if f.n >= foldStuckAfter {
			n++
		}
	}
	return n
}

// kindName names a held action's kind in a log line.
func (h heldEntry) kindName() string {
	if h.more != nil {
		return h.more.kind
	}
	return string(h.c.Kind)
}

// StuckHeldActions is how many of the desk's held actions the server has
// refused again and again (foldStuckAfter times): they stay in the
// journal, and the desk should say so. A store that holds nothing: 0.
func (s *Store) StuckHeldActions() int {
	if s.held == nil {
		return 0
	}
	return s.held.retry.stuck()
}
