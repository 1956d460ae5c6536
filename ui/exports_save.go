package ui

import (
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// prefExportFolder is the folder a file was last saved in, whatever the
// congress: where a first save for a congress goes (and the desk's
// waiting check-ins).
const prefExportFolder = "exportFolder"

// exportWrite writes one export to w, off the UI thread, telling progress
// how far it is. ctx is cancelled by the progress dialog's Cancel (or when
// the congress file is closed): the writer then stops with ctx's error.
type exportWrite func(ctx context.Context, w io.Writer, progress func(done, total int)) error

// exportSaver is the save flow every export shares: it asks where (a
// folder and a file name, as Save a Copy does: fyne's save dialog would
// create the file, or truncate the one it replaces, before anything is
// written), proposing the folder and name this kind of file was last saved
// with in this congress (saveMemory), asks before replacing a file, then
// writes behind a progress bar whose Cancel leaves no file
// (export.WriteFile writes a temporary file and renames it only once
// complete).
type exportSaver struct {
	env      *env
	prefs    fyne.Preferences
	congress string // the congress file: a first export goes beside it
	memory   saveMemory
	// at, when set, is the folder proposed when this kind of file has not
	// been saved before in this congress (the rejected rows of an import go
	// beside the imported file).
	at string
}

func newExportSaver(e *env, prefs fyne.Preferences, congress string) *exportSaver {
	return &exportSaver{env: e, prefs: prefs, congress: congress, memory: newSaveMemory(prefs, congress)}
}

// folder is where a file goes when nothing is remembered for this
// congress: the folder of the last file saved, or else the congress
// file's, or else the home folder.
func (s *exportSaver) folder() string {
	folder := s.prefs.String(prefExportFolder)
	if !isFolder(folder) {
		folder = filepath.Dir(s.congress)
		if !isFolder(folder) { // a server's congress has no folder
			folder, _ = os.UserHomeDir()
		}
	}
	return folder
}

// save asks where to save a file of kind ("attendance"), proposing name
// (its extension is ext, ".pdf"), then writes it with write behind a
// progress dialog saying message, then calls done with the file's path on
// the UI thread.
func (s *exportSaver) save(kind, title, message, name, ext string, write exportWrite, done func(path string)) {
	s.askWhere(kind, title, name, ext, func(path string) { s.writeAsync(message, path, write, done) })
}

// askWhere asks where to save a file of kind ("attendance", "list
// Hotel"), proposing the folder and name it was saved with last in this
// congress, else name in the folder of the last export (saveMemory.propose);
// once a path is chosen, and replacing a file that exists is agreed, it
// remembers it and calls chosen with it.
func (s *exportSaver) askWhere(kind, title, name, ext string, chosen func(path string)) {
	kind += ext // a list as XLSX and as CSV are two kinds
	folder, file := s.memory.propose(kind, exportFileName(name, ext), s.at, s.folder)
	where := newFileChooser(s.env.win, folder, file)
	where.ext = ext
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), where.folderRow),
		widget.NewFormItem(lang.L("File name"), where.name),
	}
	agreed := func(path string) {
		s.memory.remember(kind, path, personalKinds[kind])
		chosen(path)
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			// No to "Replace the file?" comes back here, with what was typed.
			s.confirmReplace(where.path(), agreed, func() { showAgain(s.env.win, d, where.name) })
		}
	}, s.env.win)
	// The file name has the keyboard and Enter saves, as in a desktop save
	// dialog (nothing had the keyboard: Enter did nothing).
	where.name.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	s.env.win.Canvas().Focus(where.name)
}

// confirmReplace calls chosen with path, asking first when a file is there
// (No calls back, if not nil). A congress file or any other database is
// never written over: that is said, and nothing happens.
func (s *exportSaver) confirmReplace(path string, chosen func(path string), back func()) {
	if err := data.CheckOutput(path, s.congress); err != nil {
		showError(s.env.win, err)
		return
	}
	agreed := func() {
		// Not the rejected rows of an import, beside the imported file.
		if abs, err := filepath.Abs(path); err == nil && s.at == "" {
			s.prefs.SetString(prefExportFolder, filepath.Dir(abs))
		}
		chosen(path)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		agreed()
		return
	}
	askReplace(s.env.win, path, agreed, back)
}

// writeAsync writes path with write behind a progress bar with Cancel, then
// calls done with path on the UI thread. An error is shown; a cancelled
// export left no file and says nothing. Closing the congress file cancels
// the export too; the progress dialog closes all the same.
func (s *exportSaver) writeAsync(message, path string, write exportWrite, done func(path string)) {
	work, cancel := context.WithCancel(s.env.ctx)
	progress, report := showProgressBar(s.env.win, s.env.tasks, message, cancel)
	s.env.tasks.runAsync(context.Background(), func(context.Context) func() {
		defer cancel()
		err := export.WriteFile(path, func(w io.Writer) error { return write(work, w, report) }, s.congress)
		return func() {
			progress.Hide()
			if err != nil {
				showError(s.env.win, err)
				return
			}
			if done != nil {
				done(path)
			}
		}
	})
}

// exportFileName is a file name made from name (a list's name, say): the
// characters no system takes in a file name become dashes.
func exportFileName(name, ext string) string {
	name = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.Trim(name, ". ")
	if name == "" {
		name = "export"
	}
	return name + ext
}

// fileURL is the URL that opens a file in the system's program for it.
func fileURL(path string) *url.URL {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") { // C:/… on Windows
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// exportStatus is the line under an export that says what was done, with
// "Open the file" once a file is saved. UI thread only.
type exportStatus struct {
	label *widget.Label
	open  *widget.Button
	box   *fyne.Container
	path  string // the file saved last, "" for none
	tasks *tasks // opens the file off the UI thread
	// changed lays the screen out again when the line shows or grows.
	changed func()
}

func newExportStatus(tk *tasks) *exportStatus {
	s := &exportStatus{label: widget.NewLabel(""), tasks: tk}
	s.label.Importance = widget.SuccessImportance
	s.label.Wrapping = fyne.TextWrapWord
	s.open = widget.NewButtonWithIcon(lang.L("Open the file"), theme.FileIcon(), s.onOpenTapped)
	s.open.Hide()
	s.box = container.NewVBox(s.label, container.NewHBox(s.open))
	s.box.Hide()
	return s
}

// saved says that path was saved.
func (s *exportStatus) saved(path string) {
	s.show(lang.L("Saved in {{.Path}}.", map[string]any{"Path": path}), path)
}

// show says message; with a path, it offers to open that file.
func (s *exportStatus) show(message, path string) {
	s.path = path
	s.label.Importance = widget.SuccessImportance
	s.label.SetText(message)
	showIf(s.open, path != "")
	s.box.Show()
	s.relayout()
}

// clear hides the line, as a new export starts.
func (s *exportStatus) clear() {
	s.path = ""
	s.box.Hide()
	s.relayout()
}

func (s *exportStatus) relayout() {
	if s.changed != nil {
		s.changed()
	}
}

// onOpenTapped opens the file saved in its program, off the UI thread;
// when none answers, it says where the file is.
func (s *exportStatus) onOpenTapped() {
	path := s.path
	if path == "" {
		return
	}
	openAsync(context.Background(), s.tasks, fileURL(path), func(err error) {
		if err == nil || s.path != path {
			return
		}
		s.label.Importance = widget.WarningImportance
		s.label.SetText(lang.L("No program was found to open it: the file is {{.Path}}.", map[string]any{"Path": path}))
		s.relayout()
	})
}

// exportPage is the frame the attendance, sign-in and certificate tabs
// share: their controls in a scrolling column, then the Save button and the
// line that says what was saved.
type exportPage struct {
	save   *widget.Button
	status *exportStatus
	box    *fyne.Container
	scroll *container.Scroll
}

// newExportPage lays out objs, then a Save button labelled saveLabel.
func newExportPage(tk *tasks, saveLabel string, onSave func(), objs ...fyne.CanvasObject) *exportPage {
	p := &exportPage{status: newExportStatus(tk)}
	p.save = widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), onSave)
	p.save.Importance = widget.HighImportance
	p.box = container.NewVBox(append(objs, container.NewHBox(p.save), p.status.box)...)
	p.scroll = container.NewVScroll(p.box)
	p.status.changed = p.relayout
	return p
}

// relayout fits the page to what it now shows.
func (p *exportPage) relayout() {
	p.box.Refresh()
	p.scroll.Refresh()
}
