package data

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// A desk's replica (issue 17, docs/offline-desks.md) is a congress file
// copied from a server's congress (CopyToFile), which remembers the
// server's revision it holds (replica_of, written by CopyInto). CatchUp
// brings it up to date from the server's change feed (change_log, filled by
// the server's triggers: data/postgres/migrations/0012_replicas.sql).

// copyKeys are the primary keys of the copied tables whose key is not "id".
var copyKeys = map[string][]string{
	"congress_day":            {"day"},
	"participant_day":         {"participant_id", "day"},
	"session_person":          {"session_id", "participant_id"},
	"stand_staff":             {"stand_id", "participant_id"},
	"badge_settings":          {"layout"},
	"import_mapping":          {"header_key"},
	"code_alias":              {"code"},
	"bulk_change_participant": {"change_id", "participant_id"},
	"bulk_change_enrolment":   {"change_id", "participant_id", "session_id"},
	"ticket":                  {"code"},
	"ticket_deleted":          {"code"},
	"desk_op":                 {"op"},
}

// tableKey is the primary key of a copied table.
func tableKey(table string) []string {
	if k, ok := copyKeys[table]; ok {
		return k
	}
	return []string{"id"}
}

// catchUpKeyed is how many changed rows of a table are fetched by their
// keys; beyond it, or when the table's first key is not a number, the whole
// table is read and compared.
const catchUpKeyed = 500

// ErrNotReplica: CatchUp was given a congress that is not a copy of a
// server's.
var ErrNotReplica = newErr(KindInvalid, "not_replica", "",
	"%s is not a desk's copy of a congress kept on a server.",
	"%s n'est pas la copie, pour l'accueil, d'un congrès gardé sur un serveur.")

// CatchUp writes into dst, a copy of the congress of s (a server's) made by
// CopyToFile, every row that changed on the server since the revision dst
// holds, in one transaction of dst, and returns the server's revision dst
// holds now. It reads one consistent state of the server. On an error dst
// is left as it was, and a new copy is the way out.
func (s *Store) CatchUp(ctx context.Context, dst *Store) (int64, error) {
	return s.catchUp(ctx, dst, nil)
}

// catchUp is CatchUp, which also records sent, the ids of desk actions of
// dst's journal now on the server, in dst's desk_op, in the same
// transaction: the card, which leaves out held actions whose id is there,
// never counts one twice, with or without its journal's line.
func (s *Store) catchUp(ctx context.Context, dst *Store, sent []heldEntry) (int64, error) {
	if !s.server || dst.server {
		return 0, ErrNotReplica.With(dst.path)
	}
	var reached int64
	err := s.read(ctx, func(src *sqlTx) error {
		var rev int64
		if err := src.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&rev); err != nil {
			return err
		}
		err := dst.write(context.WithValue(ctx, mirrorWrite{}, true), func(tx *sqlTx) error {
			var from int64
			if err := tx.QueryRowContext(ctx, "SELECT revision FROM replica_of WHERE id = 1").Scan(&from); err != nil {
				return ErrNotReplica.With(dst.path).because(err)
			}
			reached = from
			if err := noteSent(ctx, tx, sent, s.now()); err != nil {
				return err
			}
			if err := dropLocalWalkIns(ctx, src, tx); err != nil { // desk_held_actions.go
				return err
			}
			kept, err := historyKept(ctx, src, dst.path, from, rev) // replica_mark.go
			if err != nil {
				return err
			}
			if rev <= from && kept {
				return nil
			}
			changed, err := changesSince(ctx, src, tx, from, rev, !kept) // replica_prune.go
			if err != nil {
				return err
			}
			c := tableCopier{ctx: ctx, src: src, dst: tx}
			for _, t := range copyTables { // a row after those it refers to
				if err := c.catchUp(t, changed[t]); err != nil {
					return fmt.Errorf("catching up %s: %w", t, err)
				}
			}
			for _, t := range slices.Backward(copyTables) { // a row before those it refers to
				if err := c.deleteGone(t, changed[t]); err != nil {
					return fmt.Errorf("catching up %s: %w", t, err)
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE replica_of SET revision = ? WHERE id = 1", rev); err != nil {
				return err
			}
			reached = rev
			return nil
		})
		if err != nil {
			return err
		}
		return noteFeedMark(ctx, src, dst.path, reached) // committed: the feed's mark where the replica stands
	})
	return reached, err
}

// rowKey is a primary key's values, in tableKey's order, as text.
type rowKey string

func keyOf(vals []any) rowKey {
	b, _ := json.Marshal(vals)
	return rowKey(b)
}

// tableChanges are the keys of a table's rows that changed.
type tableChanges struct {
	keys map[rowKey]bool
	gone map[rowKey]bool // filled by catchUp: changed, and not on the server now
	all  bool            // every row of the server's table, keys those of the replica's (replica_prune.go)
}

// readChanges reads the change feed between two revisions.
func readChanges(ctx context.Context, src *sqlTx, from, to int64) (map[string]*tableChanges, error) {
	rows, err := src.QueryContext(ctx, `SELECT DISTINCT tbl, row_key FROM change_log
		WHERE revision > ? AND revision <= ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]*tableChanges{}
	for rows.Next() {
		var table, raw string
		if err := rows.Scan(&table, &raw); err != nil {
			return nil, err
		}
		d := json.NewDecoder(strings.NewReader(raw))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			return nil, err
		}
		var vals []any
		for _, k := range tableKey(table) {
			vals = append(vals, keyValue(m[k]))
		}
		tc := out[table]
		if tc == nil {
			tc = &tableChanges{keys: map[rowKey]bool{}}
			out[table] = tc
		}
		tc.keys[keyOf(vals)] = true
	}
	return out, rows.Err()
}

// keyValue is a key's value as the feed's JSON and the tables' rows both
// give it: a whole number, or text.
func keyValue(v any) any {
	switch v := v.(type) {
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n
		}
		return v.String()
	case int64, string:
		return v
	case int:
		return int64(v)
	case []byte:
		return string(v)
	case nil:
		return nil
	default:
		return fmt.Sprint(v)
	}
}

// catchUp writes the changed rows of table t into the destination: those
// that are on the server now are written (added, or their values set),
// and the others are noted as gone, for deleteGone.
func (c *tableCopier) catchUp(t string, ch *tableChanges) error {
	if ch == nil || (len(ch.keys) == 0 && !ch.all) {
		return nil
	}
	key := tableKey(t)
	cols, names, err := c.sharedColumns(t)
	if err != nil || len(cols) == 0 {
		return err
	}
	at := make([]int, len(key)) // where each key column is among cols
	for i, k := range key {
		at[i] = slices.Index(names, `"`+k+`"`)
		if at[i] < 0 {
			return fmt.Errorf("no key column %s", k)
		}
	}
	query := "SELECT " + strings.Join(names, ", ") + " FROM " + t
	var args []any
	if ids, ok := firstKeyIDs(ch.keys); ok && len(ch.keys) <= catchUpKeyed && !ch.all {
		b, _ := json.Marshal(ids)
		query += " WHERE " + key[0] + " IN (SELECT j.value FROM " + c.src.d.IDList() + " j)"
		args = append(args, string(b))
	} else if texts, ok := keyTexts(ch.keys); ok && len(key) == 1 && len(ch.keys) <= catchUpKeyed && !ch.all {
		query += " WHERE " + key[0] + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(texts)), ", ") + ")"
		args = append(args, texts...)
	}
	rows, err := c.src.QueryContext(c.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	upsert := upsertStatement(t, key, names)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	ch.gone = map[rowKey]bool{}
	for k := range ch.keys {
		ch.gone[k] = true
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		args := make([]any, len(vals))
		for i, v := range vals {
			from, to, _ := strings.Cut(cols[i].typ, "\x00")
			args[i] = copyValue(v, from, to)
		}
		kv := make([]any, len(key))
		for i, j := range at {
			kv[i] = keyValue(args[j])
		}
		k := keyOf(kv)
		if !ch.keys[k] && !ch.all {
			continue // read with a changed row, itself unchanged
		}
		delete(ch.gone, k)
		if _, err := c.dst.ExecContext(c.ctx, upsert, args...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// deleteGone deletes from the destination the changed rows of table t that
// are no longer on the server.
func (c *tableCopier) deleteGone(t string, ch *tableChanges) (err error) {
	if ch == nil {
		return nil
	}
	key := tableKey(t)
	var where []string
	for _, k := range key {
		where = append(where, `"`+k+`" = ?`)
	}
	q := "DELETE FROM " + t + " WHERE " + strings.Join(where, " AND ")
	if t == "checkin" && len(ch.gone) > 0 {
		// The file's log of arrivals refuses deletes; a replica's mirrors
		// the server, which lost them (replica_mark.go).
		restore, err := c.liftAppendOnly()
		if err != nil {
			return err
		}
		defer func() {
			if rerr := restore(); err == nil {
				err = rerr
			}
		}()
	}
	for k := range ch.gone {
		var vals []any
		if err := json.Unmarshal([]byte(k), &vals); err != nil {
			return err
		}
		for i, v := range vals {
			if f, ok := v.(float64); ok {
				vals[i] = int64(f)
			}
		}
		if _, err := c.dst.ExecContext(c.ctx, q, vals...); err != nil {
			return err
		}
	}
	return nil
}

// firstKeyIDs returns the first key value of each key when they are all
// whole numbers.
func firstKeyIDs(keys map[rowKey]bool) ([]int64, bool) {
	var ids []int64
	for k := range keys {
		var vals []any
		d := json.NewDecoder(strings.NewReader(string(k)))
		d.UseNumber()
		if err := d.Decode(&vals); err != nil || len(vals) == 0 {
			return nil, false
		}
		n, ok := vals[0].(json.Number)
		if !ok {
			return nil, false
		}
		id, err := n.Int64()
		if err != nil {
			return nil, false
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids), true
}

// changeable are, for the tables whose rows never change but for a few
// columns, those columns: a check-in's person, which a merge changes (the
// file's log refuses an update that names any other column, even to the
// same value: 0001_init.sql, checkin_no_update).
var changeable = map[string][]string{
	"checkin":           {"participant_id"},
	"rehearsal_checkin": {"participant_id"},
}

// upsertStatement writes a row of table t, or sets the values of the row
// with its key when they differ (an unchanged row is not updated: a file's
// log of arrivals refuses any update).
func upsertStatement(t string, key, names []string) string {
	var set, differ []string
	only, some := changeable[t]
	for _, n := range names {
		if slices.Contains(key, strings.Trim(n, `"`)) || some && !slices.Contains(only, strings.Trim(n, `"`)) {
			continue
		}
		set = append(set, n+" = excluded."+n)
		differ = append(differ, t+"."+n+" IS DISTINCT FROM excluded."+n)
	}
	q := "INSERT INTO " + t + " (" + strings.Join(names, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ") ON CONFLICT (" +
		`"` + strings.Join(key, `", "`) + `") DO `
	if len(set) == 0 {
		return q + "NOTHING"
	}
	return q + "UPDATE SET " + strings.Join(set, ", ") + " WHERE " + strings.Join(differ, " OR ")
}
