package data

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepBackups is how many backups of a file are kept.
const KeepBackups = 20

// BackupEvery is how often a changed file is backed up while open.
const BackupEvery = 10 * time.Minute

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	Time time.Time
	Size int64
}

const backupStamp = "20060102-150405"

// BackupDir is the folder, beside the congress file, that holds its backups.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

func backupPrefix(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
}

// SaveCopy writes a consistent copy of the congress, WAL included, to dest.
// The copy appears whole or not at all.
func (s *Store) SaveCopy(ctx context.Context, dest string) error {
	if abs, _ := filepath.Abs(dest); abs == mustAbs(s.path) {
		return ErrFileExists.With(dest)
	}
	tmp := dest + ".part"
	os.Remove(tmp)
	// VACUUM INTO writes a fresh, compact file from a read transaction: the
	// writer is not held up.
	if _, err := s.c.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		if ctx.Err() != nil {
			return ctx.Err() // cancelled: nothing was written
		}
		return fmt.Errorf("copy to %s: %w", dest, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dest)
}

func mustAbs(p string) string {
	a, _ := filepath.Abs(p)
	return a
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Backup writes a backup into the backups folder beside the file and keeps
// the last KeepBackups. It returns the backup's path.
func (s *Store) Backup(ctx context.Context) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	s.dirty.Store(false)
	base := filepath.Join(dir, backupPrefix(s.path)+s.now().Format(backupStamp))
	dest := base + Extension
	for i := 2; fileExists(dest); i++ {
		dest = fmt.Sprintf("%s-%d%s", base, i, Extension)
	}
	if err := s.SaveCopy(ctx, dest); err != nil {
		s.dirty.Store(true)
		return "", err
	}
	list, err := Backups(s.path)
	if err != nil {
		return dest, err
	}
	for _, b := range list[min(len(list), KeepBackups):] {
		os.Remove(b.Path)
	}
	return dest, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Backups lists the backups of the congress file at path, newest first.
func Backups(path string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(BackupDir(path))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupPrefix(path)
	var list []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, Extension) {
			continue
		}
		// name-YYYYMMDD-HHMMSS.congres, or …-HHMMSS-2.congres for a second one
		// within the same second.
		stamp := strings.TrimPrefix(name, prefix)
		if len(stamp) < len(backupStamp) {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, stamp[:len(backupStamp)], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		list = append(list, BackupInfo{Path: filepath.Join(BackupDir(path), name), Time: t, Size: info.Size()})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Time.Equal(list[j].Time) {
			return list[i].Time.After(list[j].Time)
		}
		return list[i].Path > list[j].Path
	})
	return list, nil
}

// Backups lists this file's backups, newest first.
func (s *Store) Backups() ([]BackupInfo, error) { return Backups(s.path) }

// AutoBackup backs the file up now, then every interval if it changed,
// until ctx is done. Errors are reported to onErr (which may be nil).
func (s *Store) AutoBackup(ctx context.Context, every time.Duration, onErr func(error)) {
	report := func(err error) {
		if err == nil {
			return
		}
		log.Printf("backup of %s: %v", s.path, err)
		if onErr != nil {
			onErr(err)
		}
	}
	if s.changedSinceBackup(ctx) {
		_, err := s.Backup(ctx)
		report(err)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if s.dirty.Load() {
				_, err := s.Backup(ctx)
				report(err)
			}
		}
	}
}

// changedSinceBackup reports whether the file holds changes that its newest
// backup lacks (true when unsure).
func (s *Store) changedSinceBackup(ctx context.Context) bool {
	list, err := Backups(s.path)
	if err != nil || len(list) == 0 {
		return true
	}
	var now, then int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&now); err != nil {
		return true
	}
	uri, err := fileURI(list[0].Path)
	if err != nil {
		return true
	}
	// Read the backup without touching it: read only, no WAL.
	b, err := sql.Open("sqlite", uri+"?mode=ro")
	if err != nil {
		return true
	}
	defer b.Close()
	if err := b.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&then); err != nil {
		return true
	}
	return now != then
}

// Restore replaces the congress file at path with a backup. The file must
// not be open. The current file is itself backed up first, so a restore
// can be undone. The backup is checked before anything changes.
func Restore(ctx context.Context, path, backup string) error {
	if err := checkFile(backup); err != nil {
		return err
	}
	if st, err := os.Stat(backup); err != nil || st.Size() == 0 {
		return notCongress(backup, "empty", "vide")
	}
	if fileExists(path) {
		cur, err := Open(ctx, path)
		if err != nil {
			return err
		}
		_, err = cur.Backup(ctx)
		cur.Close()
		if err != nil {
			return err
		}
	}
	tmp := path + ".restore"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	// The WAL of the old file must not be replayed onto the new one: it was
	// checkpointed by the close above and is included in the backup just made.
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	return os.Rename(tmp, path)
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
