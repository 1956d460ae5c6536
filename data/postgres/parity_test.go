package postgres

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// The tables each store keeps for itself, and nothing else: the file's
// search index is SQLite's FTS5 table with its shadow tables; the server's
// is participant_search (0005_search.sql). Each must exist where it is
// listed, so that this list never outlives its reason.
var (
	fileOnlyTables = []string{
		"participant_fts", "participant_fts_config", "participant_fts_data",
		"participant_fts_docsize", "participant_fts_idx",
		"replica_of", // where a desk's copy of a server's congress stands (0012)
	}
	serverOnlyTables = []string{"participant_search", "change_log", "change_log_pruned"}
)

// The indexes each store keeps for itself: the server's trigram index of
// its search table, and the time index of its change feed (0013_review.sql).
var serverOnlyIndexes = []string{"participant_search_doc", "change_log_at"}

// The columns each store keeps for itself: the file's row sums, in every
// table (data/sqlite/migrations/0011_row_sums.sql), which check values that
// SQLite does not; a server keeps none (migrations/0011_row_sums.sql).
var fileOnlyColumns = []string{"row_sum"}

// TestSchemaParity: after migrating, a server holds the tables of a new
// congress file, each with the same columns in the same order, and the
// same named indexes.
func TestSchemaParity(t *testing.T) {
	s := mustOpen(t, newDatabase(t))
	file := fileSchema(t)

	serverTables := map[string][]string{}
	for _, r := range query(t, s, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`) {
		serverTables[r[0]] = append(serverTables[r[0]], r[1])
	}
	var serverIndexes []string
	// Named indexes only: not those PostgreSQL makes for a primary key or
	// a UNIQUE constraint (SQLite's sqlite_autoindex_…).
	for _, r := range query(t, s, `SELECT i.relname FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
		WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
		ORDER BY 1`) {
		serverIndexes = append(serverIndexes, r[0])
	}

	t.Run("Exceptions", func(t *testing.T) {
		for _, name := range fileOnlyTables {
			if _, ok := file.tables[name]; !ok {
				t.Errorf("%s is listed as the file's own table, and a new file has none", name)
			}
		}
		for _, name := range serverOnlyTables {
			if _, ok := serverTables[name]; !ok {
				t.Errorf("%s is listed as the server's own table, and the server has none", name)
			}
		}
		for _, name := range serverOnlyIndexes {
			if !slices.Contains(serverIndexes, name) {
				t.Errorf("%s is listed as the server's own index, and the server has none", name)
			}
		}
		for _, name := range fileOnlyColumns {
			found := false
			for _, columns := range file.tables {
				found = found || slices.Contains(columns, name)
			}
			if !found {
				t.Errorf("%s is listed as the file's own column, and no table of a new file has it", name)
			}
		}
	})
	for table, columns := range file.tables {
		file.tables[table] = slices.DeleteFunc(columns, func(c string) bool { return slices.Contains(fileOnlyColumns, c) })
	}
	for _, name := range fileOnlyTables {
		delete(file.tables, name)
	}
	for _, name := range serverOnlyTables {
		delete(serverTables, name)
	}
	serverIndexes = slices.DeleteFunc(serverIndexes, func(n string) bool { return slices.Contains(serverOnlyIndexes, n) })

	t.Run("Tables", func(t *testing.T) {
		f, sv := keys(file.tables), keys(serverTables)
		if !reflect.DeepEqual(f, sv) {
			t.Errorf("tables differ:\nfile only:   %v\nserver only: %v", minus(f, sv), minus(sv, f))
		}
	})
	for _, name := range keys(file.tables) {
		t.Run("Columns/"+name, func(t *testing.T) {
			if got, want := serverTables[name], file.tables[name]; !reflect.DeepEqual(got, want) {
				t.Errorf("columns of %s:\nserver %v\nfile   %v", name, got, want)
			}
		})
	}
	t.Run("Indexes", func(t *testing.T) {
		if !reflect.DeepEqual(serverIndexes, file.indexes) {
			t.Errorf("named indexes differ:\nfile only:   %v\nserver only: %v",
				minus(file.indexes, serverIndexes), minus(serverIndexes, file.indexes))
		}
	})
}

type schema struct {
	tables  map[string][]string // table → columns, in order
	indexes []string            // named indexes, sorted
}

// fileSchema reads the schema of a new congress file, made by data.Create.
func fileSchema(t *testing.T) schema {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parity"+data.Extension)
	st, err := sqlite.Create(ctx, path, data.Congress{Name: "Parité", Days: []data.Day{"2026-10-15"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := schema{tables: map[string][]string{}}
	rows, err := db.QueryContext(ctx, `SELECT m.type, m.name, coalesce(c.name, '') FROM sqlite_schema m
		LEFT JOIN pragma_table_info(m.name) c ON m.type = 'table'
		WHERE m.type IN ('table', 'index') AND m.name NOT LIKE 'sqlite_%'
		ORDER BY m.name, c.cid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, name, column string
		if err := rows.Scan(&kind, &name, &column); err != nil {
			t.Fatal(err)
		}
		if kind == "index" {
			out.indexes = append(out.indexes, name)
			continue
		}
		out.tables[name] = append(out.tables[name], column)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out.indexes)
	return out
}

func keys(m map[string][]string) []string {
	var k []string
	for name := range m {
		k = append(k, name)
	}
	slices.Sort(k)
	return k
}

// minus returns the names of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, n := range a {
		if !slices.Contains(b, n) {
			out = append(out, n)
		}
	}
	return out
}
