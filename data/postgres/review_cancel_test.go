package postgres

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// TestReviewCopyToFileCancelled: a copy from a server into a file, stopped
// half way, leaves nothing in the folder.
func TestReviewCopyToFileCancelled(t *testing.T) {
	ctx := context.Background()
	f, err := sqlite.Open(ctx, demoFile(t, 3000))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	server, err := OpenStore(ctx, newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := f.CopyInto(ctx, server, nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cctx, cancel := context.WithCancel(ctx)
	err = server.CopyToFile(cctx, filepath.Join(dir, "copy"+data.Extension), func(done, total int) {
		if done > total/3 {
			cancel()
		}
	})
	t.Logf("cancelled copy: %v", err)
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		t.Errorf("left behind: %s", e.Name())
	}
}
