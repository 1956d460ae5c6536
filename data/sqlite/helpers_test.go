package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/sqlite/sqlitetest"
)

var ctx = context.Background()

// mustOpen creates a new congress file in a temporary folder.
func mustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := Create(ctx, filepath.Join(tb.TempDir(), "test"+data.Extension), sqlitetest.Congress)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// mustOpenFile is mustOpen, with the file's side of the store: its pools.
func mustOpenFile(tb testing.TB) (*data.Store, *file) {
	tb.Helper()
	s, err := Create(ctx, filepath.Join(tb.TempDir(), "test"+data.Extension), sqlitetest.Congress)
	if err != nil {
		tb.Fatal(err)
	}
	path := s.Path()
	s.Close()
	lock, err := lockShared(path)
	if err != nil {
		tb.Fatal(err)
	}
	s, f, err := openFile(ctx, path, nil, lock)
	if err != nil {
		lock.release()
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, f
}

// benchFile writes the 50,000-person demo for a benchmark.
func benchFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "demo50k"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 50000}); err != nil {
		b.Fatal(err)
	}
	return path
}
