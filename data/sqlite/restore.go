package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"congres/data"
)

// Restore replaces the congress file at path with a backup. The backup is
// checked in full first (data.ErrBackupDamaged). No window or process may have
// the file open (data.ErrOpenElsewhere): the file is locked against them while
// it is replaced. The current file is itself backed up first, so that a
// restore can be undone; a damaged current file is not backed up but kept
// aside, renamed (name-damaged-YYYYMMDD-HHMMSS.congres), never deleted.
func Restore(ctx context.Context, path, backup string) error {
	if err := checkNetwork(path); err != nil {
		return err
	}
	if err := checkBackup(ctx, backup); err != nil {
		return err
	}
	lock, err := lockExclusive(path)
	if err != nil {
		if data.IsNotWritable(err) {
			return data.ErrFolderNotWritable.With(path).Because(err)
		}
		return err
	}
	defer lock.release()
	if fileExists(path) {
		if err := backupOrSetAside(ctx, path); err != nil {
			return err
		}
	}
	data.RemoveStale(filepath.Dir(path), "."+filepath.Base(path)+".", ".restore")
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.restore")
	if err != nil {
		return data.CreateCondition(path, err)
	}
	tmp.Close()
	if err := copyFile(backup, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return data.FileCondition(path, err)
	}
	// The WAL of the old file must not be replayed onto the new one: it was
	// checkpointed by the close above and is included in the backup just
	// made (or set aside with a damaged file).
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	// The desk's journal was folded into the backup just made, or went
	// aside with a damaged file. Its actions name people of the old file:
	// one still there is kept aside, never replayed onto the backup.
	data.RemoveHeldIfEmpty(path)
	if fileExists(path + data.HeldSuffix) {
		os.Rename(path+data.HeldSuffix, path+data.HeldSuffix+"-"+time.Now().Format(data.BackupStamp))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return data.CreateCondition(path, err)
	}
	return nil
}

// backupOrSetAside backs the current file up before a restore, or sets it
// aside when it is damaged. The caller holds the file's lock.
func backupOrSetAside(ctx context.Context, path string) error {
	cur, err := openChecked(ctx, path, true, true)
	if err == nil {
		if cur.ReadOnly() == nil {
			_, err = cur.Backup(ctx)
		} else if !errors.Is(cur.ReadOnly(), data.ErrDamaged) {
			err = cur.ReadOnly() // a read-only file cannot be replaced either
		}
		damaged := errors.Is(cur.ReadOnly(), data.ErrDamaged)
		cur.Close()
		if err == nil && !damaged {
			return nil
		}
		if err != nil && !errors.Is(err, data.ErrDamaged) {
			return err
		}
	} else if !errors.Is(err, data.ErrDamaged) {
		return err
	}
	return setAside(path, time.Now())
}

// setAside renames a damaged file (and its WAL and the desk's journal,
// which may hold work) to name-damaged-YYYYMMDD-HHMMSS.congres in its
// folder.
func setAside(path string, t time.Time) error {
	base := strings.TrimSuffix(path, filepath.Ext(path)) + "-damaged-" + t.Format(data.BackupStamp)
	dest := base + data.Extension
	for i := 2; fileExists(dest); i++ {
		dest = fmt.Sprintf("%s-%d%s", base, i, data.Extension)
	}
	if err := os.Rename(path, dest); err != nil {
		return data.CreateCondition(path, err)
	}
	for _, suffix := range []string{"-wal", data.HeldSuffix, data.HeldSuffix + "-journal"} {
		if fileExists(path + suffix) {
			os.Rename(path+suffix, dest+suffix)
		}
	}
	os.Remove(path + "-shm")
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// fileExists reports whether p exists.
func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
