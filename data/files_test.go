package data

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
)

// FileOpeners are data/sqlite's Open, OpenOrView, Create and Restore, for package
// data's own tests, which cannot import it: the behaviour suite's package
// sets them (files_external_test.go).
var FileOpeners struct {
	Open, OpenOrView func(context.Context, string) (*Store, error)
	Create           func(context.Context, string, Congress) (*Store, error)
	Restore          func(ctx context.Context, path, backup string) error
}

func Open(ctx context.Context, path string) (*Store, error) { return FileOpeners.Open(ctx, path) }

func OpenOrView(ctx context.Context, path string) (*Store, error) {
	return FileOpeners.OpenOrView(ctx, path)
}

func Create(ctx context.Context, path string, c Congress) (*Store, error) {
	return FileOpeners.Create(ctx, path, c)
}

func Restore(ctx context.Context, path, backup string) error {
	return FileOpeners.Restore(ctx, path, backup)
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
