package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"sync"
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

// The benchmarks' 50,000-person demo, made once.
var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func benchFile(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "congres-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "demo50k"+data.Extension)
		benchErr = data.WriteDemo(context.Background(), benchPath, data.DemoOptions{Participants: 50000})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
