package data

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
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
	// Damaged is set on a backup whose header shows it is not whole: it is
	// not offered (Restore checks every backup in full anyway).
	Damaged bool
	n       int // the counter of backups made at the same instant
}

// Backup names: name-YYYYMMDD-HHMMSS-UUUUUU.congres, to the microsecond,
// with -2, -3… when several are made at the same instant. Older names, to
// the second (name-YYYYMMDD-HHMMSS.congres, …-HHMMSS-2.congres), are read
// too.
const (
	// BackupStamp is how a backup's name (and a damaged file set aside)
	// tells its time.
	BackupStamp = "20060102-150405"
	backupMicro = 6
)

// BackupDir is the folder, beside the congress file, that holds its backups.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

func backupPrefix(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
}

// SaveCopy writes a consistent copy of the congress, WAL included, to dest.
// The copy appears whole or not at all, readable by its owner only.
func (s *Store) SaveCopy(ctx context.Context, dest string) error {
	if s.server {
		return s.SaveCopyProgress(ctx, dest, nil)
	}
	if err := CheckOutput(dest, s.path); err != nil {
		return err
	}
	if fileExists(dest) {
		return ErrFileExists.With(dest)
	}
	// Desk actions held while an import wrote go into the copy, when the
	// file is free.
	if err := s.foldHeldWithin(ctx, heldAfter); err != nil && err != errFileHeld && s.ReadOnly() == nil {
		return err
	}
	tmp, err := s.copyBeside(ctx, dest)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return PlaceNew(tmp, dest)
}

// copyBeside writes a consistent copy of the congress into a new file of a
// name of its own in dest's folder (0600), and returns that file's path.
func (s *Store) copyBeside(ctx context.Context, dest string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.part")
	if err != nil {
		return "", CreateCondition(dest, err)
	}
	tmp := f.Name()
	f.Close()
	// The engine writes a fresh, compact file from a read transaction into
	// the empty one: the writer is not held up.
	if err := s.file.CopyTo(ctx, tmp); err != nil {
		RemoveFile(tmp)
		if ctx.Err() != nil {
			return "", ctx.Err() // cancelled: nothing was written
		}
		return "", fromFileCondition(dest, err)
	}
	if err := SyncFile(tmp); err != nil {
		RemoveFile(tmp)
		return "", FileCondition(dest, err)
	}
	return tmp, nil
}

// SyncFile writes the file at path through to the disk.
func SyncFile(path string) error {
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

// Backup checks the whole file, then writes a backup into the backups folder
// beside it (0700, each backup 0600) and keeps the last KeepBackups. It
// returns the backup's path. A damaged file is not backed up (ErrDamaged):
// its backups stay as they were. Backups made at the same time by two
// processes or goroutines each get a name of their own.
//
// On a server, it writes a complete congress file into the backup folder
// set by SetBackupFolder (backup_server.go).
func (s *Store) Backup(ctx context.Context) (string, error) {
	if s.server {
		return s.backupServer(ctx)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		return "", err
	}
	// Desk actions held while an import wrote go into the copy, when the
	// file is free; else they stay held, and in the next backup.
	if err := s.foldHeldWithin(ctx, heldAfter); err != nil && err != errFileHeld && s.ReadOnly() == nil {
		return "", err
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", CreateCondition(dir, err)
	}
	s.dirty.Store(false)
	t := s.now()
	base := filepath.Join(dir, backupPrefix(s.path)+t.Format(BackupStamp)+fmt.Sprintf("-%06d", t.Nanosecond()/1000))
	tmp, err := s.copyBeside(ctx, base+Extension)
	if err != nil {
		s.dirty.Store(true)
		return "", err
	}
	defer os.Remove(tmp)
	dest, err := linkUnique(tmp, base)
	if err != nil {
		s.dirty.Store(true)
		return "", CreateCondition(base+Extension, err)
	}
	RemoveStale(dir, "."+backupPrefix(s.path), ".part")
	list, err := Backups(s.path)
	if err != nil {
		return dest, err
	}
	for _, b := range list[min(len(list), KeepBackups):] {
		os.Remove(b.Path)
	}
	return dest, nil
}

// linkUnique gives the file tmp the name base.congres, or base-2.congres…
// when taken, without ever replacing a file; it returns the name.
func linkUnique(tmp, base string) (string, error) {
	for i := 1; ; i++ {
		dest := base + Extension
		if i > 1 {
			dest = fmt.Sprintf("%s-%d%s", base, i, Extension)
		}
		err := os.Link(tmp, dest)
		if err == nil {
			return dest, nil
		}
		if os.IsExist(err) || fileExists(dest) {
			continue
		}
		// No hard links here (FAT): claim the name, then rename over it.
		f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		f.Close()
		if err := os.Rename(tmp, dest); err != nil {
			os.Remove(dest)
			return "", err
		}
		return dest, nil
	}
}

// staleAfter is how old a temporary file left by a crash must be to be
// removed: one younger may belong to work under way in another process.
const staleAfter = time.Hour

// RemoveStale removes the temporary files (name prefix…suffix) that a
// crash left in dir.
func RemoveStale(dir, prefix, suffix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Backups lists the backups of the congress file at path, newest first.
// A backup whose header shows damage is marked Damaged.
func Backups(path string) ([]BackupInfo, error) {
	return backupsIn(BackupDir(path), backupPrefix(path))
}

// backupsIn lists the backups in dir whose names start with prefix,
// newest first.
func backupsIn(dir, prefix string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, Extension) {
			continue
		}
		t, n, ok := parseBackupName(strings.TrimSuffix(strings.TrimPrefix(name, prefix), Extension))
		if !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(dir, name)
		list = append(list, BackupInfo{Path: p, Time: t, Size: info.Size(), n: n, Damaged: files().CheckHeader(p) != nil})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Time.Equal(list[j].Time) {
			return list[i].Time.After(list[j].Time)
		}
		return list[i].n > list[j].n
	})
	return list, nil
}

// parseBackupName reads YYYYMMDD-HHMMSS, then -UUUUUU (microseconds), then
// -N (the counter); the older names have no microseconds.
func parseBackupName(stamp string) (time.Time, int, bool) {
	if len(stamp) < len(BackupStamp) {
		return time.Time{}, 0, false
	}
	t, err := time.ParseInLocation(BackupStamp, stamp[:len(BackupStamp)], time.Local)
	if err != nil {
		return time.Time{}, 0, false
	}
	rest := stamp[len(BackupStamp):]
	if len(rest) > backupMicro && rest[0] == '-' && (len(rest) == backupMicro+1 || rest[backupMicro+1] == '-') {
		us, err := strconv.Atoi(rest[1 : backupMicro+1])
		if err != nil {
			return time.Time{}, 0, false
		}
		t = t.Add(time.Duration(us) * time.Microsecond)
		rest = rest[backupMicro+1:]
	}
	n := 1
	if rest != "" {
		if rest[0] != '-' {
			return time.Time{}, 0, false
		}
		if n, err = strconv.Atoi(rest[1:]); err != nil || n < 2 {
			return time.Time{}, 0, false
		}
	}
	return t, n, true
}

// Backups lists this congress's backups, newest first: those beside a
// file, or those in a server's backup folder (SetBackupFolder).
func (s *Store) Backups() ([]BackupInfo, error) { return s.backupsHere() }

// AutoBackup backs the file up now (or checks it in full, when its last
// backup has every change), then every interval if it changed, until ctx
// is done; at the first interval, it also checks the search index
// (CheckSearchIndex). Errors are reported to
// onErr (which may be nil). On a server, it backs up into the folder set by
// SetBackupFolder, if any (see autoBackupServer).
func (s *Store) AutoBackup(ctx context.Context, every time.Duration, onErr func(error)) {
	report := func(err error) {
		if err == nil || ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return // none, or the file closed while a backup or a check ran
		}
		log.Printf("backup of %s: %v", s.path, err)
		if onErr != nil {
			onErr(err)
		}
	}
	if s.server {
		s.autoBackupServer(ctx, every, report)
		return
	}
	if ro := s.ReadOnly(); ro != nil {
		// Nothing changes in a file that is only read: check it once.
		if !errors.Is(ro, ErrDamaged) {
			report(s.CheckIntegrity(ctx))
		}
		return
	}
	if s.changedSinceBackup(ctx) {
		_, err := s.Backup(ctx)
		report(err)
	} else {
		report(s.CheckIntegrity(ctx))
	}
	t := time.NewTicker(every)
	defer t.Stop()
	searchChecked := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if s.dirty.Load() && s.ReadOnly() == nil {
				_, err := s.Backup(ctx)
				report(err)
			}
			if !searchChecked && s.ReadOnly() == nil {
				// Once a session, not at the opening's busiest moment.
				searchChecked = true
				rebuilt, err := s.CheckSearchIndex(ctx)
				if rebuilt {
					log.Printf("%s: the search index differed from the registrations: rebuilt", s.path)
				}
				report(err)
			}
		}
	}
}

// changedSinceBackup reports whether the file holds changes that its newest
// backup lacks (true when unsure).
// On a server, the revision counts the writes of every laptop.
func (s *Store) changedSinceBackup(ctx context.Context) bool {
	list, err := s.backupsHere()
	if err != nil || len(list) == 0 {
		return true
	}
	var now int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&now); err != nil {
		return true
	}
	then, err := files().Revision(ctx, list[0].Path)
	return err != nil || now != then
}
