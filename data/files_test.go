package data

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
)

// The internal tests open files through the engine that the behaviour
// suite links in (data/sqlite, imported by package data_test).

func Open(ctx context.Context, path string) (*Store, error) { return files().Open(ctx, path) }

func OpenOrView(ctx context.Context, path string) (*Store, error) {
	return files().OpenOrView(ctx, path)
}

func Create(ctx context.Context, path string, c Congress) (*Store, error) {
	return files().Create(ctx, path, c)
}

// migrations are the file's migrations, read from data/sqlite's folder.
func migrations() ([]Migration, error) { return ReadMigrations(os.DirFS("sqlite")) }

// SchemaVersion is the newest file format (sqlite.SchemaVersion).
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

// fileURI is the file's URI for a connection of a test's own.
func fileURI(path string) (string, error) { return "file:" + filepath.ToSlash(path), nil }

// lockSuffix names the file's lock companion (data/sqlite's filelock.go).
const lockSuffix = "-lock"

func init() {
	// Migration 11 added row_sum and its two triggers to each table.
	b, err := os.ReadFile("sqlite/migrations/0011_row_sums.sql")
	if err != nil {
		panic(err)
	}
	for _, m := range regexp.MustCompile(`ALTER TABLE (\w+) ADD COLUMN row_sum`).FindAllStringSubmatch(string(b), -1) {
		undoMigration[11] = append(undoMigration[11], "DROP TRIGGER "+m[1]+"_sum_insert", "DROP TRIGGER "+m[1]+"_sum_update",
			"ALTER TABLE "+m[1]+" DROP COLUMN row_sum")
	}
}
