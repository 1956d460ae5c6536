package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
)

// maxParams is the most parameters SQLite takes in one statement.
const maxParams = 32766

// bulkMin is the fewest new participants for which an import rebuilds the
// indexes and the search index rather than updating them row by row.
const bulkMin = 1000

// insertFresh writes the new participants and their days, many rows per
// statement: each statement costs a round of the driver, and the search
// index writes out its pending terms whenever a statement begins.
//
// When the file brings at least as many people as the congress has, it is
// faster to drop the indexes of the participant and participant_day tables,
// their search trigger, their row-sum triggers and the trigger that keeps
// codes apart from merged records' (checkAliasCodes), insert, then build
// the indexes again and fill the search index in one statement (each index
// sorted once rather than updated 100,000 times). The rows are then
// written with their row sums, computed here (RowSum) rather than by a
// trigger calling back into Go and updating each row it was given:
// 100,000 people took 2 s of CPU less (BenchmarkImport100k).
// SQL schema changes are part of the transaction: if the import fails, is
// cancelled or the process is killed, the file keeps its indexes as before.
// (That is the file's: a server keeps its indexes, and its triggers fill
// its search table; the new participants' IDs, given by the import, then
// move the server's sequence past them.)
func (im *importer) insertFresh() error {
	if len(im.fresh) == 0 {
		return nil
	}
	file := !im.s.server
	var rebuild []string
	if file {
		restore, err := im.importPragmas()
		if err != nil {
			return err
		}
		defer restore()
		if len(im.fresh) >= bulkMin && len(im.fresh) >= im.existing {
			if rebuild, err = im.dropIndexes(); err != nil {
				return err
			}
		}
	}
	// With the row-sum triggers dropped, the rows are written with their
	// sums (RowSum), which the triggers would compute through the driver
	// and write by updating each row again.
	sums := rebuild != nil
	columns, width := "id, "+participantInsertColumns, participantInsertCount+1
	if sums {
		columns, width = columns+", row_sum", width+1
	}
	first := im.fresh[0].id
	err := im.insertRows("participant", columns, width, len(im.fresh),
		func(args []any, i int) ([]any, error) {
			t := im.fresh[i]
			args = participantValues(append(args, t.id), t.p, nullID(t.org), t.sortKey, t.nameKey, im.now)
			return withRowSum(args, participantInsertCount+1, sums)
		})
	if err != nil {
		return err
	}
	if q := im.tx.d.AfterCopy("participant"); q != "" {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return err
		}
	}
	type dayRow struct {
		id  int64
		day Day
	}
	var days []dayRow
	for _, t := range im.fresh {
		for _, d := range t.p.Days {
			days = append(days, dayRow{t.id, d})
		}
	}
	columns, width = "participant_id, day", 2
	if sums {
		columns, width = columns+", row_sum", width+1
	}
	err = im.insertRows("participant_day", columns, width, len(days), func(args []any, i int) ([]any, error) {
		return withRowSum(append(args, days[i].id, days[i].day), 2, sums)
	})
	if err != nil || rebuild == nil {
		return err
	}
	// The sorter that builds each index holds as much as the cache
	// (importPragmas sets it back afterwards).
	if _, err := im.tx.ExecContext(im.ctx, "PRAGMA cache_size = "+strconv.Itoa(-rebuildCacheKB)); err != nil {
		return err
	}
	for _, q := range rebuild {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return err
		}
	}
	if err := im.checkAliasCodes(first); err != nil {
		return err
	}
	return im.fillSearch(first)
}

// importCacheKB is the page cache of the write connection while an import
// inserts its new participants (the store's is 32 MB). The inserts append
// pages, which the cache gains nothing from keeping, and SQLite sizes the
// sorter that rebuilds each index on the cache: 32 MB took some 116 MB of
// SQLite's memory at the peak of a 200,000-row import, 4 MB some 40 MB
// (the whole import, TestImportPeakRSS: CSV 379 → 301 MB, workbook 382 →
// 298 MB), and BenchmarkImport100k is no slower
// (CPU s: 5.6, 6.4, 6.7 → 5.2, 5.6, 5.7).
const importCacheKB = 4000

// rebuildCacheKB is the write connection's page cache while an import
// builds the indexes again. SQLite's sorter keeps in memory as much of an
// index's rows as the cache holds and writes the rest to temporary files
// that it merges after: with importCacheKB, each index of 100,000 people
// was sorted in two or three pieces, written out, read back and merged.
// With 8 MB each index of 100,000 people is sorted in memory (as fast as
// with 32 MB): the eight were rebuilt in 1.26 s of CPU rather than
// 1.60 s (medians of three, load 14), 1.57 s rather than 2.00 s (load 21),
// and the peak of a 200,000-row import (TestImportPeakRSS) rose from 249
// to 254–264 MB (csv; the workbook 248 → 257 MB). 16 MB, which would
// hold 200,000 people, made the csv peak 292 MB; 32 MB, 336 MB.
const rebuildCacheKB = 8000

// importThreads is how many threads SQLite's sorter may use besides the
// connection's own while an import rebuilds the indexes (PRAGMA threads;
// the store's is 0): each index's rows are sorted in pieces by a second
// core while the first reads the table.
const importThreads = 1

// importPragmas sets the write connection's cache to importCacheKB and its
// sorter's threads to importThreads, and returns what sets them back.
func (im *importer) importPragmas() (restore func(), err error) {
	var cache, threads int
	if err := im.tx.QueryRowContext(im.ctx, "SELECT cache_size, threads FROM pragma_cache_size, pragma_threads").Scan(&cache, &threads); err != nil {
		return nil, err
	}
	if _, err := im.tx.ExecContext(im.ctx, "PRAGMA cache_size = "+strconv.Itoa(-importCacheKB)); err != nil {
		return nil, err
	}
	if _, err := im.tx.ExecContext(im.ctx, "PRAGMA threads = "+strconv.Itoa(importThreads)); err != nil {
		return nil, err
	}
	if err := im.putOffCheckpoint(); err != nil {
		return nil, err
	}
	return func() {
		// Even when the import is cancelled: the connection stays in the pool.
		ctx := context.WithoutCancel(im.ctx)
		im.tx.ExecContext(ctx, "PRAGMA cache_size = "+strconv.Itoa(cache))
		im.tx.ExecContext(ctx, "PRAGMA threads = "+strconv.Itoa(threads))
	}, nil
}

// checkAliasCodes does for the participants from ID first on what the
// trigger participant_code_not_alias does row by row, which a bulk import
// drops with the others: no participant has the code of a merged record.
// The row by row trigger took a third of the time of writing 100,000
// participants (BenchmarkImport100k: 2.0 → 1.4 s of CPU); this is one
// statement, over the aliases, on the rebuilt index of codes. The rows
// were decided against the aliases (indexAliases): it finds only an alias
// made since (TestImportInBulkKeepsAliasCodes), and fails the import as
// the trigger would.
func (im *importer) checkAliasCodes(first int64) error {
	var code string
	err := im.tx.QueryRowContext(im.ctx, `SELECT p.code FROM code_alias a JOIN participant p ON p.code = a.code
		WHERE p.id >= ? LIMIT 1`, first).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return ErrCodeTaken.With(code)
}

// putOffCheckpoint leaves the copy of the write-ahead log into the file
// to the store's checkpoints (store_checkpoint.go: a PASSIVE one on the
// copy connection, two seconds after the last write, which neither
// writers nor readers wait for) rather than to the commit. By default
// SQLite's commit copies the log into the file itself once the log holds
// 1,000 pages: for 100,000 people, some 60 MB copied and the file synced
// before Import returns (0.3 to 0.6 s of BenchmarkImport100k). The
// connection's setting is given back once the transaction has ended,
// committed or not (afterWrite): the commit needs it off.
func (im *importer) putOffCheckpoint() error {
	var pages int
	if err := im.tx.QueryRowContext(im.ctx, "PRAGMA wal_autocheckpoint").Scan(&pages); err != nil {
		return err
	}
	if pages <= 0 {
		return nil
	}
	if _, err := im.tx.ExecContext(im.ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		return err
	}
	w := im.s.w
	im.afterWrite = append(im.afterWrite, func() {
		// The one writing connection, back in its pool (see Store.w).
		w.ExecContext(context.WithoutCancel(im.ctx), "PRAGMA wal_autocheckpoint = "+strconv.Itoa(pages))
	})
	return nil
}

// ftsHashSize is the memory the search index may hold its new terms in
// while it is filled in bulk; ftsDefaultHashSize is FTS5's own setting.
// With FTS5's 1 MB, 100,000 people are written out in hundreds of small
// pieces that it then merges as it goes: 64 MB writes them in a few
// pieces (measured: 1.6 s → 1.0 s for 100,000 people), but took some
// 180 MB more at its peak for 200,000 people (793 → 607 MB with 8 MB);
// 8 MB keeps the import as fast (BenchmarkImport100k 5.5–6.4 CPU s
// against 6.7–7.4 with 64 MB, three runs each).
const (
	ftsHashSize        = 8 << 20
	ftsDefaultHashSize = 1 << 20
)

// fillSearch writes into the search index what the trigger
// participant_fts_insert would have written for participants from ID
// first on.
func (im *importer) fillSearch(first int64) error {
	const setHash = "INSERT INTO participant_fts (participant_fts, rank) VALUES ('hashsize', ?)"
	if _, err := im.tx.ExecContext(im.ctx, setHash, ftsHashSize); err != nil {
		return err
	}
	if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
		SELECT p.id, p.first_name, p.last_name, coalesce(o.name, ''), p.email, p.code, p.name_key
		FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id >= ?`, first); err != nil {
		return err
	}
	_, err := im.tx.ExecContext(im.ctx, setHash, ftsDefaultHashSize)
	return err
}

// dropIndexes drops the indexes of the participant and participant_day
// tables, the trigger that fills the search index, those that write their
// row sums and the one that refuses an alias's code to a new participant,
// and returns the statements that make them again.
func (im *importer) dropIndexes() ([]string, error) {
	rows, err := im.tx.QueryContext(im.ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE tbl_name IN ('participant', 'participant_day') AND sql IS NOT NULL
		AND (type = 'index' OR (type = 'trigger'
			AND name IN ('participant_fts_insert', 'participant_sum_insert', 'participant_day_sum_insert',
			'participant_code_not_alias')))`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var drop, rebuild []string
	for rows.Next() {
		var kind, name, text string
		if err := rows.Scan(&kind, &name, &text); err != nil {
			return nil, err
		}
		drop = append(drop, "DROP "+strings.ToUpper(kind)+` "`+name+`"`)
		rebuild = append(rebuild, text)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, q := range drop {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return nil, err
		}
	}
	return rebuild, nil
}

// withRowSum appends to args, when sums, the row sum of its last n values.
func withRowSum(args []any, n int, sums bool) ([]any, error) {
	if !sums {
		return args, nil
	}
	sum, err := RowSum(args[len(args)-n:])
	return append(args, sum), err
}

// insertRows inserts n rows into table, as many per statement as SQLite
// takes parameters; values appends the width values of row i to args. The
// values of each statement are gathered in a goroutine of their own while
// the statement before runs; values must only read what it reads.
func (im *importer) insertRows(table, columns string, width, n int, values func(args []any, i int) ([]any, error)) error {
	per := maxParams / width
	type batch struct {
		args  []any
		count int
		err   error
	}
	batches, free, stop := make(chan batch, 1), make(chan []any, 2), make(chan struct{})
	var gathering sync.WaitGroup
	gathering.Add(1)
	go func() {
		defer gathering.Done()
		defer close(batches)
		for start := 0; start < n; start += per {
			b := batch{count: min(per, n-start)}
			select {
			case b.args = <-free:
			default:
				b.args = make([]any, 0, b.count*width)
			}
			for i := start; i < start+b.count && b.err == nil; i++ {
				b.args, b.err = values(b.args, i)
			}
			select {
			case batches <- b:
			case <-stop:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	defer func() {
		close(stop)
		gathering.Wait()
	}()
	var full *sql.Stmt // the statement of a whole batch, prepared once
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for b := range batches {
		if b.err != nil {
			return b.err
		}
		if err := im.ctx.Err(); err != nil {
			return err
		}
		text := func() string {
			return "INSERT INTO " + table + " (" + columns + ") VALUES " +
				strings.TrimSuffix(strings.Repeat(placeholders(width)+", ", b.count), ", ")
		}
		var err error
		if b.count == per {
			if full == nil {
				if full, err = im.tx.PrepareContext(im.ctx, text()); err != nil {
					return err
				}
			}
			_, err = full.ExecContext(im.ctx, b.args...)
		} else {
			_, err = im.tx.ExecContext(im.ctx, text(), b.args...)
		}
		if err != nil {
			return err
		}
		select {
		case free <- b.args[:0]:
		default:
		}
	}
	return nil
}
