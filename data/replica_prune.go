package data

import (
	"context"
	"encoding/json"
	"log"
	"strings"
)

// The server's change feed is pruned of changes older than a week
// (prune_change_log, data/postgres/migrations/0013_review.sql, run by the
// server's store when it opens the congress: data/postgres/prune.go), and
// change_log_pruned remembers the last revision pruned. A replica that
// holds an older revision (a laptop left in a drawer since the last
// congress) cannot catch up from the feed: it would miss the changes
// pruned. It copies every table again instead, in the same transaction as
// a catching up: each row of the server written (or left, when the same),
// each row the server no longer has deleted. Its journal and the ids of
// the actions it sent stay as they are.

// changesSince is what the replica read in dst has to take from the server
// read in src to go from revision from to revision to: the feed's changes
// between them, or, when the feed was pruned past from or whole says the
// server lost its last writes (replica_mark.go), every row of every table.
func changesSince(ctx context.Context, src, dst *sqlTx, from, to int64, whole bool) (map[string]*tableChanges, error) {
	var pruned int64
	if err := src.QueryRowContext(ctx, "SELECT revision FROM change_log_pruned WHERE id = 1").Scan(&pruned); err != nil {
		return nil, err
	}
	if from >= pruned && !whole {
		return readChanges(ctx, src, from, to)
	}
	if !whole {
		log.Printf("a replica at revision %d, the server's change feed pruned up to %d: every table is read again", from, pruned)
	}
	out := map[string]*tableChanges{}
	for _, t := range copyTables {
		keys, err := tableKeys(ctx, dst, t)
		if err != nil {
			return nil, err
		}
		out[t] = &tableChanges{keys: keys, all: true}
	}
	return out, nil
}

// tableKeys are the keys of every row of table t in tx.
func tableKeys(ctx context.Context, tx *sqlTx, t string) (map[rowKey]bool, error) {
	key := tableKey(t)
	rows, err := tx.QueryContext(ctx, `SELECT "`+strings.Join(key, `", "`)+`" FROM `+t)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	keys := map[rowKey]bool{}
	vals := make([]any, len(key))
	ptrs := make([]any, len(key))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		kv := make([]any, len(key))
		for i, v := range vals {
			kv[i] = keyValue(v)
		}
		keys[keyOf(kv)] = true
	}
	return keys, rows.Err()
}

// keyTexts returns the value of each one-column key when they are all text
// (desk_op's ids): such keys are fetched by a list of values.
func keyTexts(keys map[rowKey]bool) ([]any, bool) {
	var out []any
	for k := range keys {
		var vals []any
		if err := json.Unmarshal([]byte(k), &vals); err != nil || len(vals) != 1 {
			return nil, false
		}
		v, ok := vals[0].(string)
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, len(out) > 0
}
