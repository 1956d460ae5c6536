package data

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// keptReads are reads of a file that a screen repeats at each visit (the
// dashboard's numbers, the regions of the filters), kept with the state of
// the file they were read in: at 50,000 participants each costs a tenth of
// a second or more (issue 19: 300 ms per screen). A file counts each
// write transaction in its revision (runTx), and a desk's copy of a
// server's congress what it caught up in replica_of (CatchUp): the same
// revisions, the same answers. A restore reopens the file: a new store,
// nothing kept. A server's are read each time: a restore there turns its
// revision back while windows stay open on it.
type keptReads struct {
	mu    sync.Mutex
	key   string // keptKey's when they were read
	reads map[string]any
	// reading are the reads under way, by name: a screen that asks for
	// one while it is read (warmed in the background, or asked for by two
	// parts of a screen) waits for it rather than reading it a second
	// time on the other core.
	reading map[string]*keptReading
}

// keptReading is a read under way of the file in state key.
type keptReading struct {
	key    string
	done   chan struct{} // closed once v and err are set
	v      any
	err    error
	joined *atomic.Bool // WithJoined's, if the reader's context has one
}

type joinedKey struct{}

// WithJoined returns ctx, whose kept reads set joined once another caller
// waits for one of them rather than reading it itself: a read ahead that
// would stop for the window's own reads goes on when the window waits for
// that very read (ui/warm_reads.go).
func WithJoined(ctx context.Context, joined *atomic.Bool) context.Context {
	return context.WithValue(ctx, joinedKey{}, joined)
}

// keptRead returns what read reads in tx, kept under name with the file's
// state: read again only once the file changed. clone copies a value, so
// that callers may change theirs.
func keptRead[T any](ctx context.Context, s *Store, tx *sqlTx, name string,
	read func(context.Context, *sqlTx) (T, error), clone func(T) T) (T, error) {
	if s.server {
		return read(ctx, tx)
	}
	key, err := keptKey(ctx, tx)
	if err != nil {
		var none T
		return none, err
	}
	k := &s.kept
	k.mu.Lock()
	v, ok := k.reads[name]
	if ok && k.key == key {
		k.mu.Unlock()
		return clone(v.(T)), nil
	}
	if r := k.reading[name]; r != nil && r.key == key {
		if r.joined != nil {
			r.joined.Store(true)
		}
		k.mu.Unlock()
		select {
		case <-r.done:
			if r.err == nil {
				return clone(r.v.(T)), nil
			}
			return read(ctx, tx) // its error was its own (its context, say)
		case <-ctx.Done():
			var none T
			return none, ctx.Err()
		}
	}
	r := &keptReading{key: key, done: make(chan struct{})}
	r.joined, _ = ctx.Value(joinedKey{}).(*atomic.Bool)
	if k.reading == nil {
		k.reading = map[string]*keptReading{}
	}
	k.reading[name] = r
	k.mu.Unlock()
	got, err := read(ctx, tx)
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.reading[name] == r {
		delete(k.reading, name)
	}
	if err == nil {
		r.v = clone(got)
		if k.key != key || len(k.reads) >= keptMax {
			k.key, k.reads = key, map[string]any{}
		}
		k.reads[name] = r.v
	}
	r.err = err
	close(r.done)
	return got, err
}

// keptMax bounds the reads kept (a list of 50,000 IDs is 400 KB): past
// it, they are all forgotten.
const keptMax = 24

// forget drops what was kept (benchmarks: as a write does).
func (k *keptReads) forget() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.key, k.reads = "", nil
}

// keptKey is the state of the file as kept reads depend on it: its
// revision, its copy's, and this laptop's time zone (the arrivals'
// quarters).
func keptKey(ctx context.Context, tx *sqlTx) (string, error) {
	var n, copied int64
	err := tx.QueryRowContext(ctx, `SELECT (SELECT n FROM revision),
		(SELECT coalesce(max(revision), -1) FROM replica_of)`).Scan(&n, &copied)
	return fmt.Sprintf("%d/%d/%s", n, copied, time.Local), err
}

// ReadsKey is the state of the file as what a screen read of it depends
// on: while it stays the same, a screen may keep what it shows instead of
// reading and drawing it again at each visit (issue 19). It is "" on a
// server, whose revision a restore turns back: read each time there.
func (s *Store) ReadsKey(ctx context.Context) (string, error) {
	if s.server {
		return "", nil
	}
	var key string
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		key, err = keptKey(ctx, tx)
		return err
	})
	return key, err
}
