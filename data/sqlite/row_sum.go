package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"congres/data"

	"modernc.org/sqlite"
)

// Row sums (migration 11): each row of the file's tables carries row_sum,
// congres_sum of its values, kept by triggers. SQLite's own checks see
// damage to the structure of the file; a byte flipped inside a value is
// found by recomputing the sums (checkRowSums), in the full check.

func init() {
	// VolatileArgs: rowSum keeps no argument, and the driver then hands
	// text over whole, NUL bytes included.
	if err := sqlite.RegisterFunction("congres_sum", &sqlite.FunctionImpl{NArgs: -1, Deterministic: true, Scalar: rowSum, VolatileArgs: true}); err != nil {
		panic(err)
	}
}

// rowSum is congres_sum: data.RowSum of its arguments.
func rowSum(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	return data.RowSum(args)
}

// checkRowSums recomputes every row's sum in the tables that have one:
// errNotWhole when one differs. A file written before migration 11 has
// none to check. (The search index, which can be rebuilt from the rows, is
// not summed.)
func checkRowSums(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) error {
	names, err := queryStrings(ctx, q, `SELECT m.name FROM sqlite_schema m WHERE m.type = 'table'
		AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'row_sum') ORDER BY m.name`)
	if err != nil {
		return err
	}
	for _, t := range names {
		cols, err := queryStrings(ctx, q, "SELECT name FROM pragma_table_info(?) WHERE name <> 'row_sum' ORDER BY cid", t)
		if err != nil {
			return err
		}
		for i, c := range cols {
			cols[i] = fmt.Sprintf("%q", c)
		}
		var bad bool
		if err := q.QueryRowContext(ctx, fmt.Sprintf("SELECT EXISTS (SELECT 1 FROM %q WHERE row_sum IS NOT congres_sum(%s))",
			t, strings.Join(cols, ", "))).Scan(&bad); err != nil {
			return err
		}
		if bad {
			return errNotWhole
		}
	}
	return nil
}

// queryStrings returns the one column of text that query gives.
func queryStrings(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}

// checkSearchIndex compares the search index with the rows it is made
// from: it builds the same index anew in a temporary table (through a
// connection that may write, and writes only its own temporary tables) and
// compares every term, row and column of the two (fts5vocab). errNotWhole
// when they differ. The index is fed by the triggers of migration 5: the
// rows are read here as they do.
func (f *file) checkSearchIndex(ctx context.Context, fill string) error {
	// A connection of its own (the copier's serves checkpoints and copies
	// meanwhile), in one read transaction: the rows and the index are read
	// as one moment of the file, whatever is written meanwhile.
	d, err := dsn(f.path, copier, f.ro)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	var def string
	if err := conn.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE name = 'participant_fts'").Scan(&def); err != nil {
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	}
	def, ok := strings.CutPrefix(def, "CREATE VIRTUAL TABLE participant_fts ")
	if !ok {
		return fmt.Errorf("search index: unexpected definition")
	}
	var differ bool
	for _, q := range []string{
		"CREATE VIRTUAL TABLE temp.fts_check " + def,
		strings.Replace(fill, "INSERT INTO participant_fts", "INSERT INTO temp.fts_check", 1),
		"CREATE VIRTUAL TABLE temp.fts_file USING fts5vocab('main', 'participant_fts', 'instance')",
		"CREATE VIRTUAL TABLE temp.fts_rows USING fts5vocab('temp', 'fts_check', 'instance')",
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			if isCorrupt(err) {
				return errNotWhole
			}
			return err
		}
	}
	err = conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT term, doc, col FROM temp.fts_file EXCEPT SELECT term, doc, col FROM temp.fts_rows)
		OR EXISTS (SELECT term, doc, col FROM temp.fts_rows EXCEPT SELECT term, doc, col FROM temp.fts_file)`).Scan(&differ)
	if isCorrupt(err) || err == nil && differ {
		return errNotWhole
	}
	if err != nil {
		return err
	}
	// The sizes of each row's columns, and where its entries are (origin,
	// which the index's deletes use): fts5vocab shows neither. A row's
	// origin is the number of a segment, 1 or more, and is not compared
	// with the new index's, whose segments are numbered anew.
	err = conn.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM main.participant_fts_docsize WHERE typeof(origin) <> 'integer' OR origin < 1)
		OR EXISTS (SELECT id, sz FROM main.participant_fts_docsize EXCEPT SELECT id, sz FROM temp.fts_check_docsize)
		OR EXISTS (SELECT id, sz FROM temp.fts_check_docsize EXCEPT SELECT id, sz FROM main.participant_fts_docsize)`).Scan(&differ)
	if isCorrupt(err) || err == nil && differ {
		return errNotWhole
	}
	if err != nil {
		return err
	}
	// The prefix indexes (the first one and two letters of each term),
	// which fts5vocab does not show: each prefix, in each column, finds
	// the same rows in both.
	rows, err := conn.QueryContext(ctx, `SELECT DISTINCT p, col FROM (
		SELECT substr(term, 1, 1) AS p, col FROM temp.fts_rows UNION SELECT substr(term, 1, 2), col FROM temp.fts_rows)`)
	if err != nil {
		return err
	}
	type prefix struct{ p, col string }
	var prefixes []prefix
	for rows.Next() {
		var x prefix
		if err := rows.Scan(&x.p, &x.col); err != nil {
			rows.Close()
			return err
		}
		prefixes = append(prefixes, x)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, x := range prefixes {
		q := fmt.Sprintf("{%s} : \"%s\" *", x.col, strings.ReplaceAll(x.p, `"`, `""`))
		var a, b string
		err := conn.QueryRowContext(ctx, `SELECT
			(SELECT count(*) || ' ' || total(rowid) FROM main.participant_fts WHERE participant_fts MATCH ?1),
			(SELECT count(*) || ' ' || total(rowid) FROM temp.fts_check WHERE fts_check MATCH ?1)`, q).Scan(&a, &b)
		if isCorrupt(err) || err == nil && a != b {
			return errNotWhole
		}
		if err != nil {
			return err
		}
	}
	return nil
}
