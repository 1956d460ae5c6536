package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/ui/widgets"
)

const (
	prefRecent = "recentFiles" // the files opened last, most recent first
	prefFolder = "lastFolder"  // the folder a file was last chosen in
	maxRecent  = 8
	maxDays    = 31 // days a new congress may have
)

// recentFiles are the files opened last, most recent first.
func (u *ui) recentFiles() []string { return u.prefs.StringList(prefRecent) }

// addRecent puts path first in the recent files. UI thread.
func (u *ui) addRecent(path string) {
	if stores.IsServer(path) {
		u.addRecentServer(stores.Redact(path))
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range u.recentFiles() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.setRecent(list)
	if !u.isServerBackup(path) { // files are chosen elsewhere than among the backups
		u.prefs.SetString(prefFolder, filepath.Dir(path))
	}
}

// addRecentServer puts a server's congress first in the recent files:
// its URL without the password, which the keyring keeps or is asked again.
func (u *ui) addRecentServer(target string) {
	list := []string{target}
	for _, p := range u.recentFiles() {
		if p != target && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.setRecent(list)
}

// forgetRecent takes a file that no longer exists out of the recent files
// (and a server connection, with its password in the keyring).
func (u *ui) forgetRecent(path string) {
	var list []string
	for _, p := range u.recentFiles() {
		if !sameTarget(p, path) {
			list = append(list, p)
		}
	}
	u.setRecent(list)
	u.refreshMenu()
}

// defaultDemoPath is where the demo congress goes: a Congres folder in the
// home folder, or else the app's own storage.
func defaultDemoPath(a fyne.App) string {
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, "Congres", "demo"+data.Extension)
	}
	return filepath.Join(a.Storage().RootURI().Path(), "demo"+data.Extension)
}

// startFolder is where choosing a file starts: the open file's folder, the
// last folder used, or the home folder.
func (u *ui) startFolder() string {
	if s := u.session(); s != nil && !u.isServerBackup(s.store.Path()) { // not the servers' backups: a copy saved there would open as one
		if dir := congressFolder(s.store); dir != "" {
			return dir
		}
	}
	if d := u.prefs.String(prefFolder); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// onOpenDemo opens the demo congress, writing it first if needed.
func (u *ui) onOpenDemo() {
	path := u.demoPath
	u.switchToAsync(lang.L("Opening the demo…"), func(ctx context.Context) (openStore, error) {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, err
			}
			if err := stores.WriteDemo(ctx, path, data.DemoOptions{}); err != nil {
				return nil, err
			}
		}
		return stores.Open(ctx, path)
	}, nil)
}

// onOpen asks for a congress file and opens it.
func (u *ui) onOpen() { u.chooseFile(data.Extension, u.openAsync) }

// chooseFile asks for a file whose name ends with ext, starting in the
// folder of the last one opened, and gives its path to then (not when the
// dialog is cancelled).
func (u *ui) chooseFile(ext string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(u.win, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if l, err := storage.ListerForURI(storage.NewFileURI(u.startFolder())); err == nil {
		d.SetLocation(l)
	}
	showFileDialog(d, u.win, lang.L("Open a file"))
}

// onNew asks for the new congress's name, days and file, and creates it.
func (u *ui) onNew() {
	name := widgets.NewEntry()
	name.Validator = required
	first := newDateInput(false) // a date that does not read is refused, never today's
	today := time.Now()
	first.setDate(&today)
	days := widgets.NewEntry()
	days.SetText("2")
	days.Validator = dayCount
	where := newFileChooser(u.win, u.startFolder(), "")
	auto := "" // the file name made from the congress name, until edited
	name.OnChanged = func(s string) {
		if where.name.Text == auto {
			auto = fileName(s)
			where.name.SetText(auto)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("First day"), first),
		widget.NewFormItem(lang.L("Number of days"), days),
		widget.NewFormItem(lang.L("Folder"), where.folderRow),
		widget.NewFormItem(lang.L("File name"), where.name),
	}
	d := dialog.NewForm(lang.L("New congress"), lang.L("Create"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		start, err := first.date() // Create is disabled while it does not read; checked again all the same
		if err != nil {
			showError(u.win, err)
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(days.Text))
		c := data.Congress{Name: name.Text}
		for i := range n {
			c.Days = append(c.Days, data.Day(start.AddDate(0, 0, i).Format(time.DateOnly)))
		}
		path := where.path()
		u.switchToAsync(lang.L("Creating {{.Name}}…", map[string]any{"Name": filepath.Base(path)}),
			func(ctx context.Context) (openStore, error) { return stores.Create(ctx, path, c) }, nil)
	}, u.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	u.win.Canvas().Focus(name)
}

// onSaveCopy asks where to copy the open file, and copies it there.
func (u *ui) onSaveCopy() {
	s := u.session()
	if s == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(s.store.Path()), data.Extension)
	if onServer(s.store) {
		// host-port-database, as its backups are named: never the password.
		base = filepath.Base(stores.ServerBackupFolder("", s.store.Path()))
	}
	// The folder of the last copy of this congress (a USB key), else the
	// file's; the name is today's, as a copy is never saved over another.
	memory := newSaveMemory(u.prefs, s.store.Path())
	folder, _ := memory.propose(copyKind, "", u.startFolder(), u.startFolder)
	where := newFileChooser(u.win, folder, base+"-"+time.Now().Format("20060102")+data.Extension)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), where.folderRow),
		widget.NewFormItem(lang.L("File name"), where.name),
	}
	d := dialog.NewForm(lang.L("Save a Copy"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			memory.remember(copyKind, where.path(), true)
			u.saveCopyAsync(s, where.path())
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// progressCopier is a congress whose copy tells how far it has gone: a
// server's, copied row by row into a new congress file.
type progressCopier interface {
	SaveCopyProgress(ctx context.Context, dest string, progress func(done, total int)) error
}

// saveCopyAsync copies the open congress to dest, a new congress file which
// must not exist yet: a file's in one step, a server's with a progress bar.
func (u *ui) saveCopyAsync(s *session, dest string) {
	work, cancel := context.WithCancel(s.ctx)
	var progress dialog.Dialog
	save := func() error { return s.store.SaveCopy(work, dest) }
	if c, ok := s.store.(progressCopier); ok && onServer(s.store) {
		// The bar is updated through the tasks' queue, as the import's.
		bar := widget.NewProgressBar()
		progress = progressDialog(u.win, lang.L("Saving a copy…"), cancel, bar)
		report := func(done, total int) {
			if total > 0 {
				u.tasks.onUI(func() { bar.SetValue(float64(done) / float64(total)) })
			}
		}
		save = func() error { return c.SaveCopyProgress(work, dest, report) }
	} else {
		progress = showProgress(u.win, lang.L("Saving a copy…"), cancel)
	}
	u.tasks.runAsync(s.ctx, func(context.Context) func() {
		// Never over a congress, a database or any existing file.
		err := save()
		return func() {
			progress.Hide()
			if err != nil { // a cancelled copy left nothing behind, and says nothing
				showError(u.win, err)
				return
			}
			showNotice(u.win, lang.L("Copy saved"),
				lang.L("A copy of the congress was saved as {{.Path}}.", map[string]any{"Path": dest}))
		}
	})
}

// fileChooser picks where a new file goes: a folder and a file name. (The
// file save dialog creates the file it returns, truncating one that exists,
// which could be the open congress file; this asks for the folder only.)
type fileChooser struct {
	win       fyne.Window
	folder    *widgets.Entry
	name      *widgets.Entry
	folderRow fyne.CanvasObject
	ext       string // the extension the file name gets
}

// newFileChooser picks a congress file; set ext for another kind.
func newFileChooser(win fyne.Window, folder, name string) *fileChooser {
	c := &fileChooser{win: win, folder: widgets.NewEntry(), name: widgets.NewEntry(), ext: data.Extension}
	c.folder.SetText(folder)
	c.folder.Validator = required
	c.name.SetText(name)
	c.name.Validator = required
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FolderOpenIcon(), c.onChooseFolder)
	c.folderRow = container.NewBorder(nil, nil, nil, choose, c.folder)
	return c
}

// onChooseFolder browses for the folder.
func (c *fileChooser) onChooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(c.win, err)
			return
		}
		if l != nil {
			c.folder.SetText(l.Path())
		}
	}, c.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(c.folder.Text)); err == nil {
		d.SetLocation(l)
	}
	showFileDialog(d, c.win, lang.L("Choose a folder"))
}

// path is the chosen file, with its extension.
func (c *fileChooser) path() string {
	name := strings.TrimSpace(c.name.Text)
	if !strings.EqualFold(filepath.Ext(name), c.ext) {
		name += c.ext
	}
	return filepath.Join(strings.TrimSpace(c.folder.Text), name)
}

// fileName makes a file name from a congress's name.
func fileName(congress string) string {
	s := strings.ReplaceAll(data.Fold(congress), " ", "-")
	if s == "" {
		return ""
	}
	return s + data.Extension
}

func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(lang.L("Required"))
	}
	return nil
}

func dayCount(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > maxDays {
		return errors.New(lang.L("From 1 to {{.Max}} days", map[string]any{"Max": maxDays}))
	}
	return nil
}

// congressFolder is the folder of the congress file st, as an absolute
// path (a file given as a relative path, congres desk x.congres, shows its
// folder, not "."); "" for a congress on a server.
func congressFolder(st interface{ Path() string }) string {
	if srv, ok := st.(interface{ OnServer() bool }); ok && srv.OnServer() {
		return ""
	}
	dir := filepath.Dir(st.Path())
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir
}
