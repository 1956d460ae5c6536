package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// The backups of a congress kept on a server: the organiser's window makes
// them as it does a file's (when it opens the congress, then every 10
// minutes while anyone changes it), into a folder of this laptop's user
// (stores.ServerBackupFolder). A desk's window (congres desk URL) makes
// none: the organiser's laptop keeps them, and four desks copying the
// whole congress every 10 minutes would load the server at the desk's
// busiest hour and leave everyone's details on every desk laptop. A
// backup opens as a file, to be read; it is never restored onto the
// server.

// serverBackupRoot is the folder of the backups of the congresses kept on
// servers: Congrès/backups in the user's configuration folder, or else in
// the app's own storage.
func serverBackupRoot(a fyne.App) string {
	if root, err := stores.ServerBackupRoot(); err == nil {
		return root
	}
	return filepath.Join(a.Storage().RootURI().Path(), "backups")
}

// backupFolder is what a congress kept on a server needs to be backed up.
type backupFolder interface {
	SetBackupFolder(dir string)
	BackupFolder() string
}

// backsUp says whether the window backs st up, and gives a server's
// congress its backups' folder. UI thread.
func (u *ui) backsUp(st openStore) bool {
	if !onServer(st) {
		return true // a file, beside it, in every window
	}
	f, ok := st.(backupFolder)
	if !ok {
		return false
	}
	// Set in a desk's window too, so that its settings list the backups
	// this laptop has.
	f.SetBackupFolder(stores.ServerBackupFolder(u.backupRoot, st.Path()))
	return !u.deskWindow
}

// openBackupAsync opens a backup of a server's congress, as a file to be
// read, in place of the open congress.
func (u *ui) openBackupAsync(path string) {
	if s := u.session(); s != nil && sameTarget(s.store.Path(), path) {
		return
	}
	u.switchToAsync(lang.L("Opening {{.Name}}…", map[string]any{"Name": filepath.Base(path)}),
		func(ctx context.Context) (openStore, error) {
			st, err := data.OpenBackup(ctx, path)
			if err != nil {
				return nil, err
			}
			return st, nil
		}, nil)
}

// isServerBackup says path is a backup of a server's congress (a file
// named after its folder, in the servers' backups): it opens to be read,
// from Open Recent or File → Open too.
func (u *ui) isServerBackup(path string) bool {
	if u.backupRoot == "" {
		return false
	}
	dir := filepath.Dir(path)
	return samePath(filepath.Dir(dir), u.backupRoot) &&
		strings.HasPrefix(filepath.Base(path), filepath.Base(dir)+"-")
}

// serverBackups is a congress that may be kept on a server, with its
// backups' folder.
type serverBackups interface {
	OnServer() bool
	BackupFolder() string
}

// serverBackupsNote says, above a server's congress's backups, how they
// are made, where they are, and what can be done with one.
func serverBackupsNote(folder string) string {
	return lang.L("This congress is kept on a server. The organiser's window backs it up into a congress file when it opens it, then every 10 minutes while anyone changes it, in a folder of this laptop: {{.Folder}}. A backup is not restored onto the server: it opens as a file, to be read (to start a server again from one: congres copy BACKUP URL, into an empty database).",
		map[string]any{"Folder": folder})
}

// newServerBackupItem is a row of a server's congress's backups: its
// button opens the backup.
func newServerBackupItem() fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(lang.L("Open this backup"), theme.FolderOpenIcon(), nil)
	return container.NewBorder(nil, nil, nil, btn, newCellLabel())
}

// confirmOpenBackup asks before opening a backup of a server's congress in
// place of the congress.
func confirmOpenBackup(win fyne.Window, b data.BackupInfo, open func(backup string)) {
	askConfirm(win, lang.L("Open this backup?"),
		lang.L("The window will show the backup of {{.Time}}, to be read, in place of the congress on the server (File → Open Recent connects to it again).",
			map[string]any{"Time": dateTime(b.Time)}),
		func(ok bool) {
			if ok {
				open(b.Path)
			}
		})
}
