package data

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	backupStamp = "20060102-150405"
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
	base := filepath.Join(dir, backupPrefix(s.path)+t.Format(backupStamp)+fmt.Sprintf("-%06d", t.Nanosecond()/1000))
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
	removeStale(dir, "."+backupPrefix(s.path), ".part")
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

// removeStale removes the temporary files (name prefix…suffix) that a
// crash left in dir.
func removeStale(dir, prefix, suffix string) {
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
	if len(stamp) < len(backupStamp) {
		return time.Time{}, 0, false
	}
	t, err := time.ParseInLocation(backupStamp, stamp[:len(backupStamp)], time.Local)
	if err != nil {
		return time.Time{}, 0, false
	}
	rest := stamp[len(backupStamp):]
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
		if err == nil {
			return
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

// Restore replaces the congress file at path with a backup. The backup is
// checked in full first (ErrBackupDamaged). No window or process may have
// the file open (ErrOpenElsewhere): the file is locked against them while
// it is replaced. The current file is itself backed up first, so that a
// restore can be undone; a damaged current file is not backed up but kept
// aside, renamed (name-damaged-YYYYMMDD-HHMMSS.congres), never deleted.
func Restore(ctx context.Context, path, backup string) error {
	if err := files().CheckNetwork(path); err != nil {
		return err
	}
	if err := files().CheckBackup(ctx, backup); err != nil {
		return err
	}
	release, err := files().LockExclusive(path)
	if err != nil {
		if IsNotWritable(err) {
			return ErrFolderNotWritable.With(path).because(err)
		}
		return err
	}
	defer release()
	if fileExists(path) {
		if err := backupOrSetAside(ctx, path); err != nil {
			return err
		}
	}
	removeStale(filepath.Dir(path), "."+filepath.Base(path)+".", ".restore")
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.restore")
	if err != nil {
		return CreateCondition(path, err)
	}
	tmp.Close()
	if err := copyFile(backup, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return FileCondition(path, err)
	}
	// The WAL of the old file must not be replayed onto the new one: it was
	// checkpointed by the close above and is included in the backup just
	// made (or set aside with a damaged file).
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	// The desk's journal was folded into the backup just made, or went
	// aside with a damaged file. Its actions name people of the old file:
	// one still there is kept aside, never replayed onto the backup.
	RemoveHeldIfEmpty(path)
	if fileExists(path + heldSuffix) {
		os.Rename(path+heldSuffix, path+heldSuffix+"-"+time.Now().Format(backupStamp))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return CreateCondition(path, err)
	}
	return nil
}

// backupOrSetAside backs the current file up before a restore, or sets it
// aside when it is damaged. The caller holds the file's lock.
func backupOrSetAside(ctx context.Context, path string) error {
	cur, err := files().OpenLocked(ctx, path)
	if err == nil {
		if cur.ReadOnly() == nil {
			_, err = cur.Backup(ctx)
		} else if !errors.Is(cur.ReadOnly(), ErrDamaged) {
			err = cur.ReadOnly() // a read-only file cannot be replaced either
		}
		damaged := errors.Is(cur.ReadOnly(), ErrDamaged)
		cur.Close()
		if err == nil && !damaged {
			return nil
		}
		if err != nil && !errors.Is(err, ErrDamaged) {
			return err
		}
	} else if !errors.Is(err, ErrDamaged) {
		return err
	}
	return setAside(path, time.Now())
}

// setAside renames a damaged file (and its WAL and the desk's journal,
// which may hold work) to name-damaged-YYYYMMDD-HHMMSS.congres in its
// folder.
func setAside(path string, t time.Time) error {
	base := strings.TrimSuffix(path, filepath.Ext(path)) + "-damaged-" + t.Format(backupStamp)
	dest := base + Extension
	for i := 2; fileExists(dest); i++ {
		dest = fmt.Sprintf("%s-%d%s", base, i, Extension)
	}
	if err := os.Rename(path, dest); err != nil {
		return CreateCondition(path, err)
	}
	for _, suffix := range []string{"-wal", heldSuffix, heldSuffix + "-journal"} {
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
