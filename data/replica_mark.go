package data

import (
	"context"
	"database/sql"
	"log"
	"sync"
)

// A server may lose its last commits: a crash with synchronous_commit off
// (as the test servers run), a standby promoted before it had them, a
// restore from a backup. Its revision then goes back, and the next writes
// count the same revisions again with other rows: a replica that had
// caught up past them would skip those rows for ever (issue 17, seen with
// two desks while the server was killed and restarted). So a replica
// remembers, with the revision it reached, the feed's mark there: the last
// revision at or below it that changed rows, and that change's time. At
// the next catching up, the server's feed must show the same mark at that
// revision; otherwise the server's
// history is not the one the replica followed, and every table is read
// again, as after a pruned feed (replica_prune.go).
//
// The mark is kept in memory, per replica file: a desk restarted after the
// server lost commits catches up from the feed as before.

// feedMark is the feed's last change at or below a revision.
type feedMark struct {
	at      int64 // the replica's revision the mark is of
	changed int64 // the last revision at or below it with changes; 0 none
	when    string
}

// feedMarks are the marks of the replicas caught up, by file.
var feedMarks sync.Map // string → feedMark

// readFeedMark reads, in src (a server's), the feed's mark at revision rev.
func readFeedMark(ctx context.Context, src *sqlTx, rev int64) (feedMark, error) {
	m := feedMark{at: rev}
	var when sql.NullString
	err := src.QueryRowContext(ctx, `SELECT revision, max(at)::text FROM change_log
		WHERE revision = (SELECT max(revision) FROM change_log WHERE revision <= ?) GROUP BY revision`, rev).Scan(&m.changed, &when)
	if err == sql.ErrNoRows {
		return m, nil
	}
	m.when = when.String
	return m, err
}

// historyKept says whether the server read in src still has the history
// the replica at path followed up to revision from; rev is the server's
// revision now.
func historyKept(ctx context.Context, src *sqlTx, path string, from, rev int64) (bool, error) {
	if rev < from {
		// A snapshot older than the replica (another catching up went
		// further meanwhile), or a server that lost writes: nothing to read
		// now, and its next writes will show in the mark below.
		return true, nil
	}
	v, ok := feedMarks.Load(path)
	if !ok || v.(feedMark).at != from {
		return true, nil // not known here (the desk restarted): the feed is followed
	}
	now, err := readFeedMark(ctx, src, from)
	if err != nil {
		return false, err
	}
	if was := v.(feedMark); now != was {
		log.Printf("the replica %s: the server's changes up to revision %d are not those it read (it lost writes): every table is read again", path, from)
		return false, nil
	}
	return true, nil
}

// noteFeedMark remembers the feed's mark at rev, the revision the replica
// at path holds now, once its transaction is committed.
func noteFeedMark(ctx context.Context, src *sqlTx, path string, rev int64) error {
	m, err := readFeedMark(ctx, src, rev)
	if err != nil {
		return err
	}
	feedMarks.Store(path, m)
	return nil
}

// liftAppendOnly lets the replica's transaction delete check-ins (the
// file's checkin_no_delete trigger dropped) until restore puts the
// trigger back, in the same transaction.
func (c *tableCopier) liftAppendOnly() (restore func() error, err error) {
	var def string
	if err := c.dst.QueryRowContext(c.ctx, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'checkin_no_delete'").Scan(&def); err != nil {
		return nil, err
	}
	if _, err := c.dst.ExecContext(c.ctx, "DROP TRIGGER checkin_no_delete"); err != nil {
		return nil, err
	}
	return func() error {
		_, err := c.dst.ExecContext(c.ctx, def)
		return err
	}, nil
}
