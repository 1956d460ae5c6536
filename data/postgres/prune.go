package postgres

import (
	"context"
	"log"
	"time"
)

// ChangeLogKeep is how long the change feed keeps a change (issue 17): a
// desk's replica that has not caught up for longer copies every table
// again (data/replica_prune.go) rather than missing what was pruned.
const ChangeLogKeep = 7 * 24 * time.Hour

// PruneChangeLog deletes from the congress's change feed the changes older
// than keep, and returns the last revision pruned (0 while none was). Any
// account of the congress may: prune_change_log runs with its owner's
// rights (migrations/0013_review.sql).
func (s *Store) PruneChangeLog(ctx context.Context, keep time.Duration) (int64, error) {
	var rev int64
	err := s.pool.QueryRow(ctx, "SELECT prune_change_log(make_interval(secs => $1))", keep.Seconds()).Scan(&rev)
	return rev, err
}

// pruneOnOpen prunes the feed of what is older than ChangeLogKeep, when a
// store opens the congress: a congress's windows and desks open it every
// day of the event, and a week's changes are few to delete (the feed's
// time index finds them). It never stops the opening: the feed is pruned
// at the next one.
func (s *Store) pruneOnOpen(ctx context.Context) {
	if _, err := s.PruneChangeLog(ctx, ChangeLogKeep); err != nil && ctx.Err() == nil {
		log.Printf("postgres: %s: the change feed could not be pruned: %v", s.url, err)
	}
}
