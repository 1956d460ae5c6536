package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// A desk's outbox saved to a file (issue 17, data/outbox.go): a desk whose
// laptop never gets its connection back saves the check-ins waiting on it
// to a file (the button beside the offline line), and an organiser
// connected to the server loads that file into it (File › Load a Desk's
// Check-ins…): each action is recorded once, however often it is loaded.

// newOfflineLine makes the desk's offline line (showOffline) with its
// button to save the waiting check-ins; both hidden until the server is
// lost or check-ins wait.
func (s *deskScreen) newOfflineLine() fyne.CanvasObject {
	s.offline = newDeskBanner("")
	s.saveHeld = widget.NewButtonWithIcon(lang.L("Save the waiting check-ins to a file…"), theme.DocumentSaveIcon(), s.onSaveHeldTapped)
	s.offlineBox = container.NewBorder(nil, nil, nil, s.saveHeld, s.offline)
	s.offline.Hide()
	s.saveHeld.Hide()
	s.offlineBox.Hide()
	return s.offlineBox
}

// onSaveHeldTapped asks where to save the check-ins waiting on the desk,
// then saves them there.
func (s *deskScreen) onSaveHeldTapped() {
	o, ok := s.store.(*offlineDesk)
	if !ok || o.rep.Load() == nil {
		return
	}
	name := strings.TrimSpace(deskName(s.prefs))
	if name == "" {
		name = "desk"
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name) + "-" + time.Now().Format("20060102-1504") + data.OutboxExtension
	where := newFileChooser(s.env.win, outboxFolder(s.prefs), name)
	where.ext = data.OutboxExtension
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), where.folderRow),
		widget.NewFormItem(lang.L("File name"), where.name),
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(lang.L("Save the Waiting Check-ins"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		path := where.path()
		if abs, err := filepath.Abs(path); err == nil {
			path = abs // the notice says where the file is, in full
		}
		s.prefs.SetString(prefExportFolder, filepath.Dir(path))
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			s.saveHeldAsync(o, path)
			return
		}
		askReplace(s.env.win, path, func() { s.saveHeldAsync(o, path) },
			func() { showAgain(s.env.win, d, where.name) }) // No: back to the name, as typed
	}, s.env.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// outboxFolder is where a desk's waiting check-ins are first proposed to go:
// the folder of the last save or export, or else the user's Documents
// folder (or home). Never the program's working folder, which a volunteer
// cannot find again: a desk on a server has no congress file beside which
// to save.
func outboxFolder(prefs fyne.Preferences) string {
	if folder := prefs.String(prefExportFolder); isFolder(folder) {
		return folder
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if docs := os.Getenv("XDG_DOCUMENTS_DIR"); filepath.IsAbs(docs) && isFolder(docs) {
		return docs
	}
	if docs := filepath.Join(home, "Documents"); isFolder(docs) {
		return docs
	}
	return home
}

// isFolder says whether path names an existing folder.
func isFolder(path string) bool {
	if path == "" {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// saveHeldAsync saves the check-ins waiting in o's replica to path, off
// the UI thread, and says how many were saved, and what to do with the
// file. A congress or another database at path is never written over.
func (s *deskScreen) saveHeldAsync(o *offlineDesk, path string) {
	r := o.rep.Load()
	if r == nil {
		return
	}
	progress := showProgress(s.env.win, lang.L("Saving the waiting check-ins…"), nil)
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		ob, err := stores.SaveOutbox(ctx, r.Store(), o.target, path)
		return func() {
			progress.Hide()
			if err != nil {
				showError(s.env.win, err)
				return
			}
			showNotice(s.env.win, lang.L("Check-ins saved"),
				lang.N("{{.Count}} check-ins were saved to {{.Path}}. They also stay on this laptop. An organiser connected to the server loads this file with File › Load a Desk's Check-ins…",
					ob.Actions, map[string]any{"Count": formatCount(ob.Actions), "Path": path}))
		}
	})
}

// onLoadOutbox asks for a desk's outbox file, then loads it into the open
// congress's server.
func (u *ui) onLoadOutbox() {
	cur := u.session()
	if cur == nil {
		return
	}
	u.chooseFile(data.OutboxExtension, u.loadOutboxAsync)
}

// loadOutboxAsync loads the desk's outbox at path into the open congress's
// server, behind a progress bar, and says what it recorded: "Desk 7: 37
// actions recorded, 3 already there." A file refused (not an outbox,
// damaged, of another congress) or a server that does not answer is said,
// and nothing is recorded.
func (u *ui) loadOutboxAsync(path string) {
	cur := u.session()
	if cur == nil {
		return
	}
	srv, ok := cur.store.(*data.Store)
	if !ok || !srv.OnServer() {
		if onServer(cur.store) { // opened from the desk's replica: the server does not answer
			showError(u.win, data.ErrServerUnreachable.With(cur.store.Path()))
		} else {
			showError(u.win, data.ErrOutboxNotServer.With(cur.store.Path()))
		}
		return
	}
	work, cancel := context.WithCancel(cur.ctx)
	progress, report := showProgressBar(u.win, &u.tasks, lang.L("Loading the desk's check-ins…"), cancel)
	u.tasks.runAsync(cur.ctx, func(context.Context) func() {
		defer cancel()
		ob, res, err := stores.ImportOutbox(work, srv, srv.Location(), path, report)
		return func() {
			progress.Hide()
			if err != nil {
				showError(u.win, err)
				return
			}
			u.reloadShownPage()
			showNotice(u.win, lang.L("Check-ins loaded"), outboxResultText(ob, res))
		}
	})
}

// reloadShownPage reads the page shown again, after a load that wrote to the
// congress: the dashboard and the lists read when they are shown, and do
// not follow the server's notifications (only the desk's counters do), so
// the organiser would see the old arrivals until the page was left and
// shown again. UI thread.
func (u *ui) reloadShownPage() {
	m := u.view
	if m == nil || m.current < 0 || m.current >= len(m.pages) {
		return
	}
	if p := m.pages[m.current]; p.view != nil {
		p.screen.loadAsync()
	}
}

// outboxResultText says what loading an outbox did: "Desk 7: 37 actions
// recorded, 3 already there."
func outboxResultText(ob data.Outbox, res data.OutboxResult) string {
	parts := []string{
		lang.N("{{.Count}} actions recorded", res.Recorded, map[string]any{"Count": formatCount(res.Recorded)}),
		lang.N("{{.Count}} already there", res.Already, map[string]any{"Count": formatCount(res.Already)}),
	}
	if res.Failed > 0 {
		parts = append(parts, lang.N("{{.Count}} could not be recorded (see the log)", res.Failed, map[string]any{"Count": formatCount(res.Failed)}))
	}
	text := strings.Join(parts, ", ")
	if len(ob.Desks) == 0 {
		return text + "."
	}
	return lang.L("{{.Desks}}: {{.Result}}.", map[string]any{"Desks": strings.Join(ob.Desks, ", "), "Result": text})
}
