package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"database/sql"
	"errors"
	"strings"
	"testing"
)

// rowSumLeftOut are the tables without row sums: the search index (FTS5's
// own tables, rebuilt from the rows) and revision, a counter written by
// every transaction.
var rowSumLeftOut = map[string]bool{"revision": true, "participant_fts": true, "participant_fts_config": true,
	"participant_fts_data": true, "participant_fts_docsize": true, "participant_fts_idx": true}

// Every table but those left out has row_sum, and its two triggers sum
// every one of its columns, in order: a migration that adds a column
// without its triggers fails here.
func TestRowSumTriggers(t *testing.T) {
	_, f := mustOpenFile(t)
	tx, err := f.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = func() error {
		tables, err := queryStrings(ctx, tx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
		if err != nil {
			return err
		}
		for _, name := range tables {
			cols, err := queryStrings(ctx, tx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", name)
			if err != nil {
				return err
			}
			if rowSumLeftOut[name] {
				continue
			}
			if cols[len(cols)-1] != "row_sum" {
				t.Errorf("%s: no row_sum column (or not the last): %v", name, cols)
				continue
			}
			cols = cols[:len(cols)-1]
			var news []string
			for _, c := range cols {
				news = append(news, "NEW."+c)
			}
			sum := "congres_sum(" + strings.Join(news, ", ") + ")"
			for _, tr := range []struct{ name, on string }{
				{name + "_sum_insert", "AFTER INSERT ON " + name},
				{name + "_sum_update", "AFTER UPDATE OF " + strings.Join(cols, ", ") + " ON " + name},
			} {
				var sqlText string
				if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", tr.name).Scan(&sqlText); err != nil {
					t.Errorf("%s: trigger %s: %v", name, tr.name, err)
					continue
				}
				if !strings.Contains(sqlText, tr.on) || !strings.Contains(sqlText, "SET row_sum = "+sum+" WHERE") {
					t.Errorf("%s: trigger %s does not sum every column in order:\n%s\nwant %s … %s", name, tr.name, sqlText, tr.on, sum)
				}
			}
		}
		return nil
	}()
	if err != nil {
		t.Fatal(err)
	}
}

// A value changed behind the app's back (a byte flipped on the disk, an
// edit with another tool) is found by the full check, in the file and in
// a backup; the app's own writes, of every kind, keep the sums right.
func TestRowSumsFindChangedValues(t *testing.T) {
	s := mustOpen(t)
	p := sqlitetest.AddPerson(t, s, "Awa", "Diallo")
	admit(t, s, data.AdmitRequest{ParticipantID: p.ID, Day: sqlitetest.Day2})
	p.Notes = "Végétarienne"
	if err := s.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("after the app's own writes: %v", err)
	}
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, change := range []string{
		"UPDATE participant SET last_name = 'Dialla'",
		"UPDATE category SET colour = '#000000' WHERE id = 1",
		"UPDATE checkin SET desk = 'X'",
		"UPDATE participant SET fee_cents = 4000",
		"UPDATE participant SET notes = 'Vegan'",
		"UPDATE participant SET row_sum = row_sum + 1",
	} {
		t.Run(change, func(t *testing.T) {
			s, f := mustOpenFile(t)
			p := sqlitetest.AddPerson(t, s, "Awa", "Diallo")
			admit(t, s, data.AdmitRequest{ParticipantID: p.ID, Day: sqlitetest.Day2})
			behindTheBack(t, f.w, change)
			if err := s.CheckIntegrity(ctx); !errors.Is(err, data.ErrDamaged) {
				t.Fatalf("full check: %v", err)
			}
			if err := s.ReadOnly(); !errors.Is(err, data.ErrDamaged) {
				t.Fatalf("the damaged file is still written: %v", err)
			}
		})
	}
	// A backup changed behind the app's back is refused when restored.
	b, err := sql.Open("sqlite", "file:"+backup)
	if err != nil {
		t.Fatal(err)
	}
	behindTheBack(t, b, "UPDATE participant SET first_name = 'Ava'")
	b.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	b.Close()
	s.Close()
	sqlitetest.WantErr(t, Restore(ctx, s.Path(), backup), data.ErrBackupDamaged)
}

// behindTheBack changes the file as another tool would: the triggers do
// not run (they are dropped for the change, and so is the log's guard
// against changes), as when bytes change on disk.
func behindTheBack(t *testing.T, db *sql.DB, change string) {
	t.Helper()
	table := strings.Fields(change)[1]
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	triggers, err := queryStrings(ctx, tx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", table)
	if err != nil {
		t.Fatal(err)
	}
	names, err := queryStrings(ctx, tx, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", table)
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, n := range names {
		qs = append(qs, "DROP TRIGGER "+n)
	}
	qs = append(qs, change)
	qs = append(qs, triggers...)
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// admit records an arrival at the desk.
func admit(tb testing.TB, s *data.Store, req data.AdmitRequest) {
	tb.Helper()
	if _, err := s.Admit(ctx, req); err != nil {
		tb.Fatal(err)
	}
}
