package sqlite

import (
	"database/sql"
	"log"
	"sync"
	"time"
)

// A write lands in the -wal first. So that the file alone (copied by a file
// manager while Congrès runs, or left after a crash without its -wal) never
// lacks more than a few seconds of work, the WAL is copied into the file
// once writes pause (checkpointQuiet after the last one), and at least every
// checkpointMost while they go on. The checkpoint is PASSIVE, on the copy
// connection: writers and readers do not wait for it.
var (
	checkpointQuiet = 2 * time.Second
	checkpointMost  = 10 * time.Second
)

// checkpointer schedules the checkpoints of a store.
type checkpointer struct {
	db      *sql.DB
	mu      sync.Mutex
	timer   *time.Timer
	since   time.Time // the first write not checkpointed yet; zero when none
	gen     int       // which timer is the current one
	closed  bool
	running sync.WaitGroup
}

// soon schedules a checkpoint after a write.
func (c *checkpointer) soon() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.db == nil {
		return
	}
	now := time.Now()
	if c.since.IsZero() {
		c.since = now
	}
	if c.timer != nil {
		if now.Sub(c.since) >= checkpointMost {
			return // the pending one fires soon: do not put it off again
		}
		c.timer.Stop()
	}
	c.gen++
	gen := c.gen
	c.timer = time.AfterFunc(checkpointQuiet, func() { c.run(gen) })
}

func (c *checkpointer) run(gen int) {
	c.mu.Lock()
	if c.closed || gen != c.gen {
		c.mu.Unlock()
		return
	}
	c.timer, c.since = nil, time.Time{}
	c.running.Add(1)
	c.mu.Unlock()
	defer c.running.Done()
	if _, err := c.db.Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		log.Printf("checkpoint: %v", err)
	}
}

// stop cancels the pending checkpoint and waits for one under way.
func (c *checkpointer) stop() {
	c.mu.Lock()
	c.closed = true
	if c.timer != nil {
		c.timer.Stop()
	}
	c.mu.Unlock()
	c.running.Wait()
}
