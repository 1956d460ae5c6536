package data

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

// The backups of a congress kept on a server. A server keeps its own data,
// but the organiser's laptop keeps copies of it, as it does of a file: a
// complete congress file (CopyToFile) every BackupEvery while the congress
// changes, in a folder of the user's own that the window chooses
// (SetBackupFolder), the KeepBackups newest kept. Such a backup opens as a
// congress file, to be read (OpenBackup); it is never restored onto the
// server.

// ErrBackupOnlyRead: a backup of a server's congress, opened to be read.
var ErrBackupOnlyRead = newErr(KindReadOnly, "backup_only_read", "",
	"%q is a backup of a congress kept on a server, opened to be read (view, search, export). To work on it: File → Save a Copy, then open the copy.",
	"«%s» est une sauvegarde d'un congrès gardé sur un serveur, ouverte en lecture (consulter, chercher, exporter). Pour la modifier : Fichier → Enregistrer une copie, puis ouvrez la copie.")

// errNoBackupFolder: Backup asked of a server's congress whose backups
// have no folder (SetBackupFolder was not called).
var errNoBackupFolder = errors.New("no folder for the backups of this server's congress")

// SetBackupFolder sets the folder of the user's own where the congress
// kept on a server is backed up (Backup, AutoBackup, Backups); the
// backups are named after the folder. It does nothing on a file, whose
// backups are beside it (BackupDir). Call it before those.
func (s *Store) SetBackupFolder(dir string) {
	if s.server {
		s.backupDir = dir
	}
}

// BackupFolder is where the congress's backups are: beside a file, or the
// folder set for a server's ("" when none is set).
func (s *Store) BackupFolder() string {
	if s.server {
		return s.backupDir
	}
	return BackupDir(s.path)
}

// backupsHere lists the congress's own backups, newest first.
func (s *Store) backupsHere() ([]BackupInfo, error) {
	if !s.server {
		return Backups(s.path)
	}
	if s.backupDir == "" {
		return nil, nil
	}
	return backupsIn(s.backupDir, filepath.Base(s.backupDir)+"-")
}

// SaveCopyProgress is SaveCopy, telling progress (when not nil) how many
// rows of how many a server's copy has written; a file's copy is one
// step, and tells nothing.
func (s *Store) SaveCopyProgress(ctx context.Context, dest string, progress func(done, total int)) error {
	if !s.server {
		return s.SaveCopy(ctx, dest)
	}
	if err := CheckOutput(dest); err != nil {
		return err
	}
	return s.copyCondition(dest, s.CopyToFile(ctx, dest, progress))
}

// copyCondition turns what stopped a copy of a server's congress into a
// file into a sentence: the server's conditions (away, not permitted)
// name the server, the new file's (a full disk…) name the file.
func (s *Store) copyCondition(dest string, err error) error {
	var ours *Error
	if err == nil || errors.As(err, &ours) || errors.Is(err, context.Canceled) {
		return err
	}
	if s.d.Lost(err) || s.d.Violation(err) == PermissionViolation {
		return s.condition(err)
	}
	return fromFileCondition(dest, err)
}

// backupServer writes a backup of the congress kept on the server into its
// backup folder (0700, each backup 0600), and keeps the KeepBackups
// newest. The backup holds the server's revision as it was before the
// copy's snapshot, so that changedSinceBackup sees any write made since by
// any laptop (once more at worst).
func (s *Store) backupServer(ctx context.Context) (string, error) {
	dir := s.backupDir
	if dir == "" {
		return "", errNoBackupFolder
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", CreateCondition(dir, err)
	}
	os.Chmod(dir, 0o700) // the user's alone, even if it was made wider
	var rev int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM revision").Scan(&rev); err != nil {
		return "", s.condition(err)
	}
	prefix := filepath.Base(dir) + "-"
	RemoveStale(dir, "."+prefix, ".part")
	RemoveStale(dir, ".."+prefix, ".new")
	f, err := os.CreateTemp(dir, "."+prefix+"*.part")
	if err != nil {
		return "", CreateCondition(dir, err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // a name of our own, which CopyToFile fills
	defer RemoveFile(tmp)
	if err := s.CopyToFile(ctx, tmp, nil); err != nil {
		return "", s.copyCondition(dir, err)
	}
	if err := files().SetRevision(ctx, tmp, rev); err != nil {
		return "", CreateCondition(tmp, err)
	}
	t := s.now()
	base := filepath.Join(dir, prefix+t.Format(BackupStamp)+fmt.Sprintf("-%06d", t.Nanosecond()/1000))
	dest, err := linkUnique(tmp, base)
	if err != nil {
		return "", CreateCondition(base+Extension, err)
	}
	list, err := s.backupsHere()
	if err != nil {
		return dest, err
	}
	for _, b := range list[min(len(list), KeepBackups):] {
		os.Remove(b.Path)
	}
	return dest, nil
}

// autoBackupServer is AutoBackup on a server: a backup now if the server
// changed since the newest one, then every interval if it changed,
// whoever changed it (the server's revision counts every write of every
// laptop). A server checks its own data: there is no file to check.
func (s *Store) autoBackupServer(ctx context.Context, every time.Duration, report func(error)) {
	if s.backupDir == "" {
		return
	}
	backUp := func() {
		_, err := s.BackupIfChanged(ctx)
		switch {
		case ctx.Err() != nil: // interrupted by closing: no error
		case errors.Is(err, ErrServerUnreachable):
			// The window says the server is away; the next backup
			// comes when it is back.
			log.Printf("backup of %s: %v", s.path, err)
		default:
			report(err)
		}
	}
	backUp()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			backUp()
		}
	}
}

// BackupIfChanged backs the congress up (Backup) when it holds changes
// that its newest backup lacks, and returns the backup's path; "" when
// there was nothing new to back up. On a server, the changes of every
// laptop count.
func (s *Store) BackupIfChanged(ctx context.Context) (string, error) {
	if !s.changedSinceBackup(ctx) || ctx.Err() != nil {
		return "", nil
	}
	return s.Backup(ctx)
}

// OpenBackup opens the backup of a server's congress at path to be read
// (see ErrBackupOnlyRead): as it is, nothing written beside it.
func OpenBackup(ctx context.Context, path string) (*Store, error) {
	ro := ErrBackupOnlyRead.With(filepath.Base(path)) // its folder is in Settings → Backups
	return files().OpenAs(ctx, path, ro)
}
