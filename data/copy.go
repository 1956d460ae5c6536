package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// copyTables are the tables of a congress, in the order a copy writes them:
// each after those it refers to. Not copied, and why:
//   - schema_migration and revision: each store's own;
//   - the search index (the file's participant_fts, the server's
//     participant_search): rebuilt from the participants by triggers;
//   - the file's replica_of and the server's change_log (and
//     change_log_pruned): where a desk's copy
//     of a server's congress stands, and the server's changes for it to
//     catch up (replica.go); a copy writes replica_of itself (noteReplica).
//
// desk_op, the ids of the desk actions a congress has, is copied: a desk's
// replica learns from it which actions of its journal the server has (from
// this desk, another, or an outbox import), and leaves them out of its card.
// review is the organiser's "to review" list (review.go).
//
// TestCopyTablesCoverTheSchema fails when a migration adds a table that is
// in neither list.
var copyTables = []string{
	"congress", "congress_day", "category", "organisation", "participant", "participant_day",
	"room", "session", "session_person", "enrolment", "stand", "stand_staff",
	"checkin", "merge_log", "badge_print", "badge_settings", "list_preset", "desk_pin",
	"import_mapping", "code_alias", "bulk_change", "bulk_change_participant",
	"bulk_change_enrolment", "ticket", "rehearsal_checkin", "payment", "review", "desk_op",
	"ticket_deleted",
}

// CopiedTables lists the tables a copy carries, in the order it writes them.
func CopiedTables() []string { return slices.Clone(copyTables) }

// copyMostArgs bounds the values of one INSERT of a copy (SQLite reads up
// to 32,766, PostgreSQL 65,535).
const copyMostArgs = 8000

// copyColumn is a column of a table, with its type as its engine names it.
type copyColumn struct{ name, typ string }

// CopyInto copies the whole congress of s into dst, a store that holds no
// congress yet (ErrNotEmpty otherwise): every table, with its ids, as one
// consistent state of s (one read transaction) written in one transaction of
// dst, so that dst holds all of it or, on an error, nothing. progress, when
// not nil, is told how many rows of how many are written.
func (s *Store) CopyInto(ctx context.Context, dst *Store, progress func(done, total int)) error {
	return s.read(ctx, func(src *sqlTx) error {
		total := 0
		for _, t := range copyTables {
			var n int
			if err := src.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
				return err
			}
			total += n
		}
		return dst.write(ctx, func(tx *sqlTx) error {
			if err := dst.checkEmpty(ctx, tx); err != nil {
				return err
			}
			c := tableCopier{ctx: ctx, src: src, dst: tx, total: total, progress: progress}
			for _, t := range copyTables {
				if err := c.table(t); err != nil {
					return fmt.Errorf("copy of %s: %w", t, err)
				}
			}
			return s.noteReplica(ctx, src, dst, tx)
		})
	})
}

// noteReplica records, in a file copied from a server, the server's
// revision that the copy holds: the revision from which the file catches up
// (CatchUp, replica.go).
func (s *Store) noteReplica(ctx context.Context, src *sqlTx, dst *Store, tx *sqlTx) error {
	if !s.server || dst.server {
		return nil
	}
	var rev int64
	if err := src.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&rev); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO replica_of (id, revision) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET revision = excluded.revision`, rev)
	return err
}

// checkEmpty refuses a store that holds a congress, and clears what its
// migrations alone may have written.
func (s *Store) checkEmpty(ctx context.Context, tx *sqlTx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM congress").Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrNotEmpty.With(s.path)
	}
	for i := len(copyTables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+copyTables[i]); err != nil {
			return err
		}
	}
	return nil
}

// tableCopier writes the tables of one copy.
type tableCopier struct {
	ctx         context.Context
	src, dst    *sqlTx
	done, total int
	progress    func(done, total int)
}

// columns lists the columns of table in tx's engine.
func (c *tableCopier) columns(tx *sqlTx, table string) ([]copyColumn, error) {
	rows, err := tx.QueryContext(c.ctx, tx.d.ColumnsQuery(), table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []copyColumn
	for rows.Next() {
		var col copyColumn
		if err := rows.Scan(&col.name, &col.typ); err != nil {
			return nil, err
		}
		col.typ = strings.ToLower(col.typ)
		cols = append(cols, col)
	}
	return cols, rows.Err()
}

// table copies one table: the columns both stores have (a file's row sums
// are computed again by its triggers), in the order of its ids, so that an
// entry is written after the one it cancels.
func (c *tableCopier) table(t string) error {
	cols, names, err := c.sharedColumns(t)
	if err != nil || len(cols) == 0 {
		return err
	}
	hasID := slices.Contains(names, `"id"`)
	order := ""
	if hasID {
		order = " ORDER BY id"
	}
	before, after := c.dst.d.CopyHooks(t)
	if err := c.run(before); err != nil {
		return err
	}
	rows, err := c.src.QueryContext(c.ctx, "SELECT "+strings.Join(names, ", ")+" FROM "+t+order)
	if err != nil {
		return err
	}
	defer rows.Close()
	per := max(1, copyMostArgs/len(cols))
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	head := "INSERT INTO " + t + " (" + strings.Join(names, ", ") + ") VALUES "
	batch := make([]any, 0, per*len(cols))
	flush := func() error {
		n := len(batch) / len(cols)
		if n == 0 {
			return nil
		}
		q := head + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
		if _, err := c.dst.ExecContext(c.ctx, q, batch...); err != nil {
			return err
		}
		batch = batch[:0]
		c.done += n
		if c.progress != nil {
			c.progress(c.done, c.total)
		}
		return nil
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			from, to, _ := strings.Cut(cols[i].typ, "\x00")
			batch = append(batch, copyValue(v, from, to))
		}
		if len(batch) >= per*len(cols) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if hasID {
		if q := c.dst.d.AfterCopy(t); q != "" {
			after = append(after, q)
		}
	}
	return c.run(after)
}

// sharedColumns lists the columns of table t that both stores have (a
// file's row sums are computed again by its triggers): the source's, each
// with its type and the destination's ("source\x00destination"), and their
// quoted names.
func (c *tableCopier) sharedColumns(t string) ([]copyColumn, []string, error) {
	from, err := c.columns(c.src, t)
	if err != nil {
		return nil, nil, err
	}
	to, err := c.columns(c.dst, t)
	if err != nil {
		return nil, nil, err
	}
	into := map[string]string{}
	for _, col := range to {
		into[col.name] = col.typ
	}
	var cols []copyColumn
	var names []string
	for _, col := range from {
		typ, ok := into[col.name]
		if !ok || col.name == "row_sum" {
			continue
		}
		cols = append(cols, copyColumn{name: col.name, typ: col.typ + "\x00" + typ})
		names = append(names, `"`+col.name+`"`)
	}
	return cols, names, nil
}

// run runs the statements of the destination's dialect around a table.
func (c *tableCopier) run(stmts []string) error {
	for _, q := range stmts {
		if _, err := c.dst.ExecContext(c.ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// copyValue turns a value read from a column of type from into what a
// column of type to takes: the file keeps flags as integers, days and
// instants as text and JSON as text; a server has booleans, dates,
// timestamps and jsonb.
func copyValue(v any, from, to string) any {
	switch v := v.(type) {
	case nil:
		return nil
	case bool:
		if to != "boolean" {
			if v {
				return int64(1)
			}
			return int64(0)
		}
	case int64:
		if to == "boolean" {
			return v != 0
		}
	case time.Time:
		if from == "date" {
			return v.Format("2006-01-02")
		}
		return formatTime(v)
	case []byte:
		if !strings.Contains(to, "blob") && to != "bytea" {
			return string(v) // JSON or text read as bytes
		}
	}
	return v
}

// CopyToFile writes the congress of s into a new congress file at path,
// which it never replaces (ErrFileExists): the archive after the event, or
// the backup of a congress kept on a server. The file is built beside path
// and put in place whole.
func (s *Store) CopyToFile(ctx context.Context, path string, progress func(done, total int)) error {
	if _, err := os.Stat(path); err == nil {
		return ErrFileExists.With(path)
	}
	if err := files().CheckNetwork(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return CreateCondition(path, err)
	}
	tmp := f.Name()
	f.Close()
	defer RemoveFile(tmp)
	dst, err := files().OpenNew(ctx, tmp)
	if err != nil {
		return CreateCondition(path, err)
	}
	if err := s.CopyInto(ctx, dst, progress); err != nil {
		dst.Close()
		return err
	}
	return closeInPlace(ctx, dst, tmp, path)
}
