package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"congres/data"
)

// file is the file's side of an open store (data.FileSide): its pools, its
// lock and its checkpoints.
type file struct {
	path    string
	w, r, c *sql.DB
	ro      *data.Error // why the file was opened only to be read; nil when written
	lock    *fileLock
	ckpt    checkpointer
}

// Wrote schedules a checkpoint after a write.
func (f *file) Wrote() { f.ckpt.soon() }

// Stop cancels the pending checkpoint and waits for one under way.
func (f *file) Stop() { f.ckpt.stop() }

// Close closes the copier's pool and lets go of the file's lock.
func (f *file) Close() error {
	err := f.c.Close()
	f.lock.release()
	return err
}

// CopyTo writes a copy of the file into tmp with VACUUM INTO, on the
// copier's connection (VACUUM INTO is not allowed on readers).
func (f *file) CopyTo(ctx context.Context, tmp string) error {
	_, err := f.c.ExecContext(ctx, "VACUUM INTO ?", tmp)
	return err
}

// Checkpoint copies the whole WAL into the file and empties it.
func (f *file) Checkpoint(ctx context.Context) error {
	_, err := f.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// CheckIntegrity runs SQLite's full integrity check on the file and
// recomputes every row's sum (seconds on a large one): data.ErrDamaged
// when it is not whole.
func (f *file) CheckIntegrity(ctx context.Context) error {
	err := runCheck(ctx, f.r, "PRAGMA integrity_check")
	if err == nil {
		err = checkRowSums(ctx, f.r)
	}
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return checkResult(f.path, err)
}

// SearchIndexDiffers compares the search index with what fill makes of
// the rows (checkSearchIndex).
func (f *file) SearchIndexDiffers(ctx context.Context, fill string) (bool, error) {
	err := f.checkSearchIndex(ctx, fill)
	if errors.Is(err, errNotWhole) {
		return true, nil
	}
	return false, err
}
